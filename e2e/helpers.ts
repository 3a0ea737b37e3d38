/**
 * Helpers for the specs: wait for the terminal's prompt, type a line, read the terminal's
 * text (xterm's DOM renderer puts the visible rows in the page), and record every request.
 */
import { expect, type Page, type Request } from '@playwright/test';

/** PROMPT is the shell's prompt at home. */
export const PROMPT = 'controlplane:~$';

/** terminalText returns the visible rows of the terminal, one line each. */
export async function terminalText(page: Page): Promise<string> {
  return page.locator('[data-testid="terminal"] .xterm-rows').evaluate((rows) =>
    [...rows.children].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n'),
  );
}

/** waitForPrompt waits until the terminal's last non-empty row is a fresh prompt. */
export async function waitForPrompt(page: Page): Promise<void> {
  await expect
    .poll(async () => (await terminalText(page)).split('\n').filter((l) => l.trim() !== '').at(-1) ?? '', { timeout: 30_000 })
    .toBe(PROMPT);
}

/** run types a command into the terminal, presses Enter and waits for the next prompt. */
export async function run(page: Page, line: string): Promise<string> {
  await page.locator('[data-testid="terminal"]').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  return terminalText(page);
}

/** recordRequests collects every request the page (and its workers) makes. */
export function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}
