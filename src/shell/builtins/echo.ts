import { ansiCUnescape } from '../quoting.ts';
import type { Command } from '../types.ts';

/** echo is bash's builtin: `-n` drops the newline, `-e` interprets escapes, `-E` turns that off. */
export const echo: Command = async (io) => {
  const args = io.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
    for (const f of args.shift()!.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const r = ansiCUnescape(text, true);
    text = r.text;
    if (r.stop) newline = false;
  }
  io.stdout(newline ? text + '\n' : text);
  return 0;
};

/** printf is bash's printf: the format is reused until the arguments run out. */
export const printf: Command = async (io) => {
  const [format, ...args] = io.argv.slice(1);
  if (format === undefined) {
    io.stderr('bash: printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  let out = '';
  let status = 0;
  let k = 0;
  do {
    const start = k;
    let stop = false;
    out += format.replace(/%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([sdifxXoceEgGb%])|\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|[\\abefnrtv"'c]|[0-7]{1,3})/g, (m, flags: string, width: string, prec: string, conv: string, esc: string) => {
      if (stop) return '';
      if (esc !== undefined) {
        if (esc === 'c') {
          stop = true;
          return '';
        }
        return ansiCUnescape('\\' + (/^[0-7]/.test(esc) && esc[0] !== '0' ? '0' + esc : esc), true).text;
      }
      if (conv === '%') return '%';
      const w = width === '*' ? Number(args[k++] ?? 0) : width ? Number(width) : 0;
      const p = prec === '*' ? Number(args[k++] ?? 0) : prec !== undefined ? Number(prec) : undefined;
      const arg = args[k++] ?? '';
      let text: string;
      switch (conv) {
        case 's':
          text = p !== undefined ? arg.slice(0, p) : arg;
          break;
        case 'b':
          text = ansiCUnescape(arg, true).text;
          break;
        case 'c':
          text = arg.charAt(0);
          break;
        case 'd':
        case 'i':
        case 'x':
        case 'X':
        case 'o': {
          let n = parseNumberArg(arg);
          if (Number.isNaN(n)) {
            io.stderr(`bash: printf: ${arg}: invalid number\n`);
            status = 1;
            n = 0;
          }
          const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
          text = Math.trunc(Math.abs(n)).toString(base);
          if (conv === 'X') text = text.toUpperCase();
          if (p !== undefined) text = text.padStart(p, '0');
          if (n < 0) text = '-' + text;
          else if (flags.includes('+')) text = '+' + text;
          else if (flags.includes(' ')) text = ' ' + text;
          break;
        }
        default: {
          let n = arg === '' ? 0 : Number(arg);
          if (Number.isNaN(n)) {
            io.stderr(`bash: printf: ${arg}: invalid number\n`);
            status = 1;
            n = 0;
          }
          text = conv === 'e' || conv === 'E' ? n.toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2') : conv === 'g' || conv === 'G' ? String(Number(n.toPrecision(p || 6))) : n.toFixed(p ?? 6);
          if (conv === 'E' || conv === 'G') text = text.toUpperCase();
          if (n >= 0 && flags.includes('+')) text = '+' + text;
        }
      }
      if (text.length < w) {
        if (flags.includes('-')) text = text.padEnd(w);
        else if (flags.includes('0') && /[dixXofeEgG]/.test(conv)) text = text.startsWith('-') ? '-' + text.slice(1).padStart(w - 1, '0') : text.padStart(w, '0');
        else text = text.padStart(w);
      }
      return text;
    });
    if (stop || k === start) break;
  } while (k < args.length);
  io.stdout(out);
  return status;
};

function parseNumberArg(arg: string): number {
  if (arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(arg)) return parseInt(arg, 16);
  if (/^[-+]?0[0-7]+$/.test(arg)) return parseInt(arg, 8);
  if (/^[-+]?\d+$/.test(arg)) return Number(arg);
  return NaN;
}
