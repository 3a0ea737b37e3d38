/**
 * kubectl apply --server-side (apply.go's server-side branch): send the manifest as an
 * apply patch, explain field-ownership conflicts, and afterwards move the ownership that
 * earlier client-side applies recorded to the server-side manager (the csaupgrade
 * migration), so fields later dropped from the manifest are removed as the user expects.
 */
import { isStatusError } from '../../../core/api/status.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Invocation } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { LAST_APPLIED, withSource, type Target } from '../objectWrites.ts';

/** conflictAdvice is the text apply.go appends to a 409 from a server-side apply. */
const conflictAdvice = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** The default server-side manager, and the one that keeps the last-applied annotation. */
const SSA_MANAGER = 'kubectl';
const LAST_APPLIED_MANAGER = 'kubectl-last-applied';

/** ServerSideSettings are the apply flags this path reads. */
export interface ServerSideSettings {
  fieldManager: string;
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  force: boolean;
  dryRun: boolean;
}

/** applyServerSide sends the apply patch and runs the client-side → server-side migration. */
export function applyServerSide(inv: Invocation, t: Target, s: ServerSideSettings): KubeObject {
  const client = inv.ctx.client;
  const opts = { fieldManager: s.fieldManager, fieldValidation: s.fieldValidation, force: s.force, dryRun: s.dryRun };
  let applied: KubeObject;
  try {
    applied = client.patch(t.def, t.namespace, t.name, 'apply', t.object, opts);
  } catch (err) {
    // The conflict is wrapped by fmt.Errorf upstream: printed as "error: ...", no source.
    if (isStatusError(err) && err.code === 409 && err.status.reason === 'Conflict') {
      throw new CommandError(`error: ${err.status.message}\n${conflictAdvice}`);
    }
    throw withSource(err, 'patching', t.source);
  }
  if (s.dryRun) return applied;
  try {
    saveLastAppliedAnnotation(inv, t, applied, s);
    if (migrateClientSideOwnership(inv, t, s)) applied = client.patch(t.def, t.namespace, t.name, 'apply', t.object, opts);
    else applied = client.get(t.def, t.namespace, t.name);
  } catch (err) {
    // Upstream only warns: the object itself was applied.
    inv.ctx.stderr(`Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${isStatusError(err) ? err.status.message : String(err)}\n`);
  }
  return applied;
}

interface Entry {
  manager: string;
  operation: string;
  apiVersion?: string;
  subresource?: string;
  fieldsV1?: Record<string, unknown>;
  time?: string;
  fieldsType?: string;
}

const entriesOf = (obj: KubeObject): Entry[] => (obj.metadata.managedFields ?? []) as Entry[];

/** ownsLastApplied tells whether an entry owns metadata.annotations[last-applied]. */
function ownsLastApplied(e: Entry): boolean {
  const annotations = (e.fieldsV1?.['f:metadata'] as Record<string, Record<string, unknown>> | undefined)?.['f:annotations'];
  return !!annotations && `f:${LAST_APPLIED}` in annotations;
}

/**
 * saveLastAppliedAnnotation keeps the annotation owned by an Apply manager of its own, so
 * that the server-side manager's applies do not prune it (saveLastApplyAnnotationIfNecessary).
 */
function saveLastAppliedAnnotation(inv: Invocation, t: Target, live: KubeObject, s: ServerSideSettings): void {
  if (s.fieldManager !== SSA_MANAGER) return;
  const annotation = live.metadata.annotations?.[LAST_APPLIED];
  if (annotation === undefined) return;
  if (entriesOf(live).some((e) => e.operation === 'Apply' && ownsLastApplied(e))) return;
  const body = {
    apiVersion: live.apiVersion,
    kind: live.kind,
    metadata: { name: t.name, ...(t.def.namespaced ? { namespace: t.namespace } : {}), annotations: { [LAST_APPLIED]: annotation } },
  } as KubeObject;
  inv.ctx.client.patch(t.def, t.namespace, t.name, 'apply', body, { fieldManager: LAST_APPLIED_MANAGER });
}

/**
 * migrateClientSideOwnership merges the fields of the Update managers that own the
 * last-applied annotation (client-side applies) into the server-side manager's Apply
 * entry and drops them (csaupgrade.UpgradeManagedFieldsPatch), with a JSON patch guarded
 * by the resourceVersion. Returns whether it changed anything.
 */
function migrateClientSideOwnership(inv: Invocation, t: Target, s: ServerSideSettings): boolean {
  const client = inv.ctx.client;
  const live = client.get(t.def, t.namespace, t.name);
  const entries = entriesOf(live);
  const csaNames = new Set(entries.filter((e) => e.operation === 'Update' && !e.subresource && ownsLastApplied(e)).map((e) => e.manager));
  if (csaNames.size === 0) return false;
  const isCsa = (e: Entry) => csaNames.has(e.manager) && e.operation === 'Update' && !e.subresource;
  let target = entries.findIndex((e) => e.manager === s.fieldManager && e.operation === 'Apply' && !e.subresource);
  const next = entries.map((e) => ({ ...e }));
  if (target < 0) {
    target = next.findIndex(isCsa);
    next[target] = { ...next[target]!, operation: 'Apply', manager: s.fieldManager };
  }
  const fields = entries.filter(isCsa).reduce((acc, e) => unionFields(acc, e.fieldsV1 ?? {}), next[target]!.fieldsV1 ?? {});
  next[target] = { ...next[target]!, fieldsV1: fields };
  const kept = next.filter((e, i) => i === target || !isCsa(entries[i]!));
  client.patch(t.def, t.namespace, t.name, 'json', [
    { op: 'test', path: '/metadata/resourceVersion', value: live.metadata.resourceVersion },
    { op: 'replace', path: '/metadata/managedFields', value: kept },
  ], {});
  return true;
}

/** unionFields merges two fieldsV1 tries. */
function unionFields(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = k in out ? unionFields(out[k] as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}
