/**
 * Scenario harness: run terminal lines through a headless session on a fresh default
 * cluster, exactly as `kubeplay run` does, and collect what each line printed.
 */
import { loadApiSchema } from '../../src/core/api/schema/index.ts';
import { createCluster } from '../../src/core/sim/createCluster.ts';
import type { Cluster, ClusterOptions } from '../../src/core/sim/cluster.ts';
import { TerminalSession } from '../../src/session/session.ts';
import { HeadlessDriver } from '../../src/session/timeDriver.ts';

/** LineResult is what one terminal input printed and its exit status. */
export interface LineResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** Scenario is a live headless terminal. */
export interface Scenario {
  session: TerminalSession;
  /** cluster is the simulated cluster behind the terminal (for faults such as stopping a kubelet). */
  cluster: Cluster;
  /** run types one input and returns what it printed. */
  run(input: string): Promise<LineResult>;
  /** out runs an input and returns stdout+stderr as the terminal shows them. */
  out(input: string): Promise<string>;
}

/** scenario starts a fresh default cluster (same seed ⇒ same names every run). */
export async function scenario(options: Partial<ClusterOptions> = {}): Promise<Scenario> {
  const cluster = createCluster(options, { schema: await loadApiSchema() });
  const session = new TerminalSession({ cluster, driver: new HeadlessDriver(cluster) });
  const run = async (input: string): Promise<LineResult> => {
    let stdout = '';
    let stderr = '';
    let both = '';
    const status = await session.run(input, {
      stdout: (s) => {
        stdout += s;
        both += s;
      },
      stderr: (s) => {
        stderr += s;
        both += s;
      },
    });
    lastBoth = both;
    return { stdout, stderr, status };
  };
  let lastBoth = '';
  return {
    session,
    cluster,
    run,
    async out(input: string) {
      await run(input);
      return lastBoth;
    },
  };
}
