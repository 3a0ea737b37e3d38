import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

/** Each manifest and the exact line kubectl v1.32 prints for it (checked with the real binary, --dry-run=client). */
const CASES: Array<[string, string]> = [
  // A parser error names the line before the bad one (go-yaml prints its 0-based line).
  ['apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p\\n spec:\\n', 'yaml: line 4: did not find expected key'],
  ['apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: [p\\n', "yaml: line 4: did not find expected ',' or ']'"],
  // Scanner errors name the bad line itself.
  ['apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p\\nspec:\\n\\tcontainers: []\\n', 'yaml: line 6: found character that cannot start any token'],
  ['apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p\\n  labels: a: b\\n', 'yaml: line 5: mapping values are not allowed in this context'],
];

describe('YAML syntax errors', () => {
  it('are reported with go-yaml line numbers, as kubectl prints them', async () => {
    const s = await scenario();
    for (const [manifest, message] of CASES) {
      expect(await s.run(`printf '${manifest}' | kubectl create -f -`)).toEqual({
        stdout: '',
        stderr: `error: error parsing STDIN: error converting YAML to JSON: ${message}\n`,
        status: 1,
      });
    }
  });
});
