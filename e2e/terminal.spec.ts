import { expect, test } from '@playwright/test';
import { PROMPT, recordRequests, run, terminalText, waitForPrompt } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  // Each test starts from an empty IndexedDB (a fresh browser context) and a fresh cluster.
  await page.goto('./');
});

test('first load shows a ready terminal', async ({ page }) => {
  const start = Date.now();
  await waitForPrompt(page);
  test.info().annotations.push({ type: 'cold load to prompt (ms)', description: String(Date.now() - start) });
  expect(await terminalText(page)).toContain(PROMPT);
});

test('kubectl get nodes prints the three nodes', async ({ page }) => {
  await waitForPrompt(page);
  const text = await run(page, 'kubectl get nodes');
  expect(text).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  expect(text).toMatch(/controlplane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.2/);
  expect(text).toMatch(/node01\s+Ready\s+<none>/);
  expect(text).toMatch(/node02\s+Ready\s+<none>/);
});

test('a deployment of three nginx replicas shows three pods', async ({ page }) => {
  await waitForPrompt(page);
  expect(await run(page, 'kubectl create deployment web --image=nginx --replicas=3')).toContain('deployment.apps/web created');
  await expect
    .poll(async () => ((await run(page, 'clear; kubectl get pods')).match(/^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/gm) ?? []).length, { timeout: 45_000 })
    .toBe(3);
});

test('reload keeps the cluster', async ({ page }) => {
  await waitForPrompt(page);
  await run(page, 'kubectl create deployment keep --image=nginx');
  await run(page, 'echo kept > note.txt');
  await page.waitForTimeout(1500); // autosave is debounced (≤ 1 s)
  await page.reload();
  await waitForPrompt(page);
  expect(await run(page, 'kubectl get deployments')).toMatch(/^keep\s+/m);
  expect(await run(page, 'cat note.txt')).toContain('kept');
});

test('no request leaves the origin', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('./');
  await waitForPrompt(page);
  await run(page, 'kubectl get pods -A');
  await page.waitForTimeout(2500); // the editor (Monaco) loads when the page is idle
  const origin = new URL(page.url()).origin;
  const foreign = requests.map((r) => r.url()).filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});

test('a second terminal tab shares the cluster and the files', async ({ page }) => {
  await waitForPrompt(page);
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toHaveAttribute('aria-selected', 'true');
  await waitForPrompt(page);
  await run(page, 'echo from-two > two.txt && kubectl create configmap shared');
  await page.getByRole('tab', { name: 'Terminal 1' }).click();
  expect(await run(page, 'cat two.txt; kubectl get configmap shared -o name')).toContain('from-two\nconfigmap/shared');
});
