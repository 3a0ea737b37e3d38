/**
 * internString returns one shared copy of `s`, flat: the strings every replica of a workload
 * writes alike (log lines, environment values, resolv.conf, mount-point paths) are kept once
 * instead of once per container. Bounded: the table is cleared when full, which only costs
 * later duplicates their sharing, never correctness.
 */
import { flatString } from '../../api/flatString.ts';

const table = new Map<string, string>();
const TABLE_MAX = 8192;

/** internString is `s`, or the equal string interned before it. */
export function internString(s: string): string {
  const known = table.get(s);
  if (known !== undefined) return known;
  if (table.size >= TABLE_MAX) table.clear();
  const flat = flatString(s);
  table.set(flat, flat);
  return flat;
}

const argvs = new Map<string, readonly string[]>();
const ARGVS_MAX = 1024;

/**
 * internArgv returns one shared frozen copy of a command line: every replica of a workload
 * starts PID 1 with the same argv (`nginx -g daemon off;`), kept for the container's life.
 * Bounded like internString.
 */
export function internArgv(argv: readonly string[]): readonly string[] {
  // NUL cannot occur in an exec argument, so the joined key is unambiguous.
  const key = argv.join('\u0000');
  const known = argvs.get(key);
  if (known !== undefined) return known;
  if (argvs.size >= ARGVS_MAX) argvs.clear();
  const shared = Object.freeze(argv.slice());
  argvs.set(flatString(key), shared);
  return shared;
}
