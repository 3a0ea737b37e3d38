/**
 * churnDriver is a test-only source of pod churn at a chosen rate: it feeds synthetic
 * `objects.delta` messages to the UI's own message listener of the cluster worker (captured
 * in an init script), so the main thread does exactly the work a real delta causes (store,
 * topology, events) at rates the simulated cluster cannot produce. Nothing of it ships in
 * the product: it exists only inside the page Playwright opens.
 *
 * Each pod lives five mutations: ADDED Pending (unbound), bound ContainerCreating, Running,
 * Running ready, DELETED, so the population stays near `population`.
 */

import { expect, type Page } from '@playwright/test';
import { waitForPrompt } from './helpers.ts';

/** ChurnWindow is what the init script leaves on `window`. */
export interface ChurnWindow {
  __churn: {
    /** deliver hands one delta to the UI as if the cluster worker had posted it. */
    deliver(delta: unknown): void;
    /** version is the protocol envelope version seen on the worker's messages. */
    version: number;
    podChanges: number;
    longTasks: number[];
  };
}

/** installChurnCapture runs as an init script: it captures the cluster worker's message listeners and records long tasks. */
export function installChurnCapture(): void {
  const w = window as unknown as ChurnWindow;
  const listeners: Array<(e: MessageEvent) => void> = [];
  const state = {
    version: 0,
    podChanges: 0,
    longTasks: [] as number[],
    deliver(delta: unknown) {
      const e = new MessageEvent('message', { data: { v: state.version, msg: { type: 'objects.delta', delta } } });
      for (const fn of listeners) fn(e);
    },
  };
  w.__churn = state;
  const add = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (this: Worker, type: string, fn: EventListenerOrEventListenerObject, opts?: boolean | AddEventListenerOptions) {
    if (type !== 'message' || typeof fn !== 'function') return add.call(this, type, fn, opts);
    const counted = (e: MessageEvent) => {
      const data = e.data as { v?: number; msg?: { type?: string; delta?: { added: Array<{ resource: string }>; modified: Array<{ resource: string }>; deleted: string[] } } };
      if (data?.msg?.type === 'objects.delta' && data.msg.delta) {
        if (!listeners.includes(fn as (e: MessageEvent) => void)) listeners.push(fn as (e: MessageEvent) => void);
        state.version = data.v ?? 0;
        for (const x of [...data.msg.delta.added, ...data.msg.delta.modified]) if (x.resource === 'pods') state.podChanges++;
        for (const k of data.msg.delta.deleted) if (k.startsWith('/pods/')) state.podChanges++;
      }
      (fn as (e: MessageEvent) => void)(e);
    };
    return add.call(this, type, counted as EventListener, opts);
  } as typeof Worker.prototype.addEventListener;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** ChurnOptions sets the rate (pod mutations per second), the pod population, the duration and the nodes. */
export interface ChurnOptions {
  rate: number;
  population: number;
  seconds: number;
  nodes: string[];
}

/**
 * runChurn runs in the page: every 16 ms it delivers one delta holding the mutations due
 * since the last one, and resolves with how many pod mutations it delivered.
 */
export function runChurn(opts: ChurnOptions): Promise<number> {
  const w = window as unknown as ChurnWindow;
  type Pod = { name: string; stage: number; node: string };
  const live: Pod[] = [];
  let serial = 0;
  let sent = 0;
  const wire = (p: Pod, status: string, ready: boolean) => ({
    key: `/pods/default/${p.name}`,
    group: '',
    resource: 'pods',
    podStatus: status,
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: p.name, namespace: 'default', uid: `uid-${p.name}`, labels: { app: 'churn' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'churn-5d4f8b7c9d', uid: 'uid-churn-rs', controller: true }] },
      spec: { ...(p.stage > 0 ? { nodeName: p.node } : {}), containers: [{ name: 'nginx', image: 'nginx' }] },
      status: { phase: status === 'Running' ? 'Running' : 'Pending', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    },
  });
  return new Promise((resolve) => {
    const start = performance.now();
    const timer = setInterval(() => {
      const elapsed = performance.now() - start;
      const due = Math.min(opts.rate * (elapsed / 1000), opts.rate * opts.seconds) - sent;
      const delta = { added: [] as unknown[], modified: [] as unknown[], deleted: [] as string[] };
      const touched = new Set<string>();
      for (let i = 0; i < due; i++) {
        // Grow to the population, then advance (or retire) the oldest pod not touched in this delta.
        if (live.length < opts.population) {
          const p = { name: `churn-5d4f8b7c9d-${(serial++).toString(36).padStart(5, 'x')}`, stage: 0, node: opts.nodes[serial % opts.nodes.length] };
          live.push(p);
          touched.add(p.name);
          delta.added.push(wire(p, 'Pending', false));
        } else {
          const idx = live.findIndex((p) => !touched.has(p.name));
          if (idx < 0) break;
          const p = live[idx];
          touched.add(p.name);
          p.stage++;
          if (p.stage === 1) delta.modified.push(wire(p, 'ContainerCreating', false));
          else if (p.stage === 2) delta.modified.push(wire(p, 'Running', false));
          else if (p.stage === 3) delta.modified.push(wire(p, 'Running', true));
          else {
            live.splice(idx, 1);
            delta.deleted.push(`/pods/default/${p.name}`);
            continue;
          }
          // Move it to the back, so the oldest pod is always next.
          live.splice(idx, 1);
          live.push(p);
        }
      }
      const n = delta.added.length + delta.modified.length + delta.deleted.length;
      if (n > 0) {
        sent += n;
        w.__churn.deliver(delta);
      }
      if (elapsed >= opts.seconds * 1000) {
        clearInterval(timer);
        // Retire the rest so the next run starts empty.
        const rest = { added: [], modified: [], deleted: live.map((p) => `/pods/default/${p.name}`) };
        if (rest.deleted.length) w.__churn.deliver(rest);
        resolve(sent);
      }
    }, 16);
  });
}

/**
 * openForChurn opens the site with the churn capture installed (plus any other init scripts
 * given) and returns once the driver can deliver: one real delta has arrived (so it knows the
 * listener and the envelope version) and the editor has loaded (Monaco's lazy load is one long
 * task of its own, not churn's).
 */
export async function openForChurn(page: Page, ...initScripts: Array<() => void>): Promise<void> {
  for (const script of initScripts) await page.addInitScript(script);
  await page.addInitScript(installChurnCapture);
  await page.goto('./');
  await waitForPrompt(page);
  await page.locator('[data-testid="topology"] [data-kind="Node"]').first().waitFor();
  await expect.poll(() => page.evaluate(() => (window as unknown as ChurnWindow).__churn.version)).toBeGreaterThan(0);
  await page.locator('[data-testid="editor"] .monaco-editor').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
}
