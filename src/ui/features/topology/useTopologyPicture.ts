/**
 * useTopologyPicture is the topology's pipeline as a hook: store → derived graph (pure) →
 * pod slots (stable) → layout (in the layout worker) → xyflow nodes and edges (reused when
 * unchanged). Pod status changes re-derive but do not re-layout: only the coarse graph's
 * shape (boxes and their sizes) goes to the worker.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { WireObject } from '../../../protocol/objects.ts';
import { createLayoutWorker } from '../../bridge/layoutWorker.ts';
import { useAppStore, type AppState } from '../../state/appStore.ts';
import { getObject, selectResource, useClusterStore, type ClusterState, type ResourceObjects } from '../../state/clusterStore.ts';
import { LayoutClient } from './layout/layoutClient.ts';
import type { Point } from './layout/layoutEngine.ts';
import { PodSlots } from './layout/podSlots.ts';
import { aggregateThreshold } from './model/aggregate.ts';
import { deriveTopology, TOPOLOGY_RESOURCES } from './model/deriveTopology.ts';
import { PodGhosts } from './model/podGhosts.ts';
import type { TopologyGraph } from './model/types.ts';
import { EDGE_PODS_MAX, layoutInputOf, toFlow, type FlowPicture } from './toFlow.ts';
import { useTopologyStore, type TopologyState } from './topologyStore.ts';
import { useThrottled } from './useThrottled.ts';

const TOPOLOGY_RESOURCE_LIST = [...TOPOLOGY_RESOURCES];
/**
 * selectTopologyMaps picks the maps of the resources the picture is made of: with useShallow,
 * a delta of Events (or anything else not drawn) causes no redraw, and the selector costs a
 * dozen lookups instead of a walk over every object.
 */
const selectTopologyMaps = (s: ClusterState): ResourceObjects[] => TOPOLOGY_RESOURCE_LIST.map((gr) => selectResource(s, gr));
/** REDRAW_MS is the shortest interval between two redraws of the picture. */
const REDRAW_MS = 150;
/**
 * BUSY_REDRAW_MS replaces REDRAW_MS past EDGE_PODS_MAX pods: each redraw then re-derives and
 * re-diffs hundreds of pods, and at 1,000 pod changes a second most of them changed anyway,
 * so fewer, still frequent, redraws keep the main thread free without looking any less live.
 */
const BUSY_REDRAW_MS = 300;
const exists = (id: string) => getObject(useClusterStore.getState(), id) !== undefined;
const selectSelected = (s: AppState) => s.selected;
const selectFilter = (s: TopologyState) => ({ namespace: s.namespace, hiddenKinds: s.hiddenKinds });

/** useTopologyPicture returns the graph (for counts and filters) and what ReactFlow draws. */
export function useTopologyPicture(): { graph: TopologyGraph; picture: FlowPicture; laidOut: boolean } {
  const busy = useRef(false);
  const aggregated = useRef(false);
  const maps = useThrottled(useClusterStore(useShallow(selectTopologyMaps)), busy.current ? BUSY_REDRAW_MS : REDRAW_MS);
  const objects = useMemo(() => maps.flatMap((m): WireObject[] => [...m.values()]), [maps]);
  const selected = useAppStore(selectSelected);
  const filter = useTopologyStore(useShallow(selectFilter));
  const slots = useRef(new PodSlots()).current;
  const ghosts = useRef(new PodGhosts()).current;
  const [tick, setTick] = useState(0);
  const [positions, setPositions] = useState<Record<string, Point>>({});
  const client = useRef<LayoutClient | undefined>(undefined);

  useEffect(() => {
    const port = createLayoutWorker();
    if (!port) return;
    const c = new LayoutClient(port);
    c.onPositions = setPositions;
    client.current = c;
    return () => {
      client.current = undefined;
      port.terminate?.();
    };
  }, []);

  const graph = useMemo(() => {
    const g = ghosts.withGhosts(deriveTopology(objects, filter, aggregateThreshold(aggregated.current)), exists, performance.now());
    aggregated.current = g.aggregated;
    slots.retain(new Set(g.groups.map((x) => x.id)));
    for (const group of g.groups) slots.assign(group.id, group.members);
    busy.current = g.pods.length > EDGE_PODS_MAX;
    return g;
  }, [objects, filter, slots, ghosts, tick]);

  // Redraw when the next ghost is due to go.
  useEffect(() => {
    const due = ghosts.nextExpiry();
    if (due === undefined) return;
    const t = setTimeout(() => setTick((n) => n + 1), Math.max(0, due - performance.now()) + 20);
    return () => clearTimeout(t);
  }, [graph, ghosts]);

  const input = useMemo(() => layoutInputOf(graph, slots), [graph, slots]);
  const signature = useMemo(() => JSON.stringify(input), [input]);
  const [workerReady, setWorkerReady] = useState(0);
  useEffect(() => setWorkerReady((n) => n + 1), []);
  useEffect(() => {
    client.current?.request(JSON.parse(signature) as typeof input);
  }, [signature, workerReady]);

  const prev = useRef(new Map<string, FlowPicture['nodes'][number]>());
  const prevEdges = useRef(new Map<string, FlowPicture['edges'][number]>());
  const picture = useMemo(() => toFlow(graph, slots, positions, selected, prev.current, prevEdges.current), [graph, slots, positions, selected]);
  useEffect(() => {
    prev.current = new Map(picture.nodes.map((n) => [n.id, n]));
    prevEdges.current = new Map(picture.edges.map((e) => [e.id, e]));
  }, [picture]);
  return { graph, picture, laidOut: Object.keys(positions).length > 0 };
}
