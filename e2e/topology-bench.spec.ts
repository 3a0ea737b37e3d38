/**
 * Measurement, not a test: with the topology open, churn a few hundred pods (scale a
 * Deployment up and down at 20× speed) and report how many pod changes reached the UI per
 * second and the longest main-thread task (PerformanceObserver 'longtask'). The budget is
 * 1,000 pod mutations per second with no task over 50 ms; the figures are printed, never asserted.
 */
import { test } from '@playwright/test';
import { measureColdLoad } from './coldLoad.ts';
import { openForChurn, runChurn, type ChurnWindow } from './churnDriver.ts';
import { run, waitForPrompt } from './helpers.ts';

declare global {
  interface Window {
    __bench: { podChanges: number; longTasks: number[] };
  }
}

test('topology under pod churn: pod changes per second and longest main-thread task', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const bench = { podChanges: 0, longTasks: [] as number[] };
    window.__bench = bench;
    // Count the pod changes inside each objects.delta the UI receives (after coalescing).
    const add = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (this: Worker, type: string, fn: EventListenerOrEventListenerObject, opts?: boolean | AddEventListenerOptions) {
      if (type !== 'message' || typeof fn !== 'function') return add.call(this, type, fn, opts);
      const counted = (e: Event) => {
        const msg = (e as MessageEvent).data?.msg as { type?: string; delta?: { added: Array<{ resource: string }>; modified: Array<{ resource: string }>; deleted: string[] } } | undefined;
        if (msg?.type === 'objects.delta' && msg.delta) {
          for (const w of [...msg.delta.added, ...msg.delta.modified]) if (w.resource === 'pods') bench.podChanges++;
          for (const k of msg.delta.deleted) if (k.startsWith('/pods/')) bench.podChanges++;
        }
        fn(e);
      };
      return add.call(this, type, counted, opts);
    } as typeof Worker.prototype.addEventListener;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('./');
  await waitForPrompt(page);
  await page.locator('[data-testid="topology"] [data-kind="Node"]').first().waitFor();
  await page.locator('[data-testid="clock-speed"]').selectOption('20');
  await run(page, 'kubectl create deployment load --image=nginx --replicas=0');
  await page.evaluate(() => {
    window.__bench.podChanges = 0;
    window.__bench.longTasks = [];
  });
  const start = Date.now();
  for (let i = 0; i < 3; i++) {
    await run(page, 'clear; kubectl scale deployment load --replicas=250');
    await page.waitForTimeout(6000);
    await run(page, 'clear; kubectl scale deployment load --replicas=0');
    await page.waitForTimeout(5000);
  }
  const seconds = (Date.now() - start) / 1000;
  const { podChanges, longTasks } = await page.evaluate(() => window.__bench);
  const longest = longTasks.length ? Math.max(...longTasks) : 0;
  const over50 = longTasks.filter((d) => d > 50).length;
  const line = `topology churn: ${podChanges} pod changes reached the UI in ${seconds.toFixed(1)} s (${Math.round(podChanges / seconds)}/s); longest main-thread task ${Math.round(longest)} ms; tasks over 50 ms: ${over50} of ${longTasks.length} long tasks`;
  console.log(line);
  test.info().annotations.push({ type: 'topology churn', description: line });
});

test('topology under synthetic churn at 1,000 pod mutations per second: longest main-thread task', async ({ page }) => {
  test.setTimeout(120_000);
  await openForChurn(page);
  for (const population of [150, 400]) {
    await page.evaluate(() => ((window as unknown as ChurnWindow).__churn.longTasks = []));
    const seconds = 10;
    const sent = await page.evaluate(runChurn, { rate: 1000, population, seconds, nodes: ['node01', 'node02'] });
    await page.waitForTimeout(1000);
    const longTasks = await page.evaluate(() => (window as unknown as ChurnWindow).__churn.longTasks);
    const longest = longTasks.length ? Math.max(...longTasks) : 0;
    const over50 = longTasks.filter((d) => d > 50).length;
    const line = `synthetic churn, ${population} pods: ${sent} pod mutations in ${seconds} s (${Math.round(sent / seconds)}/s); longest main-thread task ${Math.round(longest)} ms; tasks over 50 ms: ${over50} of ${longTasks.length} long tasks`;
    console.log(line);
    test.info().annotations.push({ type: 'synthetic churn', description: line });
  }
});

test('cold load to a ready terminal: median of 5', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await measureColdLoad(browser, baseURL ?? ''));
  const median = [...runs].sort((a, b) => a - b)[2];
  const line = `cold load to a ready terminal: median ${Math.round(median)} ms (runs ${runs.map((r) => Math.round(r)).join(', ')} ms)`;
  console.log(line);
  test.info().annotations.push({ type: 'cold load', description: line });
});
