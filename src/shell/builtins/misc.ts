import type { Command } from '../types.ts';

/** sleep waits via io.sleep (the host's clock); suffixes s, m, h, d; several operands add up. */
export const sleep: Command = async (io) => {
  const args = io.argv.slice(1);
  if (args.length === 0) {
    io.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      io.stderr(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    ms += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]! * 1000;
  }
  await io.sleep(ms);
  return io.signal.aborted ? 130 : 0;
};

/** clear homes the cursor and erases the screen, the bytes `clear` sends to an xterm. */
export const clear: Command = async (io) => {
  io.stdout('\x1b[H\x1b[2J');
  return 0;
};

/** constant makes a command that prints one line (whoami, hostname, uname). */
export function constant(text: () => string): Command {
  return async (io) => {
    io.stdout(text() + '\n');
    return 0;
  };
}
