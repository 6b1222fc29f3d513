// The panels around the canvas, as a newcomer uses them: paths read as paths, the graph menu, the
// keyboard (search, Esc, skip links, moving between neighbours), narrow windows and the legend's
// filters. Each test walks the user's steps and ends with no console errors.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './app';
import type { LaunchOptions } from '../cli/chromium';

const G = '?g=us-iran-2023-10';

/** Opens the app, runs the steps, checks that nothing went wrong in the console, and closes it. */
async function session(path: string, steps: (app: OpenedApp) => Promise<void>, options: LaunchOptions = {}) {
  const app = await openApp(path, options);
  try {
    await steps(app);
    expect(app.errors).toEqual([]);
  } finally {
    await app.session.close();
  }
}

const details = (page: Page) => page.getByRole('region', { name: 'Details' });
const paths = (page: Page) => page.getByRole('region', { name: 'Paths between actors' });
const query = (page: Page) => new URL(page.url()).searchParams;

describe('paths read as paths', () => {
  it('each path has a heading of its actors, steps read as claimed, and picking a step stays on Paths', () =>
    session(G, async ({ page }) => {
      await page.getByRole('tab', { name: 'Paths' }).click();
      await paths(page).getByRole('combobox', { name: 'From' }).selectOption({ label: 'China' });
      await paths(page).getByRole('combobox', { name: 'To' }).selectOption({ label: 'Hezbollah' });
      await paths(page).getByRole('button', { name: 'Find paths' }).click();
      const result = page.getByTestId('path-result');
      await expect(result.innerText()).resolves.toMatch(/shortest paths? of 2 steps from China to Hezbollah/);

      // Direction is ignored, so a step may run against its claim: the heading gives the order,
      // the step the claim as it was made.
      const viaUs = result.getByRole('list', { name: 'China → United States → Hezbollah' });
      await expect(viaUs.count()).resolves.toBe(1);
      const steps = await viaUs.locator(':scope > li').allInnerTexts();
      expect(steps).toHaveLength(2);
      expect(steps[0]).toMatch(/^China \w+/);
      expect(steps[1]).toMatch(/^Hezbollah attacks United States/);

      // A step of several claims lists each sentence once.
      const viaIran = result.getByRole('list', { name: 'China → Iran → Hezbollah' });
      const iranHezbollah = (await viaIran.locator(':scope > li').allInnerTexts())[1]!;
      expect(iranHezbollah).toMatch(/^Iran backs Hezbollah \(2 claims\)/);
      expect(iranHezbollah.match(/Iran backs Hezbollah/g)).toHaveLength(1);
      expect(iranHezbollah).toContain('Iran encourages Hezbollah');

      // Picking a step selects its claim and keeps the paths in view.
      await viaUs.getByRole('button', { name: 'Hezbollah attacks United States' }).click();
      await expect.poll(() => query(page).get('sel')).toMatch(/^e:/);
      await expect(page.getByRole('tab', { name: 'Paths' }).getAttribute('aria-selected')).resolves.toBe(
        'true',
      );
      await expect(result.isVisible()).resolves.toBe(true);
      await expect(
        viaUs.getByRole('button', { name: 'Hezbollah attacks United States' }).getAttribute('aria-current'),
      ).resolves.toBe('true');
      await page.getByRole('tab', { name: 'Details' }).click();
      await expect(details(page).innerText()).resolves.toContain('Hezbollah attacks United States');
    }));
});

describe('the graph menu', () => {
  it('names every bundled graph by its title, loaded or not, and opens the one picked', () =>
    session(G, async ({ page }) => {
      const menu = page.getByRole('combobox', { name: 'Graph' });
      const options = await menu.locator('option').allInnerTexts();
      expect(options).toHaveLength(2);
      expect(options).toContain('Sample: the U.S. strikes in Syria, 27 October 2023');
      expect(options.find((o) => o.startsWith('The U.S. and Iran, October 2023'))).toBeDefined();
      await menu.selectOption({ label: 'Sample: the U.S. strikes in Syria, 27 October 2023' });
      await expect.poll(() => query(page).get('g')).toBe('sample-abu-kamal-strikes');
      const after = await menu.locator('option').allInnerTexts();
      expect(after.find((o) => o.startsWith('The U.S. and Iran, October 2023'))).toBeDefined();
    }));
});
