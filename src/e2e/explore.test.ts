// A user's paths through the explorer in real Chromium, one per feature: search → select → quote,
// focus depth, filters, the time slider, paths, groups, layouts, permalinks and history, saved
// views, a keyboard-only session, themes and narrow windows. Assertions are on what the user sees:
// visible text, controls, the URL and what the canvas draws.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  drawnNodes,
  goto,
  modelPositions,
  openApp,
  setStorage,
  waitForGraph,
  waitForStill,
  type OpenedApp,
  type Position,
} from './app';
import { decodePng } from './pixels';

const G = '?g=us-iran-2023-10';

const details = (page: Page) => page.getByRole('region', { name: 'Details' });
const shownCounts = (page: Page) => page.getByTestId('shown-counts').innerText();
const drawnEdges = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { actorGraphView: { renderedEdges(): { id: string; classes: string[] }[] } }
    ).actorGraphView
      .renderedEdges()
      .map((e) => e.id),
  );
/** The numbers in "Showing 30 of 33 actors and 66 of 90 relations". */
async function counts(page: Page): Promise<{ actors: number; relations: number }> {
  const m = /Showing (\d+) of \d+ actors and (\d+) of \d+ relations/.exec(await shownCounts(page));
  if (!m) throw new Error(`no counts in "${await shownCounts(page)}"`);
  return { actors: Number(m[1]), relations: Number(m[2]) };
}
const query = (page: Page) => new URL(page.url()).searchParams;
const SAVED_KEY = 'actor-graph:view:us-iran-2023-10';
/** What the explorer saved for the curated graph, or null before its (debounced) save. */
async function saved(
  page: Page,
): Promise<{ query: URLSearchParams; positions: Record<string, Position> } | null> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY);
  if (raw === null) return null;
  const entry = JSON.parse(raw) as { query: string; positions: Record<string, Position> };
  return { query: new URLSearchParams(entry.query), positions: entry.positions };
}

describe('exploring the curated graph', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp(G);
  });
  afterAll(() => app?.session.close());
  afterEach(async () => {
    // Each scenario starts from the default view.
    await app.page.getByRole('button', { name: 'Reset view' }).click();
    await waitForGraph(app.page);
  });

  it('selecting an actor that is off screen brings it into view', async () => {
    const { page } = app;
    const canvas = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    const hezbollah = async () => (await drawnNodes(page)).find((n) => n.id === 'hezbollah')!;
    // Drag the picture until Hezbollah is past the canvas's left edge.
    const start = await hezbollah();
    const from = { x: canvas.x + canvas.width - 20, y: canvas.y + 20 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - (start.x - canvas.x) - 150, from.y, { steps: 8 });
    await page.mouse.up();
    expect((await hezbollah()).x).toBeLessThan(canvas.x);
    await page.keyboard.press('/');
    await page.keyboard.type('Hezbollah');
    await page.keyboard.press('Enter');
    await expect.poll(() => details(page).locator('h2').innerText()).toBe('Hezbollah');
    await waitForStill(page);
    const shown = await hezbollah();
    expect(shown.x).toBeGreaterThan(canvas.x);
    expect(shown.x).toBeLessThan(canvas.x + canvas.width);
    expect(shown.y).toBeGreaterThan(canvas.y);
    expect(shown.y).toBeLessThan(canvas.y + canvas.height);
  });

  it('search → select → read the quote', async () => {
    const { page } = app;
    await page.keyboard.press('/');
    await page.keyboard.type('hezbolah'); // a typo
    await expect(
      page.getByRole('listbox', { name: 'Matching actors' }).getByRole('option').first().innerText(),
    ).resolves.toBe('Hezbollah');
    await page.keyboard.press('Enter');
    await expect.poll(() => details(page).locator('h2').innerText()).toBe('Hezbollah');
    expect(query(page).get('sel')).toBe('n:hezbollah');
    const claim = details(page).locator('details', { hasText: 'Iran backs Hezbollah' }).first();
    await claim.locator('summary').click();
    const text = await claim.innerText();
    expect(text).toMatch(/According to/);
    const quote = (await claim.locator('blockquote p').first().innerText()).trim();
    expect(quote.length).toBeGreaterThan(10);
    expect(quote).not.toMatch(/^“.*”$/s); // shown as a block quote, no marks added around it
    expect(text).toContain('The New York Times');

    // An actor's place the article does not state shows the quote and source behind it.
    await goto(page, `${G}&sel=n:irgc-quds-force`);
    const evidence = page.getByTestId('node-evidence');
    await expect(evidence.innerText()).resolves.toMatch(
      /Membership and description[\s\S]*five primary branches/i,
    );
    await expect(
      evidence.getByRole('link', { name: /Country Report on Terrorism 2019/ }).getAttribute('href'),
    ).resolves.toBe('https://www.ecoi.net/de/dokument/2032624.html');
  });

  it('focus: the neighbourhood grows with depth, isolation hides the rest, Escape clears', async () => {
    const { page } = app;
    await goto(page, `${G}&sel=n:hezbollah&iso=1`);
    const depth1 = await counts(page);
    await details(page).getByRole('radio', { name: '2' }).check();
    await expect.poll(async () => (await counts(page)).actors).toBeGreaterThan(depth1.actors);
    const drawn = (await drawnNodes(page)).map((n) => n.label);
    expect(drawn).toContain('Hezbollah');
    expect(drawn.length).toBeLessThan(33);
    await details(page)
      .getByRole('checkbox', { name: /Show only Hezbollah.s neighbourhood/ })
      .uncheck();
    await expect.poll(async () => (await counts(page)).actors).toBe(33);
    const faded = (await drawnNodes(page)).filter((n) => n.classes.includes('faded'));
    expect(faded.length).toBeGreaterThan(0);
    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => details(page).locator('h2').innerText()).toContain('The U.S. and Iran');
    expect((await drawnNodes(page)).filter((n) => n.classes.includes('faded'))).toEqual([]);
  });

  it('filters: the legend toggles a category off and back on, with counts', async () => {
    const { page } = app;
    const before = await counts(page);
    const toggle = page.getByRole('button', { name: /^Material conflict/ });
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    const after = await counts(page);
    expect(after.relations).toBeLessThan(before.relations);
    expect(await drawnEdges(page)).not.toContain('us-strikes-syria-munitions-depots-2023-10-27');
    expect(query(page).get('hc')).toBe('material-conflict');
    await toggle.click();
    await expect.poll(() => counts(page)).toEqual(before);
  });

  it('filters: a kind of actor hidden and shown again is drawn again, with its groups and their lines', async () => {
    const { page } = app;
    const canvas = page.getByTestId('graph-canvas');
    const box = (await canvas.boundingBox())!;
    await waitForStill(page);
    // The states drawn as a disc (the United States and Iran are boxes round their members).
    const groups = await page.evaluate(() =>
      (window as unknown as { actorGraphView: { cy: import('cytoscape').Core } }).actorGraphView.cy
        .nodes(':parent')
        .map((n) => n.id()),
    );
    const states = (await drawnNodes(page)).filter(
      (n) => n.classes.includes('kind-state') && !groups.includes(n.id),
    );
    expect(states.map((n) => n.label)).toEqual(expect.arrayContaining(['Israel', 'Russia', 'China']));
    /** The colour drawn at the middle of each state, in a screenshot of the canvas. */
    const middles = async () => {
      const shot = decodePng(await canvas.screenshot());
      const scale = shot.width / box.width;
      return states.map((n) => {
        const i = (Math.round((n.y - box.y) * scale) * shot.width + Math.round((n.x - box.x) * scale)) * 4;
        return [...shot.data.subarray(i, i + 3)];
      });
    };
    const shown = await middles();
    const toggle = page.getByRole('button', { name: /^State\b/ });
    await toggle.click();
    await expect.poll(async () => (await counts(page)).actors).toBe(27);
    await waitForStill(page);
    const labels = async () => (await drawnNodes(page)).map((n) => n.label);
    expect(await labels()).not.toContain('United States');
    const hidden = await middles();
    // Shown again: the United States comes back as the group round the Pentagon (its members wait
    // in place for it), and its claim about its own troops runs from its title again.
    await toggle.click();
    await expect.poll(async () => (await counts(page)).actors).toBe(33);
    await waitForStill(page);
    expect(await labels()).toEqual(expect.arrayContaining(['United States', 'Iran', 'Israel', 'Pentagon']));
    expect(await drawnEdges(page)).toContain('us-would-move-equipment-to-protect-troops');
    // And the canvas draws them: each state's middle is its colour again, as before the filter.
    const close = (a: number[], b: number[]) => a.every((v, k) => Math.abs(v - b[k]!) <= 24);
    const again = await middles();
    states.forEach((n, k) => {
      expect(close(hidden[k]!, shown[k]!), `${n.label} hidden`).toBe(false);
      expect(close(again[k]!, shown[k]!), `${n.label} shown again`).toBe(true);
    });
  });

  it('time: moving the slider before 27 October hides the strikes and later relations', async () => {
    const { page } = app;
    expect(await drawnEdges(page)).toContain('us-strikes-syria-munitions-depots-2023-10-27');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('combobox', { name: 'Time filter' }).selectOption('asOf');
    const slider = timeline.getByRole('slider', { name: 'Show the graph as of' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    const label = await page.getByTestId('time-label').innerText();
    expect(label).toMatch(/^As of \d{1,2} Oct 2023\b/);
    expect(label).not.toMatch(/^As of 27 Oct 2023/);
    expect(await drawnEdges(page)).not.toContain('us-strikes-syria-munitions-depots-2023-10-27');
    await page.keyboard.press('Home');
    await expect(page.getByTestId('time-label').innerText()).resolves.toMatch(/^As of 1979\b/);
    const early = await counts(page);
    // Undated claims stay out of a dated view unless asked for.
    await timeline.getByRole('checkbox', { name: /Undated/ }).check();
    await expect.poll(async () => (await counts(page)).relations).toBeGreaterThan(early.relations);
    expect(query(page).get('und')).toBe('show');
  });

  it('paths: the shortest paths between two actors are listed as sentences and highlighted', async () => {
    const { page } = app;
    await goto(page, `${G}&sel=n:hezbollah`);
    await details(page).getByRole('button', { name: 'Find paths from here' }).click();
    const panel = page.getByRole('region', { name: 'Paths between actors' });
    await expect(panel.getByRole('combobox', { name: 'From' }).inputValue()).resolves.toBe('hezbollah');
    expect(query(page).get('path')).toBeNull(); // nothing is drawn until both ends are chosen
    await panel
      .getByRole('combobox', { name: 'To' })
      .selectOption({ label: 'Militia groups in Iraq and Syria' });
    await panel.getByRole('button', { name: 'Find paths' }).click();
    const result = await page.getByTestId('path-result').innerText();
    expect(result).toMatch(/shortest paths? of 2 steps from Hezbollah to Militia groups in Iraq and Syria/);
    expect(result).toContain('Iran backs Hezbollah');
    expect(query(page).get('path')).toBe('hezbollah~iran-backed-militias');
    const onPath = (await drawnNodes(page)).filter((n) => n.classes.includes('on-path')).map((n) => n.label);
    expect(onPath).toEqual(expect.arrayContaining(['Hezbollah', 'Iran', 'Militia groups in Iraq and Syria']));
    await panel.getByRole('checkbox', { name: 'Follow the direction of relations' }).check();
    await panel.getByRole('button', { name: 'Find paths' }).click();
    // Following direction, the way round is longer (or there is none).
    await expect(page.getByTestId('path-result').innerText()).resolves.toMatch(
      /of [3-9] steps|No path from Hezbollah/,
    );
    expect(query(page).get('pd')).toBe('1');
  });

  it('groups: collapsing Iran hides its members and re-routes their relations; expanding restores them', async () => {
    const { page } = app;
    await goto(page, `${G}&sel=n:iran`);
    await details(page)
      .getByRole('button', { name: /Collapse group/ })
      .click();
    await expect.poll(async () => (await drawnNodes(page)).map((n) => n.label)).toContain('Iran (+8)');
    const labels = (await drawnNodes(page)).map((n) => n.label);
    expect(labels).not.toContain('Islamic Revolutionary Guards Corps');
    expect(labels).not.toContain('Ali Khamenei');
    expect((await counts(page)).actors).toBe(33);
    await details(page).getByRole('button', { name: 'Expand group' }).click();
    await expect.poll(async () => (await drawnNodes(page)).map((n) => n.label)).toContain('Ali Khamenei');
  });

  it('layouts: switching layout moves actors, and the same layout gives the same picture', async () => {
    const { page } = app;
    const where = async () =>
      Object.fromEntries((await drawnNodes(page)).map((n) => [n.id, [Math.round(n.x), Math.round(n.y)]]));
    const layout = page.getByRole('combobox', { name: 'Layout' });
    // While the force layout is computed in its worker, the actors stay where they are: they move
    // once, to the new layout (they went to a grid first).
    const meanwhile = page.evaluate(async () => {
      const view = (
        window as unknown as { actorGraphView: { cy: import('cytoscape').Core; layoutRunning: boolean } }
      ).actorGraphView;
      const actors = () =>
        view.cy
          .nodes()
          .filter((n) => n.isChildless() && !n.hasClass('group-title')) as import('cytoscape').NodeCollection;
      const before = new Map(actors().map((n) => [n.id(), { ...n.position() }]));
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      for (let i = 0; !view.layoutRunning; i++) {
        if (i > 600) throw new Error('no layout ran in the background');
        await frame();
      }
      let frames = 0;
      let moved = 0;
      while (view.layoutRunning) {
        frames++;
        moved = Math.max(
          moved,
          actors().filter((n) => {
            const p = before.get(n.id());
            return !p || Math.abs(p.x - n.position('x')) > 0.5 || Math.abs(p.y - n.position('y')) > 0.5;
          }).length,
        );
        await frame();
      }
      return { frames, moved };
    });
    await layout.selectOption('fcose');
    const whileRunning = await meanwhile;
    expect(whileRunning.frames).toBeGreaterThan(0);
    expect(whileRunning.moved).toBe(0);
    await waitForStill(page);
    const force = await where();
    await layout.selectOption('circle');
    await waitForStill(page);
    const circle = await where();
    expect(circle).not.toEqual(force);
    await layout.selectOption('fcose');
    await waitForStill(page);
    const back = await where();
    expect(Object.keys(back).sort()).toEqual(Object.keys(force).sort());
    for (const [id, [x, y]] of Object.entries(force)) {
      // the same place, to the pixel (rounding aside)
      expect(Math.abs(back[id]![0]! - x!) + Math.abs(back[id]![1]! - y!), id).toBeLessThanOrEqual(2);
    }
  });
});

describe('permalinks, history and saved views', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp(G);
  });
  afterAll(() => app?.session.close());

  it('a shared link opens the same view, and Back/Forward step through views', async () => {
    const { page } = app;
    const link = `${G}&sel=n:hezbollah&depth=2&hk=person&layout=concentric&t=asOf:2023-10-06`;
    await goto(page, link);
    await expect.poll(() => details(page).locator('h2').innerText()).toBe('Hezbollah');
    await expect(page.getByRole('button', { name: /^Person/ }).getAttribute('aria-pressed')).resolves.toBe(
      'false',
    );
    await expect(page.getByRole('combobox', { name: 'Layout' }).inputValue()).resolves.toBe('concentric');
    await expect(page.getByTestId('time-label').innerText()).resolves.toMatch(/^As of 6 Oct 2023\b/);
    await expect(details(page).getByRole('radio', { name: '2' }).isChecked()).resolves.toBe(true);
    await page.reload();
    await waitForGraph(page);
    await expect.poll(() => details(page).locator('h2').innerText()).toBe('Hezbollah');
    await expect(page.getByRole('combobox', { name: 'Layout' }).inputValue()).resolves.toBe('concentric');

    await page.keyboard.press('/');
    await page.keyboard.type('Israel');
    await page.keyboard.press('Enter');
    await expect.poll(() => details(page).locator('h2').innerText()).toBe('Israel');
    await page.goBack();
    await expect.poll(() => details(page).locator('h2').innerText()).toBe('Hezbollah');
    await page.goForward();
    await expect.poll(() => details(page).locator('h2').innerText()).toBe('Israel');
  });

  it('the last view of a graph comes back when the explorer is opened again', async () => {
    const { page } = app;
    await goto(page, `${G}&sel=n:china&hc=verbal-conflict`);
    // Saving is debounced: wait until the view is in storage.
    await expect.poll(async () => (await saved(page))?.query.get('sel') ?? null).toBe('n:china');
    await goto(page, '/');
    await expect.poll(() => details(page).locator('h2').innerText()).toBe('China');
    expect(query(page).get('hc')).toBe('verbal-conflict');
  });

  it('a dragged arrangement persists, and "Reset view" forgets it', async () => {
    const { page } = app;
    await goto(page, G);
    const layout = page.getByRole('combobox', { name: 'Layout' });
    const gaza = (await drawnNodes(page)).find((n) => n.label === 'Gaza')!;
    const laidOut = (await modelPositions(page))[gaza.id]!;
    await page.mouse.move(gaza.x, gaza.y);
    await page.mouse.down();
    await page.mouse.move(gaza.x + 60, gaza.y + 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => layout.inputValue()).toBe('manual');
    const dragged = (await modelPositions(page))[gaza.id]!;
    expect(Math.hypot(dragged.x - laidOut.x, dragged.y - laidOut.y)).toBeGreaterThan(20);
    await expect.poll(async () => (await saved(page))?.positions[gaza.id]).toEqual(dragged);

    await page.reload();
    await waitForGraph(page);
    await expect(layout.inputValue()).resolves.toBe('manual');
    const reloaded = (await modelPositions(page))[gaza.id]!;
    expect(reloaded.x).toBeCloseTo(dragged.x, 1);
    expect(reloaded.y).toBeCloseTo(dragged.y, 1);

    await page.getByRole('button', { name: 'Reset view' }).click();
    // The curated graph's own arrangement is its default layout.
    await expect.poll(() => layout.inputValue()).toBe('curated');
    await waitForStill(page);
    const reset = (await modelPositions(page))[gaza.id]!;
    expect(reset.x).toBeCloseTo(laidOut.x, 1);
    expect(reset.y).toBeCloseTo(laidOut.y, 1);
  });

  it('a corrupt saved view is ignored with a notice, and the graph still opens', async () => {
    const { page } = app;
    await setStorage(page, { [SAVED_KEY]: '{"version":1,"query":' });
    await goto(page, '/');
    await expect(page.getByRole('status').filter({ hasText: 'saved view' }).innerText()).resolves.toContain(
      'Your saved view of this graph was ignored: it is not valid JSON.',
    );
    expect((await counts(page)).actors).toBe(33);
  });

  it('values a link cannot use are dropped with a notice', async () => {
    const { page } = app;
    await goto(page, `${G}&depth=9&sel=n:hezbollah`);
    await expect(
      page.getByText('Part of the link was ignored: depth: "9" is not 1, 2 or 3.').isVisible(),
    ).resolves.toBe(true);
    await expect.poll(() => details(page).locator('h2').innerText()).toBe('Hezbollah');
  });
});

describe('usable by everyone', () => {
  it('a keyboard-only session: search, focus, isolate, table, select from the table, clear', async () => {
    const app = await openApp(G);
    const { page } = app;
    try {
      await page.keyboard.press('/');
      await page.keyboard.type('Quds');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await expect.poll(() => details(page).locator('h2').innerText()).toMatch(/Quds Force/);
      await page.locator('body').press('2'); // the search box kept focus; shortcuts need it elsewhere
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
      });
      expect(focused.outline).not.toBe('none');
      await page.evaluate(() => (document.activeElement as HTMLElement).blur());
      await page.keyboard.press('2');
      await expect(details(page).getByRole('radio', { name: '2' }).isChecked()).resolves.toBe(true);
      await page.keyboard.press('i');
      await expect(
        details(page)
          .getByRole('checkbox', { name: /Show only Quds Force.s neighbourhood/ })
          .isChecked(),
      ).resolves.toBe(true);
      await expect(page.getByTestId('isolation').innerText()).resolves.toMatch(
        /Only Quds Force.s neighbourhood/,
      );
      await page.keyboard.press('t');
      const table = page.getByRole('region', { name: 'Table view' });
      await expect.poll(() => table.isVisible()).toBe(true);
      const row = table.getByRole('button', { name: 'Islamic Revolutionary Guards Corps' });
      await row.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => details(page).locator('h2').innerText())
        .toBe('Islamic Revolutionary Guards Corps');
      await expect(table.locator('tr[aria-selected="true"]').innerText()).resolves.toContain(
        'Islamic Revolutionary Guards Corps',
      );
      await page.keyboard.press('Escape');
      await expect.poll(() => details(page).locator('h2').innerText()).toContain('The U.S. and Iran');
      await page.keyboard.press('?');
      await expect
        .poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible())
        .toBe(true);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).resolves.toBe(false);
    } finally {
      await app.session.close();
    }
  });

  it('the table sorts by a column and lists what the filters show', async () => {
    const app = await openApp(`${G}&hk=person`);
    const { page } = app;
    try {
      await page.keyboard.press('t');
      const table = page.getByRole('region', { name: 'Table view' });
      const firstRow = () => table.locator('tbody tr').first().innerText();
      await expect(table.getByRole('tab', { name: /Actors \((\d+)\)/ }).innerText()).resolves.toBe(
        'Actors (23)',
      );
      await table.getByRole('button', { name: 'Relations' }).click();
      await table.getByRole('button', { name: 'Relations' }).click(); // descending
      await expect(firstRow()).resolves.toMatch(/^Iran\b/);
      await expect(table.locator('th[aria-sort="descending"]').innerText()).resolves.toContain('Relations');
    } finally {
      await app.session.close();
    }
  });

  it('dark theme follows the system and can be switched', async () => {
    const app = await openApp(G, { colorScheme: 'dark' });
    const { page } = app;
    try {
      // A pixel of empty canvas: near the bottom-right corner, away from the graph and the focus ring.
      const canvasCorner = async () => {
        const shot = decodePng(await page.getByTestId('graph-canvas').screenshot());
        const i = ((shot.height - 8) * shot.width + (shot.width - 8)) * 4;
        return [shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!];
      };
      await expect(page.locator('.app').getAttribute('data-theme')).resolves.toBe('dark');
      expect((await canvasCorner()).every((c) => c < 60)).toBe(true);
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
      await expect(page.locator('.app').getAttribute('data-theme')).resolves.toBe('light');
      expect((await canvasCorner()).every((c) => c > 200)).toBe(true);
    } finally {
      await app.session.close();
    }
  });

  it('on a tablet-width window the panels collapse and open from the toolbar', async () => {
    const app = await openApp(G, { width: 820, height: 1100 });
    const { page } = app;
    try {
      const filters = page.getByRole('complementary', { name: 'Legend and filters' });
      await expect(filters.count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Filters' }).click();
      await expect(filters.isVisible()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Filters' }).click();
      await expect(filters.count()).resolves.toBe(0);
      const box = await page.getByTestId('graph-canvas').boundingBox();
      expect(box!.width).toBeGreaterThan(380);
    } finally {
      await app.session.close();
    }
  });

  it('hovering an actor shows a tooltip', async () => {
    const app = await openApp(G);
    const { page } = app;
    try {
      const gaza = (await drawnNodes(page)).find((n) => n.label === 'Gaza')!;
      await page.mouse.move(gaza.x, gaza.y);
      await expect(page.getByRole('tooltip').innerText()).resolves.toContain('Gaza');
    } finally {
      await app.session.close();
    }
  });
});
