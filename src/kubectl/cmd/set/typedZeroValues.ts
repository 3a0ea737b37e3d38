/**
 * typedZeroValues: what a workload looks like after kubectl's typed round trip.
 *
 * `kubectl set image|env|resources|serviceaccount|selector` decode objects into Go structs (UpdatePodSpecForObject)
 * and encode them again, so fields without `omitempty` reappear as zero values:
 * `creationTimestamp: null`, `resources: {}`, `strategy: {}`, `status: {}` and the
 * non-omitempty status counters, in Go struct order. --local and --dry-run=client print that form.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { inTypedOrder } from '../../typedOrder.ts';

type Obj = Record<string, unknown>;

/** withTypedZeroValues returns a copy of obj with the zero values its Go type would print. */
export function withTypedZeroValues(obj: KubeObject): KubeObject {
  const out = structuredClone(obj) as unknown as Obj;
  nullTimestamp(out);
  const spec = child(out, 'spec');
  switch (obj.kind) {
    case 'Pod':
      podSpec(spec);
      out.status ??= {};
      break;
    case 'Deployment':
      spec.strategy ??= {};
      template(spec);
      out.status ??= {};
      break;
    case 'ReplicaSet':
    case 'ReplicationController':
      template(spec);
      out.status ??= { replicas: 0 };
      break;
    case 'DaemonSet':
      spec.updateStrategy ??= {};
      template(spec);
      out.status ??= { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
      break;
    case 'StatefulSet':
      spec.serviceName ??= '';
      spec.updateStrategy ??= {};
      template(spec);
      out.status ??= { availableReplicas: 0, replicas: 0 };
      break;
    case 'Job':
      template(spec);
      out.status ??= {};
      break;
    case 'Service':
      // `set selector` decodes Services too; ServiceStatus.LoadBalancer has no omitempty.
      out.status ??= { loadBalancer: {} };
      break;
    case 'CronJob': {
      const jobTemplate = child(spec, 'jobTemplate');
      nullTimestamp(jobTemplate);
      template(child(jobTemplate, 'spec'));
      out.status ??= {};
      break;
    }
  }
  return inTypedOrder(out as unknown as KubeObject);
}

function template(spec: Obj): void {
  const t = child(spec, 'template');
  nullTimestamp(t);
  podSpec(child(t, 'spec'));
}

function podSpec(spec: Obj): void {
  for (const field of ['containers', 'initContainers', 'ephemeralContainers']) {
    const list = spec[field];
    if (Array.isArray(list)) for (const c of list as Obj[]) c.resources ??= {};
  }
}

function nullTimestamp(o: Obj): void {
  const meta = child(o, 'metadata');
  if (!('creationTimestamp' in meta) || meta.creationTimestamp === undefined) meta.creationTimestamp = null;
}

function child(o: Obj, key: string): Obj {
  if (o[key] === undefined || o[key] === null || typeof o[key] !== 'object') o[key] = {};
  return o[key] as Obj;
}
