import { fsErrorText } from '../memoryFS.ts';
import type { CommandIO } from '../types.ts';

/**
 * readInputs returns the contents of the named files, or stdin when there are
 * none or a file is `-`. Missing files are reported GNU-style
 * (`cat: x: No such file or directory`) and make `ok` false.
 */
export function readInputs(io: CommandIO, files: string[]): { name: string; text: string }[] & { ok: boolean } {
  const out = [] as unknown as { name: string; text: string }[] & { ok: boolean };
  out.ok = true;
  if (files.length === 0) files = ['-'];
  for (const f of files) {
    if (f === '-') {
      out.push({ name: '(standard input)', text: io.stdin });
      continue;
    }
    try {
      out.push({ name: f, text: io.fs.read(f, io.cwd) });
    } catch (e) {
      io.stderr(`${io.argv[0]}: ${f}: ${fsErrorText(e)}\n`);
      out.ok = false;
    }
  }
  return out;
}

/** splitLines splits text into lines, dropping the empty string after a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** joinLines is the inverse of splitLines: every line ends with a newline. */
export function joinLines(lines: string[]): string {
  return lines.map((l) => l + '\n').join('');
}

/**
 * parseFlags splits argv into short/long options and operands, GNU-style:
 * `-abc` is three flags, `-n5` / `-n 5` give a value to flags listed in
 * `withValue`, and `--` ends options. Unknown options are kept as flags.
 */
export function parseFlags(args: string[], withValue: string[] = []): { flags: Map<string, string>; operands: string[] } {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (eq >= 0) flags.set(name, a.slice(eq + 1));
      else if (withValue.includes(name)) flags.set(name, args[++i] ?? '');
      else flags.set(name, '');
    } else if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const f = '-' + a[k];
        if (withValue.includes(f)) {
          flags.set(f, k + 1 < a.length ? a.slice(k + 1) : (args[++i] ?? ''));
          break;
        }
        flags.set(f, '');
      }
    } else operands.push(a);
  }
  return { flags, operands };
}
