// The panels around the canvas, as a newcomer uses them: paths read as paths, the graph menu, the
// keyboard (search, Esc, skip links, moving between neighbours), narrow windows and the legend's
// filters. Each test walks the user's steps and ends with no console errors.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawnNodes, openApp, type OpenedApp } from './app';
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

/** What has the keyboard: a short description of the focused element. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return el.dataset.testid || el.id || `${el.tagName.toLowerCase()}: ${el.textContent?.slice(0, 40) ?? ''}`;
  });
const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search actors' });
const selected = (page: Page) => query(page).get('sel');
const announced = (page: Page) => page.getByTestId('canvas-announcer').innerText();

/** Searches for an actor by keyboard, as a user would: `/`, its name, Enter. */
async function searchFor(page: Page, name: string) {
  await page.keyboard.press('/');
  await page.keyboard.type(name);
  await expect(page.getByRole('option').first().innerText()).resolves.toBe(name);
  await page.keyboard.press('Enter');
}

describe('working by keyboard', () => {
  it('after choosing a search result the keyboard moves on: shortcuts work, nothing types into the box', () =>
    session(G, async ({ page }) => {
      await searchFor(page, 'Hezbollah');
      await expect.poll(() => selected(page)).toBe('n:hezbollah');
      await expect.poll(() => focused(page)).toBe('graph-canvas');
      await page.keyboard.press('2');
      await expect(searchBox(page).inputValue()).resolves.toBe('Hezbollah');
      await expect(details(page).getByRole('radio', { name: '2' }).isChecked()).resolves.toBe(true);
    }));

  it('one Esc undoes one thing: a filled search box empties, the next Esc clears the selection', () =>
    session(`${G}&sel=n:hezbollah`, async ({ page }) => {
      await page.keyboard.press('/');
      await page.keyboard.type('Isra');
      await page.keyboard.press('Escape');
      await expect(searchBox(page).inputValue()).resolves.toBe('');
      await expect(details(page).locator('h2').innerText()).resolves.toBe('Hezbollah');
      expect(selected(page)).toBe('n:hezbollah');
      await page.keyboard.press('Escape');
      await expect.poll(() => selected(page)).toBeNull();
      await expect(details(page).locator('h2').innerText()).resolves.toContain('The U.S. and Iran');
    }));

  it('skip links and the r and g keys reach the details and the graph in a few keys', () =>
    session(`${G}&sel=n:hezbollah`, async ({ page }) => {
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to graph');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to details');
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('details');
      // From the panel to the first claim: the focus controls, then the claims.
      let tabs = 0;
      const onClaim = () =>
        page.evaluate(() => document.activeElement?.closest('summary')?.textContent?.trim() ?? '');
      while (!(await onClaim()) && tabs < 45) {
        await page.keyboard.press('Tab');
        tabs++;
      }
      expect(tabs).toBeLessThanOrEqual(8);
      await expect(onClaim()).resolves.toMatch(/^Hezbollah attacks Israel/);

      await page.keyboard.press('g');
      await expect.poll(() => focused(page)).toBe('graph-canvas');
      await page.keyboard.press('r');
      await expect.poll(() => focused(page)).toBe('details');
      await page.getByRole('link', { name: 'Skip to graph' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('graph-canvas');
    }));

  it('arrow keys and ] [ move the selection between neighbours on the canvas, and say so', () =>
    session(G, async ({ page }) => {
      // Hezbollah's neighbours in the curated graph: Iran, Israel and the United States.
      const neighbours = ['iran', 'israel', 'united-states'];
      await searchFor(page, 'Hezbollah');
      await expect.poll(() => focused(page)).toBe('graph-canvas');
      const where = async () => new Map((await drawnNodes(page)).map((n) => [n.id, n]));
      let moved = 0;
      for (const [key, side] of [
        ['ArrowLeft', (dx: number) => dx < 0],
        ['ArrowRight', (dx: number) => dx > 0],
        ['ArrowUp', (_: number, dy: number) => dy < 0],
        ['ArrowDown', (_: number, dy: number) => dy > 0],
      ] as const) {
        await searchFor(page, 'Hezbollah');
        await expect.poll(() => selected(page)).toBe('n:hezbollah');
        const before = await where();
        const from = before.get('hezbollah')!;
        await page.keyboard.press(key);
        await expect.poll(() => announced(page)).not.toBe('');
        const now = selected(page);
        if (now === 'n:hezbollah') {
          // Nothing that way: said, and no neighbour lies on that side.
          await expect(announced(page)).resolves.toMatch(/^No neighbour of Hezbollah/);
          continue;
        }
        moved++;
        const id = now!.slice(2);
        expect(neighbours, key).toContain(id);
        const to = before.get(id)!;
        expect(side(to.x - from.x, to.y - from.y), `${key} went to ${id}`).toBe(true);
        await expect(announced(page)).resolves.toContain(to.label);
        await expect(details(page).locator('h2').innerText()).resolves.toBe(to.label);
      }
      expect(moved).toBeGreaterThanOrEqual(2);

      // ] goes round Hezbollah's neighbours, each once, then back to the first.
      await searchFor(page, 'Hezbollah');
      await expect.poll(() => selected(page)).toBe('n:hezbollah');
      const visited: string[] = [];
      for (let i = 0; i < 4; i++) {
        const was = selected(page);
        await page.keyboard.press(']');
        await expect.poll(() => selected(page)).not.toBe(was);
        visited.push(selected(page)!.slice(2));
        await expect(announced(page)).resolves.toMatch(
          new RegExp(`neighbour ${(i % 3) + 1} of 3 of Hezbollah$`),
        );
      }
      expect(visited.slice(0, 3).sort()).toEqual(neighbours);
      expect(visited[3]).toBe(visited[0]);
      await page.keyboard.press('[');
      await expect.poll(() => selected(page)).toBe(`n:${visited[2]}`);

      // Shift+arrows pan and keep the selection; with nothing selected, arrows pan.
      const pan = async (key: string) => {
        const a = (await drawnNodes(page))[0]!;
        await page.keyboard.press(key);
        await expect
          .poll(async () => (await drawnNodes(page)).find((n) => n.id === a.id)!.x)
          .toBeGreaterThan(a.x + 30);
      };
      const kept = selected(page);
      await pan('Shift+ArrowLeft');
      expect(selected(page)).toBe(kept);
      await page.keyboard.press('Escape');
      await expect.poll(() => selected(page)).toBeNull();
      await pan('ArrowLeft');
    }));

  it('the help lists the keyboard ways round', () =>
    session(G, async ({ page }) => {
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      const text = await help.innerText();
      for (const words of [
        'Skip to graph',
        'Skip to details',
        'Go to the graph',
        'Go to the details',
        'neighbour of the selected actor in that direction',
        'Go round the neighbours',
        'Shift + arrows',
        'empty the search box',
      ]) {
        expect(text).toContain(words);
      }
      await page.keyboard.press('Escape');
      await expect(help.isVisible()).resolves.toBe(false);
    }));
});
