import { Shell, type ShellOptions } from './shell.ts';

/** RunResult is what a test sees of one run: the two streams and the status. */
export interface RunResult {
  out: string;
  err: string;
  status: number;
}

/** runIn runs text on an existing shell and collects its output (for tests). */
export async function runIn(sh: Shell, text: string): Promise<RunResult> {
  let out = '';
  let err = '';
  const status = await sh.runScript(text, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { out, err, status };
}

/** runShell runs text on a fresh Shell (for tests). */
export function runShell(text: string, opts: ShellOptions = {}): Promise<RunResult> {
  return runIn(new Shell(opts), text);
}
