/**
 * Aggregated pod groups (past 200 pods) open in the inspector: the group's owner, its pods
 * per STATUS, and a virtualised list of its pods from which any pod opens.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { run, waitForPrompt } from './helpers.ts';

test('clicking an aggregated pod group lists its pods, and any pod opens from the list', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('./');
  await waitForPrompt(page);
  await page.locator('[data-testid="clock-speed"]').selectOption('20');
  await run(page, 'kubectl create deployment web --image=nginx --replicas=210');
  // Past 200 pods, each node box holds one group per owner instead of the pods.
  const groups = page.locator('[data-testid="topology"] [data-kind="PodGroup"][data-name^="web-"]');
  await expect(groups).toHaveCount(2, { timeout: 90_000 });
  const group = groups.first();
  // The box reads "ReplicaSet web-5d4f… ×N"; the inspector must list the same N pods.
  await expect.poll(async () => Number(/×(\d+)/.exec((await group.textContent()) ?? '')?.[1] ?? 0), { timeout: 90_000 }).toBeGreaterThan(90);
  await group.click();
  const inspector = page.locator('[data-testid="inspector"]');
  await expect(inspector.locator('h2[data-kind="PodGroup"]')).toContainText(/ReplicaSet web-[a-z0-9]+ ×\d+ on node0[12]/);
  await expect(page.locator('[data-testid="topology"] .react-flow__node.selected [data-kind="PodGroup"]')).toHaveCount(1);
  const counts = inspector.locator('[data-testid="podgroup-counts"] tr');
  await expect(counts.first()).toBeVisible();
  const list = inspector.locator('[data-testid="podgroup-pods"]');
  const rows = list.locator('button[data-name]');
  // Virtualised: far fewer rows in the DOM than pods in the group.
  const total = Number(/×(\d+)/.exec((await inspector.locator('h2').textContent()) ?? '')?.[1] ?? 0);
  expect(total).toBeGreaterThan(90);
  expect(await rows.count()).toBeLessThan(total);
  // Scroll to the end: the last pods are drawn and open on click.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = rows.last();
  await expect(last).toBeVisible();
  // The list draws the rows of its new scroll position on the next frame: wait until the last
  // row stays the same, then click that pod by name (not "whatever row is last by then").
  let name: string | null = null;
  await expect
    .poll(async () => {
      const now = await last.getAttribute('data-name');
      const settled = now !== null && now === name;
      name = now;
      return settled;
    })
    .toBe(true);
  await list.locator(`button[data-name="${name}"]`).click();
  await expect(inspector).toContainText(`Pod default/${name}`);
  const results = await new AxeBuilder({ page }).include('[data-testid="inspector"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
