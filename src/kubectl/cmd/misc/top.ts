/**
 * kubectl top (staging/src/k8s.io/kubectl/pkg/cmd/top/top_node.go, top_pod.go): reads the
 * metrics.k8s.io/v1beta1 API that metrics-server serves and prints usage with metricsutil's
 * printer. Without the API it fails with `error: Metrics API not available`.
 */
import { formatGoDuration } from '../../../core/api/goDuration.ts';
import { parseTime } from '../../../core/api/time.ts';
import type { KubeObject, Node } from '../../../core/api/types.ts';
import { NODES, PODS, type ResourceRef } from '../../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError, UsageFailure } from '../../errors.ts';
import { printNodeMetrics, printPodMetrics, type NodeMetricsItem, type PodMetricsItem, type ResourceUsage, type TopSortBy } from '../../printers/topPrinter.ts';

const NODE_METRICS: ResourceRef = { group: 'metrics.k8s.io', resource: 'nodes' };
const POD_METRICS: ResourceRef = { group: 'metrics.k8s.io', resource: 'pods' };

/** METRICS_CREATION_DELAY_MS is top_pod.go's metricsCreationDelay: younger pods may lack metrics. */
const METRICS_CREATION_DELAY_MS = 2 * 60 * 1000;

/** validate is the Validate step both subcommands share; returns the sort key. */
function validate(inv: Invocation, selectorsGiven: boolean, selectorWord: string): TopSortBy {
  const sortBy = inv.flags.string('sort-by');
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') throw new CommandError('error: --sort-by accepts only cpu or memory');
  if (inv.args.length === 1 && selectorsGiven) throw new CommandError(`error: only one of NAME or ${selectorWord} can be provided`);
  return sortBy as TopSortBy;
}

/** requireMetricsAPI is SupportedMetricsAPIVersionAvailable over the server's groups. */
function requireMetricsAPI(inv: Invocation): void {
  if (!inv.ctx.client.discovery().some((d) => d.group === 'metrics.k8s.io' && d.version === 'v1beta1')) {
    throw new CommandError('error: Metrics API not available');
  }
}

function runTopNode(inv: Invocation): number {
  const { ctx, flags } = inv;
  if (inv.args.length > 1) throw new UsageFailure('node [NAME | -l label]');
  const selector = flags.string('selector');
  const sortBy = validate(inv, selector !== '', '--selector');
  requireMetricsAPI(inv);
  const name = inv.args[0] ?? '';
  const metrics = name
    ? [ctx.client.get(NODE_METRICS, '', name)]
    : ctx.client.list(NODE_METRICS, undefined, { labelSelector: selector }).items;
  if (metrics.length === 0) throw new CommandError('error: metrics not available yet');
  const nodes = (name ? [ctx.client.get(NODES, '', name)] : ctx.client.list(NODES, undefined, { labelSelector: selector }).items) as unknown as Node[];
  const available = new Map<string, ResourceUsage>();
  for (const n of nodes) available.set(n.metadata!.name!, (flags.bool('show-capacity') ? n.status?.capacity : n.status?.allocatable) ?? {});
  ctx.stdout(printNodeMetrics(metrics as unknown as NodeMetricsItem[], available, { noHeaders: flags.bool('no-headers'), sortBy }));
  return 0;
}

function runTopPod(inv: Invocation): number {
  const { ctx, flags } = inv;
  if (inv.args.length > 1) throw new UsageFailure('pod [NAME | -l label]');
  const labelSelector = flags.string('selector');
  const fieldSelector = flags.string('field-selector');
  const sortBy = validate(inv, labelSelector !== '' || fieldSelector !== '', 'selector');
  requireMetricsAPI(inv);
  const allNamespaces = flags.bool('all-namespaces');
  const name = inv.args[0] ?? '';
  const ns = allNamespaces ? undefined : inv.namespace;
  const metrics = name
    ? [ctx.client.get(POD_METRICS, ns ?? '', name)]
    : ctx.client.list(POD_METRICS, ns, { labelSelector, fieldSelector }).items;
  if (metrics.length === 0) {
    // verifyEmptyMetrics: pods younger than two minutes may simply not have been scraped yet.
    // NOTE: upstream checks the context namespace here even with -A.
    const pods = ctx.client.list(PODS, inv.namespace, { labelSelector, fieldSelector }).items;
    if (pods.length > 0) {
      const now = ctx.now();
      for (const pod of pods) checkPodAge(pod, now);
      throw new CommandError('error: metrics not available yet');
    }
    ctx.stderr(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
    return 0;
  }
  ctx.stdout(
    printPodMetrics(metrics as unknown as PodMetricsItem[], {
      containers: flags.bool('containers'),
      withNamespace: allNamespaces,
      noHeaders: flags.bool('no-headers'),
      sortBy,
      sum: flags.bool('sum'),
    }),
  );
  return 0;
}

/** checkPodAge fails for a pod old enough that missing metrics are a problem, not a delay. */
function checkPodAge(pod: KubeObject, now: number): void {
  const age = now - parseTime(pod.metadata.creationTimestamp);
  if (age > METRICS_CREATION_DELAY_MS) {
    throw new CommandError(`error: Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${formatGoDuration(age)}`);
  }
}

/** top is `kubectl top pod|node`; without a subcommand it prints its help. */
export const top: KubectlCommand = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  subcommands: [
    { name: 'node', aliases: ['nodes', 'no'], short: 'Display resource (CPU/memory) usage of nodes', run: runTopNode },
    { name: 'pod', aliases: ['pods', 'po'], short: 'Display resource (CPU/memory) usage of pods', run: runTopPod },
  ],
};
