/**
 * The Events list is virtualised: every Event counts and scrolls, but only the rows in view
 * are in the DOM, so hundreds (or thousands) of Events cost a few dozen rows.
 */
import { expect, test } from '@playwright/test';
import { run, waitForPrompt } from './helpers.ts';

test('hundreds of Events: all listed, few rows drawn, the oldest reachable by scrolling', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await waitForPrompt(page);
  await page.locator('[data-testid="clock-speed"]').selectOption('20');
  await run(page, 'kubectl create deployment many --image=nginx --replicas=60');
  const events = page.locator('[data-testid="events"]');
  const tab = events.getByRole('tab', { name: /^Events \(\d+\)$/ });
  const count = async () => Number(/\((\d+)\)/.exec((await tab.textContent()) ?? '')?.[1] ?? 0);
  await expect.poll(count, { timeout: 90_000 }).toBeGreaterThan(250);
  const total = await count();
  const rows = events.locator('tbody tr:not(.spacer)');
  expect(await rows.count()).toBeLessThan(80);
  const newest = await rows.first().textContent();
  // The scrollbar spans every Event: scrolled to the end, the oldest ones are drawn instead.
  await events.locator('#events-body').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(rows.last()).toBeVisible();
  await expect.poll(async () => rows.first().textContent()).not.toBe(newest);
  await expect(rows.last().locator('td')).toHaveCount(5);
  expect(await rows.count()).toBeLessThan(80);
  expect(total).toBeGreaterThan(250);
});
