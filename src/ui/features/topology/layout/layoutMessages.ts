/**
 * The layout worker's tiny protocol: the main thread sends the graph to place (with a
 * sequence number), the worker answers with positions for that sequence.
 */
import type { LayoutInput, Point } from './layoutEngine.ts';

/** LayoutRequest asks for positions, or to forget them all (a new cluster). */
export type LayoutRequest = { type: 'layout'; seq: number; input: LayoutInput } | { type: 'reset' };

/** LayoutReply carries the positions computed for request `seq`. */
export interface LayoutReply {
  type: 'positions';
  seq: number;
  positions: Record<string, Point>;
}
