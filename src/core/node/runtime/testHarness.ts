/**
 * A small harness that starts containers from the default catalog on a VirtualClock, for tests
 * and as a worked example of how the kubelet drives the runtime: resolve → rootfs + mounts →
 * startProcess → advance the clock.
 */
import { VirtualClock } from '../../sim/clock.ts';
import { defaultCatalog } from '../images/defaultCatalog.ts';
import { createRootFS } from '../images/rootfs.ts';
import type { ContainerProcess } from './process.ts';
import { MountedFS, type Mount } from './mountFS.ts';
import { startProcess, type ContainerSpec, type StartResult } from './start.ts';
import { terminalShellRunner } from './terminalShell.ts';
import type { Request, Response } from './types.ts';

/** HARNESS_START is the virtual start time: 2024-12-10T10:00:00Z. */
export const HARNESS_START = Date.UTC(2024, 11, 10, 10, 0, 0);

/** RuntimeHarness owns a clock, a catalog and a shell runner. */
export class RuntimeHarness {
  readonly clock = new VirtualClock(HARNESS_START);
  readonly catalog = defaultCatalog();
  readonly shell = terminalShellRunner(() => this.clock.now());

  /** start resolves `image` and starts a container; throws if the image does not resolve. */
  start(image: string, spec: Partial<Omit<ContainerSpec, 'image' | 'fs'>> & { mounts?: Mount[] } = {}): StartResult {
    const resolved = this.catalog.resolve(image);
    if (!resolved.ok) throw new Error(resolved.error.message);
    const fs = new MountedFS(createRootFS(resolved.image, () => this.clock.now()), spec.mounts ?? []);
    return startProcess(
      { hostname: 'test-pod', podIP: '10.244.1.5', ...spec, image: resolved.image, fs },
      { clock: this.clock, shell: this.shell, cpus: 2, seed: 7 },
    );
  }

  /** run is start that expects success. */
  run(image: string, spec: Parameters<RuntimeHarness['start']>[1] = {}): ContainerProcess {
    const r = this.start(image, spec);
    if (!r.ok) throw new Error(r.failure.message);
    return r.process;
  }

  /** advance moves virtual time forward by `ms`, firing timers and letting promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    await settle();
    for (;;) {
      const next = this.clock.nextTimerAt();
      if (next === undefined || next > end) break;
      this.clock.setTime(next);
      this.clock.fireDue();
      await settle();
    }
    this.clock.setTime(end);
    await settle();
  }

  /** get sends `GET path` to a process port from 10.244.1.1. */
  get(proc: ContainerProcess, port: number, path: string, headers: Record<string, string> = {}): Promise<Response | undefined> {
    const req: Request = { method: 'GET', path, headers: { host: `10.244.1.5:${port}`, 'user-agent': 'curl/8.5.0', accept: '*/*', ...headers }, body: '', fromIP: '10.244.1.1' };
    return proc.request(port, req);
  }
}

/** settle lets pending promise chains run (many microtask turns, deterministic order). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}
