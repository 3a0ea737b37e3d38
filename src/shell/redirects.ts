import type { Redirect } from './ast.ts';
import { RedirectError, ShellRuntimeError } from './errors.ts';
import { expandHeredoc, expandString, type ExpandEnv } from './expand.ts';
import { fsErrorText } from './memoryFS.ts';
import { StdinBuffer, type Streams } from './state.ts';
import type { VirtualFS } from './types.ts';

type Sink = (text: string) => void;

/**
 * applyRedirects returns the Streams a command runs with after its
 * redirections, applied left to right as bash does (so `>f 2>&1` sends both
 * to f but `2>&1 >f` leaves stderr on the terminal). A target that cannot be
 * opened raises ShellRuntimeError("path: No such file or directory").
 */
export async function applyRedirects(redirects: Redirect[], base: Streams, env: ExpandEnv, fs: VirtualFS): Promise<Streams> {
  if (redirects.length === 0) return base;
  const fds: (Sink | null)[] = [null, base.stdout, base.stderr];
  let stdin = base.stdin;
  let tty = base.tty;
  const cwd = env.cwd;
  const openFile = (path: string, append: boolean): Sink => {
    if (path === '/dev/null') return () => {};
    if (path === '/dev/stdout') return fds[1] ?? (() => {});
    if (path === '/dev/stderr') return fds[2] ?? (() => {});
    try {
      if (!append) fs.write(path, '', cwd);
      else fs.append(path, '', cwd);
    } catch (e) {
      throw new RedirectError(path, fsErrorText(e));
    }
    return (text) => fs.append(path, text, cwd);
  };
  for (const r of redirects) {
    const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
    switch (r.op) {
      case '>':
      case '>|':
      case '>>': {
        const sink = openFile(await target(r, env), r.op === '>>');
        if (fd <= 2) fds[fd] = sink;
        if (fd === 1) tty = false;
        break;
      }
      case '&>':
      case '&>>': {
        const sink = openFile(await target(r, env), r.op === '&>>');
        fds[1] = fds[2] = sink;
        tty = false;
        break;
      }
      case '>&':
      case '<&': {
        const t = await target(r, env);
        if (/^\d+$/.test(t)) {
          const src = Number(t);
          if (src > 2 || (src === 0 && r.op === '>&')) throw new ShellRuntimeError(`${t}: Bad file descriptor`);
          if (fd <= 2 && src !== 0) fds[fd] = fds[src];
          if (fd === 1) tty = tty && src === 1;
        } else if (t === '-') {
          if (fd <= 2) fds[fd] = () => {};
        } else if (r.op === '>&') {
          fds[1] = fds[2] = openFile(t, false);
          tty = false;
        }
        break;
      }
      case '<':
      case '<>': {
        const path = await target(r, env);
        try {
          if (fd === 0) stdin = new StdinBuffer(path === '/dev/null' ? '' : fs.read(path, cwd));
        } catch (e) {
          throw new RedirectError(path, fsErrorText(e));
        }
        break;
      }
      case '<<':
      case '<<-': {
        const h = r.heredoc!;
        if (fd === 0) stdin = new StdinBuffer(h.expand ? await expandHeredoc(h.body, env) : h.body);
        break;
      }
      case '<<<':
        if (fd === 0) stdin = new StdinBuffer((await expandString(r.target, env)) + '\n');
        break;
    }
  }
  const [, out, err] = fds;
  return { stdin, stdout: out ?? (() => {}), stderr: err ?? (() => {}), tty, signal: base.signal };
}

async function target(r: Redirect, env: ExpandEnv): Promise<string> {
  const t = await expandString(r.target, env);
  if (t === '' && r.op !== '<<<') throw new ShellRuntimeError(`${r.target}: ambiguous redirect`);
  return t;
}
