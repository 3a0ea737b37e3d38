import { describe, expect, it } from 'vitest';
import { Shell } from './shell.ts';
import { runIn } from './testHelpers.ts';

describe('terminal size', () => {
  it('sets COLUMNS and LINES as shell variables, not exported (bash checkwinsize)', async () => {
    const sh = new Shell();
    expect((await runIn(sh, 'echo "[$COLUMNS]"')).out).toBe('[]\n');
    sh.setTerminalSize(120, 40);
    expect((await runIn(sh, 'echo $COLUMNS $LINES; env | grep -c COLUMNS')).out).toBe('120 40\n0\n');
    sh.setTerminalSize(0, 40);
    expect((await runIn(sh, 'echo $COLUMNS')).out).toBe('120\n');
  });

  it('watch right-aligns its title to the terminal width', async () => {
    const title = async (sh: Shell) => (await runIn(sh, 'watch -n 1 echo hi')).out.split('\n')[0].replace('\x1b[H\x1b[2J', '');
    const opts = { sleep: async () => undefined, limits: { loopIterations: 1 } };
    expect((await title(new Shell(opts))).length).toBe(80);
    const wide = new Shell(opts);
    wide.setTerminalSize(132, 40);
    const t = await title(wide);
    expect(t.length).toBe(132);
    expect(t).toMatch(/^Every 1\.0s: echo hi +controlplane: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
  });
});
