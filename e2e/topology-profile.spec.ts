/**
 * Measurement, not a test: a rolling update of a 200-replica Deployment at 20× with the
 * topology open (real churn: the cluster's own deltas), and synthetic churn of 150 pods at
 * 1,000 pod mutations a second (e2e/churnDriver.ts), recording every main-thread long task
 * and a CPU profile (Chrome DevTools Protocol) whose self time is summed per function and
 * printed, heaviest first, so the cause of tasks over 50 ms has a name. Figures are printed,
 * never asserted.
 */
import { test, type Page } from '@playwright/test';
import { openForChurn, runChurn } from './churnDriver.ts';
import { run, waitForPrompt } from './helpers.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

const frameName = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;

/** callers sums, for the samples whose own frame is `name`, the time per chain of its 4 nearest callers. */
function callers(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, name: string): Array<[string, number]> {
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id);
    if (!n || n.callFrame.functionName !== name) return;
    const chain: string[] = [];
    for (let p = parent.get(n.id); p && chain.length < 4; p = parent.get(p.id)) chain.push(frameName(p));
    const key = chain.join(' < ');
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, 5);
}

/** selfTimes sums a CPU profile's samples per function (name, file, line), in ms. */
function selfTimes(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const n = byId.get(samples[i]);
    if (!n) continue;
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

/** startProfile starts the sampling profiler and empties the long-task list. */
async function startProfile(page: Page): Promise<Cdp> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
  await cdp.send('Profiler.start');
  return cdp;
}

/** report stops the profiler and prints the long tasks and the heaviest functions. */
async function report(page: Page, cdp: Cdp, title: string): Promise<string> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] } };
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const longest = tasks.length ? Math.max(...tasks) : 0;
  const line = `${title}: longest main-thread task ${Math.round(longest)} ms; tasks over 50 ms: ${tasks.filter((d) => d > 50).length}; over 100 ms: ${tasks.filter((d) => d > 100).length}; long-task time ${Math.round(tasks.reduce((a, b) => a + b, 0))} ms`;
  console.log(line);
  const top = selfTimes(profile).filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'));
  console.log(top.slice(0, 25).map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
  for (const native of ['getBoundingClientRect', 'setAttribute', 'postMessage', 'requestAnimationFrame']) {
    console.log(`callers of ${native}:\n${callers(profile, native).map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`).join('\n')}`);
  }
  return line;
}

/** recordLongTasks is an init script: every main-thread long task's duration goes to window.__longTasks. */
function recordLongTasks(): void {
  const tasks: number[] = [];
  (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

test('rolling update of 200 pods with the topology open: long tasks and where the main thread goes', async ({ page }) => {
  test.setTimeout(240_000);
  await page.addInitScript(recordLongTasks);
  await page.goto('./');
  await waitForPrompt(page);
  await page.locator('[data-testid="topology"] [data-kind="Node"]').first().waitFor();
  await page.locator('[data-testid="editor"] .monaco-editor').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="clock-speed"]').selectOption('20');
  await run(page, 'kubectl create deployment load --image=nginx --replicas=200');
  await run(page, 'clear; kubectl rollout status deployment/load --timeout=120s');
  const cdp = await startProfile(page);
  const start = Date.now();
  await run(page, 'clear; kubectl set image deployment/load nginx=nginx:1.27');
  await run(page, 'clear; kubectl rollout status deployment/load --timeout=120s');
  await page.waitForTimeout(2000);
  const line = await report(page, cdp, `rolling update, 200 pods, ${((Date.now() - start) / 1000).toFixed(1)} s`);
  test.info().annotations.push({ type: 'rolling update', description: line });
});

test('synthetic churn of 150 pods at 1,000 pod mutations per second: long tasks and where the main thread goes', async ({ page }) => {
  test.setTimeout(120_000);
  await openForChurn(page, recordLongTasks);
  const cdp = await startProfile(page);
  const sent = await page.evaluate(runChurn, { rate: 1000, population: 150, seconds: 10, nodes: ['node01', 'node02'] });
  await page.waitForTimeout(1000);
  const line = await report(page, cdp, `synthetic churn, 150 pods, ${sent} mutations in 10 s`);
  test.info().annotations.push({ type: 'synthetic churn', description: line });
});
