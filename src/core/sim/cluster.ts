/**
 * Cluster: one simulated Kubernetes cluster, assembled from its parts.
 *
 * `createCluster()` builds the store, the API server with every registered resource,
 * the simulation loop and its clock, then lets each layer install itself (admission,
 * network, controllers, scheduler, node agents) and bootstraps the default objects of a
 * kubeadm cluster (DESIGN §5). Components reach the API only through `cluster.client()`
 * and informers, and time only through `cluster.clock`.
 */
import type { KubeObject } from '../api/types.ts';
import type { UserInfo } from '../apiserver/admission.ts';
import { ApiServer } from '../apiserver/apiserver.ts';
import { builtinResources } from '../apiserver/registry/index.ts';
import { Client } from '../client/client.ts';
import { EventRecorder } from '../client/events.ts';
import { InformerFactory } from '../client/informer.ts';
import { startCompactor } from '../storage/compactor.ts';
import { Store } from '../storage/store.ts';
import { VirtualClock } from './clock.ts';
import { SimLoop, type Reconciler } from './loop.ts';
import { Random } from './random.ts';

/** NodeOptions describes one node of the default cluster. */
export interface NodeOptions {
  name: string;
  controlPlane: boolean;
  cpu: string;
  memory: string;
  pods: string;
}

/** ClusterOptions shape the default cluster; every field has a kubeadm-like default. */
export interface ClusterOptions {
  seed: number;
  /** startTime is the virtual epoch-ms at which the cluster was created. */
  startTime: number;
  /** settleMs runs the cluster this long after bootstrap, so system pods are Running and minutes old. */
  settleMs: number;
  kubernetesVersion: string;
  nodes: NodeOptions[];
  podCIDR: string;
  /**
   * nodeCIDRMaskSize is kube-controller-manager's --node-cidr-mask-size: the prefix of each
   * node's podCIDR (default 24, 254 pod addresses; a node allowed more pods needs a larger range).
   */
  nodeCIDRMaskSize?: number;
  serviceCIDR: string;
  clusterDomain: string;
  /** freeze stored objects (catches accidental mutation; costs a little speed). */
  freeze: boolean;
}

/** defaultNodes is DESIGN §5: a tainted control plane and two workers. */
export function defaultNodes(workers = 2, size = { cpu: '2', memory: '4Gi', pods: '110' }): NodeOptions[] {
  const nodes: NodeOptions[] = [{ name: 'controlplane', controlPlane: true, ...size }];
  for (let i = 1; i <= workers; i++) nodes.push({ name: `node${String(i).padStart(2, '0')}`, controlPlane: false, ...size });
  return nodes;
}

/** DEFAULT_OPTIONS is the playground's standard cluster. */
export const DEFAULT_OPTIONS: ClusterOptions = {
  seed: 1,
  startTime: Date.UTC(2026, 0, 15, 9, 0, 0),
  settleMs: 10 * 60_000,
  kubernetesVersion: 'v1.32.2',
  nodes: defaultNodes(),
  podCIDR: '10.244.0.0/16',
  serviceCIDR: '10.96.0.0/12',
  clusterDomain: 'cluster.local',
  freeze: true,
};

/** Installer lets a layer add itself to a cluster (admission plugins, controllers, kubelets...). */
export type Installer = (cluster: Cluster) => void;

/** StatefulComponent can be saved and restored with the cluster (kubelet runtimes, allocators). */
export interface StatefulComponent {
  save(): unknown;
  load(data: unknown): void;
}

/** ClusterSnapshot is the whole cluster as JSON. */
export interface ClusterSnapshot {
  version: 1;
  options: ClusterOptions;
  time: number;
  random: number;
  store: ReturnType<Store['snapshot']>;
  components: Record<string, unknown>;
}

/** Cluster is a running simulated cluster. */
export class Cluster {
  readonly clock: VirtualClock;
  readonly random: Random;
  readonly store: Store;
  readonly server: ApiServer;
  readonly loop: SimLoop;
  readonly informers: InformerFactory;
  /** services lets layers find each other's in-memory parts (e.g. 'network', 'kubelet/node01'). */
  readonly services = new Map<string, unknown>();
  private readonly stateful = new Map<string, StatefulComponent>();
  private readonly recorders = new Map<string, EventRecorder>();
  /** bootstrapSteps create each layer's initial objects, in installation order. */
  readonly bootstrapSteps: Array<(cluster: Cluster) => void> = [];

  constructor(readonly options: ClusterOptions) {
    this.clock = new VirtualClock(options.startTime);
    this.random = new Random(options.seed);
    this.store = new Store(20000, options.freeze);
    startCompactor(this.store, this.clock);
    this.server = new ApiServer({ store: this.store, clock: this.clock, random: this.random, resources: builtinResources });
    this.loop = new SimLoop(this.clock, this.store);
    this.informers = new InformerFactory(this.client('kube-controller-manager'));
    this.loop.onError = (reconciler, key, err) => this.reportReconcileError(reconciler, key, err);
  }

  /**
   * reportReconcileError turns a reconciler that threw into a Warning event instead of a
   * stopped loop (the loop has already requeued the key with backoff). The event is about
   * the control-plane node, where the failing component runs.
   */
  private reportReconcileError(reconciler: string, key: string, err: unknown): void {
    const node = this.options.nodes.find((n) => n.controlPlane)?.name ?? 'controlplane';
    const involved: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: node, uid: node } };
    const message = `${reconciler} failed to reconcile ${key}: ${(err as Error)?.message ?? String(err)}`;
    this.recorder(reconciler.split('/')[0], node).warning(involved, 'ReconcileError', message);
  }

  /** client returns a client writing under `fieldManager` as `user` (cluster admin by default). */
  client(fieldManager?: string, user?: UserInfo): Client {
    return new Client(this.server, user, fieldManager);
  }

  /** recorder returns an event recorder for a component (and host). */
  recorder(component: string, host?: string): EventRecorder {
    // One recorder per source, so repeats aggregate into one Event with a count.
    const key = `${component}\u0000${host ?? ''}`;
    let r = this.recorders.get(key);
    if (!r) {
      r = new EventRecorder(this.client(component), this.clock, { component, host });
      this.recorders.set(key, r);
    }
    return r;
  }

  /** resumeSteps restart components when a cluster is restored from a snapshot (no bootstrap then). */
  readonly resumeSteps: Array<(cluster: Cluster) => void> = [];

  /** onResume registers a step that starts a component again after restoreCluster. */
  onResume(step: (cluster: Cluster) => void): void {
    this.resumeSteps.push(step);
  }

  /** onBootstrap registers a step that creates initial objects once every layer is installed. */
  onBootstrap(step: (cluster: Cluster) => void): void {
    this.bootstrapSteps.push(step);
  }

  addReconciler(r: Reconciler): void {
    this.loop.add(r);
  }

  /** registerState adds a component whose in-memory state is part of snapshots. */
  registerState(name: string, component: StatefulComponent): void {
    this.stateful.set(name, component);
  }

  /** now is the virtual time in epoch milliseconds. */
  now(): number {
    return this.clock.now();
  }

  /** settle runs everything due at the current instant. */
  settle(): void {
    this.loop.runUntilIdle();
  }

  /** advance moves virtual time forward by ms. */
  advance(ms: number): void {
    this.loop.advance(ms);
  }

  /** loadState hands each registered component its saved state (see restoreCluster). */
  loadState(components: Record<string, unknown>): void {
    for (const [name, c] of this.stateful) {
      if (name in components) c.load(components[name]);
    }
  }

  snapshot(): ClusterSnapshot {
    const components: Record<string, unknown> = {};
    for (const [name, c] of this.stateful) components[name] = c.save();
    return {
      version: 1,
      options: this.options,
      time: this.clock.now(),
      random: this.random.getState(),
      store: JSON.parse(JSON.stringify(this.store.snapshot())) as ClusterSnapshot['store'],
      components,
    };
  }
}

/** bootstrapObjects are the objects every kubeadm cluster starts with (namespaces first). */
export function bootstrapNamespaces(cluster: Cluster): void {
  const client = cluster.client('kube-apiserver');
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } };
    client.create({ group: '', resource: 'namespaces' }, '', ns);
  }
}
