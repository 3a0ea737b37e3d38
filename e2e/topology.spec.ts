/**
 * Topology, inspector and events panels against the built site: a deployment's pods turn
 * Running in the picture, scaling and a rollout (and its undo) are visible, clicking a pod
 * inspects it, and axe finds no serious or critical accessibility violations.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { run, waitForPrompt } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await waitForPrompt(page);
});

const pods = (page: Page, phase?: string) =>
  page.locator(`[data-testid="topology"] [data-kind="Pod"][data-name^="web-"]${phase ? `[data-phase="${phase}"]` : ''}`);

async function speedUp(page: Page): Promise<void> {
  await page.locator('[data-testid="clock-speed"]').selectOption('20');
}

test('a deployment shows its pods Running in the topology, and scaling shows more', async ({ page }) => {
  await speedUp(page);
  await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 45_000 });
  await expect(page.locator('[data-testid="topology"] [data-kind="Deployment"][data-name="web"]')).toBeVisible();
  await expect(page.locator('[data-testid="topology"] [data-kind="Node"][data-name="node01"]')).toBeVisible();
  await run(page, 'kubectl scale deployment web --replicas=5');
  await expect(pods(page, 'Running')).toHaveCount(5, { timeout: 45_000 });
});

/** recordPhases notes every (pod, STATUS) the topology shows from now on, however briefly. */
async function recordPhases(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { __phases: Set<string> }).__phases = seen;
    const note = (el: Element) => {
      if (el.getAttribute('data-kind') === 'Pod') seen.add(`${el.getAttribute('data-name')} ${el.getAttribute('data-phase')}`);
    };
    const root = document.querySelector('[data-testid="topology"]') as Element;
    root.querySelectorAll('[data-kind="Pod"]').forEach(note);
    new MutationObserver((muts) => {
      for (const m of muts) {
        if (m.type === 'attributes') note(m.target as Element);
        m.addedNodes.forEach((n) => n instanceof Element && [n, ...n.querySelectorAll('[data-kind="Pod"]')].forEach(note));
      }
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
  });
}

const seenPhases = (page: Page) => page.evaluate(() => [...(window as unknown as { __phases: Set<string> }).__phases]);
const names = (page: Page) => pods(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));

test('a rollout shows old pods Terminating then gone, and undo rolls back', async ({ page }) => {
  await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 45_000 });
  const before = await names(page);
  await recordPhases(page);
  await run(page, 'kubectl set image deployment/web nginx=nginx:1.27');
  await expect.poll(async () => (await names(page)).filter((n) => before.includes(n)).length, { timeout: 60_000 }).toBe(0);
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 45_000 });
  const seen = await seenPhases(page);
  for (const old of before) expect(seen).toContain(`${old} Terminating`);
  const rolled = await names(page);
  await run(page, 'kubectl rollout undo deployment/web');
  await expect.poll(async () => (await names(page)).filter((n) => rolled.includes(n)).length, { timeout: 60_000 }).toBe(0);
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 45_000 });
  expect(await run(page, 'clear; kubectl get deployment web -o jsonpath={.spec.template.spec.containers[0].image}; echo')).toMatch(/^nginx$/m);
});

test('clicking a pod shows it in the inspector, with its scheduling decision', async ({ page }) => {
  await speedUp(page);
  await run(page, 'kubectl create deployment web --image=nginx --replicas=1');
  const pod = pods(page, 'Running').first();
  await expect(pod).toBeVisible({ timeout: 45_000 });
  const name = await pod.getAttribute('data-name');
  await pod.click();
  const inspector = page.locator('[data-testid="inspector"]');
  await expect(inspector).toContainText(`Pod default/${name}`);
  await inspector.getByRole('tab', { name: 'YAML' }).click();
  await expect(inspector).toContainText(`name: ${name}`);
  await inspector.getByRole('tab', { name: 'Scheduling' }).click();
  await expect(inspector).toContainText('node01');
  await expect(page.locator('[data-testid="events"]')).toContainText('Scheduled');
});

test('axe finds no serious or critical violations', async ({ page }) => {
  await run(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await expect(pods(page).first()).toBeVisible({ timeout: 45_000 });
  await pods(page).first().click();
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').exclude('.xterm-helper-textarea').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});

test('past 80 pods, pods are drawn inside their node box, keep their hooks, and click to inspect', async ({ page }) => {
  test.setTimeout(120_000);
  await speedUp(page);
  await run(page, 'kubectl create deployment web --image=nginx --replicas=100');
  await expect(pods(page, 'Running')).toHaveCount(100, { timeout: 90_000 });
  // Inline pods are plain DOM inside the node's xyflow node, not xyflow nodes of their own.
  await expect(page.locator('[data-testid="topology"] .react-flow__node-pod')).toHaveCount(0);
  const pod = page.locator('[data-testid="topology"] [data-kind="Node"][data-name="node01"] [data-kind="Pod"][data-phase="Running"]').first();
  const name = await pod.getAttribute('data-name');
  await pod.click();
  await expect(page.locator('[data-testid="inspector"]')).toContainText(`Pod default/${name}`);
  await expect(pod).toHaveClass(/selected/);
  const results = await new AxeBuilder({ page }).include('[data-testid="topology"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});
