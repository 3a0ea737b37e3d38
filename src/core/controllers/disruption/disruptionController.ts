/**
 * The disruption controller: keeps each PodDisruptionBudget's status (how many selected
 * pods are healthy, how many must stay healthy, how many may be disrupted now), which the
 * eviction subresource consults before it lets `kubectl drain` remove a pod.
 *
 * Modelled on pkg/controller/disruption/disruption.go (sync, trySync, failSafe): a change to
 * a budget, or to a pod it selects, enqueues the budget; reconcile recomputes the status
 * from the caches (pdbStatus.ts holds the arithmetic). Evictions the API server approved
 * stay in status.disruptedPods for DeletionTimeout (2 min) and do not count as healthy;
 * the budget is looked at again when the first of them expires. A budget whose expected
 * count cannot be worked out gets the fail-safe status: no disruptions, reason SyncFailed.
 */
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { matches, selectorFromLabelSelector } from '../../api/labels.ts';
import { controllerOf } from '../../api/ownerReferences.ts';
import { isStatusError } from '../../api/status.ts';
import { rfc3339 } from '../../api/time.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { DEPLOYMENTS, PODS, REPLICASETS, type Client, type ResourceRef } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, splitKey, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import {
  buildDisruptedPodMap,
  countHealthyPods,
  expectedPodCount,
  nextStatus,
  type ScaleFinder,
} from './pdbStatus.ts';
import { DISRUPTION_ALLOWED, setStatusCondition } from '../../api/podDisruptionBudget.ts';

/** PODDISRUPTIONBUDGETS is the policy/v1 poddisruptionbudgets resource. */
export const PODDISRUPTIONBUDGETS: ResourceRef = { group: 'policy', resource: 'poddisruptionbudgets' };

/** DISRUPTION_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const DISRUPTION_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:disruption-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

type PDB = PodDisruptionBudget & KubeObject;

/** DisruptionController reconciles PodDisruptionBudgets' status. */
export class DisruptionController {
  readonly name = 'disruption';
  readonly queue: WorkQueue;
  private readonly client: Client;
  // Upstream's recorder is the controller manager's generic one (EventSource "controllermanager").
  private readonly recorder: EventRecorder;
  private readonly pdbs: Informer;
  private readonly pods: Informer;
  private readonly replicaSets: Informer;
  private readonly deployments: Informer;
  private readonly clock: Cluster['clock'];

  constructor(cluster: Cluster) {
    this.clock = cluster.clock;
    this.queue = new WorkQueue('disruption', cluster.clock);
    this.client = cluster.client('kube-controller-manager', DISRUPTION_CONTROLLER_USER);
    this.recorder = cluster.recorder('controllermanager');
    this.pdbs = cluster.informers.forResource(PODDISRUPTIONBUDGETS);
    this.pods = cluster.informers.forResource(PODS);
    this.replicaSets = cluster.informers.forResource(REPLICASETS);
    this.deployments = cluster.informers.forResource(DEPLOYMENTS);
    const enqueue = (pdb: KubeObject) => this.queue.add(keyOf(pdb));
    this.pdbs.addHandler({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue });
    // addPod/updatePod/deletePod: the budgets selecting the pod (upstream takes only the
    // first; every one is enqueued here, which computes the same statuses).
    const podChanged = (pod: KubeObject) => {
      for (const pdb of this.budgetsFor(pod)) enqueue(pdb);
    };
    this.pods.addHandler({
      add: podChanged,
      update: (o, n) => {
        podChanged(o);
        podChanged(n);
      },
      delete: podChanged,
    });
  }

  /** reconcile is sync + trySync, falling back to failSafe when the expected count cannot be found. */
  reconcile(key: string): Result | void {
    const { namespace, name } = splitKey(key);
    const pdb = this.pdbs.get(namespace, name) as PDB | undefined;
    if (!pdb) return;
    try {
      return this.trySync(pdb);
    } catch (err) {
      if (isStatusError(err) && (err.code === 409 || err.code === 404)) return { requeueAfter: 100 };
      if (isStatusError(err)) throw err;
      return this.failSafe(pdb, err instanceof Error ? err.message : String(err));
    }
  }

  private trySync(pdb: PDB): Result | void {
    const pods = this.podsFor(pdb);
    if (pods.length === 0) this.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
    let counts;
    try {
      counts = expectedPodCount(pdb, pods, this.findScale);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${message}`);
      throw err;
    }
    if (counts.unmanagedPods.length > 0) {
      this.recorder.event(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${goSelectorString(pdb.spec?.selector)}) were found to be unmanaged. ` +
          'As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ' +
          'To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
      );
    }
    const now = this.clock.now();
    const disrupted = buildDisruptedPodMap(pods, pdb, now);
    for (const pod of disrupted.notDeleted) {
      // NOTE: upstream prints the budget's namespace twice (pdb.Namespace, pdb.Namespace).
      const ns = pdb.metadata.namespace ?? '';
      this.recorder.event(pod as unknown as KubeObject, 'Warning', 'NotDeleted', `Pod was expected by PDB ${ns}/${ns} to be deleted but it wasn't`);
    }
    const currentHealthy = countHealthyPods(pods, disrupted.disruptedPods, now);
    const status = nextStatus(pdb, { ...counts, currentHealthy }, disrupted.disruptedPods, rfc3339(now));
    if (status) this.writeStatus(pdb, status);
    if (disrupted.recheckAt !== undefined) return { requeueAfter: Math.max(0, disrupted.recheckAt - now) };
  }

  /** failSafe: no disruptions allowed, with the sync error as the condition's message. */
  private failSafe(pdb: PDB, message: string): void {
    const status = thaw(pdb.status ?? {}) as PodDisruptionBudgetStatus;
    status.disruptionsAllowed = 0;
    status.conditions = setStatusCondition(
      status.conditions ?? [],
      { type: DISRUPTION_ALLOWED, status: 'False', reason: 'SyncFailed', message, observedGeneration: status.observedGeneration },
      rfc3339(this.clock.now()),
    );
    this.writeStatus(pdb, status);
  }

  private writeStatus(pdb: PDB, status: PodDisruptionBudgetStatus): void {
    this.client.updateStatus(PODDISRUPTIONBUDGETS, { ...thaw(pdb), status } as unknown as KubeObject);
  }

  /** podsFor is getPodsForPdb: the namespace's pods matching the selector (nil selects none). */
  private podsFor(pdb: PDB): Pod[] {
    const selector = parsedSelector(pdb.spec?.selector);
    if (!selector) return [];
    return this.pods.list(pdb.metadata.namespace ?? '').filter((p) => matches(selector, p.metadata.labels)) as unknown as Pod[];
  }

  /** budgetsFor is getPdbsForPod: the budgets in the pod's namespace whose selector matches it (policy/v1: an empty one matches all). */
  private budgetsFor(pod: KubeObject): KubeObject[] {
    const labels = pod.metadata.labels ?? {};
    return this.pdbs.list(pod.metadata.namespace ?? '').filter((pdb) => {
      const sel = (pdb.spec as { selector?: LabelSelector } | undefined)?.selector;
      const selector = parsedSelector(sel);
      return selector !== undefined && matches(selector, labels);
    });
  }

  /**
   * findScale is the finders list: a ReplicaSet owned by a Deployment counts as that
   * Deployment (getPodDeployment), a bare ReplicaSet as itself, anything else through its
   * scale subresource (StatefulSet, ReplicationController, custom workloads).
   */
  private readonly findScale: ScaleFinder = (pod) => {
    const ref = controllerOf(pod as unknown as KubeObject);
    if (!ref) return undefined;
    const ns = pod.metadata?.namespace ?? '';
    if (ref.kind === 'ReplicaSet' && ref.apiVersion.startsWith('apps/')) {
      const rs = this.replicaSets.get(ns, ref.name);
      if (!rs || rs.metadata.uid !== ref.uid) return undefined;
      const owner = controllerOf(rs);
      if (owner?.kind === 'Deployment') {
        const d = this.deployments.get(ns, owner.name);
        if (!d || d.metadata.uid !== owner.uid) return undefined;
        return { uid: d.metadata.uid ?? '', scale: (d.spec as { replicas?: number }).replicas ?? 1 };
      }
      return { uid: rs.metadata.uid ?? '', scale: (rs.spec as { replicas?: number }).replicas ?? 1 };
    }
    const group = ref.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : '';
    const def = this.client.discovery().find((d) => d.group === group && d.kind === ref.kind && d.scale);
    if (!def) return undefined;
    const target = this.client.tryGet({ group, resource: def.resource }, ns, ref.name);
    if (!target || target.metadata.uid !== ref.uid) return undefined;
    return { uid: target.metadata.uid ?? '', scale: def.scale!.specReplicas(target) };
  };
}

function parsedSelector(sel: LabelSelector | undefined) {
  try {
    return selectorFromLabelSelector(sel);
  } catch {
    return undefined;
  }
}

/** goSelectorString prints a *metav1.LabelSelector as its generated String() does, for the UnmanagedPods event. */
function goSelectorString(sel: LabelSelector | undefined): string {
  if (!sel) return 'nil';
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${sel.matchLabels![k]},`)
    .join('');
  const exprs = (sel.matchExpressions ?? [])
    .map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],}`)
    .join(',');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

/** installDisruptionController registers the controller with the cluster. */
export function installDisruptionController(cluster: Cluster): DisruptionController {
  const c = new DisruptionController(cluster);
  cluster.addReconciler(c);
  return c;
}
