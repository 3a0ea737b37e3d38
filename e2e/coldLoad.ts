/**
 * measureColdLoad opens the site in a fresh browser context (empty cache, no stored state)
 * and returns the milliseconds from navigation start until the terminal shows its first
 * prompt, read in the page itself so Playwright's polling does not add to the figure.
 */
import type { Browser } from '@playwright/test';
import { PROMPT } from './helpers.ts';

/** measureColdLoad returns one cold load's time to a ready terminal, in ms. */
export async function measureColdLoad(browser: Browser, baseURL: string): Promise<number> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.addInitScript((prompt: string) => {
    const w = window as unknown as { __promptAt?: number };
    const check = () => {
      const rows = document.querySelector('[data-testid="terminal"] .xterm-rows');
      const text = rows ? [...rows.children].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).filter((l) => l !== '') : [];
      if (text.at(-1) === prompt) w.__promptAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, PROMPT);
  await page.goto('./');
  await page.waitForFunction(() => (window as unknown as { __promptAt?: number }).__promptAt !== undefined, undefined, { timeout: 30_000 });
  const ms = await page.evaluate(() => (window as unknown as { __promptAt: number }).__promptAt);
  await context.close();
  return ms;
}
