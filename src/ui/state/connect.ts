/**
 * connectStores feeds the zustand stores from the worker. Deltas are applied on the next
 * animation frame and acknowledged after it, so the worker never sends faster than we paint.
 */
import type { Bridge } from '../bridge/bridge.ts';
import { useAppStore } from './appStore.ts';
import { useClusterStore } from './clusterStore.ts';

export function connectStores(bridge: Bridge): () => void {
  const app = useAppStore.getState();
  const offs = [
    bridge.on('ready', (m) => app.set({ ready: true, restored: m.restored, files: m.files, history: m.history })),
    bridge.on('clock', (m) => app.set({ clock: m.clock })),
    bridge.on('notice', (m) => app.notify(m.notice)),
    bridge.on('error', (m) => app.notify({ level: 'error', text: m.message })),
    bridge.on('workspace.files', (m) => app.set({ files: m.files })),
    bridge.on('objects.reset', () => useClusterStore.getState().clear()),
    bridge.on('objects.delta', (m) => {
      requestAnimationFrame(() => {
        useClusterStore.getState().applyDelta(m.delta);
        bridge.send({ type: 'objects.ack' });
      });
    }),
  ];
  return () => offs.forEach((off) => off());
}
