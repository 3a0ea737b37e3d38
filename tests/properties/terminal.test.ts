/** The properties' own checks must be able to fail: leaked JavaScript errors are recognised, real kubectl text is not. */
import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/kubectl/help/index.ts';
import { freshSession, leakedFailure, runBounded } from './terminal.ts';

describe('property helpers', () => {
  it('recognise a JavaScript failure printed as a kubectl error', () => {
    const r = { stdout: '', stderr: "error: Cannot read properties of undefined (reading 'metadata')\n", status: 1 };
    expect(leakedFailure(r)).toBe(r.stderr);
    expect(leakedFailure({ stdout: 'x is not a function\n', stderr: '', status: 1 })).toBeDefined();
  });

  it('do not mistake the real help texts for failures', () => {
    for (const path of ['', 'edit', 'get', 'exec', 'run', 'create secret generic']) {
      expect(leakedFailure({ stdout: helpText(path) ?? '', stderr: '', status: 0 }), path).toBeUndefined();
    }
  });

  it('interrupt a line that waits for ever and still return its status', async () => {
    const s = await freshSession();
    const r = await runBounded(s, 'kubectl get pods -A -w');
    expect(r.interrupted).toBe(true);
    expect(r.stdout).toContain('kube-system');
  }, 20_000);
});
