/**
 * Decision records: what the scheduler saw and concluded on its last attempt for a pod,
 * node by node. This has no upstream object (kube-scheduler only logs it at -v=10); the UI
 * reads it to answer "why this node?" and "why Pending?".
 */
import type { Code } from './types.ts';

/** FilterVerdict is one filter plugin's answer for one node; plugins after a rejection do not run. */
export interface FilterVerdict {
  plugin: string;
  /** code is 'Success' when the node passed. */
  code: Code;
  reasons: string[];
}

/** ScoreEntry is one score plugin's raw and normalised score for one node. */
export interface ScoreEntry {
  plugin: string;
  raw: number;
  normalized: number;
  weight: number;
  /** weighted is normalized × weight, the part added to the node's total. */
  weighted: number;
}

/** NodeDecision is everything the scheduler decided about one node. */
export interface NodeDecision {
  node: string;
  filters: FilterVerdict[];
  feasible: boolean;
  /** scores is empty when scoring did not run (fewer than two feasible nodes, or a failure). */
  scores: ScoreEntry[];
  total?: number;
}

/** SchedulingDecision is the last scheduling attempt for one pod. */
export interface SchedulingDecision {
  namespace: string;
  name: string;
  uid: string;
  /** time is the virtual epoch-ms of the attempt; attempts counts every attempt so far. */
  time: number;
  attempts: number;
  result: 'Scheduled' | 'Unschedulable' | 'Error';
  /** nodeName is where the pod was bound (result Scheduled). */
  nodeName?: string;
  /** message is the FailedScheduling text or the Scheduled event text. */
  message: string;
  /** preFilter is set when a PreFilter plugin rejected the pod before any node was looked at. */
  preFilter?: FilterVerdict;
  /** skippedScorePlugins are score plugins whose PreScore said they have nothing to add. */
  skippedScorePlugins: string[];
  /** nodes is the per-node detail; emptied for older successful decisions (see detailTrimmed). */
  nodes: NodeDecision[];
  /**
   * detailTrimmed is set when `nodes` was dropped to bound memory: only the most recent
   * successful decisions keep their per-node detail (failed ones always do).
   */
  detailTrimmed?: boolean;
}
