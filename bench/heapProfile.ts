/**
 * Heap profile: drives a throughput run of N pods (default 1,000), writes a V8 heap snapshot
 * and prints the biggest self-size totals by constructor, so per-pod retainers can be found.
 * `node bin/run-ts.mjs bench/heapProfile.ts [pods] [out.heapsnapshot]`. Figures only.
 */
import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { fmt, heapUsed } from './harness.ts';
import { benchCluster, runThroughput } from './throughput.ts';

const pods = Number(process.argv[2] ?? 1000);
const out = process.argv[3] ?? '/tmp/kubeplay.heapsnapshot';
const cluster = benchCluster(Math.ceil(pods / 100) + 20);
const before = heapUsed();
const r = await runThroughput(pods, cluster);
const after = heapUsed();
console.log(`${pods} pods: ${fmt(r.cpu)} CPU-s, heap per pod ${fmt((after - before) / pods)} bytes`);
writeHeapSnapshot(out);
summarise(out, pods);

/** summarise prints self size and count per node name (constructor), per pod, top 40. */
function summarise(file: string, n: number): void {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const types = snap.snapshot.meta.node_types[0];
  const totals = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + iName]] : `(${type})`;
    const key = type === 'closure' ? `closure ${name}` : name;
    const t = totals.get(key) ?? { size: 0, count: 0 };
    t.size += snap.nodes[i + iSize];
    t.count++;
    totals.set(key, t);
  }
  const rows = [...totals].sort((a, b) => b[1].size - a[1].size).slice(0, 40);
  for (const [k, t] of rows) console.log(`${String(Math.round(t.size / n)).padStart(8)} B/pod ${String((t.count / n).toFixed(1)).padStart(8)} /pod  ${k.slice(0, 80)}`);
}
