/**
 * The terminal follows its panel: on a window resize xterm fits the new width, the shell
 * learns the columns (COLUMNS, which `watch` uses), and lines already printed reflow.
 */
import { expect, test, type Page } from '@playwright/test';
import { run, terminalText, waitForPrompt } from './helpers.ts';

/** columns asks the shell for $COLUMNS (the size the worker was told). */
async function columns(page: Page): Promise<number> {
  const text = await run(page, 'clear; echo "cols=$COLUMNS"');
  return Number(/cols=(\d+)/.exec(text)?.[1] ?? 0);
}

const zeroRows = async (page: Page) => (await terminalText(page)).split('\n').filter((l) => /^0+$/.test(l)).length;

test('resizing the window refits the terminal, tells the shell, and reflows printed lines', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  await waitForPrompt(page);
  const wide = await columns(page);
  expect(wide).toBeGreaterThan(60);
  // A 150-character line takes ceil(150 / cols) rows.
  await run(page, 'clear; printf "%0150d\\n" 0');
  expect(await zeroRows(page)).toBe(Math.ceil(150 / wide));

  await page.setViewportSize({ width: 900, height: 900 });
  await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="terminal"] .xterm-rows')?.clientWidth ?? 0)).toBeLessThan(700);
  // The same printed line now wraps onto more rows (xterm reflow), before anything is run again.
  await expect.poll(() => zeroRows(page)).toBeGreaterThan(Math.ceil(150 / wide));
  const narrow = await columns(page);
  expect(narrow).toBeLessThan(wide);
  expect(narrow).toBeGreaterThan(20);
  // watch lays its title out to the new width: "Every 2.0s: date" … "controlplane: <date>".
  await page.locator('[data-testid="terminal"]').click();
  await page.keyboard.type('watch date');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await terminalText(page)).split('\n').find((l) => l.startsWith('Every 2.0s: date'))?.length ?? 0).toBe(narrow);
  await page.keyboard.press('Control+C');
  await waitForPrompt(page);
});
