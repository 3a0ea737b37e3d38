/**
 * Load generators for resource lessons. `polinux/stress` (the Kubernetes "Assign Memory
 * Resources" task) runs `stress --vm N --vm-bytes SIZE --cpu N --timeout Ns`: memory above the
 * container's limit gets it OOM-killed (137, OOMKilled). `vish/stress` (the CPU task) burns
 * `-cpus N` cores, throttled to the limit.
 */
import type { Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';

/** parseStressBytes reads stress's sizes: plain bytes or a B/K/M/G suffix, 1024-based. */
export function parseStressBytes(text: string): number {
  const m = /^([0-9]+)([bBkKmMgG]?)$/.exec(text);
  if (!m) return NaN;
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

function opt(argv: readonly string[], ...names: string[]): string | undefined {
  const i = argv.findIndex((a) => names.includes(a));
  return i >= 0 ? argv[i + 1] : undefined;
}

const stress: Program = async (ctx) => {
  const argv = ctx.argv;
  const vm = Number(opt(argv, '--vm', '-m') ?? 0);
  const cpu = Number(opt(argv, '--cpu', '-c') ?? 0);
  const bytes = parseStressBytes(opt(argv, '--vm-bytes') ?? '256M');
  const timeout = opt(argv, '--timeout', '-t');
  ctx.log(`stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd`);
  ctx.setUsage({ cpuMilli: cpu * 1000 + (vm > 0 ? 1000 * vm : 0), memoryBytes: 1024 * 1024 });
  // The vm workers malloc and touch their bytes within a moment of starting.
  await ctx.sleep(100);
  ctx.setUsage({ memoryBytes: 1024 * 1024 + vm * bytes });
  if (timeout !== undefined) {
    const secs = parseInt(timeout, 10);
    await ctx.sleep(secs * 1000 - 100);
    ctx.log(`stress: info: [1] successful run completed in ${secs}s`);
    return 0;
  }
  return ctx.forever();
};

const vishStress: Program = async (ctx) => {
  const cpus = Number(opt(ctx.argv, '-cpus') ?? 1);
  ctx.log(`I${new Date(ctx.now()).toISOString().slice(5, 10).replace('-', '')} ${new Date(ctx.now()).toISOString().slice(11, 23)}000       1 main.go:26] Allocating "0" memory, in "4Ki" chunks, with a 1ms sleep between allocations`, 'stderr');
  ctx.log(`I${new Date(ctx.now()).toISOString().slice(5, 10).replace('-', '')} ${new Date(ctx.now()).toISOString().slice(11, 23)}000       1 main.go:39] Spawning a thread to consume CPU`, 'stderr');
  ctx.setUsage({ cpuMilli: cpus * 1000, memoryBytes: 1024 * 1024 });
  return ctx.forever();
};

/** polinuxStressImage is docker.io/polinux/stress. */
export const polinuxStressImage: ImageDefinition = {
  repository: 'docker.io/polinux/stress',
  sizeBytes: 4_000_000,
  tags: { aliases: { latest: '1.0.4', '1.0.4': '1.0.4' } },
  config: { entrypoint: [], cmd: ['stress', '--help'], workingDir: '/', env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']], exposedPorts: [], stopSignal: 'SIGTERM' },
  programs: { stress },
  shells: ['sh'],
};

/** vishStressImage is docker.io/vish/stress. */
export const vishStressImage: ImageDefinition = {
  repository: 'docker.io/vish/stress',
  sizeBytes: 1_700_000,
  tags: { aliases: { latest: 'latest' } },
  config: { entrypoint: ['/stress', '-logtostderr'], cmd: [], workingDir: '/', env: [], exposedPorts: [], stopSignal: 'SIGTERM' },
  programs: { stress: vishStress },
  shells: [],
};
