import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { run, waitForPrompt } from './helpers.ts';

test('the site opens offline after the first visit', async ({ page, context }) => {
  await page.goto('./');
  await waitForPrompt(page);
  // The service worker caches what the first visit fetched (the editor loads when idle).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect(page.locator('[data-testid="editor"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.reload(); // now controlled by the service worker
  await waitForPrompt(page);
  await context.setOffline(true);
  await page.reload();
  await waitForPrompt(page);
  expect(await run(page, 'kubectl get nodes')).toMatch(/node02\s+Ready/);
  await context.setOffline(false);
});

test('no serious or critical accessibility violations, in either theme', async ({ page }) => {
  await page.goto('./');
  await waitForPrompt(page);
  await expect(page.locator('[data-testid="editor"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  for (const pass of ['first theme', 'other theme']) {
    if (pass === 'other theme') await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).click();
    const results = await new AxeBuilder({ page })
      // xterm's internals (hidden textarea, measuring element) are the library's own.
      .exclude('.xterm-helpers')
      .exclude('.xterm-char-measure-element')
      .analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${pass}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }
});
