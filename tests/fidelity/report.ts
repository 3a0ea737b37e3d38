/**
 * report prints the fidelity cases whose kubeplay output differs from the real kubectl's
 * golden, with both sides, to fix them one by one:
 *   node bin/run-ts.mjs tests/fidelity/report.ts [slug-prefix...]
 */
import { normalise, readCases, readGolden, runCase } from './goldens.ts';

const prefixes = process.argv.slice(2);
let differing = 0;
for (const c of readCases()) {
  if (prefixes.length > 0 && !prefixes.some((p) => c.slug.startsWith(p))) continue;
  const golden = readGolden(c.slug);
  if (!golden) continue;
  const got = normalise(await runCase(golden.line));
  const want = normalise({ status: golden.exit, stdout: golden.stdout, stderr: golden.stderr });
  if (JSON.stringify(got) === JSON.stringify(want)) continue;
  differing++;
  console.log(`==== ${c.slug}: ${golden.line}`);
  for (const k of ['status', 'stdout', 'stderr'] as const) {
    if (got[k] !== want[k]) console.log(`-- ${k}\n  want: ${JSON.stringify(want[k])}\n  got:  ${JSON.stringify(got[k])}`);
  }
}
console.log(`${differing} differing`);
