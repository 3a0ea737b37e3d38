/**
 * Property: random shell lines (words, quotes, pipes, `&&`/`||`/`;`, redirections,
 * variables, here-doc markers, unbalanced quoting, control characters) never make
 * TerminalSession.run throw or hang, never leak a JavaScript error into the output, and
 * leave the cluster working.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCluster, freshSession, leakedFailure, runBounded } from './terminal.ts';

const WORDS = [
  'echo', 'cat', 'grep', 'head', 'tail', 'wc', 'sort', 'base64', 'sleep', 'true', 'false', 'cd', 'ls', 'pwd', 'export', 'env', 'history',
  'kubectl', 'k', 'kubectl get pods', 'kubectl get ns -o name', 'kubectl version --client', 'watch', 'curl', 'clear', 'nosuchcommand',
  'hello', 'a=b', '$HOME', '${X}', '$(echo hi)', '`date`', '~', '*', '?', '-n', '-e', '-c', '1', '0', '-1', '3600', '/tmp', 'files/x.yaml',
];
const OPERATORS = ['|', '||', '&&', ';', '&', '>', '>>', '<', '2>&1', '2>/dev/null', '<<EOF', '<<', '(', ')', '{', '}', '\\', '#'];
const QUOTES = ['"', "'", '"a b"', "'a b'", '"$X"', "'$X'", '"\\""', '\\n', '\t', '\u0000', '\u001b[A', 'é', '漢'];

const part = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...OPERATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...QUOTES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const shellLine = fc.array(part, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));

describe('random shell lines', () => {
  it('never throw, hang, leak JavaScript errors or break the cluster', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(shellLine, { minLength: 1, maxLength: 3 }), async (lines) => {
        const s = await freshSession();
        for (const line of lines) {
          const r = await runBounded(s, line);
          expect(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255, `exit status of ${line}`).toBe(true);
          expect(leakedFailure(r), `output of ${JSON.stringify(line)}`).toBeUndefined();
        }
        expect(await checkCluster(s, lines)).toBeUndefined();
      }),
      { numRuns: 40, seed: Number(process.env.KP_PROPERTY_SEED ?? 20241122), endOnFailure: true },
    );
  }, 120_000);
});
