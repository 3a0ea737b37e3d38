/**
 * Scheduler: kube-scheduler's default-scheduler in one reconciler (pkg/scheduler/scheduler.go,
 * schedule_one.go, eventhandlers.go).
 *
 * Informers watch pods and nodes. Pending pods with `spec.schedulerName: default-scheduler`
 * wait in the SchedulingQueue; each reconcile takes one, runs the framework over a fresh
 * snapshot, then binds it (POST pods/binding, event `Scheduled`) or records why not
 * (condition PodScheduled=False/Unschedulable, event `FailedScheduling`). Cluster events
 * move parked pods back into the queue. The last decision per pod is kept for the UI.
 */
import type { Selector } from '../api/labels.ts';
import { rfc3339 } from '../api/time.ts';
import type { KubeObject, Mutable, Node, Pod } from '../api/types.ts';
import { NODES, PODS, REPLICASETS, SERVICES, type Client, type ResourceRef } from '../client/client.ts';
import type { EventRecorder } from '../client/events.ts';
import { splitKey, type Informer, type InformerFactory } from '../client/informer.ts';
import type { Clock } from '../sim/clock.ts';
import { thaw } from '../storage/freeze.ts';
import {
  assignedPodAddedInterest,
  assignedPodDeletedInterest,
  assignedPodUpdatedInterest,
  nodeAddedInterest,
  nodeDeletedInterest,
  nodeUpdatedInterest,
} from './clusterEvents.ts';
import type { SchedulingDecision } from './decision.ts';
import { DefaultSelectorMemo } from './defaultSelector.ts';
import { DEFAULT_PROFILE, scheduleOne, type Profile } from './framework.ts';
import type { PreemptionCandidate } from './preemption.ts';
import { SchedulingQueue } from './schedulingQueue.ts';
import { SnapshotCache } from './snapshotCache.ts';
import { BIND_TIMEOUT_MS, withVolumePlugins, type VolumeBinder } from './volumeBinder.ts';
import { deepEqual } from '../api/equality.ts';

/** SCHEDULER_NAME is the default profile's name, matched against spec.schedulerName. */
export const SCHEDULER_NAME = 'default-scheduler';

/** DETAILED_DECISIONS is how many successful decisions keep their per-node detail. */
export const DETAILED_DECISIONS = 100;

/** SchedulerDeps are what the scheduler needs from the cluster. */
export interface SchedulerDeps {
  client: Client;
  informers: InformerFactory;
  recorder: EventRecorder;
  clock: Clock;
  /** pick returns an integer in [0, n): the cluster's seeded random, for tie-breaks. */
  pick: (n: number) => number;
  /** optionalResources are controller kinds used for default spreading when the API serves them. */
  optionalResources?: Partial<Record<'StatefulSet' | 'ReplicationController', ResourceRef>>;
  profile?: Profile;
  /** volumeBinder adds VolumeBinding (Filter and PreBind) when the cluster serves storage. */
  volumeBinder?: VolumeBinder;
}

/** VOLUME_BINDING_POLL_MS: how often a pod waiting in PreBind checks its claims again. */
const VOLUME_BINDING_POLL_MS = 1000;

const assigned = (pod: Pod) => !!pod.spec?.nodeName;
const responsible = (pod: Pod) => (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
const priorityOf = (pod: KubeObject) => (pod as Pod).spec?.priority ?? 0;
/** asObject views a typed Pod as the generic object the client and recorder take. */
const asObject = (pod: Pod) => pod as unknown as KubeObject;

/** Scheduler is the `scheduler` service: `cluster.services.get('scheduler')`. */
export class Scheduler {
  readonly name = 'scheduler';
  readonly queue: SchedulingQueue;
  private readonly pods: Informer;
  private readonly nodes: Informer;
  private readonly services: Informer;
  private readonly owners = new Map<string, Informer>();
  private readonly decisions = new Map<string, SchedulingDecision>();
  /** detailed holds the keys of successful decisions that still keep per-node detail, oldest first. */
  private readonly detailed = new Set<string>();
  private readonly profile: Profile;
  /** cache keeps NodeInfos current from informer events (the scheduler cache upstream). */
  private readonly cache = new SnapshotCache();
  /** nextStartNodeIndex is where the next filter pass starts (schedule_one.go). */
  private nextStartNodeIndex = 0;
  /** memo carries plugin sums from one cycle to the next (see SchedulingContext.memo). */
  private readonly memo = new Map<string, unknown>();
  /** waitingForVolumes: pods placed on a node whose claims are still being bound (PreBind). */
  private readonly waitingForVolumes = new Map<string, { nodeName: string; since: number }>();
  /** spreadSelectors answers defaultSelector for a ReplicaSet's pods in a row with one Selector. */
  private readonly spreadSelectors = new DefaultSelectorMemo();

  constructor(private readonly deps: SchedulerDeps) {
    const base = deps.profile ?? DEFAULT_PROFILE;
    this.profile = deps.volumeBinder ? withVolumePlugins(base, deps.volumeBinder.plugins) : base;
    this.queue = new SchedulingQueue(deps.clock);
    this.pods = deps.informers.forResource(PODS);
    this.nodes = deps.informers.forResource(NODES);
    this.services = deps.informers.forResource(SERVICES);
    this.owners.set('ReplicaSet', deps.informers.forResource(REPLICASETS));
    for (const [kind, ref] of Object.entries(deps.optionalResources ?? {})) if (ref) this.owners.set(kind, deps.informers.forResource(ref));

    this.pods.addHandler({
      // The informer's own key strings: the cache and the decisions keep them per pod.
      add: (obj, key) => {
        this.cache.addPod(key, obj as Pod);
        this.onPodAdd(key, obj as Pod);
      },
      update: (oldObj, newObj, key) => {
        this.cache.updatePod(key, oldObj as Pod, newObj as Pod);
        this.onPodUpdate(key, oldObj as Pod, newObj as Pod);
      },
      delete: (obj, key) => {
        this.cache.deletePod(key, obj as Pod);
        this.onPodDelete(key, obj as Pod);
      },
    });
    this.nodes.addHandler({
      add: (obj) => {
        this.cache.setNode(obj as Node);
        this.queue.moveOnEvent(nodeAddedInterest);
      },
      update: (oldObj, newObj) => {
        this.cache.setNode(newObj as Node);
        const interest = nodeUpdatedInterest(oldObj as Node, newObj as Node);
        if (interest) this.queue.moveOnEvent(interest);
      },
      delete: (obj) => {
        this.cache.deleteNode(obj as Node);
        this.queue.moveOnEvent(nodeDeletedInterest);
      },
    });
  }

  /** decisionFor returns the last scheduling attempt for a pod, if the scheduler has tried it. */
  decisionFor(namespace: string, name: string): SchedulingDecision | undefined {
    return this.decisions.get(`${namespace}/${name}`);
  }

  /** allDecisions lists the kept decisions (one per pod that still exists). */
  allDecisions(): SchedulingDecision[] {
    return [...this.decisions.values()];
  }

  /** save and load make decision records part of cluster snapshots; the queue is rebuilt from informers. */
  save(): unknown {
    return { decisions: this.allDecisions(), waitingForVolumes: [...this.waitingForVolumes] };
  }

  load(data: unknown): void {
    this.decisions.clear();
    this.detailed.clear();
    for (const d of (data as { decisions?: SchedulingDecision[] } | undefined)?.decisions ?? []) this.keepDecision(`${d.namespace}/${d.name}`, d);
    this.waitingForVolumes.clear();
    for (const [key, w] of (data as { waitingForVolumes?: [string, { nodeName: string; since: number }][] } | undefined)?.waitingForVolumes ?? []) this.waitingForVolumes.set(key, w);
  }

  private onPodAdd(key: string, pod: Pod): void {
    if (assigned(pod)) {
      this.queue.moveOnEvent(assignedPodAddedInterest);
      return;
    }
    if (responsible(pod) && !pod.metadata?.deletionTimestamp) this.queue.add(key, priorityOf(asObject(pod)));
  }

  private onPodUpdate(key: string, oldPod: Pod, newPod: Pod): void {
    if (assigned(newPod)) {
      if (!assigned(oldPod)) {
        // Bound (by us or by someone else): it leaves the queue and now counts on its node.
        this.queue.done(key);
        this.queue.moveOnEvent(assignedPodAddedInterest);
        return;
      }
      const interest = assignedPodUpdatedInterest(oldPod, newPod);
      if (interest) this.queue.moveOnEvent(interest);
      return;
    }
    if (!responsible(newPod) || newPod.metadata?.deletionTimestamp) {
      this.queue.done(key);
      return;
    }
    if (!this.queue.has(key)) {
      this.queue.add(key, priorityOf(asObject(newPod)));
      return;
    }
    // isPodUpdated: only a change beyond status and bookkeeping may change the outcome.
    const strip = (p: Pod) => ({ spec: p.spec, labels: p.metadata?.labels, annotations: p.metadata?.annotations });
    if (!deepEqual(strip(oldPod), strip(newPod))) this.queue.podUpdated(key, priorityOf(asObject(newPod)));
  }

  private onPodDelete(key: string, pod: Pod): void {
    this.decisions.delete(key);
    this.detailed.delete(key);
    if (assigned(pod)) this.queue.moveOnEvent(assignedPodDeletedInterest);
    else this.queue.done(key);
  }

  /** reconcile is scheduleOne for the pod behind `key`. */
  reconcile(key: string): void {
    const pod = this.pods.getByKey(key) as Pod | undefined;
    if (!pod || assigned(pod) || !responsible(pod) || pod.metadata?.deletionTimestamp) {
      this.waitingForVolumes.delete(key);
      this.queue.done(key);
      return;
    }
    if (this.waitingForVolumes.has(key)) {
      this.waitForVolumes(key, pod);
      return;
    }
    const snapshot = this.cache.snapshot();
    const result = scheduleOne(this.profile, {
      pod,
      snapshot,
      defaultSpreadSelector: this.defaultSpreadSelector(pod),
      pick: this.deps.pick,
      time: this.deps.clock.now(),
      attempts: this.queue.attempts(key),
      startIndex: this.nextStartNodeIndex,
      memo: this.memo,
      havePodsWithRequiredAntiAffinity: this.cache.havePodsWithRequiredAntiAffinity(),
      snapshotChanges: this.cache.lastChanges(),
    });
    this.nextStartNodeIndex = result.nextStartIndex;
    const decision = result.decision;
    this.keepDecision(key, decision);
    if (result.nodeName) {
      const binder = this.deps.volumeBinder;
      if (binder?.hasClaims(pod) && !binder.preBind(pod, result.nodeName)) {
        // PreBind: the claims are being bound or provisioned for this node; bind the pod after.
        this.waitingForVolumes.set(key, { nodeName: result.nodeName, since: this.deps.clock.now() });
        this.queue.addAfter(key, VOLUME_BINDING_POLL_MS);
        return;
      }
      this.bindPod(key, pod, result.nodeName, decision);
      return;
    }
    if (result.preemption) this.preempt(pod, result.preemption);
    this.recordFailure(pod, decision.message, result.preemption?.nodeName);
    this.queue.markUnschedulable(key, result.rejectors);
  }

  /** bindPod is the Bind extension point: POST pods/binding, then the Scheduled event. */
  private bindPod(key: string, pod: Pod, nodeName: string, decision: SchedulingDecision): void {
    const { namespace, name } = splitKey(key);
    try {
      this.deps.client.bind(namespace, name, nodeName);
    } catch (err) {
      decision.result = 'Error';
      decision.message = `binding rejected: ${(err as Error).message}`;
      this.deps.recorder.warning(asObject(pod), 'FailedScheduling', decision.message);
      this.queue.addRateLimited(key);
      return;
    }
    decision.message = `Successfully assigned ${namespace}/${name} to ${nodeName}`;
    this.deps.recorder.normal(asObject(pod), 'Scheduled', decision.message);
    this.queue.done(key);
  }

  /** waitForVolumes polls a pod's claims after PreBind; the pod is bound once they are. */
  private waitForVolumes(key: string, pod: Pod): void {
    const waiting = this.waitingForVolumes.get(key)!;
    const binder = this.deps.volumeBinder;
    if (!binder || binder.allBound(pod)) {
      this.waitingForVolumes.delete(key);
      const decision = this.decisions.get(key);
      if (decision) this.bindPod(key, pod, waiting.nodeName, decision);
      else this.queue.addRateLimited(key);
      return;
    }
    if (this.deps.clock.now() - waiting.since < BIND_TIMEOUT_MS) {
      this.queue.addAfter(key, VOLUME_BINDING_POLL_MS);
      return;
    }
    this.waitingForVolumes.delete(key);
    this.deps.recorder.warning(asObject(pod), 'FailedScheduling', 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded');
    this.queue.addRateLimited(key);
  }

  /**
   * keepDecision stores the decision. Per-node detail (hundreds of entries on big clusters)
   * is kept for every failed attempt but only for the last DETAILED_DECISIONS successful
   * ones, so memory does not grow with every pod ever scheduled.
   */
  private keepDecision(key: string, decision: SchedulingDecision): void {
    this.decisions.set(key, decision);
    this.detailed.delete(key);
    if (decision.result !== 'Scheduled') return;
    this.detailed.add(key);
    if (this.detailed.size <= DETAILED_DECISIONS) return;
    const oldest = this.detailed.values().next().value as string;
    this.detailed.delete(oldest);
    const old = this.decisions.get(oldest);
    if (old && old.result === 'Scheduled') {
      old.nodes = [];
      old.detailTrimmed = true;
    }
  }

  /** recordFailure is handleSchedulingFailure: the event, then the PodScheduled condition. */
  private recordFailure(pod: Pod, message: string, nominatedNodeName?: string): void {
    this.deps.recorder.warning(asObject(pod), 'FailedScheduling', message);
    try {
      const fresh = this.deps.client.get(PODS, pod.metadata?.namespace ?? '', pod.metadata?.name ?? '');
      const updated = thaw(fresh) as unknown as Mutable<Pod>;
      if (updated.spec?.nodeName) return;
      const status = (updated.status ??= {});
      const conditions = [...(status.conditions ?? [])];
      const i = conditions.findIndex((c) => c.type === 'PodScheduled');
      const prev = i >= 0 ? conditions[i] : undefined;
      const next = {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null as unknown as string,
        lastTransitionTime: prev?.status === 'False' ? prev.lastTransitionTime : rfc3339(this.deps.clock.now()),
        reason: 'Unschedulable',
        message,
      };
      const nominatedChanged = nominatedNodeName !== undefined && status.nominatedNodeName !== nominatedNodeName;
      if (prev && deepEqual(prev, next) && !nominatedChanged) return;
      if (i >= 0) conditions[i] = next;
      else conditions.push(next);
      status.conditions = conditions;
      if (nominatedNodeName !== undefined) status.nominatedNodeName = nominatedNodeName;
      this.deps.client.updateStatus(PODS, asObject(updated));
    } catch {
      // A conflict or a pod deleted meanwhile: the next attempt writes the condition again.
    }
  }

  /** preempt evicts the chosen victims (DefaultPreemption's prepareCandidate). */
  private preempt(pod: Pod, candidate: PreemptionCandidate): void {
    for (const victim of candidate.victims) {
      const ns = victim.metadata?.namespace ?? '';
      const name = victim.metadata?.name ?? '';
      try {
        this.deps.client.delete(PODS, ns, name);
        this.deps.recorder.normal(asObject(victim), 'Preempted', `Preempted by pod ${pod.metadata?.uid ?? ''} on node ${candidate.nodeName}`);
      } catch {
        // Already gone: nothing to evict.
      }
    }
  }

  /** lookupOwner finds a pod's controller for defaultSelector (one closure, not one per cycle). */
  private readonly lookupOwner = (kind: string, namespace: string, name: string): KubeObject | undefined => this.owners.get(kind)?.get(namespace, name);

  private defaultSpreadSelector(pod: Pod): Selector | undefined {
    if ((pod.spec?.topologySpreadConstraints ?? []).length > 0) return undefined;
    const ns = pod.metadata?.namespace ?? '';
    return this.spreadSelectors.get(pod, this.services.list(ns), this.lookupOwner);
  }
}
