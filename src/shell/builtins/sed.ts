import { fsErrorText } from '../memoryFS.ts';
import type { Command } from '../types.ts';
import { basicToExtended } from './text.ts';
import { splitLines } from './util.ts';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };
interface SedCommand {
  from?: Address;
  to?: Address;
  negate: boolean;
  name: string;
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  print?: boolean;
  nth?: number;
  text?: string;
  inRange?: boolean;
}

/** sed is a stream editor for the everyday subset: s///[gip N], d, p, q, a/i/c text, line, `$` and /re/ addresses and ranges, -n -e -E -i. */
export const sed: Command = async (io) => {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace = false;
  const args = io.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--quiet') quiet = true;
    else if (a === '-E' || a === '-r') extended = true;
    else if (a === '-i' || a.startsWith('-i')) inPlace = true;
    else if (a === '-e') scripts.push(args[++i] ?? '');
    else if (/^-[nEr]+$/.test(a)) {
      quiet ||= a.includes('n');
      extended ||= /[Er]/.test(a);
    } else if (scripts.length === 0 && !args.slice(0, i).includes('-e')) scripts.push(a);
    else files.push(a);
  }
  let program: SedCommand[];
  try {
    program = parseSed(scripts.join('\n'), extended);
  } catch (e) {
    io.stderr(`sed: -e expression #1, char 0: ${(e as Error).message}\n`);
    return 1;
  }
  const run = (text: string): string => {
    const lines = splitLines(text);
    let out = '';
    for (let n = 0; n < lines.length; n++) {
      let line = lines[n];
      let deleted = false;
      let quit = false;
      let append = '';
      for (const c of program) {
        if (!selects(c, line, n, lines.length)) continue;
        if (c.name === 's') {
          let count = 0;
          let changed = false;
          c.re!.lastIndex = 0;
          line = line.replace(c.re!, (...m: unknown[]) => {
            count++;
            if (c.nth !== undefined && count !== c.nth) return m[0] as string;
            changed = true;
            return expandReplacement(c.replacement!, m as string[]);
          });
          if (changed && c.print) out += line + '\n';
        } else if (c.name === 'd') {
          deleted = true;
          break;
        } else if (c.name === 'p') out += line + '\n';
        else if (c.name === 'q') {
          quit = true;
          break;
        } else if (c.name === 'a') append += c.text + '\n';
        else if (c.name === 'i') out += c.text + '\n';
        else if (c.name === 'c') {
          out += c.text + '\n';
          deleted = true;
          break;
        } else if (c.name === '=') out += `${n + 1}\n`;
      }
      if (!deleted && !quiet) out += line + '\n';
      out += append;
      if (quit) break;
    }
    if (!text.endsWith('\n') && text !== '' && out.endsWith('\n')) out = out.slice(0, -1);
    return out;
  };
  if (files.length === 0) {
    io.stdout(run(io.stdin));
    return 0;
  }
  let status = 0;
  for (const f of files) {
    try {
      const result = run(io.fs.read(f, io.cwd));
      if (inPlace) io.fs.write(f, result, io.cwd);
      else io.stdout(result);
    } catch (e) {
      io.stderr(`sed: can't read ${f}: ${fsErrorText(e)}\n`);
      status = 2;
    }
  }
  return status;
};

function selects(c: SedCommand, line: string, n: number, total: number): boolean {
  const hit = (a: Address): boolean => (a.kind === 'line' ? a.n === n + 1 : a.kind === 'last' ? n === total - 1 : a.re.test(line));
  let result: boolean;
  if (!c.from) result = true;
  else if (!c.to) result = hit(c.from);
  else if (c.inRange) {
    if (hit(c.to) || (c.to.kind === 'line' && n + 1 >= c.to.n)) c.inRange = false;
    result = true;
  } else if (hit(c.from)) {
    c.inRange = !(c.to.kind === 'line' && c.to.n <= n + 1);
    result = true;
  } else result = false;
  return result !== c.negate;
}

function expandReplacement(rep: string, m: string[]): string {
  return rep.replace(/\\(\d)|\\n|\\t|\\&|\\\\|&/g, (t, d: string | undefined) => {
    if (d !== undefined) return (m[Number(d)] as string | undefined) ?? '';
    return t === '&' ? m[0] : t === '\\n' ? '\n' : t === '\\t' ? '\t' : t.slice(1);
  });
}

function parseSed(script: string, extended: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const toRe = (src: string, flags = ''): RegExp => new RegExp(extended ? src : basicToExtended(src), flags);
  const readDelimited = (delim: string): string => {
    let out = '';
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && script[i + 1] === delim) {
        out += delim;
        i += 2;
      } else if (script[i] === '\\' && i + 1 < script.length) {
        out += script[i] + script[i + 1];
        i += 2;
      } else out += script[i++];
    }
    if (script[i] !== delim) throw new Error(`unterminated \`s' command`);
    i++;
    return out;
  };
  const readAddress = (): Address | undefined => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i))![0];
      i += m.length;
      return { kind: 'line', n: Number(m) };
    }
    if (script[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (script[i] === '/' || script[i] === '\\') {
      const delim = script[i] === '\\' ? script[++i] : '/';
      i++;
      return { kind: 're', re: toRe(readDelimited(delim)) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const c: SedCommand = { negate: false, name: '' };
    c.from = readAddress();
    if (c.from && script[i] === ',') {
      i++;
      c.to = readAddress();
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      c.negate = true;
      i++;
    }
    c.name = script[i++] ?? '';
    if (c.name === 's') {
      const delim = script[i++];
      const pattern = readDelimited(delim);
      c.replacement = readDelimited(delim);
      let flags = '';
      while (i < script.length && /[gipI0-9]/.test(script[i])) {
        const f = script[i++];
        if (f === 'g') c.global = true;
        else if (f === 'i' || f === 'I') flags += 'i';
        else if (f === 'p') c.print = true;
        else c.nth = Number(f);
      }
      c.re = toRe(pattern, flags + (c.global || c.nth ? 'g' : ''));
    } else if ('aic'.includes(c.name) && c.name !== '') {
      const nl = script.indexOf('\n', i);
      c.text = script.slice(i, nl < 0 ? script.length : nl).replace(/^\\?\s*/, '');
      i = nl < 0 ? script.length : nl;
    } else if (!['d', 'p', 'q', '='].includes(c.name)) {
      throw new Error(`unknown command: \`${c.name}'`);
    }
    cmds.push(c);
  }
  return cmds;
}
