/**
 * The offline fidelity sweep: every case of cases.txt was recorded from the real kubectl
 * v1.32 by update.sh into golden/<slug>.golden (stdout, stderr, exit code). Here the same
 * line is typed into a fresh headless kubeplay terminal and must print the same bytes and
 * exit with the same status. Cases listed in KNOWN_DIFFERENCES.md are expected to differ:
 * they run with `it.fails`, so fixing one makes its test fail until it leaves the list.
 */
import { describe, expect, it } from 'vitest';
import { knownDifferences, normalise, readCases, readGolden, runCase } from './goldens.ts';

/** fidelitySuite declares one Vitest test per recorded case of the given sections. */
export function fidelitySuite(title: string, sections: string[]): void {
  const known = knownDifferences();
  const cases = readCases().filter((c) => sections.includes(c.section));
  describe(title, () => {
    it('has recorded cases', () => expect(cases.length).toBeGreaterThan(10));
    for (const c of cases) {
      const golden = readGolden(c.slug);
      if (!golden) {
        it.skip(`${c.slug} (no golden: run tests/fidelity/update.sh with the real kubectl)`, () => {});
        continue;
      }
      const reason = known.get(c.slug);
      const test = reason ? it.fails : it;
      test(reason ? `${c.slug} [known difference: ${reason}]` : c.slug, async () => {
        const got = await runCase(golden.line);
        expect(normalise(got)).toEqual(normalise({ status: golden.exit, stdout: golden.stdout, stderr: golden.stderr }));
      });
    }
  });
}
