/**
 * Box sizes of the topology, in flow units (the view scales them to fit). Pods sit in a
 * fixed grid inside their node's box, so a pod's place depends only on its slot.
 */

/** POD_W and POD_H size a pod box; POD_GAP separates them; POD_COLS pods make a row. */
export const POD_W = 156;
export const POD_H = 44;
export const POD_GAP = 8;
export const POD_COLS = 2;
/** GROUP_PAD pads a node box; GROUP_HEADER is its title strip. */
export const GROUP_PAD = 10;
export const GROUP_HEADER = 34;
/** GROUP_W is the width of every node box. */
export const GROUP_W = GROUP_PAD * 2 + POD_COLS * POD_W + (POD_COLS - 1) * POD_GAP;
/** BOX_W and BOX_H size workload, Service and Ingress boxes. */
export const BOX_W = 176;
export const BOX_H = 52;

/** groupHeight is the height of a node box with `rows` rows of pods (at least one). */
export function groupHeight(rows: number): number {
  const r = Math.max(1, rows);
  return GROUP_HEADER + GROUP_PAD + r * POD_H + (r - 1) * POD_GAP + GROUP_PAD;
}

/** slotPosition is the top-left of slot `slot` inside a node box. */
export function slotPosition(slot: number): { x: number; y: number } {
  const col = slot % POD_COLS;
  const row = Math.floor(slot / POD_COLS);
  return { x: GROUP_PAD + col * (POD_W + POD_GAP), y: GROUP_HEADER + GROUP_PAD + row * (POD_H + POD_GAP) };
}
