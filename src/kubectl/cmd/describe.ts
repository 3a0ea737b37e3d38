/**
 * kubectl describe (staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go).
 *
 * Finds the objects like get does, fetches what each kind's describer needs (events by
 * involvedObject field selector, ReplicaSets of a Deployment, EndpointSlices of a Service,
 * pods on a Node...) and prints the pure describers' text, objects separated by a blank
 * line. `TYPE NAME` that is not found falls back to describing every object whose name
 * starts with NAME, as DescribeMatchingResources does. Events are left out when more than
 * one object is described unless --show-events was given explicitly.
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { formatLabelSelector } from '../../core/api/labels.ts';
import type { Client, ResourceDefinition } from '../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { describerFor, type DescribeContext } from '../describe/index.ts';
import { isNotFound, visitObjects, type Found } from './visit.ts';
import { reportErrors } from './objectWrites.ts';
import { printWarning } from '../warnings.ts';

export const describe: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  run: runDescribe,
};

async function runDescribe(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  const allNamespaces = flags.bool('all-namespaces');
  const explicitEvents = flags.changed('show-events');
  let showEvents = flags.bool('show-events');
  if (inv.args.length === 0 && flags.strings('filename').length === 0) {
    throw new CommandError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const { found, errors } = visitObjects(inv, { args: inv.args, allNamespaces });
  // Deprecated resources draw the API server's warning once (client-go deduplicates them).
  for (const warning of new Set(found.map((f) => f.def.deprecated).filter((w) => w !== undefined))) printWarning(inv, warning);
  if ((errors.length > 0 || found.length > 1) && !explicitEvents) showEvents = false;

  // DescribeMatchingResources: `describe pods web` with no pod "web" describes every "web*".
  // Like kubectl this runs for exactly one NotFound and two arguments, even `TYPE/NAME X`.
  if (errors.length === 1 && isNotFound(errors[0]) && inv.args.length === 2 && flags.strings('filename').length === 0) {
    const [resource, prefix] = inv.args;
    let candidates: Found[];
    try {
      candidates = visitObjects(inv, { args: [resource] }).found;
    } catch {
      return reportErrors(inv, errors);
    }
    const matching = candidates.filter((f) => (f.object.metadata.name ?? '').startsWith(prefix));
    if (matching.length === 0) return reportErrors(inv, errors);
    for (const f of matching) ctx.stdout(`${describeOne(ctx.client, f, showEvents, ctx.now())}\n`);
    return 0;
  }

  found.forEach((f, i) => {
    const text = describeOne(ctx.client, f, showEvents, ctx.now());
    ctx.stdout(i === 0 ? text : `\n\n${text}`);
  });
  if (found.length === 0 && errors.length === 0) {
    ctx.stderr(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  return reportErrors(inv, errors);
}

/** describeOne fetches the related data the kind's describer asks for and renders it. */
export function describeOne(client: Client, f: Found, showEvents: boolean, now: number): string {
  const { def, object } = f;
  const entry = describerFor(def.group, def.kind);
  const ctx: DescribeContext = { now };
  const obj = withKind(def, object);
  const ns = object.metadata.namespace ?? '';
  const name = object.metadata.name ?? '';
  for (const need of entry.related) {
    try {
      switch (need) {
        case 'events':
          if (showEvents) ctx.events = eventsFor(client, def, object);
          break;
        case 'replicaSets':
          ctx.replicaSets = client.list(ref('apps', 'replicasets'), ns, { labelSelector: selectorOf(object) }).items as never;
          break;
        case 'pods':
          ctx.pods = client.list(ref('', 'pods'), ns, { labelSelector: def.kind === 'PersistentVolumeClaim' ? '' : selectorOf(object) }).items as never;
          break;
        case 'nodePods':
          ctx.pods = client.list(ref('', 'pods'), undefined, {
            fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
          }).items as never;
          break;
        case 'endpointSlices':
          ctx.endpointSlices = endpointSlicesFor(client, def, object) as never;
          break;
        case 'services':
          ctx.services = client.list(ref('', 'services'), ns).items as never;
          break;
        case 'lease':
          ctx.lease = (client.tryGet(ref('coordination.k8s.io', 'leases'), 'kube-node-lease', name) ?? null) as never;
          break;
        case 'resourceQuotas':
          ctx.resourceQuotas = client.list(ref('', 'resourcequotas'), name).items as never;
          break;
        case 'limitRanges':
          ctx.limitRanges = client.list(ref('', 'limitranges'), name).items as never;
          break;
        case 'secrets':
          ctx.secrets = client.list(ref('', 'secrets'), ns).items as never;
          break;
      }
    } catch {
      // Like kubectl, a failed side request only leaves its section out.
    }
  }
  return entry.describe(obj, ctx);
}

/**
 * eventsFor selects events the way describe's SearchEvents does: by involvedObject
 * name, namespace, kind and uid. Nodes also match events whose uid is the node name
 * (the kubelet records those).
 */
function eventsFor(client: Client, def: ResourceDefinition, object: KubeObject): Event[] {
  const ns = object.metadata.namespace ?? '';
  const name = object.metadata.name ?? '';
  const sel = (uid: string) => `involvedObject.name=${name},involvedObject.namespace=${ns},involvedObject.kind=${def.kind},involvedObject.uid=${uid}`;
  const events = client.list(ref('', 'events'), def.namespaced ? ns : undefined, { fieldSelector: sel(object.metadata.uid ?? '') }).items as unknown as Event[];
  if (def.kind !== 'Node') return events;
  const byName = client.list(ref('', 'events'), undefined, { fieldSelector: sel(name) }).items as unknown as Event[];
  return [...events, ...byName];
}

/** endpointSlicesFor: a Service's slices, or for an Ingress the slices of every backend service. */
function endpointSlicesFor(client: Client, def: ResourceDefinition, object: KubeObject): KubeObject[] {
  const ns = object.metadata.namespace ?? '';
  const slices = ref('discovery.k8s.io', 'endpointslices');
  if (def.kind !== 'Ingress') {
    return client.list(slices, ns, { labelSelector: `kubernetes.io/service-name=${object.metadata.name}` }).items;
  }
  return client.list(slices, ns).items;
}

/** selectorOf renders spec.selector (a LabelSelector, or an RC's map) as a selector string. */
function selectorOf(object: KubeObject): string {
  const sel = (object as { spec?: { selector?: unknown } }).spec?.selector as Record<string, unknown> | undefined;
  if (!sel) return '';
  if ('matchLabels' in sel || 'matchExpressions' in sel) return formatLabelSelector(sel as never).replace(/^<none>$/, '');
  return Object.entries(sel)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
}

/**
 * withKind is the object as kubectl reads it from the wire: JSON (so keys holding
 * `undefined` disappear, which the generic describer would print as <nil>) with its kind.
 */
function withKind(def: ResourceDefinition, obj: KubeObject): KubeObject {
  const wire = JSON.parse(JSON.stringify(obj)) as KubeObject;
  if (wire.apiVersion && wire.kind) return wire;
  return { ...wire, apiVersion: def.group ? `${def.group}/${def.version}` : def.version, kind: def.kind };
}

function ref(group: string, resource: string) {
  return { group, resource };
}
