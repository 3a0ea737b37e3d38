/**
 * kubectl wait (staging/src/k8s.io/kubectl/pkg/cmd/wait/: wait.go, condition.go,
 * delete.go, create.go, json.go).
 *
 * `--for=condition=Ready[=false]` (types and statuses compared case-insensitively, stale
 * conditions — observedGeneration below generation — do not count), `--for=delete`,
 * `--for=create`, `--for=jsonpath='{.status.phase}'=Running` (or just the path: it must
 * exist). One deadline (--timeout, default 30s) covers every object; each met object
 * prints `pod/x condition met`; a timeout reads
 * `error: timed out waiting for the condition on pods/x`. --timeout=0 checks once.
 */
import { isStatusError } from '../../core/api/status.ts';
import type { KubeObject } from '../../core/api/types.ts';
import type { ResourceDefinition } from '../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { parseGoDuration } from '../flags.ts';
import { qualifiedName } from '../mapper.ts';
import { printObjects } from '../output.ts';
import { relaxedJSONPathExpression } from '../printers/customColumns.ts';
import { JSONPath } from '../printers/jsonpath.ts';
import { withTypeMeta } from './objectWrites.ts';
import { isNotFound, visitObjects, type Found } from './visit.ts';

export const wait: KubectlCommand = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  run: runWait,
};

/** Condition is a parsed --for: how to test one (possibly missing) object. */
type Condition = { kind: 'delete' } | { kind: 'create' } | { kind: 'check'; test: (obj: KubeObject) => boolean };

/** parseCondition is conditionFuncFor. */
export function parseCondition(forValue: string): Condition {
  if (forValue.toLowerCase() === 'delete') return { kind: 'delete' };
  if (forValue.toLowerCase() === 'create') return { kind: 'create' };
  if (forValue.startsWith('condition=')) {
    let name = forValue.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { kind: 'check', test: (obj) => conditionMet(obj, name, value) };
  }
  if (forValue.startsWith('jsonpath=')) return { kind: 'check', test: jsonPathTest(forValue.slice('jsonpath='.length)) };
  throw new CommandError(`error: unrecognized condition: "${forValue}"`);
}

/** conditionMet is ConditionalWait.checkCondition. */
function conditionMet(obj: KubeObject, name: string, value: string): boolean {
  const status = (obj as { status?: { conditions?: Array<Record<string, unknown>>; observedGeneration?: number } }).status;
  for (const c of status?.conditions ?? []) {
    if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata.generation;
    if (generation !== undefined) {
      const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : status?.observedGeneration;
      if (observed !== undefined && observed < generation) return false;
    }
    return c.status.toLowerCase() === value.toLowerCase();
  }
  return false;
}

/** jsonPathTest is processJSONPathInput + JSONPathWait.checkCondition. */
function jsonPathTest(input: string): (obj: KubeObject) => boolean {
  const parts = splitOnSingleEquals(input);
  if (parts.length < 1 || parts.length > 2) {
    throw new CommandError("error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  }
  let expression: string;
  try {
    expression = relaxedJSONPathExpression(parts[0]);
  } catch (err) {
    throw new CommandError(`error: ${(err as Error).message}`);
  }
  if (expression === '' || parts[0] === '') throw new CommandError('error: jsonpath expression cannot be empty');
  let want: string | undefined;
  if (parts.length === 2) {
    want = parts[1].replace(/^['"]+|['"]+$/g, '');
    if (want === '') throw new CommandError("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  const path = new JSONPath(expression);
  return (obj) => {
    const groups = path.results(obj as never);
    if (groups.length > 1) throw new CommandError('error: given jsonpath expression matches more than one list');
    const values = groups[0] ?? [];
    if (values.length === 0) return false;
    if (values.length > 1) throw new CommandError('error: given jsonpath expression matches more than one value');
    if (want === undefined) return true;
    const v = values[0];
    if (v !== null && typeof v === 'object') throw new CommandError('error: jsonpath leads to a nested object or list which is not supported');
    return String(v) === want;
  };
}

/** splitOnSingleEquals splits on "=" but keeps "==" (splitJSONPathInput). */
function splitOnSingleEquals(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

async function runWait(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  const forValues = flags.strings('for').filter((v) => v !== "''");
  const condition = parseCondition(forValues[forValues.length - 1] ?? '');
  const timeoutFlag = parseGoDuration(flags.string('timeout') || '30s') ?? 30_000;
  const timeout = timeoutFlag < 0 ? 168 * 3600_000 : timeoutFlag;
  const deadline = ctx.now() + timeout;

  let targets: Found[];
  if (condition.kind === 'create') {
    targets = await waitForCreate(inv, deadline, timeout === 0);
  } else {
    const { found, errors } = visitObjects(inv, { args: inv.args, allNamespaces: flags.bool('all-namespaces'), requireNames: true });
    const remaining = condition.kind === 'delete' ? errors.filter((e) => !isNotFound(e)) : errors;
    if (remaining.length > 0) throw remaining[0];
    if (found.length === 0 && condition.kind !== 'delete') throw new CommandError('error: no matching resources found');
    targets = found;
  }

  for (const t of targets) {
    const ns = t.object.metadata.namespace ?? '';
    const name = t.object.metadata.name ?? '';
    const timedOut = new CommandError(`error: timed out waiting for the condition on ${t.def.resource}/${name}`);
    let final: KubeObject | undefined = t.object;
    if (condition.kind === 'delete') {
      const uid = t.object.metadata.uid;
      const gone = () => {
        const o = ctx.client.tryGet(t.def, ns, name);
        return !o || o.metadata.uid !== uid;
      };
      if (!gone()) {
        if (timeout === 0) throw new CommandError(`error: condition not met for ${t.def.resource}/${name}`);
        const ok = await ctx.waitFor(() => gone() || ctx.signal.aborted, Math.max(0, deadline - ctx.now()), ctx.signal);
        if (!ok || ctx.signal.aborted) throw timedOut;
      }
    } else if (condition.kind === 'check') {
      const current = () => ctx.client.tryGet(t.def, ns, name);
      const met = () => {
        const o = current();
        if (o && condition.test(o)) {
          final = o;
          return true;
        }
        return false;
      };
      if (!met()) {
        if (!current()) throw notFound(t.def, name);
        if (timeout === 0) throw new CommandError(`error: condition not met for ${t.def.resource}/${name}`);
        const ok = await ctx.waitFor(() => met() || ctx.signal.aborted, Math.max(0, deadline - ctx.now()), ctx.signal);
        if (!ok || ctx.signal.aborted) throw timedOut;
      }
    }
    printMet(inv, t.def, final ?? t.object);
  }
  return 0;
}

/** waitForCreate polls for the named objects to exist (the Builder retried until the deadline). */
async function waitForCreate(inv: Invocation, deadline: number, once: boolean): Promise<Found[]> {
  const { ctx } = inv;
  let result: Found[] = [];
  let lastErr: unknown;
  const attempt = () => {
    try {
      const { found, errors } = visitObjects(inv, { args: inv.args });
      if (errors.length === 0 && found.length > 0) {
        result = found;
        return true;
      }
      lastErr = errors[0];
    } catch (err) {
      lastErr = err;
    }
    return false;
  };
  if (attempt()) return result;
  if (!once) {
    const ok = await ctx.waitFor(() => attempt() || ctx.signal.aborted, Math.max(0, deadline - ctx.now()), ctx.signal);
    if (ok && result.length > 0) return result;
  }
  if (lastErr && isStatusError(lastErr) && lastErr.code === 404) {
    const [type, name] = inv.args[0]?.includes('/') ? inv.args[0].split('/') : [inv.args[0], inv.args[1]];
    const def = inv.mapper.resolve(type ?? '');
    throw new CommandError(`error: timed out waiting for the condition on ${def.resource}/${name ?? ''}`);
  }
  throw lastErr ?? new CommandError('error: no matching resources found');
}

function printMet(inv: Invocation, def: ResourceDefinition, obj: KubeObject): void {
  const output = inv.flags.string('output');
  if (output !== '') inv.ctx.stdout(printObjects(output, [withTypeMeta(def, obj)], false));
  else inv.ctx.stdout(`${qualifiedName(def, obj.metadata.name ?? '')} condition met\n`);
}

function notFound(def: ResourceDefinition, name: string): CommandError {
  return new CommandError(`Error from server (NotFound): ${def.group ? `${def.resource}.${def.group}` : def.resource} "${name}" not found`);
}
