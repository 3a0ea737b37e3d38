/**
 * generatePodStatus is the kubelet's generateAPIPodStatus (pkg/kubelet/kubelet_pods.go) and the
 * condition generators of pkg/kubelet/status: phase from container states (getPhase), the
 * PodReadyToStartContainers / Initialized / Ready / ContainersReady conditions with upstream
 * reasons and messages, container statuses sorted by name, IPs, startTime and qosClass.
 */
import { rfc3339 } from '../../api/time.ts';
import type { Pod } from '../../api/types.ts';
import { containerNamed, type ContainerRecord, type ContainerState, type PodRecord, type Terminated } from './podState.ts';
import { reuseUnchanged } from './statusReuse.ts';

interface Condition {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

/** TIME_SLOTS is how many recent seconds' texts timeText keeps. */
const TIME_SLOTS = 4;
const slotSecond: number[] = new Array<number>(TIME_SLOTS).fill(Number.NaN);
const slotText: string[] = new Array<string>(TIME_SLOTS).fill('');
let nextSlot = 0;

/**
 * timeText is rfc3339 of the past times a status repeats on every write (startTime, a running
 * container's startedAt): rfc3339 keeps only the last second's text, and the API server stamps
 * `now` between two status writes, so these were formatted again each time.
 */
function timeText(ms: number): string {
  const second = Math.floor(ms / 1000);
  for (let i = 0; i < TIME_SLOTS; i++) if (slotSecond[i] === second) return slotText[i]!;
  const text = rfc3339(ms);
  slotSecond[nextSlot] = second;
  slotText[nextSlot] = text;
  nextSlot = (nextSlot + 1) % TIME_SLOTS;
  return text;
}

function stateJSON(s: ContainerState): Record<string, unknown> {
  if ('waiting' in s) return { waiting: { ...s.waiting } };
  if ('running' in s) return { running: { startedAt: timeText(s.running.startedAt) } };
  return { terminated: terminatedJSON(s.terminated) };
}

function terminatedJSON(t: Terminated): Record<string, unknown> {
  return {
    ...(t.containerID ? { containerID: t.containerID } : {}),
    exitCode: t.exitCode,
    finishedAt: rfc3339(t.finishedAt),
    ...(t.message ? { message: t.message } : {}),
    reason: t.reason,
    ...(t.signal ? { signal: t.signal } : {}),
    startedAt: rfc3339(t.startedAt),
  };
}

/** noneRunning says whether no container of the pod has a running process. */
function noneRunning(rec: PodRecord): boolean {
  for (const c of rec.containers) if (c.process && c.process.running) return false;
  return true;
}

/** getPhase is upstream's getPhase over our records. */
export function podPhase(pod: Pod, rec: PodRecord): string {
  if (rec.terminal) return rec.terminal;
  // Called on every status write: the containers are walked in place (no copies of the map).
  if (rec.terminatingSince !== undefined && noneRunning(rec)) {
    // A pod killed for deletion is terminal: Succeeded only if every container exited 0.
    for (const c of rec.containers) {
      if (!c.init && !('terminated' in c.state && c.state.terminated.exitCode === 0)) return 'Failed';
    }
    return 'Succeeded';
  }
  const policy = pod.spec?.restartPolicy ?? 'Always';
  for (const c of rec.containers) {
    if (!c.init) continue;
    if (c.sidecar) {
      if ('running' in c.state || c.everStarted) continue;
      return 'Pending';
    }
    const t = 'terminated' in c.state ? c.state.terminated : undefined;
    if (t && t.exitCode === 0) continue;
    if (t && policy === 'Never') return 'Failed';
    return 'Pending';
  }
  let running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const c of rec.containers) {
    if (c.init) continue;
    if ('running' in c.state) running++;
    else if ('terminated' in c.state) {
      stopped++;
      if (c.state.terminated.exitCode === 0) succeeded++;
    } else if (c.last) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'OnFailure') return 'Running';
    return 'Failed';
  }
  return 'Pending';
}

function containerStatus(c: ContainerRecord, specImage: string, mounts: { name: string; mountPath: string; readOnly?: boolean }[] | undefined): Record<string, unknown> {
  // Fields assigned in upstream's JSON order (the stored status keeps this order); no spread
  // temporaries: this runs for every container on every status write.
  const out: Record<string, unknown> = {};
  if (c.containerID) out.containerID = c.containerID;
  out.image = c.image?.reference ?? specImage;
  out.imageID = c.image && c.everStarted ? c.image.imageID : '';
  out.lastState = c.last ? { terminated: terminatedJSON(c.last) } : {};
  out.name = c.name;
  out.ready = c.ready;
  out.restartCount = c.restartCount;
  out.started = c.started;
  out.state = stateJSON(c.state);
  if (mounts?.length) {
    out.volumeMounts = mounts.map((m) => (m.readOnly ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: 'Disabled' } : { mountPath: m.mountPath, name: m.name }));
  }
  return out;
}

/**
 * condition builds one of the kubelet's conditions. When the stored status has it with the
 * same status, reason and message (written by a previous sync in this field order), the
 * stored frozen object itself is returned: the API server skips what a status write sends
 * back unchanged by identity (see statusReuse.ts).
 */
function condition(old: readonly Condition[] | undefined, now: number, type: string, ok: boolean, reason?: string, message?: string): Condition {
  const status = ok ? 'True' : 'False';
  const prev = findCondition(old, type);
  if (prev && prev.status === status) {
    if (prev.lastProbeTime === null && prev.reason === (reason || undefined) && prev.message === (message || undefined) && Object.isFrozen(prev) && inConditionOrder(prev)) return prev;
  }
  const lastTransitionTime = prev && prev.status === status ? prev.lastTransitionTime : rfc3339(now);
  const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

function findCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  if (conditions) for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === type) return conditions[i];
  return undefined;
}

/** CONDITION_FIELDS is the field order condition() writes (reason and message only when set). */
const CONDITION_FIELDS = ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'];

/** inConditionOrder says whether a stored condition has condition()'s fields in its order, no others. */
function inConditionOrder(c: Condition): boolean {
  const keys = Object.keys(c);
  const expected = 4 + (c.reason !== undefined ? 1 : 0) + (c.message !== undefined ? 1 : 0);
  if (keys.length !== expected) return false;
  for (let i = 0; i < 4; i++) if (keys[i] !== CONDITION_FIELDS[i]) return false;
  if (expected === 4) return true;
  if (c.reason !== undefined) return keys[4] === 'reason' && (expected === 5 || keys[5] === 'message');
  return keys[4] === 'message';
}

/** ipList is `[{ ip }]`, the stored list itself when it is exactly that. */
function ipList(stored: unknown, ip: string): { ip: string }[] {
  if (Array.isArray(stored) && stored.length === 1 && Object.isFrozen(stored)) {
    const only = stored[0] as { ip?: unknown } | undefined;
    if (only && only.ip === ip && Object.keys(only).length === 1) return stored as { ip: string }[];
  }
  return [{ ip }];
}

function byName(a: ContainerRecord, b: ContainerRecord): number {
  return a.name.localeCompare(b.name);
}

/** OWN_CONDITIONS are the condition types generatePodStatus writes; others are carried over. */
const OWN_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

/**
 * generatePodStatus returns the pod's new status (conditions keep their transition times).
 * Parts equal to the stored status's (pod.status) are its frozen objects, so a status write
 * sends them back by identity (statusReuse.ts).
 */
export function generatePodStatus(pod: Pod, rec: PodRecord, hostIP: string, now: number): Record<string, unknown> {
  const spec = pod.spec!;
  const stored = pod.status as Record<string, unknown> | undefined;
  const old = (pod.status?.conditions ?? []) as unknown as Condition[];
  const phase = podPhase(pod, rec);
  const completed = phase === 'Succeeded' || phase === 'Failed';
  const sandboxReady = now >= rec.sandboxReadyAt && !!rec.podIP && rec.terminatingSince === undefined && !completed;
  const inits = spec.initContainers ?? [];
  const incompleteInit: string[] = [];
  const unready: string[] = [];
  for (const ic of inits) {
    const c = containerNamed(rec, ic.name);
    const incomplete = c?.sidecar
      ? !(c.everStarted && ('running' in c.state ? c.started : true))
      : !(c && 'terminated' in c.state && c.state.terminated.exitCode === 0);
    if (incomplete) incompleteInit.push(ic.name);
  }
  // Sidecars count for readiness like app containers (KEP-753), before them.
  for (const ic of inits) {
    const c = containerNamed(rec, ic.name);
    if (c?.sidecar && !c.ready) unready.push(ic.name);
  }
  for (const sc of spec.containers) if (!containerNamed(rec, sc.name)?.ready) unready.push(sc.name);

  const conditions: Condition[] = [
    condition(old, now, 'PodReadyToStartContainers', sandboxReady),
    incompleteInit.length === 0
      ? condition(old, now, 'Initialized', true)
      : condition(old, now, 'Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incompleteInit.join(' ')}]`),
    completed
      ? condition(old, now, 'Ready', false, 'PodCompleted')
      : unready.length === 0
        ? condition(old, now, 'Ready', true)
        : condition(old, now, 'Ready', false, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`),
    completed
      ? condition(old, now, 'ContainersReady', false, 'PodCompleted')
      : unready.length === 0
        ? condition(old, now, 'ContainersReady', true)
        : condition(old, now, 'ContainersReady', false, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`),
  ];
  // Conditions other components own (PodScheduled, DisruptionTarget, readiness gates) are kept.
  let scheduled = false;
  for (let i = 0; i < old.length; i++) {
    const c = old[i]!;
    if (OWN_CONDITIONS.has(c.type)) continue;
    conditions.push(c);
    if (c.type === 'PodScheduled') scheduled = true;
  }
  if (!scheduled) conditions.push(condition(old, now, 'PodScheduled', true));

  const regular: ContainerRecord[] = [];
  for (const c of rec.containers) if (!c.init) regular.push(c);
  if (regular.length > 1) regular.sort(byName);
  const containerStatuses = reuseUnchanged(regular.map((c) => containerStatusOf(spec, c)), stored?.containerStatuses);
  if (rec.podIP && !rec.deadlineExceeded && inits.length === 0) {
    // The usual pod, in one literal: the object is built at its final size, not grown field by field.
    return {
      phase,
      conditions: sameItems(conditions, stored?.conditions),
      hostIP,
      hostIPs: ipList(stored?.hostIPs, hostIP),
      podIP: rec.podIP,
      podIPs: ipList(stored?.podIPs, rec.podIP),
      startTime: timeText(rec.startTime),
      containerStatuses,
      qosClass: pod.status?.qosClass,
    };
  }
  const status: Record<string, unknown> = {
    phase,
    conditions: sameItems(conditions, stored?.conditions),
    hostIP,
    hostIPs: ipList(stored?.hostIPs, hostIP),
  };
  if (rec.podIP) {
    status.podIP = rec.podIP;
    status.podIPs = ipList(stored?.podIPs, rec.podIP);
  }
  status.startTime = timeText(rec.startTime);
  if (rec.deadlineExceeded) {
    status.reason = 'DeadlineExceeded';
    status.message = 'Pod was active on the node longer than the specified deadline';
  }
  if (inits.length) {
    const fresh = inits.map((ic) => containerStatus(containerNamed(rec, ic.name)!, ic.image ?? '', ic.volumeMounts));
    status.initContainerStatuses = reuseUnchanged(fresh, stored?.initContainerStatuses);
  }
  status.containerStatuses = containerStatuses;
  status.qosClass = pod.status?.qosClass;
  return status;
}

/** containerStatusOf is the status of app container `c` of the pod with this spec. */
function containerStatusOf(spec: NonNullable<Pod['spec']>, c: ContainerRecord): Record<string, unknown> {
  const sc = spec.containers.find((x) => x.name === c.name)!;
  return containerStatus(c, sc.image ?? '', sc.volumeMounts);
}

/** sameItems is `items`, or the stored array when it holds exactly the same objects (and is frozen). */
function sameItems<T>(items: T[], stored: unknown): T[] {
  if (!Array.isArray(stored) || stored.length !== items.length || !Object.isFrozen(stored)) return items;
  for (let i = 0; i < items.length; i++) if (items[i] !== stored[i]) return items;
  return stored as T[];
}
