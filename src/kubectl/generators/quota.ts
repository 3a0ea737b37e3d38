/**
 * `kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2]`
 *
 * Models create_quota.go. NOTE: quantities are printed as typed; kubectl prints their
 * canonical form (e.g. "1000m" → "1"), which differs only for non-canonical input.
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, sortedRecord, type GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName } from './usageError.ts';

/** QuotaFlags are the parsed flags of `create quota`. */
export interface QuotaFlags {
  /** --hard: "resource=quantity,...". */
  hard?: string;
  /** --scopes: "Scope1,Scope2". */
  scopes?: string;
}

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/** generateQuota builds the v1 ResourceQuota kubectl would create. */
export function generateQuota(args: string[], flags: QuotaFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const spec: Record<string, unknown> = {};
  const hard: Record<string, string> = {};
  for (const pair of (flags.hard ?? '').split(',').filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new UsageError(`invalid argument ${JSON.stringify(pair)}: expected key=value`);
    const value = pair.slice(eq + 1);
    if (!QUANTITY.test(value)) throw new UsageError("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    hard[pair.slice(0, eq)] = value;
  }
  if (Object.keys(hard).length > 0) spec.hard = sortedRecord(hard);
  const scopes = (flags.scopes ?? '').split(',').filter((s) => s !== '');
  if (scopes.length > 0) spec.scopes = scopes;
  return { kind: 'ResourceQuota', apiVersion: 'v1', metadata: objectMeta(name, ctx), spec, status: {} };
}
