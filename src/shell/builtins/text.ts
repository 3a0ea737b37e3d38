import type { Command } from '../types.ts';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from './base64Codec.ts';
import { joinLines, parseFlags, readInputs, splitLines } from './util.ts';

/**
 * grep searches lines with a regular expression: -i -v -c -E -F -o -n -w -x -q -l -h -H, any
 * number of -e PATTERN, -m NUM, and GNU context (-A/-B/-C NUM, groups separated by `--`,
 * context lines marked with `-` instead of `:`) — `kubectl describe … | grep -A5 Events` is common.
 */
export const grep: Command = async (io) => {
  const withValue = ['-e', '-m', '-A', '-B', '-C'];
  const { flags, operands } = parseFlags(io.argv.slice(1), withValue);
  const patterns = flagValues(io.argv.slice(1), '-e', withValue);
  if (patterns.length === 0) {
    if (!operands.length) {
      io.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns.push(operands.shift()!);
  }
  const extended = flags.has('-E') || io.argv[0] === 'egrep';
  let src = patterns.map((p) => (flags.has('-F') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : extended ? p : basicToExtended(p))).join('|');
  if (flags.has('-w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
  if (flags.has('-x')) src = `^(?:${src})$`;
  let re: RegExp;
  try {
    re = new RegExp(src, flags.has('-i') ? 'gi' : 'g');
  } catch {
    io.stderr(`grep: Invalid regular expression\n`);
    return 2;
  }
  const context = (name: string): number => {
    const v = flags.get(name) ?? flags.get('-C');
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
  };
  const after = context('-A');
  const before = context('-B');
  const maxCount = flags.has('-m') && /^\d+$/.test(flags.get('-m')!) ? Number(flags.get('-m')) : Infinity;
  const listOnly = flags.has('-q') || flags.has('-c') || flags.has('-l');
  const inputs = readInputs(io, operands);
  const showName = (operands.length > 1 || flags.has('-H')) && !flags.has('-h');
  let matched = false;
  let printedGroup = false;
  let out = '';
  for (const input of inputs) {
    let count = 0;
    let lastPrinted = -1;
    let afterLeft = 0;
    const lines = splitLines(input.text);
    const emit = (idx: number, sep: ':' | '-'): void => {
      out += (showName ? input.name + sep : '') + (flags.has('-n') ? `${idx + 1}${sep}` : '') + lines[idx] + '\n';
      lastPrinted = idx;
    };
    for (let idx = 0; idx < lines.length; idx++) {
      const line = lines[idx];
      re.lastIndex = 0;
      const hit = count < maxCount && re.test(line) !== flags.has('-v');
      if (!hit) {
        if (afterLeft > 0 && !listOnly) {
          emit(idx, '-');
          afterLeft--;
        }
        if (count >= maxCount && afterLeft === 0) break;
        continue;
      }
      count++;
      matched = true;
      if (listOnly) continue;
      if (flags.has('-o') && !flags.has('-v')) {
        const prefix = (showName ? input.name + ':' : '') + (flags.has('-n') ? `${idx + 1}:` : '');
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') out += prefix + m[0] + '\n';
        continue;
      }
      const first = Math.max(lastPrinted + 1, idx - before);
      if ((after > 0 || before > 0) && printedGroup && (first > lastPrinted + 1 || lastPrinted < 0)) out += '--\n';
      for (let j = first; j < idx; j++) emit(j, '-');
      emit(idx, ':');
      printedGroup = true;
      afterLeft = after;
    }
    if (flags.has('-c')) out += (showName ? input.name + ':' : '') + count + '\n';
    if (flags.has('-l') && count > 0) out += input.name + '\n';
  }
  if (!flags.has('-q')) io.stdout(out);
  if (!inputs.ok && !(flags.has('-q') && matched)) return 2;
  return matched ? 0 : 1;
};

/** flagValues collects every value of a repeatable short flag (`-e a -e b`, `-ea`), in order. */
function flagValues(args: string[], name: string, withValue: string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (!a.startsWith('-') || a.startsWith('--') || a.length < 2) continue;
    for (let k = 1; k < a.length; k++) {
      const f = '-' + a[k];
      if (!withValue.includes(f)) continue;
      const v = k + 1 < a.length ? a.slice(k + 1) : (args[++i] ?? '');
      if (f === name) values.push(v);
      break;
    }
  }
  return values;
}

/** basicToExtended converts a POSIX basic regex (`\|`, `\(`, `\+`) to JS syntax. */
export function basicToExtended(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i];
      out += '|(){}+?'.includes(n) ? n : '\\' + n;
    } else if ('|(){}+?'.includes(c)) out += '\\' + c;
    else out += c;
  }
  return out;
}

/** lineCount reads `-n N`, `-N` and `-n +N` forms for head and tail. */
function lineCount(args: string[]): { n: number; from: boolean; bytes: boolean; rest: string[] } {
  const rest: string[] = [];
  let n = 10;
  let from = false;
  let bytes = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let v: string | undefined;
    if (a === '-n' || a === '-c' || a === '--lines') v = args[++i];
    else if (/^-[nc].+/.test(a)) v = a.slice(2);
    else if (/^--lines=/.test(a)) v = a.slice(8);
    else if (/^-\d+$/.test(a)) v = a.slice(1);
    else if (a === '-q' || a === '-v' || a === '-f') continue;
    else {
      rest.push(a);
      continue;
    }
    if (a.startsWith('-c')) bytes = true;
    if (v?.startsWith('+')) from = true;
    n = Number(v);
  }
  return { n: Math.abs(n), from, bytes, rest };
}

/** head prints the first N lines (default 10); `-n -N` prints all but the last N. */
export const head: Command = async (io) => {
  const negative = io.argv.some((a, i) => /^-n-\d+$/.test(a) || (io.argv[i - 1] === '-n' && a.startsWith('-')));
  const { n, bytes, rest } = lineCount(io.argv.slice(1));
  const inputs = readInputs(io, rest);
  inputs.forEach((input, k) => {
    if (inputs.length > 1) io.stdout(`${k ? '\n' : ''}==> ${input.name} <==\n`);
    if (bytes) return io.stdout(input.text.slice(0, n));
    const lines = splitLines(input.text);
    io.stdout(joinLines(negative ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n)));
  });
  return inputs.ok ? 0 : 1;
};

/** tail prints the last N lines; `-n +N` starts at line N. */
export const tail: Command = async (io) => {
  const { n, from, bytes, rest } = lineCount(io.argv.slice(1));
  const inputs = readInputs(io, rest);
  inputs.forEach((input, k) => {
    if (inputs.length > 1) io.stdout(`${k ? '\n' : ''}==> ${input.name} <==\n`);
    if (bytes) return io.stdout(from ? input.text.slice(n - 1) : input.text.slice(-n || input.text.length));
    const lines = splitLines(input.text);
    io.stdout(joinLines(from ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n)));
  });
  return inputs.ok ? 0 : 1;
};

/** sort orders lines: -n numeric, -r reverse, -u unique, -k N[,M] key, -t separator, -f fold case, -h human. */
export const sort: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1), ['-k', '-t', '-o']);
  const inputs = readInputs(io, operands);
  let lines = inputs.flatMap((i) => splitLines(i.text));
  const sep = flags.get('-t');
  const keySpec = flags.get('-k');
  const key = (line: string): string => {
    if (!keySpec) return line;
    const m = /^(\d+)[a-z]*(?:,(\d+))?/.exec(keySpec);
    const start = Number(m?.[1] ?? 1) - 1;
    const end = m?.[2] ? Number(m[2]) : undefined;
    const fields = sep !== undefined ? line.split(sep) : line.trim().split(/\s+/);
    return fields.slice(start, end).join(sep ?? ' ');
  };
  const numeric = flags.has('-n') || flags.has('-h') || /n/.test(keySpec ?? '');
  const num = (s: string): number => {
    const m = /^\s*(-?\d*\.?\d+)([KMGTP]?)/i.exec(s);
    if (!m) return 0;
    return Number(m[1]) * 1024 ** ' KMGTP'.indexOf((m[2] || ' ').toUpperCase());
  };
  const cmp = (a: string, b: string): number => {
    let ka = key(a);
    let kb = key(b);
    if (numeric) {
      const d = num(ka) - num(kb);
      if (d !== 0) return d;
    } else {
      if (flags.has('-f')) [ka, kb] = [ka.toLowerCase(), kb.toLowerCase()];
      if (ka !== kb) return ka < kb ? -1 : 1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
  lines.sort(cmp);
  if (flags.has('-r')) lines.reverse();
  if (flags.has('-u')) lines = lines.filter((l, i) => i === 0 || cmp(lines[i - 1], l) !== 0);
  if (flags.has('-o')) io.fs.write(flags.get('-o')!, joinLines(lines), io.cwd);
  else io.stdout(joinLines(lines));
  return inputs.ok ? 0 : 2;
};

/** uniq collapses adjacent duplicate lines; -c counts, -d only repeated, -u only unique. */
export const uniq: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1));
  const inputs = readInputs(io, operands.slice(0, 1));
  const groups: { line: string; n: number }[] = [];
  for (const line of splitLines(inputs.map((i) => i.text).join(''))) {
    const last = groups[groups.length - 1];
    const same = last && (flags.has('-i') ? last.line.toLowerCase() === line.toLowerCase() : last.line === line);
    if (same) last.n++;
    else groups.push({ line, n: 1 });
  }
  const out = groups
    .filter((g) => (flags.has('-d') ? g.n > 1 : flags.has('-u') ? g.n === 1 : true))
    .map((g) => (flags.has('-c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line));
  io.stdout(joinLines(out));
  return inputs.ok ? 0 : 1;
};

/** parseRanges reads cut's LIST (`1,3-5,7-`) into a membership test (1-based). */
function parseRanges(list: string): (i: number) => boolean {
  const ranges = list.split(',').map((r) => {
    const [a, b] = r.split('-');
    const lo = a === '' ? 1 : Number(a);
    const hi = r.includes('-') ? (b === '' ? Infinity : Number(b)) : lo;
    return [lo, hi] as const;
  });
  return (i) => ranges.some(([lo, hi]) => i >= lo && i <= hi);
}

/** cut selects fields (-d -f, tab by default) or characters (-c) of each line. */
export const cut: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1), ['-d', '-f', '-c', '-b']);
  const list = flags.get('-f') ?? flags.get('-c') ?? flags.get('-b');
  if (list === undefined) {
    io.stderr("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const want = parseRanges(list);
  const delim = flags.get('-d') ?? '\t';
  const inputs = readInputs(io, operands);
  const out: string[] = [];
  for (const line of inputs.flatMap((i) => splitLines(i.text))) {
    if (!flags.has('-f')) {
      out.push([...line].filter((_, i) => want(i + 1)).join(''));
      continue;
    }
    if (!line.includes(delim)) {
      if (!flags.has('-s')) out.push(line);
      continue;
    }
    out.push(line.split(delim).filter((_, i) => want(i + 1)).join(delim));
  }
  io.stdout(joinLines(out));
  return inputs.ok ? 0 : 1;
};

const TR_CLASSES: Record<string, string> = {
  '[:lower:]': 'abcdefghijklmnopqrstuvwxyz', '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '[:digit:]': '0123456789', '[:space:]': ' \t\n\r\f\v', '[:blank:]': ' \t',
  '[:alpha:]': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '[:alnum:]': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  '[:punct:]': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

/** expandSet turns a tr SET (`a-z`, `[:upper:]`, `\n`) into its characters. */
function expandSet(set: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const cls = Object.keys(TR_CLASSES).find((c) => set.startsWith(c, i));
    if (cls) {
      out.push(...TR_CLASSES[cls]);
      i += cls.length - 1;
      continue;
    }
    let c = set[i];
    if (c === '\\' && i + 1 < set.length) {
      const n = set[++i];
      c = ({ n: '\n', t: '\t', r: '\r', '\\': '\\' } as Record<string, string>)[n] ?? n;
    }
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const end = set[i + 2];
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) out.push(String.fromCharCode(code));
      i += 2;
    } else out.push(c);
  }
  return out;
}

/** tr translates (`tr a-z A-Z`), deletes (-d) and squeezes (-s) characters of stdin. */
export const tr: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1));
  if (operands.length === 0) {
    io.stderr("tr: missing operand\nTry 'tr --help' for more information.\n");
    return 1;
  }
  const set1 = expandSet(operands[0]);
  const set2 = operands[1] !== undefined ? expandSet(operands[1]) : [];
  const complement = flags.has('-c') || flags.has('-C');
  const inSet1 = (ch: string): boolean => set1.includes(ch) !== complement;
  let out = '';
  for (const ch of io.stdin) {
    if (flags.has('-d')) {
      if (!inSet1(ch)) out += ch;
      continue;
    }
    let mapped = ch;
    if (set2.length && inSet1(ch)) mapped = complement ? set2[set2.length - 1] : (set2[set1.indexOf(ch)] ?? set2[set2.length - 1]);
    const squeezeSet = set2.length ? set2 : set1;
    if (flags.has('-s') && out.endsWith(mapped) && squeezeSet.includes(mapped)) continue;
    out += mapped;
  }
  io.stdout(out);
  return 0;
};

/** base64 encodes (wrapping at 76 columns, -w0 for none) or decodes (-d) UTF-8 text. */
export const base64: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1), ['-w']);
  const inputs = readInputs(io, operands);
  if (!inputs.ok) return 1;
  const text = inputs.map((i) => i.text).join('');
  if (flags.has('-d') || flags.has('--decode')) {
    const clean = text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) {
      io.stderr('base64: invalid input\n');
      return 1;
    }
    io.stdout(utf8Decode(base64Decode(clean) ?? []));
    return 0;
  }
  const encoded = base64Encode(utf8Encode(text));
  const width = Number(flags.get('-w') ?? flags.get('--wrap') ?? 76);
  const lines = width > 0 ? (encoded.match(new RegExp(`.{1,${width}}`, 'g')) ?? []) : [encoded];
  // GNU base64 -w0 ends without a newline; wrapped output ends with one.
  io.stdout(encoded === '' ? '' : lines.join('\n') + (width > 0 ? '\n' : ''));
  return 0;
};

/** seq prints a number sequence: `seq LAST`, `seq FIRST LAST`, `seq FIRST INCR LAST`, `-s`, `-w`. */
export const seq: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1).map((a) => (/^-\d/.test(a) ? `\u0000${a}` : a)), ['-s', '-f']);
  const nums = operands.map((a) => Number(a.replace('\u0000', '')));
  if (nums.length === 0 || nums.some(Number.isNaN)) {
    io.stderr(nums.length === 0 ? "seq: missing operand\nTry 'seq --help' for more information.\n" : `seq: invalid floating point argument: '${operands.find((a) => Number.isNaN(Number(a.replace('\u0000', ''))))}'\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  const out: string[] = [];
  for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
    if (step === 0 || out.length > 1_000_000) break;
    out.push(String(Number(v.toFixed(10))));
  }
  const width = flags.has('-w') ? Math.max(...out.map((s) => s.length)) : 0;
  const sep = flags.get('-s') ?? '\n';
  io.stdout(out.length ? out.map((s) => s.padStart(width, '0')).join(sep) + '\n' : '');
  return 0;
};
