/**
 * CPU profile of one throughput run, not part of `npm run bench`:
 * `node --cpu-prof --cpu-prof-dir=/tmp/prof bin/run-ts.mjs bench/profile.ts [pods]`, then
 * `node bin/run-ts.mjs bench/profileSummary.ts /tmp/prof/<file>.cpuprofile` for self time per function and per file.
 */
import { fmt } from './harness.ts';
import { runThroughput } from './throughput.ts';

const pods = Number(process.argv[2] ?? 3000);
const r = await runThroughput(pods);
console.log(`${pods} pods: ${fmt(r.cpu)} CPU-s, ${r.virtualMs / 1000}s virtual, ${fmt(r.podsPerCpuSecond)} pods/CPU-s`);
