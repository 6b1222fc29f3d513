// The panels around the canvas, as a newcomer uses them: paths read as paths, the graph menu, the
// keyboard (search, Esc, skip links, moving between neighbours), narrow windows and the legend's
// filters. Each test walks the user's steps and ends with no console errors.
import { XMLParser } from 'fast-xml-parser';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportInPage } from '../cli/render';
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
      // The claim made in the path's direction comes first; the others follow, each once.
      expect(steps[1]).toMatch(/^United States strikes Hezbollah/);
      expect(steps[1]).toContain('Hezbollah attacks United States');

      // A step of several claims lists each sentence once.
      const viaIran = result.getByRole('list', { name: 'China → Iran → Hezbollah' });
      const iranHezbollah = (await viaIran.locator(':scope > li').allInnerTexts())[1]!;
      expect(iranHezbollah).toMatch(/^Iran backs Hezbollah \(2 claims\)/);
      expect(iranHezbollah.match(/Iran backs Hezbollah/g)).toHaveLength(1);
      expect(iranHezbollah).toContain('Iran encourages Hezbollah');

      // Picking a step selects its claim and keeps the paths in view.
      await viaUs.getByRole('button', { name: 'United States strikes Hezbollah' }).click();
      await expect.poll(() => query(page).get('sel')).toMatch(/^e:/);
      await expect(page.getByRole('tab', { name: 'Paths' }).getAttribute('aria-selected')).resolves.toBe(
        'true',
      );
      await expect(result.isVisible()).resolves.toBe(true);
      await expect(
        viaUs.getByRole('button', { name: 'United States strikes Hezbollah' }).getAttribute('aria-current'),
      ).resolves.toBe('true');
      await page.getByRole('tab', { name: 'Details' }).click();
      await expect(details(page).innerText()).resolves.toContain('United States strikes Hezbollah');
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
  await expect(
    page.getByRole('listbox', { name: 'Matching actors' }).getByRole('option').first().innerText(),
  ).resolves.toBe(name);
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
      // From the table, the keyboard goes to the details and the table stays.
      await page.keyboard.press('t');
      await searchFor(page, 'Israel');
      await expect.poll(() => focused(page)).toBe('details');
      await expect.poll(() => page.getByRole('region', { name: 'Table view' }).isVisible()).toBe(true);
    }));

  it('a quick / straight after choosing opens the box with its results, which stay open', () =>
    session(G, async ({ page }) => {
      await searchFor(page, 'Hezbollah');
      // No wait: the box lost the keyboard a moment ago; its late "close the list" must not
      // close the list of the search typed since.
      await page.keyboard.press('/');
      await page.keyboard.type('Iran');
      const list = page.getByRole('listbox', { name: 'Matching actors' });
      await expect(list.getByRole('option').first().innerText()).resolves.toBe('Iran');
      await page.waitForTimeout(400); // past the box's 150 ms close-after-blur
      await expect(list.isVisible()).resolves.toBe(true);
    }));

  it('a curated actor’s details hold what is said about it, not where the file places it', () =>
    session(`${G}&sel=n:hezbollah`, async ({ page }) => {
      await expect.poll(() => details(page).locator('h2').innerText()).toBe('Hezbollah');
      const text = await details(page).innerText();
      expect(text).toContain('Hezbollah');
      expect(text).not.toMatch(/Attributes from the file|position|x -?\d/);
    }));

  it('one Esc undoes one thing: a filled search box empties, the next Esc clears the selection', () =>
    session(`${G}&sel=n:hezbollah`, async ({ page }) => {
      await page.keyboard.press('/');
      await page.keyboard.type('Isra');
      await page.keyboard.press('Escape');
      await expect(searchBox(page).inputValue()).resolves.toBe('');
      await expect.poll(() => details(page).locator('h2').innerText()).toBe('Hezbollah');
      expect(selected(page)).toBe('n:hezbollah');
      await page.keyboard.press('Escape');
      await expect.poll(() => selected(page)).toBeNull();
      await expect.poll(() => details(page).locator('h2').innerText()).toContain('The U.S. and Iran');
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
        await expect.poll(() => details(page).locator('h2').innerText()).toBe(to.label);
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

/** Whether the element is inside the window and on top where it is drawn (no panel over it). */
const inSight = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight)
      return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === el || el.contains(hit) || hit.contains(el));
  });
const legendEntry = (page: Page, name: string) =>
  page
    .getByRole('complementary', { name: 'Legend and filters' })
    .getByRole('button', { name: new RegExp(`^${name} \\d+/\\d+$`) });
/** "4/44" of a legend entry. */
const entryCount = (page: Page, name: string) => legendEntry(page, name).locator('.n').innerText();
const relationsShown = async (page: Page) =>
  Number(/and (\d+) of \d+ relations/.exec(await page.getByTestId('shown-counts').innerText())?.[1]);

describe('narrow windows and the legend', () => {
  for (const [width, height] of [
    [768, 1024],
    [1024, 768],
  ] as const) {
    it(`at ${width}×${height} the details leave the graph room, hide nothing, and choices stay on one line`, () =>
      session(
        `${G}&sel=n:hezbollah`,
        async ({ page }) => {
          const panel = page.getByRole('complementary', { name: 'Details and paths' });
          await expect.poll(() => details(page).locator('h2').innerText()).toBe('Hezbollah');
          // Every control of the timeline is in sight, none under the panel.
          const timeline = page.getByRole('region', { name: 'Timeline' });
          for (const control of [
            timeline.getByRole('combobox', { name: 'Time filter' }),
            timeline.getByRole('checkbox', { name: /Undated/ }),
            page.getByTestId('time-label'),
          ]) {
            await expect(inSight(control)).resolves.toBe(true);
          }
          const box = (await panel.boundingBox())!;
          const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
          // Beside the graph it takes at most a third of the width; docked under it, the graph keeps the width.
          if (box.y < canvas.y + canvas.height) expect(box.width / width).toBeLessThanOrEqual(0.34);
          else expect(canvas.width).toBeGreaterThanOrEqual(width - 2);
          expect(canvas.height).toBeGreaterThan(300);
          // Radio choices read on one line: "Acts on", not "Acts / on".
          for (const name of ['Both', 'Acts on', 'Acted on by', '1', '2', '3']) {
            const label = details(page)
              .locator('label')
              .filter({ has: page.getByRole('radio', { name, exact: true }) });
            // The lines its words take: the distinct tops of the boxes of its text.
            const lines = await label.evaluate((el) => {
              const tops = new Set<number>();
              for (const node of el.childNodes) {
                if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
              }
              return tops.size;
            });
            expect(lines, name).toBe(1);
          }
        },
        { width, height },
      ));
  }

  it('"only" on a legend entry (button or Alt-click) shows that one alone, and asked again shows all', () =>
    session(G, async ({ page }) => {
      // Totals come from the legend itself, so the test follows the data.
      const total = async (name: string) => Number((await entryCount(page, name)).split('/')[1]);
      const all = Number(/of (\d+) relations/.exec(await page.getByTestId('shown-counts').innerText())![1]);
      const [deniedTotal, reportedTotal, conflictTotal] = [
        await total('Denied'),
        await total('Reported'),
        await total('Material conflict'),
      ];
      await expect.poll(() => relationsShown(page)).toBe(all);
      // The button shows on hover.
      const denied = legendEntry(page, 'Denied');
      const only = page.getByRole('button', { name: 'Show only Denied' });
      await denied.hover();
      await expect.poll(() => only.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      await only.click();
      await expect.poll(() => relationsShown(page)).toBe(deniedTotal);
      await expect(denied.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(legendEntry(page, 'Reported').getAttribute('aria-pressed')).resolves.toBe('false');
      await expect(entryCount(page, 'Reported')).resolves.toBe(`0/${reportedTotal}`);
      await page.getByRole('button', { name: 'Show everything' }).click();
      await expect.poll(() => relationsShown(page)).toBe(all);

      // Alt-click does the same.
      await legendEntry(page, 'Material conflict').click({ modifiers: ['Alt'] });
      await expect.poll(() => relationsShown(page)).toBe(conflictTotal);
      await expect(legendEntry(page, 'Verbal conflict').getAttribute('aria-pressed')).resolves.toBe('false');

      // By keyboard: the entry's "only" button comes next in the tab order and shows when it has focus.
      await legendEntry(page, 'Material conflict').focus();
      await page.keyboard.press('Tab');
      const onlyConflict = page.getByRole('button', { name: 'Show only Material conflict' });
      await expect(onlyConflict.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await expect.poll(() => onlyConflict.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      await page.keyboard.press('Enter'); // already the only one: everything again
      await expect.poll(() => relationsShown(page)).toBe(all);
    }));

  it('the legend’s shown/total counts follow the view', () =>
    session(G, async ({ page }) => {
      const [reportedAll, personAll, conflictAll] = await Promise.all(
        ['Reported', 'Person', 'Material conflict'].map(
          async (n) => (await entryCount(page, n)).split('/')[1]!,
        ),
      );
      await expect(entryCount(page, 'Reported')).resolves.toBe(`${reportedAll}/${reportedAll}`);
      await expect(entryCount(page, 'Person')).resolves.toBe(`${personAll}/${personAll}`);
      await legendEntry(page, 'Material conflict').click();
      await expect(entryCount(page, 'Material conflict')).resolves.toBe(`0/${conflictAll}`);
      const reported = await entryCount(page, 'Reported');
      expect(Number(reported.split('/')[0])).toBeLessThan(Number(reportedAll));
      expect(reported.split('/')[1]).toBe(reportedAll);
      await legendEntry(page, 'Person').click();
      await expect(entryCount(page, 'Person')).resolves.toBe(`0/${personAll}`);
      await expect
        .poll(async () => Number((await entryCount(page, 'Reported')).split('/')[0]))
        .toBeLessThan(Number(reported.split('/')[0]));
    }));

  it('denied claims are drawn clearly: nearly as strong as the rest, with a dash of their own', () =>
    session(`${G}&bundle=0`, async ({ page }) => {
      const out = await exportInPage(page, {
        format: 'svg',
        scope: 'graph',
        size: { mode: 'scale', scale: 1 },
        background: 'white',
        legend: false,
        caption: false,
        date: false,
      });
      const svg = out.bytes.toString('utf8');
      const line = (id: string) => {
        const g = drawnLine(svg, id);
        if (!g) throw new Error(`no line ${id} in the SVG`);
        return g;
      };
      const denied = line('iran-trained-oct-7-fighters-denied');
      const others = [
        'us-threatens-iran-if-proxy-attacks-escalate-2023-10-27', // conditional
        'iran-backs-hezbollah', // reported
      ].map(line);
      expect(denied.opacity).toBeGreaterThanOrEqual(0.75);
      for (const other of others) expect(denied.dash).not.toBe(other.dash);
      expect(denied.dash).not.toBe('');
    }));
});

/** The line drawn for a claim in an exported SVG: its dash pattern and its opacity, all told. */
function drawnLine(svg: string, id: string): { dash: string; opacity: number } | undefined {
  type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
  const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true }).parse(
    svg,
  ) as Node[];
  const find = (nodes: Node[]): Node | undefined => {
    for (const n of nodes) {
      if (n.g && n[':@']?.['data-id'] === id) return n;
      for (const [k, v] of Object.entries(n)) {
        if (k !== ':@' && Array.isArray(v)) {
          const hit = find(v as Node[]);
          if (hit) return hit;
        }
      }
    }
    return undefined;
  };
  const g = find(tree);
  if (!g) return undefined;
  // The group's paths: an underlay (only when selected), then the line, then its arrowheads.
  const paths = (g.g as Node[]).filter((c) => c.path).map((c) => c[':@'] ?? {});
  const path = paths.find((p) => p.fill === 'none' && p['stroke-width'] !== undefined)!;
  const opacity = Number(g[':@']?.opacity ?? 1) * Number(path['stroke-opacity'] ?? 1);
  return { dash: path['stroke-dasharray'] ?? '', opacity };
}
