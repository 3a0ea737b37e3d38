import type { Command } from '../types.ts';
import { awk } from './awk.ts';
import { dateCommand } from './date.ts';
import { echo, printf } from './echo.ts';
import { cat, cp, ls, mkdir, mv, rm, tee, touch, wc } from './files.ts';
import { jq } from './jq.ts';
import { clear, constant, sleep } from './misc.ts';
import { sed } from './sed.ts';
import { base64, cut, grep, head, seq, sort, tail, tr, uniq } from './text.ts';

/** defaultCommands is the coreutils-like set every Shell starts with; hosts may override any name. */
export function defaultCommands(opts: { now: () => number; hostname: () => string; user: () => string }): Record<string, Command> {
  return {
    echo, printf, cat, tee, touch, mkdir, rm, cp, mv, ls, wc,
    grep, egrep: grep, head, tail, sort, uniq, cut, tr, base64, seq,
    awk, sed, jq, sleep, clear,
    date: dateCommand(opts.now),
    whoami: constant(opts.user),
    hostname: constant(opts.hostname),
    uname: async (io) => {
      io.stdout(io.argv.includes('-a') ? `Linux ${opts.hostname()} 5.15.0-kubeplay #1 SMP x86_64 GNU/Linux\n` : 'Linux\n');
      return 0;
    },
  };
}
