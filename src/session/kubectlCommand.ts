/**
 * kubectlCommand adapts kubectl to the shell: a shell Command whose CommandIO becomes a
 * KubectlContext. The cluster settles before and after each invocation, so controllers
 * have reacted to the previous command by the time the next one looks.
 */
import type { Cluster } from '../core/sim/cluster.ts';
import type { KubectlHost } from '../kubectl/context.ts';
import type { KubeConfig } from '../kubectl/kubeconfig.ts';
import { runKubectl } from '../kubectl/kubectl.ts';
import type { Command } from '../shell/types.ts';
import type { TimeDriver } from './timeDriver.ts';

/** KubectlBinding is what a session lends kubectl. */
export interface KubectlBinding {
  cluster: Cluster;
  kubeconfig: KubeConfig;
  driver: TimeDriver;
  edit?: (text: string, path: string) => Promise<string | undefined>;
  openShell?: KubectlHost['openShell'];
}

export function kubectlCommand(binding: KubectlBinding): Command {
  // Requests without --field-manager are owned by "kubectl": the API server names the
  // manager after the user agent (kubectl/v1.32.2 ...) when a request names none.
  const client = binding.cluster.client('kubectl');
  return async (io) => {
    binding.cluster.settle();
    try {
      return await runKubectl(io.argv.slice(1), {
        client,
        kubeconfig: binding.kubeconfig,
        now: () => binding.cluster.now(),
        serverVersion: () => binding.cluster.options.kubernetesVersion,
        waitFor: (done, timeoutMs, signal) => binding.driver.waitFor(done, timeoutMs, signal ?? io.signal),
        sleep: (ms, signal) => binding.driver.sleep(ms, signal ?? io.signal),
        edit: binding.edit,
        openShell: binding.openShell,
        stdin: io.stdin,
        stdout: io.stdout,
        stderr: io.stderr,
        fs: io.fs,
        cwd: io.cwd,
        env: io.env,
        signal: io.signal,
        isTTY: io.isTTY,
      });
    } finally {
      binding.cluster.settle();
    }
  };
}
