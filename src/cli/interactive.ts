/**
 * interactive: the browser's terminal, in Node. Time follows the wall clock; Ctrl-C
 * interrupts the running command; Ctrl-D leaves.
 */
import { createInterface } from 'node:readline';
import { loadApiSchema } from '../core/api/schema/index.ts';
import { createCluster } from '../core/sim/createCluster.ts';
import { RealtimeDriver } from '../session/realtimeDriver.ts';
import { TerminalSession } from '../session/session.ts';

export async function interactive(): Promise<number> {
  process.stdout.write('Starting a simulated Kubernetes v1.32 cluster...\n');
  const cluster = createCluster({}, { schema: await loadApiSchema() });
  const driver = new RealtimeDriver(cluster);
  const session = new TerminalSession({ cluster, driver });
  driver.start();
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  let pending = '';
  let running: AbortController | undefined;
  const prompt = () => {
    rl.setPrompt(pending ? '> ' : session.prompt());
    rl.prompt();
  };
  rl.on('SIGINT', () => {
    if (running) running.abort();
    else {
      pending = '';
      process.stdout.write('^C\n');
      prompt();
    }
  });
  prompt();
  let status = 0;
  for await (const line of rl) {
    pending = pending ? `${pending}\n${line}` : line;
    if (session.needsMoreInput(pending)) {
      prompt();
      continue;
    }
    const input = pending;
    pending = '';
    if (input.trim() !== '') {
      session.shell.history.add(input);
      running = new AbortController();
      status = await session.run(input, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }, running.signal);
      running = undefined;
    }
    prompt();
  }
  driver.stop();
  return status;
}
