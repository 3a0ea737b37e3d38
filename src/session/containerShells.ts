/**
 * Interactive shells inside containers, for `kubectl exec -it POD -- sh`: the terminal's input
 * goes to a shell running in the container (its filesystem, env and tools) until `exit`,
 * with the prompt that image's shell prints.
 */
import { PODS } from '../core/client/client.ts';
import type { Cluster } from '../core/sim/cluster.ts';
import type { ContainerProcess } from '../core/node/runtime/process.ts';
import { shellDialectFor } from '../core/node/runtime/shellRunner.ts';
import { containerShell } from '../core/node/runtime/terminalShell.ts';
import type { Shell } from '../shell/shell.ts';
import type { OutputSink } from '../shell/types.ts';
import type { TimeDriver } from './timeDriver.ts';

/** NestedShell is one open container shell. */
export interface NestedShell {
  shell: Shell;
  prompt(): string;
  onExit?: (status: number, out: OutputSink) => void | Promise<void>;
}

interface KubeletLike {
  record(namespace: string, name: string): { containers: readonly { name: string; process?: ContainerProcess }[] } | undefined;
}

/** openContainerShell starts a shell in a running container, or returns undefined. */
export function openContainerShell(
  cluster: Cluster,
  driver: TimeDriver,
  namespace: string,
  podName: string,
  container: string,
  command: string[],
): NestedShell | undefined {
  const pod = cluster.client().tryGet(PODS, namespace, podName);
  const node = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
  const kubelet = node ? (cluster.services.get(`kubelet/${node}`) as KubeletLike | undefined) : undefined;
  const proc = kubelet?.record(namespace, podName)?.containers.find((c) => c.name === container)?.process;
  const program = command[0].slice(command[0].lastIndexOf('/') + 1);
  // An image without that shell (distroless, bash in busybox) cannot run it: the caller's exec
  // then fails as runc does.
  if (!proc?.running || !proc.shells.includes(program)) return undefined;
  const dialect = shellDialectFor(proc.image.reference, command[0]);
  const shell = containerShell(proc, { now: () => cluster.now(), sleep: (ms) => driver.sleep(ms), dialect });
  const busybox = dialect === 'ash';
  const prompt = (): string => {
    const cwd = shell.cwd;
    // bash shows user@host:dir#, busybox ash shows "dir # ", Debian's dash only "# ".
    if (program === 'bash') return `root@${proc.hostname}:${cwd === '/root' ? '~' : cwd}# `;
    if (busybox) return `${cwd} # `;
    return '# ';
  };
  return { shell, prompt };
}
