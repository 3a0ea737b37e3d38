/**
 * runScriptFile runs a script of terminal lines on a fresh default cluster, headless:
 * each input (a line, or several when a here-doc, quote or if/for block is open) runs as
 * if typed at the prompt; time moves only while a line waits.
 */
import { loadApiSchema } from '../core/api/schema/index.ts';
import { createCluster } from '../core/sim/createCluster.ts';
import { HeadlessDriver } from '../session/timeDriver.ts';
import { TerminalSession } from '../session/session.ts';

/** RunOptions say where output goes and whether inputs are echoed. */
export interface RunOptions {
  echo: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** splitInputs groups script lines into terminal inputs using the shell's own continuation rules. */
export function splitInputs(text: string, needsMore: (s: string) => boolean): string[][] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const inputs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    current.push(line);
    if (!needsMore(current.join('\n'))) {
      inputs.push(current);
      current = [];
    }
  }
  if (current.length > 0) inputs.push(current);
  return inputs;
}

export async function runScriptFile(text: string, opts: RunOptions): Promise<number> {
  const cluster = createCluster({}, { schema: await loadApiSchema() });
  const session = new TerminalSession({ cluster, driver: new HeadlessDriver(cluster) });
  let status = 0;
  for (const input of splitInputs(text, (s) => session.needsMoreInput(s))) {
    if (opts.echo) opts.stdout(input.map((l, i) => `${i === 0 ? '$' : '>'} ${l}\n`).join(''));
    const joined = input.join('\n');
    if (joined.trim() === '' || joined.trim().startsWith('#')) continue;
    // Typed lines go into the history as at the prompt, so `history` and `!`-less recall work.
    session.shell.history.add(joined);
    status = await session.run(joined, { stdout: opts.stdout, stderr: opts.stderr });
  }
  return status;
}
