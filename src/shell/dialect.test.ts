import { describe, expect, it } from 'vitest';
import { ASH, BASH, DASH } from './dialect.ts';
import { runShell } from './testHelpers.ts';

/** run types `text` into a fresh shell of the dialect and returns stderr and the status. */
async function run(text: string, dialect = BASH): Promise<{ err: string; status: number }> {
  const r = await runShell(text, { dialect });
  return { err: r.err, status: r.status };
}

describe('shell dialects', () => {
  it('keeps bash wording on the terminal', async () => {
    expect(await run('foo')).toEqual({ err: 'bash: foo: command not found\n', status: 127 });
    expect(await run('cat < /nope')).toEqual({ err: 'bash: /nope: No such file or directory\n', status: 1 });
    expect(await run('echo )')).toEqual({ err: "bash: syntax error near unexpected token `)'\n", status: 2 });
  });

  it('speaks busybox ash in busybox and alpine images', async () => {
    expect(await run('foo', ASH)).toEqual({ err: 'sh: foo: not found\n', status: 127 });
    expect(await run('./x', ASH)).toEqual({ err: 'sh: ./x: not found\n', status: 127 });
    expect(await run('cat < /nope', ASH)).toEqual({ err: "sh: can't open '/nope': No such file or directory\n", status: 1 });
    expect(await run('echo )', ASH)).toEqual({ err: 'sh: syntax error: unexpected ")"\n', status: 2 });
    expect(await run('echo "abc', ASH)).toEqual({ err: 'sh: syntax error: unterminated quoted string\n', status: 2 });
    expect(await run('if true; then echo', ASH)).toEqual({ err: 'sh: syntax error: unexpected end of file (expecting "fi")\n', status: 2 });
    expect(await run('sh /nope.sh', ASH)).toEqual({ err: "sh: can't open '/nope.sh': No such file or directory\n", status: 2 });
  });

  it("speaks Debian's dash in other images", async () => {
    expect(await run('foo', DASH)).toEqual({ err: 'sh: 1: foo: not found\n', status: 127 });
    expect(await run('cat < /nope', DASH)).toEqual({ err: 'sh: 1: cannot open /nope: No such file\n', status: 2 });
    expect(await run('echo )', DASH)).toEqual({ err: 'sh: 1: Syntax error: ")" unexpected\n', status: 2 });
    expect(await run('while true; do echo', DASH)).toEqual({ err: 'sh: 1: Syntax error: end of file unexpected (expecting "done")\n', status: 2 });
    expect(await run('sh /nope.sh', DASH)).toEqual({ err: 'sh: 0: cannot open /nope.sh: No such file\n', status: 2 });
  });
});
