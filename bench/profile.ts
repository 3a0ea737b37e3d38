/**
 * CPU profile of one throughput run, not part of `npm run bench`:
 * `node bin/run-ts.mjs bench/profile.ts [pods] [--warm] [--out /tmp/prof]` writes
 * `<out>/throughput-<pods>.cpuprofile`; with `--warm` it first runs the bench's two warm-up
 * runs (300 and 3,000 pods) unprofiled, so the profile shows a warm engine as `npm run bench`
 * measures it. Then `node bin/run-ts.mjs bench/profileSummary.ts <file>` prints self time per
 * function and per file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { fmt } from './harness.ts';
import { benchCluster, runThroughput } from './throughput.ts';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : '/tmp/prof';
const pods = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--out') ?? 3000);

if (args.includes('--warm')) for (const n of [300, 3000]) await runThroughput(n);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
// The cluster is built (and settled) before profiling starts: the profile is the measured run.
const cluster = benchCluster(Math.max(110, Math.ceil(pods / 100) + 20));
await session.post('Profiler.start');
const r = await runThroughput(pods, cluster);
const { profile } = await session.post('Profiler.stop');
mkdirSync(out, { recursive: true });
const file = join(out, `throughput-${pods}.cpuprofile`);
writeFileSync(file, JSON.stringify(profile));
console.log(`${pods} pods: ${fmt(r.cpu)} CPU-s, ${r.virtualMs / 1000}s virtual, ${fmt(r.podsPerCpuSecond)} pods/CPU-s -> ${file}`);
