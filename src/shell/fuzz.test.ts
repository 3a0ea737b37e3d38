import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Shell } from './shell.ts';

/*
 * Property tests: whatever a learner types, run() resolves (never throws,
 * never hangs) and needsMoreInput() answers. Lines are built from shell
 * metacharacters and keywords so the parser's error paths are exercised.
 */

const pieces = [
  'echo', 'a', '"', "'", '`', '$(', ')', '(', '{', '}', ';', ';;', '&&', '||', '|', '&', '<', '>', '>>', '2>&1', '<<', 'EOF',
  '\n', ' ', '$', '${', '$((', '))', 'if', 'then', 'fi', 'for', 'in', 'do', 'done', 'while', 'true', 'case', 'esac', '[[', ']]',
  '[', ']', '\\', '*', '~', '#', '=', 'x=1', '$?', 'break', 'exit', 'cat', 'grep', 'sed', 'awk', 'jq', '-n', '1', '/',
];

const line = fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((xs) => xs.join(' '));
const joined = fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((xs) => xs.join(''));

describe('robustness', () => {
  it('never throws out of run() on random token soup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(line, joined, fc.string({ maxLength: 60 })), async (text) => {
        const sh = new Shell({ limits: { loopIterations: 50, commands: 2000 } });
        const status = await sh.run(text, { stdout: () => {}, stderr: () => {} });
        expect(Number.isInteger(status)).toBe(true);
        expect(typeof sh.needsMoreInput(text)).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });

  it('handles huge and deeply nested input', async () => {
    const sh = new Shell();
    const sink = { stdout: () => {}, stderr: () => {} };
    expect(await sh.run('('.repeat(5000), sink)).toBe(2);
    expect(await sh.run('echo ' + '$('.repeat(300) + ')'.repeat(300), sink)).toBeTypeOf('number');
    expect(await sh.run('echo ' + 'x'.repeat(200_000), sink)).toBe(0);
  });
});
