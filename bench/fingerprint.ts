/**
 * Fingerprint: a digest of everything a cluster run produces, to prove that a performance
 * change changed no output. Not part of `npm run bench`:
 * `node bin/run-ts.mjs bench/fingerprint.ts` prints one SHA-256 per phase; compare before/after.
 *
 * Phases: 300 pods on 100 workers to Running; a rolling update to a new image; two virtual
 * hours (Events expire). The store digest covers every stored object (managedFields and
 * resourceVersions included); the components digest covers the saved component state (kubelet
 * runtimes, allocators) and the random sequence, which a change of saved format may alter alone.
 */
import { createHash } from 'node:crypto';
import { DEPLOYMENTS } from '../src/core/client/client.ts';
import type { Cluster } from '../src/core/sim/cluster.ts';
import { countPods, driveUntil, isRunning } from './harness.ts';
import { benchCluster, deployment } from './throughput.ts';

const pods = Number(process.argv[2] ?? 300);
const cluster = benchCluster(Math.ceil(pods / 100) + 20);
const client = cluster.client('kubectl-create');
const sha = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
/** digest prints the store's digest (what every client sees) and the components' (saved runtime state, allocators, random). */
const digest = (c: Cluster) => {
  const snap = c.snapshot();
  return `store ${sha([snap.store, snap.time])}  components ${sha([snap.components, snap.random])}`;
};

client.create(DEPLOYMENTS, 'default', deployment('web', pods));
await driveUntil(cluster, () => countPods(cluster, 'default', isRunning) >= pods, 30 * 60_000);
console.log(`running   ${digest(cluster)}  (t=${cluster.now()})`);

const d = client.get(DEPLOYMENTS, 'default', 'web');
const next = JSON.parse(JSON.stringify(d)) as typeof d;
(next.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0].image = 'nginx:1.26';
client.update(DEPLOYMENTS, next);
await driveUntil(cluster, () => countPods(cluster, 'default', (p) => isRunning(p) && p.spec?.containers[0].image === 'nginx:1.26') >= pods && countPods(cluster, 'default', () => true) === pods, 30 * 60_000);
console.log(`rolled    ${digest(cluster)}  (t=${cluster.now()})`);

await driveUntil(cluster, () => false, 2 * 3600_000, 10_000);
console.log(`two hours ${digest(cluster)}  (t=${cluster.now()})`);
