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
