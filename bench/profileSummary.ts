/**
 * Summarises a `.cpuprofile`: self time per function and per source file, and total (inclusive)
 * time per function, top N. `node bin/run-ts.mjs bench/profileSummary.ts file.cpuprofile [N]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const file = process.argv[2];
const top = Number(process.argv[3] ?? 40) || 40;
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map<number, number>();
prof.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const shortUrl = (u: string) => u.replace(/^.*\/src\//, 'src/').replace(/^.*node_modules\//, 'nm/');
const fnKey = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const selfFn = new Map<string, number>();
const selfFile = new Map<string, number>();
const inclFn = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  selfFn.set(fnKey(n), (selfFn.get(fnKey(n)) ?? 0) + us);
  const f = shortUrl(n.callFrame.url) || n.callFrame.functionName;
  selfFile.set(f, (selfFile.get(f) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = fnKey(byId.get(cur)!);
    if (seen.has(k)) continue;
    seen.add(k);
    inclFn.set(k, (inclFn.get(k) ?? 0) + us);
  }
}
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n== ${title} (total ${(total / 1e6).toFixed(2)} s)`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
};
print('self by file', selfFile);
print('self by function', selfFn);
print('inclusive by function', inclFn);
