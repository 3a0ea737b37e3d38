/**
 * kubectl auth reconcile -f FILE (staging/src/k8s.io/kubectl/pkg/cmd/auth/reconcile.go and
 * pkg/registry/rbac/reconciliation): make the RBAC objects in FILE exist with at least the
 * rules and subjects written there. Missing objects are created; existing ones gain the
 * missing rules (broken down to one verb each, as Covers reports them) and subjects, and
 * with --remove-extra-permissions / --remove-extra-subjects lose the rest. A binding whose
 * roleRef differs is deleted and created again. Objects annotated
 * `rbac.authorization.kubernetes.io/autoupdate: "false"` are left alone. Each object prints
 * `<kind>/<name> reconciled`, with what changed on stderr.
 */
import { deepEqual } from '../../../core/api/equality.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { PolicyRule, Subject } from '../../../core/api/validation/rbac.ts';
import { uncovered } from '../../../core/apiserver/authorization/escalation.ts';
import type { ResourceDefinition } from '../../../core/client/client.ts';
import { thaw } from '../../../core/api/clone.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { readManifests } from '../../manifests.ts';
import { qualifiedName } from '../../mapper.ts';
import { dryRunOf, dryRunSuffix } from '../objectWrites.ts';

const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];

/** reconcile is `kubectl auth reconcile -f FILE`. */
export const reconcile: KubectlCommand = {
  name: 'reconcile',
  short: 'Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects',
  run: runReconcile,
};

/** goRule prints a PolicyRule the way `%+v` does. */
function goRule(r: PolicyRule): string {
  const l = (v: string[] | undefined) => `[${(v ?? []).join(' ')}]`;
  return `{Verbs:${l(r.verbs)} APIGroups:${l(r.apiGroups)} Resources:${l(r.resources)} ResourceNames:${l(r.resourceNames)} NonResourceURLs:${l(r.nonResourceURLs)}}`;
}

function goSubject(s: Subject): string {
  return `{Kind:${s.kind ?? ''} APIGroup:${s.apiGroup ?? ''} Name:${s.name ?? ''} Namespace:${s.namespace ?? ''}}`;
}

const sameSubject = (a: Subject, b: Subject) => a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '') && (a.apiGroup ?? '') === (b.apiGroup ?? '');

function runReconcile(inv: Invocation): number {
  const { ctx, flags } = inv;
  const files = flags.strings('filename');
  if (files.length === 0) throw new CommandError('error: must specify one of -f and -k');
  const dryRun = dryRunOf(inv);
  const removeRules = flags.bool('remove-extra-permissions');
  const removeSubjects = flags.bool('remove-extra-subjects');
  for (const { object } of readManifests(ctx, files, flags.bool('recursive'))) {
    if (!RBAC_KINDS.includes(object.kind ?? '')) continue;
    const def = inv.mapper.forKind(object.apiVersion ?? '', object.kind ?? '');
    if (!def) continue;
    const expected = thaw(object);
    if (def.namespaced) expected.metadata.namespace ||= inv.namespace;
    const ns = def.namespaced ? expected.metadata.namespace ?? '' : '';
    const existing = ctx.client.tryGet(def, ns, expected.metadata.name ?? '');
    const notes: string[] = [];
    let operation: string;
    let result = expected;
    const isRole = object.kind === 'Role' || object.kind === 'ClusterRole';
    if (!existing) {
      operation = 'create';
    } else {
      result = thaw(existing);
      result.metadata.labels = { ...(existing.metadata.labels ?? {}), ...(expected.metadata.labels ?? {}) };
      result.metadata.annotations = { ...(existing.metadata.annotations ?? {}), ...(expected.metadata.annotations ?? {}) };
      if (isRole) operation = reconcileRules(existing, expected, result, removeRules, notes);
      else operation = reconcileSubjects(existing, expected, result, removeSubjects, notes);
      if (!operation && (!deepEqual(result.metadata.labels, existing.metadata.labels ?? {}) || !deepEqual(result.metadata.annotations, existing.metadata.annotations ?? {}))) operation = 'update';
    }
    const isProtected = existing?.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate'] === 'false';
    let shown = result;
    if (operation && !isProtected && dryRun !== 'client') shown = write(inv, def, ns, operation, existing, result, dryRun === 'server');
    ctx.stdout(`${qualifiedName(def, shown.metadata.name ?? '')} reconciled${dryRunSuffix(dryRun)}\n`);
    if (operation) ctx.stderr(`\treconciliation required ${operation}${isProtected ? ', but object opted out (rbac.authorization.kubernetes.io/autoupdate: false)' : ''}\n`);
    for (const n of notes) ctx.stderr(n);
  }
  return 0;
}

function reconcileRules(existing: KubeObject, expected: KubeObject, result: KubeObject, remove: boolean, notes: string[]): string {
  const have = ((existing as { rules?: PolicyRule[] | null }).rules ?? []) as PolicyRule[];
  const want = ((expected as { rules?: PolicyRule[] | null }).rules ?? []) as PolicyRule[];
  const missing = uncovered(have, want);
  const extra = uncovered(want, have);
  if (missing.length > 0) notes.push('\tmissing rules added:\n', ...missing.map((r) => `\t\t${goRule(r)}\n`));
  if (remove && extra.length > 0) notes.push('\textra rules removed:\n', ...extra.map((r) => `\t\t${goRule(r)}\n`));
  if (!remove && missing.length > 0) {
    (result as { rules?: PolicyRule[] }).rules = [...have, ...missing];
    return 'update';
  }
  if (remove && (missing.length > 0 || extra.length > 0)) {
    (result as { rules?: PolicyRule[] }).rules = want;
    return 'update';
  }
  return '';
}

function reconcileSubjects(existing: KubeObject, expected: KubeObject, result: KubeObject, remove: boolean, notes: string[]): string {
  const have = ((existing as { subjects?: Subject[] | null }).subjects ?? []) as Subject[];
  const want = ((expected as { subjects?: Subject[] | null }).subjects ?? []) as Subject[];
  const missing = want.filter((w) => !have.some((h) => sameSubject(h, w)));
  const extra = have.filter((h) => !want.some((w) => sameSubject(h, w)));
  if (missing.length > 0) notes.push('\tmissing subjects added:\n', ...missing.map((s) => `\t\t${goSubject(s)}\n`));
  if (remove && extra.length > 0) notes.push('\textra subjects removed:\n', ...extra.map((s) => `\t\t${goSubject(s)}\n`));
  const subjects = remove ? want : [...have, ...missing];
  const refChanged = !deepEqual((existing as { roleRef?: unknown }).roleRef, (expected as { roleRef?: unknown }).roleRef);
  (result as { subjects?: Subject[] }).subjects = subjects;
  if (refChanged) {
    (result as { roleRef?: unknown }).roleRef = (expected as { roleRef?: unknown }).roleRef;
    return 'recreate';
  }
  return missing.length > 0 || (remove && extra.length > 0) ? 'update' : '';
}

function write(inv: Invocation, def: ResourceDefinition, ns: string, operation: string, existing: KubeObject | undefined, obj: KubeObject, dryRun: boolean): KubeObject {
  const client = inv.ctx.client;
  if (operation === 'update') return client.update(def, obj, { dryRun });
  if (operation === 'recreate' && existing) {
    client.delete(def, ns, existing.metadata.name ?? '', { dryRun });
    const fresh = thaw(obj);
    fresh.metadata = { name: obj.metadata.name, namespace: obj.metadata.namespace, labels: obj.metadata.labels, annotations: obj.metadata.annotations };
    return client.create(def, ns, fresh, { dryRun });
  }
  return client.create(def, ns, obj, { dryRun });
}
