/**
 * Kubelet is the node agent of one simulated node (pkg/kubelet): it registers its Node,
 * renews its Lease in kube-node-lease every 10 s, posts node status every 10 s when it
 * changed and every 5 min otherwise, and runs the pods bound to it through the fake
 * container runtime. It is one reconciler (`kubelet/<node>`) keyed by pod; handlers only
 * enqueue. `stop()` makes it go silent (no lease, no status, no pod work) so the node turns
 * NotReady; `start()` brings it back. Logs and exec are served from here (see nodeProxy.ts).
 */
import { deepEqual } from '../../api/equality.ts';
import { isStatusError } from '../../api/status.ts';
import { rfc3339Micro } from '../../api/time.ts';
import type { ExecCommand } from '../runtime/types.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { CONFIGMAPS, NODES, PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, PODS, SECRETS, SERVICES } from '../../client/client.ts';
import type { Informer } from '../../client/informer.ts';
import { keyOf } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster, NodeOptions } from '../../sim/cluster.ts';
import { Random } from '../../sim/random.ts';
import { thaw } from '../../storage/freeze.ts';
import { MemoryFS } from '../../../shell/memoryFS.ts';
import type { ImageCatalog } from '../images/catalog.ts';
import type { ShellRunner } from '../runtime/shellRunner.ts';
import type { VirtualFS } from '../runtime/types.ts';
import { Backoff } from './backoff.ts';
import type { KubeletContext, PodNetworkHooks } from './context.ts';
import { ImageManager } from './imageManager.ts';
import { renewNodeLease } from './nodeLease.ts';
import { hex, newNode, nodeResources, nodeStatus, sameNodeStatus, uuid, type NodeCondition, type NodeIdentity } from './nodeObject.ts';
import { PodIPAllocator, type PodNetwork } from './podIPs.ts';
import type { PodRecord } from './podState.ts';
import { podUsages } from './podUsage.ts';
import { generatePodStatus } from './podStatus.ts';
import { killAll, newPodRecord, syncPod, syncTerminatingPod } from './podWorker.ts';
import { routePodsToNode } from './podRouter.ts';
import { mirrorPod } from './staticPods.ts';
import { FAKE_CA, lazyToken } from './serviceAccountToken.ts';

/** NODE_STATUS_UPDATE_MS, NODE_STATUS_REPORT_MS and LEASE_RENEW_MS are the kubelet defaults. */
export const NODE_STATUS_UPDATE_MS = 10_000;
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
export const LEASE_RENEW_MS = 10_000;

/**
 * SANDBOX_TEARDOWN_MS is how long a deleted pod stays (Terminating) after its containers
 * stopped: one generic PLEG relist period (1 s, pkg/kubelet/pleg/generic.go) before the
 * kubelet notices, tears down the sandbox and its status manager issues the final delete.
 */
export const SANDBOX_TEARDOWN_MS = 1_000;

/** KubeletOptions are one node's settings. */
export interface KubeletOptions {
  node: NodeOptions;
  internalIP: string;
  podCIDR: string;
  catalog: ImageCatalog;
  shell: ShellRunner;
  /** preloadImages are on the node before anything is pulled (the machine image). */
  preloadImages?: string[];
}

/** ContainerUsage is one running container's resource use as the kubelet's resource metrics endpoint reports it. */
export interface ContainerUsage {
  namespace: string;
  pod: string;
  container: string;
  /** startedAt is the virtual time this run of the container started. */
  startedAt: number;
  cpuMilli: number;
  memoryBytes: number;
}

/** Kubelet runs one node. */
export class Kubelet {
  readonly name: string;
  readonly identity: NodeIdentity;
  readonly images: ImageManager;
  /** nodeFS is the node's own filesystem (hostPath volumes). */
  readonly nodeFS: VirtualFS;
  readonly records = new Map<string, PodRecord>();
  private readonly queue: WorkQueue;
  private readonly backoff = new Backoff();
  private readonly ips: PodIPAllocator;
  private readonly claims = new Map<string, VirtualFS>();
  private readonly pods: Informer;
  private readonly ctx: KubeletContext;
  private running = false;
  /** staticPods are the manifests this node runs from files (mirror pods in the API). */
  private staticPods: KubeObject[] = [];
  private epoch = 0;
  /** lastPosted is the node status last posted (the stored copy, which the store holds anyway, unless the server changed it) and when. */
  private lastPosted: { status: Record<string, unknown> | undefined; at: number } = { status: undefined, at: 0 };

  constructor(
    private readonly cluster: Cluster,
    opts: KubeletOptions,
  ) {
    this.name = opts.node.name;
    const random = new Random(cluster.random.int(2 ** 31));
    const next = (): number => random.next();
    this.identity = {
      options: opts.node,
      internalIP: opts.internalIP,
      podCIDR: opts.podCIDR,
      machineID: hex(next, 32),
      systemUUID: uuid(next),
      bootID: uuid(next),
      kubeletVersion: cluster.options.kubernetesVersion,
    };
    const clock = cluster.clock;
    this.queue = new WorkQueue(`kubelet/${this.name}`, clock);
    const events = cluster.recorder('kubelet', this.name);
    const recorder = {
      normal: (o: object, r: string, m: string, f?: string) => events.normal(o as KubeObject, r, m, f),
      warning: (o: object, r: string, m: string, f?: string) => events.warning(o as KubeObject, r, m, f),
    };
    this.images = new ImageManager({ catalog: opts.catalog, clock, random, recorder, wake: (k, at) => this.queue.addAfter(k, at - clock.now()) });
    this.images.preload(opts.preloadImages ?? []);
    this.nodeFS = new MemoryFS(() => clock.now());
    this.ips = new PodIPAllocator(opts.podCIDR);
    const client = cluster.client('kubelet');
    const alloc = nodeResources(opts.node).allocatable;
    const network = cluster.services.get('network') as (PodNetwork & PodNetworkHooks) | undefined;
    // The network layer publishes pod-side curl/wget/nslookup as part of 'node-tools'.
    const tools = cluster.services.get('node-tools') as
      | { commandsForPod(pod: { namespace: string; podName: string; podIP: string; nodeName: string }, flavor: 'busybox' | 'busybox-1.28' | 'debian'): Record<string, ExecCommand> }
      | undefined;
    this.ctx = {
      nodeName: this.name,
      nodeIP: opts.internalIP,
      cpus: Number(opts.node.cpu) || 2,
      clock,
      random,
      client,
      recorder,
      images: this.images,
      shell: opts.shell,
      lookup: {
        configMap: (ns, name) => client.tryGet(CONFIGMAPS, ns, name),
        secret: (ns, name) => client.tryGet(SECRETS, ns, name),
        services: (ns) => client.list(SERVICES, ns).items,
        nodeAllocatable: { cpu: alloc.cpu, memory: alloc.memory },
        now: () => clock.now(),
        nodeFS: this.nodeFS,
        claimFS: (ns, claim) => {
          const k = `${ns}/${claim}`;
          if (!this.claims.has(k)) this.claims.set(k, new MemoryFS(() => clock.now()));
          return this.claims.get(k)!;
        },
        boundVolume: (ns, claim) => {
          const name = (client.tryGet(PERSISTENTVOLUMECLAIMS, ns, claim)?.spec as { volumeName?: string } | undefined)?.volumeName;
          return name ? client.tryGet(PERSISTENTVOLUMES, '', name) : undefined;
        },
        serviceAccountToken: (pod) => lazyToken(pod, random),
        caCert: FAKE_CA,
      },
      podIP: (pod) =>
        network?.allocatePodIP?.(this.name, opts.podCIDR, pod.metadata!.uid!) ?? this.ips.allocate(pod.metadata!.uid!),
      releasePodIP: (uid) => {
        if (network?.releasePodIP) network.releasePodIP(this.name, uid);
        else this.ips.release(uid);
      },
      network: network && {
        attach: network.attach?.bind(network),
        detach: network.detach?.bind(network),
        resolvConf: network.resolvConf?.bind(network),
      },
      podTools: (pod, flavor) => tools?.commandsForPod(pod, flavor) ?? {},
      clusterDomain: cluster.options.clusterDomain,
      enqueue: (k) => this.queue.add(k),
      wake: (k, at) => this.queue.addAfter(k, Math.max(0, at - clock.now())),
    };

    this.pods = cluster.informers.forResource(PODS);
    this.pods.addIndex('spec.nodeName', (o) => [((o as Pod).spec?.nodeName) ?? '']);
    routePodsToNode(this.pods, this.name, (key) => this.queue.add(key));
    cluster.addReconciler({ name: `kubelet/${this.name}`, queue: this.queue, reconcile: (key) => this.reconcile(key) });
  }

  /** isRunning says whether the kubelet is up. */
  get isRunning(): boolean {
    return this.running;
  }

  /** start registers the node (if needed) and begins heartbeats and pod work. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const epoch = ++this.epoch;
    this.register();
    this.renewLease();
    this.postStatus(true);
    const every = (ms: number, fn: () => void): void => {
      this.cluster.clock.after(ms, () => {
        if (this.epoch !== epoch) return;
        fn();
        every(ms, fn);
      });
    };
    every(LEASE_RENEW_MS, () => this.renewLease());
    every(NODE_STATUS_UPDATE_MS, () => this.postStatus(false));
    for (const pod of this.pods.byIndex('spec.nodeName', this.name)) this.queue.add(keyOf(pod));
    this.ensureMirrorPods();
  }

  /** setStaticPods gives the kubelet its /etc/kubernetes/manifests. */
  setStaticPods(manifests: KubeObject[]): void {
    this.staticPods = manifests;
    if (this.running) this.ensureMirrorPods();
  }

  /** ensureMirrorPods creates missing mirror pods (also after someone deletes one, as upstream). */
  private ensureMirrorPods(): void {
    if (this.staticPods.length === 0) return;
    const client = this.ctx.client;
    const node = client.tryGet(NODES, '', this.name);
    if (!node) return;
    for (const manifest of this.staticPods) {
      const pod = mirrorPod(manifest, this.name, node.metadata.uid!, this.cluster.clock.now());
      if (client.tryGet(PODS, pod.metadata.namespace!, pod.metadata.name!)) continue;
      try {
        client.create(PODS, pod.metadata.namespace!, pod);
      } catch (err) {
        if (!isStatusError(err)) throw err;
      }
    }
  }

  /**
   * usage reports per-container CPU and memory of running containers (what cAdvisor gives the
   * resource metrics endpoint `/metrics/resource` that metrics-server scrapes). `startedAt`
   * identifies one run of a container: a restart starts a new series.
   */
  usage(): ContainerUsage[] {
    const out: ContainerUsage[] = [];
    for (const rec of this.records.values()) {
      for (const c of rec.containers) {
        const process = c.process;
        if (!process?.running) continue;
        // Fields copied by name rather than spread: metrics-server scrapes every container of the
        // cluster every 15 s, and the spread's generic copy was most of this loop's cost.
        const use = process.usage();
        out.push({ namespace: rec.namespace, pod: rec.name, container: c.name, startedAt: process.startedAt, cpuMilli: use.cpuMilli, memoryBytes: use.memoryBytes });
      }
    }
    return out;
  }

  /**
   * eachPodUsage is usage() grouped by pod for a metrics scrape: fn gets each pod's key and its
   * running containers' usage. A pod whose containers report what they did last time gets the
   * same (shared, never changed) list again (podUsage.ts).
   */
  eachPodUsage(fn: (podKey: string, usage: readonly ContainerUsage[]) => void): void {
    podUsages(this.records.values(), fn);
  }

  /** stop silences the kubelet: no lease renewals, no status, no pod work (containers keep running). */
  stop(): void {
    this.running = false;
    this.epoch++;
  }

  /** shutdown kills every container (node removal). */
  shutdown(): void {
    this.stop();
    for (const rec of this.records.values()) killAll(rec);
    this.records.clear();
  }

  private register(): void {
    const client = this.ctx.client;
    if (!client.tryGet(NODES, '', this.name)) client.create(NODES, '', newNode(this.identity));
  }

  private renewLease(): void {
    renewNodeLease(this.ctx.client, this.name, rfc3339Micro(this.cluster.clock.now()));
  }

  /** postStatus posts node status when it changed, or when the report interval has passed. */
  private postStatus(force: boolean): void {
    const client = this.ctx.client;
    const node = client.tryGet(NODES, '', this.name);
    if (!node) return this.register();
    const now = this.cluster.clock.now();
    const prev = (node.status as { conditions?: NodeCondition[] } | undefined)?.conditions;
    const status = nodeStatus(this.identity, prev, this.images.nodeImages(), now);
    const last = this.lastPosted;
    if (!force && last.status && now - last.at < NODE_STATUS_REPORT_MS && sameNodeStatus(status, last.status)) return;
    try {
      const stored = client.updateStatus(NODES, { ...thaw(node), status }).status as Record<string, unknown>;
      this.lastPosted = { status: deepEqual(stored, status) ? stored : status, at: now };
    } catch (err) {
      if (!isStatusError(err)) throw err;
    }
  }

  /** reconcile syncs one pod key. */
  private reconcile(key: string): void {
    if (!this.running) return;
    const pod = this.pods.getByKey(key) as Pod | undefined;
    let rec = this.records.get(key);
    if (rec && (!pod || pod.metadata!.uid !== rec.uid || pod.spec?.nodeName !== this.name)) {
      killAll(rec);
      this.forget(rec);
      rec = undefined;
    }
    if (!pod) {
      if (this.staticPods.length > 0 && key.startsWith('kube-system/')) this.ensureMirrorPods();
      return;
    }
    if (pod.spec?.nodeName !== this.name) return;
    const phase = pod.status?.phase;
    if (!rec && (phase === 'Succeeded' || phase === 'Failed') && !pod.metadata!.deletionTimestamp) return;
    if (!rec) {
      rec = newPodRecord(pod, key, this.cluster.clock.now());
      this.records.set(key, rec);
    }
    if (pod.metadata!.deletionTimestamp) {
      const done = rec.terminal !== undefined || (syncTerminatingPod(this.ctx, pod, rec) && this.sandboxTornDown(rec));
      this.writeStatus(rec);
      if (done) {
        try {
          this.ctx.client.delete(PODS, rec.namespace, rec.name, { gracePeriodSeconds: 0, preconditions: { uid: rec.uid } });
        } catch (err) {
          if (!isStatusError(err)) throw err;
        }
        this.forget(rec);
      }
      return;
    }
    syncPod(this.ctx, pod, rec, this.backoff);
    this.writeStatus(rec);
  }

  /**
   * sandboxTornDown models what happens upstream between the last container stopping and the
   * final delete: the PLEG relist (every 1 s) notices the exit, the pod worker runs
   * SyncTerminatedPod (sandbox and network torn down), and only then does the status manager
   * see no running containers (canBeDeleted) and delete with grace 0. Meanwhile
   * `kubectl get pods` shows the pod Terminating. It answers false (and wakes the pod later)
   * until SANDBOX_TEARDOWN_MS have passed since the containers stopped.
   */
  private sandboxTornDown(rec: PodRecord): boolean {
    const now = this.cluster.clock.now();
    rec.stoppedAt ??= now;
    const remaining = rec.stoppedAt + SANDBOX_TEARDOWN_MS - now;
    if (remaining <= 0) return true;
    this.queue.addAfter(rec.key, remaining);
    return false;
  }

  private forget(rec: PodRecord): void {
    this.records.delete(rec.key);
    this.ctx.network?.detach?.(rec.uid);
    this.ctx.releasePodIP(rec.uid);
    this.images.forget(`${rec.uid}/`);
  }

  /** writeStatus is the status manager: it posts the generated status when it differs from the stored one. */
  private writeStatus(rec: PodRecord): void {
    const client = this.ctx.client;
    const current = client.tryGet(PODS, rec.namespace, rec.name) as Pod | undefined;
    if (!current || current.metadata!.uid !== rec.uid) return;
    const status = generatePodStatus(current, rec, this.identity.internalIP, this.cluster.clock.now());
    // Unchanged conditions and container statuses are the stored frozen objects already
    // (generatePodStatus), which the API server then skips by identity (compare, share, freeze).
    if (deepEqual(status, current.status ?? {})) return;
    try {
      // The status subresource keeps only metadata (for the resourceVersion precondition) and
      // status from the body, so the spec is not sent: upstream's status manager likewise
      // patches only status (PatchPodStatus). The API server decodes into its own copy.
      client.updateStatus(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: current.metadata, status } as unknown as KubeObject);
    } catch (err) {
      if (isStatusError(err) && err.code === 409) this.queue.add(rec.key);
      else if (!isStatusError(err)) throw err;
    }
  }

  /** now is the node's clock reading. */
  now(): number {
    return this.cluster.clock.now();
  }

  /** record finds the kubelet's view of a pod by namespace and name. */
  record(namespace: string, name: string): PodRecord | undefined {
    return this.records.get(`${namespace}/${name}`);
  }

  save(): unknown {
    return { images: this.images.save(), ips: this.ips.save(), backoff: this.backoff.save() };
  }

  load(data: unknown): void {
    const d = data as { images: unknown; ips: Parameters<PodIPAllocator['load']>[0]; backoff: Parameters<Backoff['load']>[0] };
    this.images.load(d.images);
    this.ips.load(d.ips);
    this.backoff.load(d.backoff);
  }
}
