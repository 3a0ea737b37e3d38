import { expect, test } from '@playwright/test';
import { run, waitForPrompt } from './helpers.ts';

test('time controls pause, play and change speed', async ({ page }) => {
  await page.goto('./');
  await waitForPrompt(page);
  const toggle = page.getByTestId('clock-toggle');
  const clock = page.getByLabel('Simulated time');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const frozen = await clock.textContent();
  await page.waitForTimeout(1500);
  await expect(clock).toHaveText(frozen!);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('clock-speed').selectOption('20');
  await expect(page.getByTestId('clock-speed')).toHaveValue('20');
  const before = Date.parse(`1970-01-01T${await clock.textContent()}Z`);
  await page.waitForTimeout(1500);
  const after = Date.parse(`1970-01-01T${await clock.textContent()}Z`);
  expect(after - before).toBeGreaterThanOrEqual(20_000); // ≥ 20 s of cluster time in 1.5 s
});

test('cluster controls add a node and reset the cluster', async ({ page }) => {
  await page.goto('./');
  await waitForPrompt(page);
  await run(page, 'kubectl create deployment web --image=nginx');
  await page.getByRole('button', { name: '+ Node' }).click();
  await expect.poll(async () => run(page, 'clear; kubectl get nodes')).toMatch(/node03\s+Ready\s+<none>/);
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('terminal')).toContainText('The cluster was reset');
  await waitForPrompt(page);
  expect(await run(page, 'clear; kubectl get deployments')).toContain('No resources found in default namespace.');
  expect(await run(page, 'clear; kubectl get nodes')).not.toContain('node03');
});
