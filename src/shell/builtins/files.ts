import { utf8Length, fsErrorText } from '../memoryFS.ts';
import { basename } from '../paths.ts';
import type { Command, CommandIO } from '../types.ts';
import { formatDate } from './date.ts';
import { parseFlags, readInputs } from './util.ts';

/** cat concatenates files (or stdin); `-n` numbers lines like GNU cat. */
export const cat: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1));
  const inputs = readInputs(io, operands);
  let text = inputs.map((i) => i.text).join('');
  if (flags.has('-n')) {
    let n = 0;
    text = text.replace(/^(?=[\s\S])/gm, () => `${String(++n).padStart(6)}\t`).replace(/\t$/, '');
  }
  io.stdout(text);
  return inputs.ok ? 0 : 1;
};

/** tee copies stdin to stdout and to each file (`-a` appends). */
export const tee: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1));
  let status = 0;
  for (const f of operands) {
    try {
      if (flags.has('-a')) io.fs.append(f, io.stdin, io.cwd);
      else io.fs.write(f, io.stdin, io.cwd);
    } catch (e) {
      io.stderr(`tee: ${f}: ${fsErrorText(e)}\n`);
      status = 1;
    }
  }
  io.stdout(io.stdin);
  return status;
};

/** touch creates empty files (existing ones are left as they are). */
export const touch: Command = async (io) => {
  const { operands } = parseFlags(io.argv.slice(1));
  if (operands.length === 0) return missingOperand(io);
  let status = 0;
  for (const f of operands) {
    try {
      if (!io.fs.exists(f, io.cwd)) io.fs.write(f, '', io.cwd);
    } catch (e) {
      io.stderr(`touch: cannot touch '${f}': ${fsErrorText(e)}\n`);
      status = 1;
    }
  }
  return status;
};

/** mkdir creates directories; `-p` makes parents and tolerates existing ones. */
export const mkdir: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1), ['-m']);
  if (operands.length === 0) return missingOperand(io);
  let status = 0;
  for (const d of operands) {
    try {
      io.fs.mkdir(d, { parents: flags.has('-p') || flags.has('--parents') }, io.cwd);
    } catch (e) {
      io.stderr(`mkdir: cannot create directory '${d}': ${fsErrorText(e)}\n`);
      status = 1;
    }
  }
  return status;
};

/** rm removes files; directories need `-r`; `-f` ignores missing files. */
export const rm: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1));
  const force = flags.has('-f') || flags.has('--force');
  const recursive = flags.has('-r') || flags.has('-R') || flags.has('--recursive');
  if (operands.length === 0 && !force) return missingOperand(io);
  let status = 0;
  for (const f of operands) {
    if (!io.fs.exists(f, io.cwd)) {
      if (!force) {
        io.stderr(`rm: cannot remove '${f}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (io.fs.stat(f, io.cwd).type === 'dir' && !recursive) {
      io.stderr(`rm: cannot remove '${f}': Is a directory\n`);
      status = 1;
      continue;
    }
    io.fs.rm(f, { recursive, force }, io.cwd);
  }
  return status;
};

/** cp and mv copy/move files; a directory target receives the sources by name. */
function copyOrMove(move: boolean): Command {
  return async (io) => {
    const name = move ? 'mv' : 'cp';
    const { flags, operands } = parseFlags(io.argv.slice(1));
    if (operands.length < 2) {
      if (operands.length === 0) return missingOperand(io);
      io.stderr(`${name}: missing destination file operand after '${operands[0]}'\nTry '${name} --help' for more information.\n`);
      return 1;
    }
    const dest = operands.pop()!;
    const destIsDir = io.fs.exists(dest, io.cwd) && io.fs.stat(dest, io.cwd).type === 'dir';
    let status = 0;
    for (const src of operands) {
      const target = destIsDir ? `${dest}/${basename(src)}` : dest;
      try {
        copyTree(io, src, target, move || flags.has('-r') || flags.has('-R') || flags.has('-a'), name);
        if (move) io.fs.rm(src, { recursive: true }, io.cwd);
      } catch (e) {
        io.stderr(e instanceof Error && e.message.startsWith(name) ? e.message + '\n' : `${name}: cannot stat '${src}': ${fsErrorText(e)}\n`);
        status = 1;
      }
    }
    return status;
  };
}

function copyTree(io: CommandIO, src: string, dest: string, recursive: boolean, name: string): void {
  const st = io.fs.stat(src, io.cwd);
  if (st.type === 'file') {
    io.fs.write(dest, io.fs.read(src, io.cwd), io.cwd);
    return;
  }
  if (!recursive) throw new Error(`${name}: -r not specified; omitting directory '${src}'`);
  if (!io.fs.exists(dest, io.cwd)) io.fs.mkdir(dest, {}, io.cwd);
  for (const child of io.fs.list(src, io.cwd)) copyTree(io, `${src}/${child}`, `${dest}/${child}`, recursive, name);
}

/** cp copies files (`-r` for directories). */
export const cp = copyOrMove(false);
/** mv moves files and directories. */
export const mv = copyOrMove(true);

/** ls lists directories: `-a`, `-l`, `-1`, `-d`; columns are one per line when not a TTY, space-separated otherwise. */
export const ls: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1));
  const all = flags.has('-a');
  const long = flags.has('-l');
  const targets = operands.length ? operands : ['.'];
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    if (!io.fs.exists(t, io.cwd)) {
      io.stderr(`ls: cannot access '${t}': No such file or directory\n`);
      status = 2;
    } else if (io.fs.stat(t, io.cwd).type === 'dir' && !flags.has('-d')) dirs.push(t);
    else files.push(t);
  }
  const render = (dir: string | null, names: string[]): string => {
    if (long) {
      const rows = names.map((n) => {
        const st = io.fs.stat(dir === null ? n : `${dir}/${n}`, io.cwd);
        const perm = (st.type === 'dir' ? 'd' : '-') + modeString(st.mode);
        return `${perm} ${st.type === 'dir' ? 2 : 1} root root ${String(st.size).padStart(5)} ${formatDate(st.mtime, '%b %e %H:%M')} ${n}`;
      });
      const total = dir === null ? '' : `total ${names.length * 4}\n`;
      return total + rows.map((r) => r + '\n').join('');
    }
    if (names.length === 0) return '';
    return io.isTTY && !flags.has('-1') ? names.join('  ') + '\n' : names.map((n) => n + '\n').join('');
  };
  let out = render(null, files);
  for (const d of dirs) {
    let names = io.fs.list(d, io.cwd).filter((n) => all || !n.startsWith('.'));
    if (all) names = ['.', '..', ...names];
    if (targets.length > 1) out += `${out ? '\n' : ''}${d}:\n`;
    out += render(d, names);
  }
  io.stdout(out);
  return status;
};

function modeString(mode: number): string {
  let s = '';
  for (let shift = 6; shift >= 0; shift -= 3) {
    const bits = (mode >> shift) & 7;
    s += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-');
  }
  return s;
}

function missingOperand(io: CommandIO): number {
  io.stderr(`${io.argv[0]}: missing operand\nTry '${io.argv[0]} --help' for more information.\n`);
  return 1;
}

/** wc counts lines, words and bytes; GNU pads counts to a common width when printing several. */
export const wc: Command = async (io) => {
  const { flags, operands } = parseFlags(io.argv.slice(1));
  const inputs = readInputs(io, operands);
  let want = ['-l', '-w', '-c', '-m'].filter((f) => flags.has(f));
  if (want.length === 0) want = ['-l', '-w', '-c'];
  const rows = inputs.map((i) => ({
    name: operands.length ? i.name : '',
    counts: want.map((f) => (f === '-l' ? (i.text.match(/\n/g) ?? []).length : f === '-w' ? (i.text.match(/\S+/g) ?? []).length : f === '-m' ? [...i.text].length : utf8Length(i.text))),
  }));
  if (rows.length > 1) rows.push({ name: 'total', counts: want.map((_, k) => rows.reduce((a, r) => a + r.counts[k], 0)) });
  const single = rows.length === 1 && want.length === 1;
  const width = single ? 0 : Math.max(operands.length ? 1 : 7, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)));
  for (const r of rows) io.stdout(r.counts.map((c) => String(c).padStart(width)).join(' ') + (r.name ? ' ' + r.name : '') + '\n');
  return inputs.ok ? 0 : 1;
};
