/**
 * layout.worker: the topology's layout runs here, off the main thread. All logic lives in
 * IncrementalLayout; this file only connects it to the worker's port.
 */
import { IncrementalLayout } from './layoutEngine.ts';
import type { LayoutReply, LayoutRequest } from './layoutMessages.ts';

const port = self as unknown as { postMessage(m: LayoutReply): void; onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null };
const engine = new IncrementalLayout();
port.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'reset') engine.reset();
  else port.postMessage({ type: 'positions', seq: req.seq, positions: engine.layout(req.input) });
};
