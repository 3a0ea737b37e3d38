/**
 * MetricsServer is kubernetes-sigs/metrics-server v0.7: every `--metric-resolution` (15 s) it
 * scrapes each kubelet's resource metrics endpoint, keeps the last two scrapes in memory and
 * answers the metrics.k8s.io/v1beta1 API (NodeMetrics, PodMetrics) from them. Nothing is stored
 * in etcd, and it serves only while its own pod is Ready: with no ready metrics-server pod the
 * aggregated API answers 503, as kube-aggregator does when the APIService has no endpoints.
 */
import { StatusError } from '../../api/status.ts';
import { rfc3339 } from '../../api/time.ts';
import type { KubeObject, Node, Pod } from '../../api/types.ts';
import { NODES, PODS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { TimerHandle } from '../../sim/clock.ts';
import type { ContainerUsage, Kubelet } from '../kubelet/kubelet.ts';
import { cpuQuantity, memoryQuantity, nodeSample, servedNode, servedPodContainers, type Scrape } from './scrape.ts';

/** METRIC_RESOLUTION_MS is metrics-server's `--metric-resolution=15s` (the scrape period and the window). */
export const METRIC_RESOLUTION_MS = 15_000;

/** METRICS_SERVER_SELECTOR finds metrics-server's own pods. */
export const METRICS_SERVER_SELECTOR = 'k8s-app=metrics-server';

/** MetricsServer scrapes kubelets and serves NodeMetrics and PodMetrics. */
export class MetricsServer {
  private previous: Scrape | undefined;
  private latest: Scrape | undefined;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly cluster: Cluster,
    private readonly kubelets: () => Kubelet[],
  ) {}

  /** start schedules the scrape loop (again after a restore). */
  start(): void {
    if (this.timer) this.cluster.clock.cancel(this.timer);
    const tick = (): void => {
      this.scrape();
      this.timer = this.cluster.clock.after(METRIC_RESOLUTION_MS, tick);
    };
    this.timer = this.cluster.clock.after(METRIC_RESOLUTION_MS, tick);
  }

  /**
   * scrape collects one sample from every running kubelet. While no metrics-server pod is
   * ready nothing is collected and what was kept is dropped: a new metrics-server starts empty.
   */
  scrape(): void {
    if (!this.ready()) {
      this.previous = this.latest = undefined;
      return;
    }
    const scrape: Scrape = { time: this.cluster.clock.now(), nodes: {}, pods: {} };
    const pods = scrape.pods;
    for (const kubelet of this.kubelets()) {
      if (!kubelet.isRunning) continue;
      // The node's sum in container order, as nodeSample adds them (the same floating-point result).
      const base = nodeSample(kubelet.identity.options.controlPlane, []);
      let cpuMilli = base.cpuMilli;
      let memoryBytes = base.memoryBytes;
      kubelet.eachPodUsage((key, usage) => {
        for (const c of usage) {
          cpuMilli += c.cpuMilli;
          memoryBytes += c.memoryBytes;
        }
        // Lists are shared with the kubelet and the previous scrape: a second list for one key
        // (the pod moving between nodes) is joined into a new array, never pushed onto.
        const have = pods[key];
        pods[key] = have ? have.concat(usage) : (usage as ContainerUsage[]);
      });
      scrape.nodes[kubelet.name] = { cpuMilli, memoryBytes };
    }
    this.previous = this.latest;
    this.latest = scrape;
  }

  /** ready is true when a metrics-server pod is Running and Ready (its APIService is Available). */
  ready(): boolean {
    const pods = this.cluster.server.list(this.cluster.server.resource('', 'pods'), 'kube-system', { labelSelector: METRICS_SERVER_SELECTOR });
    return pods.items.some((p) => !p.metadata.deletionTimestamp && (p as Pod).status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  }

  /** podMetrics returns the served PodMetrics of a namespace (all when undefined). */
  podMetrics(namespace: string | undefined): KubeObject[] {
    const latest = this.servingScrape('pods');
    if (!latest) return [];
    const out: KubeObject[] = [];
    const pods = this.cluster.server.list(this.cluster.server.resource(PODS.group, PODS.resource), namespace).items as Pod[];
    for (const pod of pods) {
      const obj = this.podMetricsOf(pod, latest);
      if (obj) out.push(obj);
    }
    return out;
  }

  /** podMetric returns one pod's PodMetrics, or undefined (404) when it has none yet. */
  podMetric(namespace: string, name: string): KubeObject | undefined {
    const latest = this.servingScrape('pods');
    if (!latest) return undefined;
    const pod = this.cluster.store.get('pods', namespace, name) as Pod | undefined;
    return pod ? this.podMetricsOf(pod, latest) : undefined;
  }

  /** nodeMetrics returns the served NodeMetrics of every node both scrapes reached. */
  nodeMetrics(): KubeObject[] {
    const latest = this.servingScrape('nodes');
    if (!latest) return [];
    const nodes = this.cluster.server.list(this.cluster.server.resource(NODES.group, NODES.resource), undefined).items as Node[];
    return nodes.map((n) => this.nodeMetricsOf(n, latest)).filter((m): m is KubeObject => m !== undefined);
  }

  /** nodeMetric returns one node's NodeMetrics, or undefined (404). */
  nodeMetric(name: string): KubeObject | undefined {
    const latest = this.servingScrape('nodes');
    if (!latest) return undefined;
    const node = this.cluster.store.get('nodes', '', name) as Node | undefined;
    return node ? this.nodeMetricsOf(node, latest) : undefined;
  }

  /** podExists says whether metrics-server's pod lister knows the pod. */
  podExists(namespace: string, name: string): boolean {
    return this.cluster.store.get('pods', namespace, name) !== undefined;
  }

  /** nodeExists says whether its node lister knows the node. */
  nodeExists(name: string): boolean {
    return this.cluster.store.get('nodes', '', name) !== undefined;
  }

  /** save keeps the two scrapes for snapshots (plain JSON). */
  save(): unknown {
    return { previous: this.previous, latest: this.latest };
  }

  /** load restores what save returned. */
  load(data: unknown): void {
    const d = (data ?? {}) as { previous?: Scrape; latest?: Scrape };
    this.previous = d.previous;
    this.latest = d.latest;
  }

  /** servingScrape throws the aggregator's 503 when metrics-server is down, else returns the latest scrape. */
  private servingScrape(resource: string): Scrape | undefined {
    if (!this.ready()) throw serviceUnavailable(resource);
    return this.latest;
  }

  private podMetricsOf(pod: Pod, latest: Scrape): KubeObject | undefined {
    // getPodMetrics serves Running pods only.
    if (pod.status?.phase !== 'Running') return undefined;
    const key = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
    const containers = servedPodContainers(this.previous, latest, key);
    if (!containers) return undefined;
    return {
      kind: 'PodMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: {
        name: pod.metadata!.name,
        namespace: pod.metadata!.namespace,
        creationTimestamp: rfc3339(this.cluster.clock.now()),
        ...(pod.metadata!.labels ? { labels: { ...pod.metadata!.labels } } : {}),
      },
      timestamp: rfc3339(latest.time),
      window: `${METRIC_RESOLUTION_MS / 1000}s`,
      containers: containers.map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.cpuMilli), memory: memoryQuantity(c.memoryBytes) } })),
    };
  }

  private nodeMetricsOf(node: Node, latest: Scrape): KubeObject | undefined {
    const sample = servedNode(this.previous, latest, node.metadata!.name!);
    if (!sample) return undefined;
    return {
      kind: 'NodeMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: {
        name: node.metadata!.name,
        creationTimestamp: rfc3339(this.cluster.clock.now()),
        ...(node.metadata!.labels ? { labels: { ...node.metadata!.labels } } : {}),
      },
      timestamp: rfc3339(latest.time),
      window: `${METRIC_RESOLUTION_MS / 1000}s`,
      usage: { cpu: cpuQuantity(sample.cpuMilli), memory: memoryQuantity(sample.memoryBytes) },
    };
  }
}

/**
 * serviceUnavailable is what kube-aggregator answers for an APIService without a ready backend;
 * client-go appends the request ("(get pods.metrics.k8s.io)") because the body is not a Status.
 */
function serviceUnavailable(resource: string): StatusError {
  return new StatusError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: `the server is currently unable to handle the request (get ${resource}.metrics.k8s.io)`,
    reason: 'ServiceUnavailable', code: 503, details: {},
  });
}
