/**
 * `kubectl describe deployment` (describe.go: describeDeployment) and the
 * old/new ReplicaSet split it shows (kubectl/pkg/util/deployment:
 * GetAllReplicaSetsInChunks, FindNewReplicaSet, EqualIgnoreHash).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { formatRFC1123Z, intOrString, labelSelectorString } from './format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { controllerOf } from './pod.ts';
import { describePodTemplate } from './podTemplate.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter.ts';
import type { DescribeContext } from './types.ts';

const POD_TEMPLATE_HASH = 'pod-template-hash';

/** canonicalJSON serialises with sorted keys so deep equality is a string comparison. */
function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** withoutHash drops the pod-template-hash label, as EqualIgnoreHash does before comparing. */
function withoutHash(template: unknown): string {
  const copy = JSON.parse(JSON.stringify(template ?? {})) as { metadata?: { labels?: Record<string, string> } };
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  }
  return canonicalJSON(copy);
}

/**
 * splitReplicaSets returns the Deployment's new ReplicaSet (the oldest one whose
 * template equals the Deployment's, ignoring the hash label) and all the others it controls.
 */
export function splitReplicaSets(
  deployment: Deployment,
  replicaSets: ReplicaSet[],
): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const uid = deployment.metadata?.uid;
  const owned = replicaSets.filter((rs) => {
    const ref = controllerOf(rs);
    return ref !== undefined && (uid ? ref.uid === uid : ref.kind === 'Deployment' && ref.name === deployment.metadata?.name);
  });
  const byAge = [...owned].sort((a, b) => {
    const ta = a.metadata?.creationTimestamp ?? '';
    const tb = b.metadata?.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
  });
  const want = withoutHash(deployment.spec?.template);
  const newRS = byAge.find((rs) => withoutHash(rs.spec?.template) === want);
  return { newRS, oldRSs: owned.filter((rs) => rs !== newRS) };
}

/** replicaSetsSummary renders "web-7c5ddbdf54 (3/3 replicas created)", comma-joined, or "<none>". */
function replicaSetsSummary(list: ReplicaSet[]): string {
  const text = list.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return text === '' ? '<none>' : text;
}

/** describeDeployment renders `kubectl describe deployment`. */
export function describeDeployment(obj: KubeObject, ctx: DescribeContext): string {
  const d = obj as unknown as Deployment;
  const spec = d.spec ?? { selector: {}, template: {} };
  const status = d.status ?? {};
  const { newRS, oldRSs } = ctx.replicaSets ? splitReplicaSets(d, ctx.replicaSets) : { newRS: undefined, oldRSs: [] };
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
        `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) {
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`,
      );
    }
    describePodTemplate(spec.template, w);
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsSummary(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsSummary(newRS ? [newRS] : [])}\n`);
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
