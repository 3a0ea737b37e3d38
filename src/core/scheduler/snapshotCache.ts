/**
 * SnapshotCache: the scheduler's NodeInfos kept up to date from informer events, so a
 * scheduling cycle does not regroup every pod of the cluster.
 *
 * Models pkg/scheduler/backend/cache (cache.go UpdateSnapshot): only nodes whose pods or
 * Node object changed since the last snapshot get a new NodeInfo; the others are reused.
 * The result is the same as buildSnapshot over the informers' contents: nodes sorted by
 * name, each with its bound non-terminal pods in informer order.
 */
import { deepEqual } from '../api/equality.ts';
import type { Node, Pod } from '../api/types.ts';
import { isTerminal, newNodeInfo, nextNodeInfo } from './nodeInfo.ts';
import type { NodeInfo, SnapshotChanges } from './types.ts';

/**
 * NodeDelta is what changed on a node since the last snapshot(): the pods placed (as placed,
 * for their requests, and by key, for their current object) and taken off (as they were
 * counted, and by informer position).
 */
interface NodeDelta {
  added: Pod[];
  removed: Pod[];
  addedKeys: string[];
  removedSeqs: number[];
}

/** SnapshotCache tracks nodes and bound pods; feed it from the pod and node informers. */
export class SnapshotCache {
  private readonly nodes = new Map<string, Node>();
  /** podsByNode holds each node's bound non-terminal pods by key. */
  private readonly podsByNode = new Map<string, Map<string, Pod>>();
  /** seq is each pod key's position in the informer (first add), so pod order matches a full rebuild. */
  private readonly seq = new Map<string, number>();
  private nextSeq = 0;
  private readonly infos = new Map<string, NodeInfo>();
  private readonly dirty = new Set<string>();
  private sorted?: NodeInfo[];
  private readonly position = new Map<string, number>();
  /** changes says which positions of the list the last snapshot() replaced (see SnapshotChanges). */
  private changes: SnapshotChanges = { generation: 0, positions: undefined };
  /** antiAffinityNodes names the nodes whose NodeInfo has pods with required anti-affinity. */
  private readonly antiAffinityNodes = new Set<string>();
  /**
   * deltas holds, per node with a NodeInfo, the pods placed on and taken off it since the last
   * snapshot(), so its next NodeInfo adjusts the previous sums instead of re-adding every pod.
   */
  private readonly deltas = new Map<string, NodeDelta>();
  /** infoSeqs holds, per NodeInfo in infos, its pods' informer positions (parallel to info.pods). */
  private readonly infoSeqs = new Map<string, number[]>();
  /** fullOrder names nodes whose next pod list must be sorted from scratch (see podsInOrder). */
  private readonly fullOrder = new Set<string>();

  /** setNode records an added or updated Node. */
  setNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    if (!this.nodes.has(name)) this.sorted = undefined;
    this.nodes.set(name, node);
    this.markDirty(name);
  }

  /** deleteNode forgets a Node (its pods stay tracked in case it comes back, as the informer keeps them). */
  deleteNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    this.nodes.delete(name);
    this.infos.delete(name);
    this.dirty.delete(name);
    this.antiAffinityNodes.delete(name);
    this.deltas.delete(name);
    this.infoSeqs.delete(name);
    this.sorted = undefined;
  }

  /** addPod records a pod the informer added. */
  addPod(key: string, pod: Pod): void {
    // A key added twice would change position under a pod the previous NodeInfo lists.
    if (this.seq.has(key) && pod.spec?.nodeName) this.fullOrder.add(pod.spec.nodeName);
    this.seq.set(key, this.nextSeq++);
    this.place(key, pod);
  }

  /** updatePod records a pod change (binding, phase, deletion timestamp...). */
  updatePod(key: string, oldPod: Pod, newPod: Pod): void {
    if (this.replaceInPlace(key, oldPod, newPod)) return;
    this.unplace(key, oldPod);
    this.place(key, newPod);
  }

  /**
   * replaceInPlace handles the common status-only update (kubelet status writes): nothing a
   * plugin counts changed, so the pod is swapped inside its NodeInfo instead of rebuilding
   * the NodeInfo, which also keeps the plugins' per-NodeInfo memos valid.
   */
  private replaceInPlace(key: string, oldPod: Pod, newPod: Pod): boolean {
    const nodeName = newPod.spec?.nodeName;
    if (!nodeName || oldPod.spec?.nodeName !== nodeName || isTerminal(oldPod) || isTerminal(newPod)) return false;
    if (oldPod.metadata?.deletionTimestamp !== newPod.metadata?.deletionTimestamp) return false;
    if (!deepEqual(oldPod.metadata?.labels, newPod.metadata?.labels) || !deepEqual(oldPod.spec, newPod.spec)) return false;
    const pods = this.podsByNode.get(nodeName);
    if (!pods?.has(key)) return false;
    pods.set(key, newPod);
    const info = this.infos.get(nodeName);
    if (info) {
      // Swapped even when the node is dirty: its next pod list is built from this one.
      const i = this.positionIn(nodeName, info, key, oldPod);
      if (i >= 0) info.pods[i] = newPod;
      else if (!this.dirty.has(nodeName)) this.markDirty(nodeName);
      const j = info.podsWithRequiredAntiAffinity.indexOf(oldPod);
      if (j >= 0) info.podsWithRequiredAntiAffinity[j] = newPod;
    }
    return true;
  }

  /**
   * positionIn finds a pod in a NodeInfo's list: by binary search on the list's informer
   * positions (ascending, one per key), checked against the object, else by a scan. A status
   * write otherwise scanned the node's pods (300 per node at 30,000 pods).
   */
  private positionIn(nodeName: string, info: NodeInfo, key: string, pod: Pod): number {
    const seqs = this.infoSeqs.get(nodeName);
    const seq = this.seq.get(key);
    if (seqs !== undefined && seq !== undefined && seqs.length === info.pods.length) {
      let lo = 0;
      let hi = seqs.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (seqs[mid] < seq) lo = mid + 1;
        else if (seqs[mid] > seq) hi = mid - 1;
        else {
          if (info.pods[mid] === pod) return mid;
          break;
        }
      }
    }
    return info.pods.indexOf(pod);
  }

  /** deletePod records a pod the informer removed. */
  deletePod(key: string, pod: Pod): void {
    this.unplace(key, pod);
    this.seq.delete(key);
  }

  /**
   * snapshot returns the NodeInfos sorted by node name; unchanged nodes keep their NodeInfo
   * object. Like upstream's UpdateSnapshot it updates one list in place rather than copying
   * thousands of entries per cycle: the list is valid until the next call.
   */
  snapshot(): readonly NodeInfo[] {
    const replaced: number[] = [];
    for (const name of this.dirty) {
      const node = this.nodes.get(name);
      if (!node) continue;
      const prev = this.infos.get(name);
      const delta = this.deltas.get(name);
      const pods = this.podsInOrder(name, prev, delta);
      const info = (prev && nextNodeInfo(node, pods, prev, delta?.added ?? [], delta?.removed ?? [])) || newNodeInfo(node, pods);
      this.infos.set(name, info);
      if (info.podsWithRequiredAntiAffinity.length > 0) this.antiAffinityNodes.add(name);
      else this.antiAffinityNodes.delete(name);
      const i = this.position.get(name);
      if (this.sorted && i !== undefined) {
        this.sorted[i] = info;
        replaced.push(i);
      } else {
        this.sorted = undefined;
      }
    }
    this.dirty.clear();
    this.deltas.clear();
    this.fullOrder.clear();
    if (!this.sorted) {
      const names = [...this.nodes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.sorted = names.map((n) => this.infos.get(n)!);
      this.position.clear();
      names.forEach((n, i) => this.position.set(n, i));
      this.changes = { generation: this.changes.generation + 1, positions: undefined };
    } else if (replaced.length > 0) {
      this.changes = { generation: this.changes.generation + 1, positions: replaced };
    }
    return this.sorted;
  }

  /** lastChanges describes what the last snapshot() changed in the list (SchedulingContext.snapshotChanges). */
  lastChanges(): SnapshotChanges {
    return this.changes;
  }

  /**
   * havePodsWithRequiredAntiAffinity lists the NodeInfos of the last snapshot() that have pods
   * with required anti-affinity (Snapshot.HavePodsWithRequiredAntiAffinityList), in node order.
   * Call it right after snapshot().
   */
  havePodsWithRequiredAntiAffinity(): NodeInfo[] {
    if (this.antiAffinityNodes.size === 0) return [];
    const names = [...this.antiAffinityNodes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return names.map((n) => this.infos.get(n)!);
  }

  /**
   * podsInInformerOrder lists a node's pods by their informer position. Pods are usually
   * placed in that order already (bound as they were created), so the order is checked in
   * one pass and sorted only when it is not, each position looked up once.
   */
  private podsInInformerOrder(nodeName: string): Pod[] {
    const byKey = this.podsByNode.get(nodeName);
    if (!byKey) {
      this.infoSeqs.set(nodeName, []);
      return [];
    }
    const pods: Pod[] = [];
    const seqs: number[] = [];
    let sorted = true;
    for (const [key, pod] of byKey) {
      const seq = this.seq.get(key) ?? 0;
      if (seqs.length > 0 && seq < seqs[seqs.length - 1]) sorted = false;
      pods.push(pod);
      seqs.push(seq);
    }
    if (sorted) {
      this.infoSeqs.set(nodeName, seqs);
      return pods;
    }
    // A stable sort on the looked-up positions, as the sort of entries by position was.
    const order = pods.map((_, i) => i).sort((a, b) => seqs[a] - seqs[b]);
    this.infoSeqs.set(nodeName, order.map((i) => seqs[i]));
    return order.map((i) => pods[i]);
  }

  /**
   * podsInOrder is podsInInformerOrder for a node whose previous NodeInfo and changes are
   * known: the previous list (kept in position order, with in-place swaps applied) minus the
   * removed positions, merged with the added keys' current pods by position. One binding then
   * costs a copy of the list rather than a walk of the node's pod map with a lookup per pod.
   */
  private podsInOrder(nodeName: string, prev: NodeInfo | undefined, delta: NodeDelta | undefined): Pod[] {
    const prevSeqs = this.infoSeqs.get(nodeName);
    if (!prev || !prevSeqs || this.fullOrder.has(nodeName)) return this.podsInInformerOrder(nodeName);
    const byKey = this.podsByNode.get(nodeName);
    const adds: { seq: number; pod: Pod }[] = [];
    const seen = new Set<string>();
    for (const key of delta?.addedKeys ?? []) {
      const pod = byKey?.get(key);
      if (!pod || seen.has(key)) continue; // taken off again, or added twice
      seen.add(key);
      adds.push({ seq: this.seq.get(key) ?? 0, pod });
    }
    adds.sort((a, b) => a.seq - b.seq);
    const removed = delta && delta.removedSeqs.length > 0 ? new Set(delta.removedSeqs) : undefined;
    const pods: Pod[] = [];
    const seqs: number[] = [];
    let a = 0;
    for (let i = 0; i < prev.pods.length; i++) {
      const seq = prevSeqs[i];
      if (removed?.has(seq)) continue;
      for (; a < adds.length && adds[a].seq < seq; a++) {
        pods.push(adds[a].pod);
        seqs.push(adds[a].seq);
      }
      pods.push(prev.pods[i]);
      seqs.push(seq);
    }
    for (; a < adds.length; a++) {
      pods.push(adds[a].pod);
      seqs.push(adds[a].seq);
    }
    // The map is the truth: a count that disagrees means a change this path did not see.
    if (pods.length !== (byKey?.size ?? 0)) return this.podsInInformerOrder(nodeName);
    this.infoSeqs.set(nodeName, seqs);
    return pods;
  }

  private place(key: string, pod: Pod): void {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || isTerminal(pod)) return;
    let pods = this.podsByNode.get(nodeName);
    if (!pods) this.podsByNode.set(nodeName, (pods = new Map()));
    pods.set(key, pod);
    this.markDirty(nodeName);
    const delta = this.deltaOf(nodeName);
    if (delta) {
      delta.added.push(pod);
      delta.addedKeys.push(key);
    }
  }

  private unplace(key: string, pod: Pod): void {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    const pods = this.podsByNode.get(nodeName);
    const old = pods?.get(key);
    if (old && pods!.delete(key)) {
      this.markDirty(nodeName);
      const delta = this.deltaOf(nodeName);
      if (delta) {
        delta.removed.push(old);
        delta.removedSeqs.push(this.seq.get(key) ?? 0);
      }
    }
    if (pods && pods.size === 0) this.podsByNode.delete(nodeName);
  }

  /** deltaOf is the node's change record, or undefined when it has no NodeInfo to adjust (a full build follows). */
  private deltaOf(name: string): NodeDelta | undefined {
    if (!this.infos.has(name)) return undefined;
    let delta = this.deltas.get(name);
    if (!delta) this.deltas.set(name, (delta = { added: [], removed: [], addedKeys: [], removedSeqs: [] }));
    return delta;
  }

  private markDirty(name: string): void {
    if (this.nodes.has(name)) this.dirty.add(name);
  }
}
