/**
 * `npm run bench`: prints the figures of issue 2 (throughput, scheduler, heap per pod, API
 * latency) with their targets. Figures only, never timed assertions (DESIGN §9).
 *
 * The largest run (30,000 pods over 100 nodes, as issue 2 asks; about a minute and ~0.5 GB of
 * heap) happens once and is shared by the heap and API-latency figures. `--quick` makes it a
 * 3,000-pod run instead (about 30 s in all). The 300- and 3,000-pod figures are the median of
 * five and three runs, the scheduler's of three; every run is printed.
 */
import { runApiLatency } from './apiLatency.ts';
import { driveUntil, fmt, heapUsed, median, printTable, type Figure } from './harness.ts';
import { runScheduler } from './scheduler.ts';
import { benchCluster, runThroughput } from './throughput.ts';

const quick = process.argv.includes('--quick');
const figures: Figure[] = [];
const log = (s: string) => console.log(s);

// The first run in a process pays for compiling the engine (parsing, JIT tiers); a learner pays
// that once per page load, and V8 keeps optimising for a few more runs. The warm-up runs are
// printed, and the figures below are of a warm engine, as
// benchmark harnesses measure (JMH, benchmark.js).
for (const pods of [300, 3000]) {
  const r = await runThroughput(pods);
  log(
    `warm-up: throughput ${pods} pods (${pods === 300 ? 'first run, includes JIT compilation' : 'second run'}): ${fmt(r.podsPerCpuSecond)} pods/CPU-s, ${fmt(r.cpu)} CPU-s`,
  );
}

// Measured runs: the median of five (300 pods) or three (3,000 pods) fresh clusters, each run
// printed, so one noisy run on a shared machine does not make the figure.
for (const [pods, runs] of [
  [300, 5],
  [3000, 3],
] as const) {
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runThroughput(pods);
    rates.push(r.podsPerCpuSecond);
    log(`throughput ${pods} pods, run ${i + 1}/${runs}: ${fmt(r.cpu)} CPU-s, ${r.virtualMs / 1000}s virtual, ${fmt(r.podsPerCpuSecond)} pods/CPU-s`);
  }
  figures.push({
    bench: `throughput, ${fmt(pods)} pods / 100 nodes`,
    value: median(rates),
    unit: 'pods/CPU-s',
    target: 1500,
    higher: true,
    note: `median of ${runs} runs`,
  });
}

const bigPods = quick ? 3000 : 30_000;
{
  const cluster = benchCluster(Math.ceil(bigPods / 100) + 20);
  const before = heapUsed();
  const r = await runThroughput(bigPods, cluster);
  const after = heapUsed();
  log(
    `throughput ${bigPods} pods: ${fmt(r.cpu)} CPU-s, ${r.virtualMs / 1000}s virtual, heap +${fmt((after - before) / 2 ** 20)} MiB`,
  );
  if (!quick)
    figures.push({
      bench: `throughput, ${fmt(bigPods)} pods / 100 nodes`,
      value: r.podsPerCpuSecond,
      unit: 'pods/CPU-s',
      target: 1500,
      higher: true,
      note: 'one run',
    });
  figures.push({
    bench: `heap per pod (${fmt(bigPods)} Running)`,
    value: (after - before) / bigPods,
    unit: 'bytes',
    target: 2048,
    higher: false,
    note: 'pods + their 6 Events + RS/kubelet/scheduler state',
  });
  const lat = runApiLatency(r.cluster);
  log(
    `api latency at ${fmt(lat.storedPods)} pods (ms): ${Object.entries(lat.perVerb)
      .map(([v, x]) => `${v} p50 ${fmt(x.p50)} p99 ${fmt(x.p99)}`)
      .join(', ')}`,
  );
  figures.push({
    bench: `API p99 single-object (${fmt(lat.storedPods)} pods)`,
    value: lat.p99,
    unit: 'ms',
    target: 1,
    higher: false,
    note: 'get/create/update/patch/delete',
  });
  // After an hour the creation Events expire (the API server's 1 h event TTL) and the etcd
  // compactor drops their deletions within 10 minutes: what a
  // Running pod costs while it runs.
  await driveUntil(r.cluster, () => false, 75 * 60_000, 60_000);
  const steady = heapUsed();
  log(`75 minutes later (Events expired, their deletions compacted): heap +${fmt((steady - before) / 2 ** 20)} MiB`);
  figures.push({
    bench: `heap per pod, 75 min later (${fmt(bigPods)})`,
    value: (steady - before) / bigPods,
    unit: 'bytes',
    target: 2048,
    higher: false,
    note: 'creation Events expired; pods + runtime + caches',
  });
}

{
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await runScheduler(5000, 1000);
    rates.push(r.podsPerCpuSecond);
    log(`scheduler, run ${i + 1}/3: ${r.pods} pods on ${r.nodes} nodes in ${fmt(r.cpu)} CPU-s, ${fmt(r.podsPerCpuSecond)} pods/CPU-s`);
  }
  figures.push({
    bench: 'scheduler, 5,000 nodes',
    value: median(rates),
    unit: 'pods/CPU-s',
    target: 1000,
    higher: true,
    note: 'median of 3 runs',
  });
}

console.log('');
printTable(figures);
