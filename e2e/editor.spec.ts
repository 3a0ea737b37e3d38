import { expect, test } from '@playwright/test';
import { run, waitForPrompt } from './helpers.ts';

/** setEditorText replaces the editor's text the way a person would: select all, then type. */
async function setEditorText(page: import('@playwright/test').Page, text: string): Promise<void> {
  const editor = page.locator('[data-testid="editor"] .monaco-editor');
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

const INVALID = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
spec:
  replicas: -1
  selector:
    matchLabels:
      app: broken
  template:
    metadata:
      labels:
        app: broken
    spec:
      containers:
      - name: web
        image: nginx
`;

test('the editor applies the starter manifest and the terminal sees it', async ({ page }) => {
  await page.goto('./');
  await waitForPrompt(page);
  await expect(page.locator('[data-testid="editor"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('apply-output')).toContainText('deployment.apps/web created');
  expect(await run(page, 'ls')).toContain('web.yaml');
  expect(await run(page, 'kubectl get deploy web -o name')).toContain('deployment.apps/web');
});

test('an invalid manifest shows the server message on the right line', async ({ page }) => {
  await page.goto('./');
  await waitForPrompt(page);
  await setEditorText(page, INVALID);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('apply-output')).toContainText('spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  // The marker sits on line 6 (`replicas: -1`): Monaco draws its squiggle level with that line number.
  const marker = page.locator('[data-testid="editor"] .squiggly-error').first();
  await expect(marker).toBeVisible();
  const lineSix = page.locator('[data-testid="editor"] .line-numbers', { hasText: /^6$/ });
  const [m, l] = [await marker.boundingBox(), await lineSix.boundingBox()];
  expect(Math.abs(m!.y - l!.y)).toBeLessThan(4);
  // The problems list under the editor says the same, for keyboards and screen readers.
  await expect(page.locator('[data-testid="diagnostics"] li[data-line="6"]')).toContainText('spec.replicas: Invalid value: -1: must be greater than or equal to 0');
});

test('kubectl edit opens the live object in the editor; saving returns to the terminal', async ({ page }) => {
  await page.goto('./');
  await waitForPrompt(page);
  await run(page, 'kubectl create deployment web --image=nginx');
  await page.locator('[data-testid="terminal"]').click();
  await page.keyboard.type('kubectl edit deployment web');
  await page.keyboard.press('Enter');
  await expect(page.locator('.edit-banner')).toContainText('kubectl edit');
  await expect(page.locator('[data-testid="editor"] .view-lines')).toContainText('# Please edit the object below', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Save' }).click();
  await waitForPrompt(page);
  await expect(page.getByTestId('terminal')).toContainText('Edit cancelled, no changes made.');
  await expect(page.locator('.edit-banner')).toHaveCount(0);
});
