// Opening graphs in real Chromium: from the picker and by drag and drop (GEXF, GraphML, .cyjs and a
// CSV pair, each drawn, searchable, filterable, coloured by an attribute and exported to PNG and SVG),
// the CSV mapping step, a broken file that leaves the graph on screen, `?file=` under the page's
// Content-Security-Policy, paste, the worker's progress and Cancel, recent files and saving the data.
// Every test also fails on a console error or a policy violation (src/e2e/pageErrors.ts).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exportInPage } from '../cli/render';
import { PARTITION_PALETTE, RANKING_SCALE } from '../core/appearance/mapping';
import { loadGraphFile } from '../core/formats/load';
import { drawnNodes, goto, openApp, waitForGraph, waitForStill, type OpenedApp } from './app';
import { decodePng } from './pixels';

const F = 'src/core/formats/fixtures';
const SAMPLE = '?graph=sample-abu-kamal-strikes';

interface Case {
  format: string;
  files: string[];
  actors: number;
  relations: number;
  /** An actor to find with search. */
  search: string;
  /** The "Colour actors by" choice, and a colour it must put in the exported image. */
  colourBy: string;
  colour: string;
}

const CASES: Case[] = [
  {
    format: 'GEXF',
    files: [`${F}/graphology/les_miserables.gexf`],
    actors: 77,
    relations: 254,
    search: 'Valjean',
    colourBy: 'rank:Authority',
    colour: RANKING_SCALE[0]!,
  },
  {
    format: 'GraphML',
    files: [`${F}/graphology/miserables.graphml`],
    actors: 77,
    relations: 254,
    search: 'Marius',
    colourBy: 'part:Modularity Class',
    colour: PARTITION_PALETTE[0],
  },
  {
    format: 'Cytoscape .cyjs',
    files: [`${F}/cytoscape-demos/genemania-export.cyjs`],
    actors: 31,
    relations: 255,
    search: 'H__sapiens__1_-Hs:5285773',
    colourBy: 'part:node_type',
    colour: PARTITION_PALETTE[0],
  },
  {
    format: 'CSV pair',
    files: [`${F}/csv/actors.edges.csv`, `${F}/csv/actors.nodes.csv`],
    actors: 4,
    relations: 3,
    search: 'Hezbollah',
    colourBy: 'rank:Population',
    colour: RANKING_SCALE[0]!,
  },
];

const counts = (page: Page) => page.getByTestId('shown-counts').innerText();
const details = (page: Page) => page.getByRole('region', { name: 'Details' });
const graphId = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('g'));
/** The actors drawn (group titles aside). */
const drawnCount = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { actorGraphView: { renderedNodes(): { classes: string[] }[] } }).actorGraphView
        .renderedNodes()
        .filter((n) => !n.classes.includes('group-title')).length,
  );

/** Picks files with the Open dialog's file picker. */
async function pick(page: Page, files: string[]): Promise<void> {
  await page.keyboard.press('o');
  const dialog = page.getByRole('dialog', { name: 'Open a graph' });
  await dialog.waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: 'Choose files…' }).click(),
  ]);
  await chooser.setFiles(files);
}

/** Drags files over the window (the drop target shows) and drops them. */
async function drop(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name));
      }
      return dt;
    },
    files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })),
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.getByTestId('drop-target').waitFor();
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await page.getByTestId('drop-target').waitFor({ state: 'detached' });
}

const fileOf = (path: string) => ({ name: path.slice(path.lastIndexOf('/') + 1), bytes: readFileSync(path) });

/** Waits until a graph of `actors` actors is shown, drawn and laid out. */
async function waitForOpened(page: Page, actors: number): Promise<void> {
  await page.waitForFunction((n) => {
    const text = document.querySelector('[data-testid="shown-counts"]')?.textContent ?? '';
    return new RegExp(`^\\s*Showing\\s+${n}\\s+of\\s+${n}\\s+actors`).test(text);
  }, actors);
  await waitForGraph(page);
}

/** The CSV step: its dialog shows the files with the detected delimiter; Open takes the guessed mapping. */
async function acceptCsvMapping(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Which column is which?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
}

describe('opening each format, from the picker and by drag and drop', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp(SAMPLE);
  });
  afterAll(() => app?.session.close());

  for (const way of ['picker', 'drop'] as const) {
    for (const c of CASES) {
      it(`${c.format} by ${way}: drawn, searchable, filterable, coloured by an attribute, exported to PNG and SVG`, async () => {
        const { page } = app;
        await goto(page, SAMPLE);
        if (way === 'picker') await pick(page, c.files);
        else await drop(page, c.files.map(fileOf));
        if (c.format === 'CSV pair') await acceptCsvMapping(page);
        await waitForOpened(page, c.actors);
        await expect(counts(page)).resolves.toBe(
          `Showing ${c.actors} of ${c.actors} actors and ${c.relations} of ${c.relations} relations`,
        );
        await expect(page.getByTestId('load-issues').count()).resolves.toBe(0);

        // Search: the actor is found and selected, its details shown.
        const search = page.getByRole('combobox', { name: 'Search actors' });
        await search.fill(c.search);
        await page.getByRole('option', { name: c.search, exact: true }).first().dispatchEvent('mousedown');
        await expect.poll(() => details(page).locator('h2').innerText()).toBe(c.search);
        await page.keyboard.press('Escape');

        // Filter: hiding the commonest relation hides its claims.
        const relations = page.locator('details', { hasText: /^Relations/ });
        await relations.locator('summary').click();
        const first = relations.locator('.entry').first();
        const [, total] = (await first.locator('.n').innerText()).split('/').map(Number);
        await first.locator('.toggle').click();
        await expect
          .poll(() => counts(page))
          .toContain(`${c.relations - total!} of ${c.relations} relations`);
        await first.locator('.toggle').click();
        await expect.poll(() => counts(page)).toContain(`${c.relations} of ${c.relations} relations`);
        await relations.locator('summary').click();

        // Colour by an attribute: the legend shows the mapping, the link carries it, the image has it.
        await page.getByRole('combobox', { name: 'Colour actors by' }).selectOption(c.colourBy);
        await page.getByTestId('mapping-legend').first().waitFor();
        await expect
          .poll(() => page.evaluate(() => new URLSearchParams(location.search).get('nc')))
          .toBe(c.colourBy);
        const svg = (
          await exportInPage(page, {
            format: 'svg',
            scope: 'graph',
            size: { mode: 'scale', scale: 1 },
            background: 'white',
            legend: true,
            caption: true,
            date: false,
          })
        ).bytes.toString('utf8');
        expect(svg.toLowerCase()).toContain(c.colour.toLowerCase());
        expect(svg).toContain('Unsourced');
        const png = await exportInPage(page, {
          format: 'png',
          scope: 'graph',
          size: { mode: 'scale', scale: 1 },
          background: 'white',
          legend: true,
          caption: true,
          date: false,
        });
        const image = decodePng(png.bytes);
        expect(image.width).toBeGreaterThan(200);
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.colour.slice(i, i + 2), 16));
        let found = false;
        for (let i = 0; i < image.data.length && !found; i += 4) {
          found =
            Math.abs(image.data[i]! - r!) < 3 &&
            Math.abs(image.data[i + 1]! - g!) < 3 &&
            Math.abs(image.data[i + 2]! - b!) < 3;
        }
        expect(found, `the PNG has ${c.colour}`).toBe(true);
      });
    }
  }
});

describe('the CSV mapping step', () => {
  it('shows headers, rows and delimiter, and reads the columns as mapped', async () => {
    const app = await openApp(SAMPLE);
    const { page } = app;
    await pick(page, [`${F}/csv/actors.nodes.csv`, `${F}/csv/actors.edges.csv`]);
    const dialog = page.getByRole('dialog', { name: 'Which column is which?' });
    await dialog.waitFor();
    const edges = dialog.getByRole('region', { name: 'Edges file actors.edges.csv' });
    await expect(edges.getByTestId('csv-delimiter').innerText()).resolves.toContain('separated by comma');
    await expect(edges.locator('thead th').allInnerTexts()).resolves.toContain('Source URL');
    await expect(edges.locator('tbody tr').count()).resolves.toBe(3);
    // Gephi's headers come pre-selected.
    await expect(edges.getByRole('combobox', { name: 'Source (who acts) *' }).inputValue()).resolves.toBe(
      'Source',
    );
    await expect(edges.getByRole('combobox', { name: 'Quote' }).inputValue()).resolves.toBe('Quote');
    // Not reading the quotes makes every relation unsourced.
    await edges.getByRole('combobox', { name: 'Quote' }).selectOption('');
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await waitForOpened(page, 4);
    await expect(page.getByTestId('unsourced-count').innerText()).resolves.toContain('3/3');
    // The same headers again: the mapping chosen is offered.
    await pick(page, [`${F}/csv/actors.edges.csv`, `${F}/csv/actors.nodes.csv`]);
    await dialog.waitFor();
    await expect(edges.getByTestId('csv-delimiter').innerText()).resolves.toContain(
      'Mapped as you chose last time',
    );
    await expect(edges.getByRole('combobox', { name: 'Quote' }).inputValue()).resolves.toBe('');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await app.session.close();
  });
});

describe('a broken file', () => {
  it('shows where it is broken and leaves the graph on screen', async () => {
    const app = await openApp(SAMPLE);
    const { page } = app;
    const text = readFileSync(`${F}/graphology/basic.graphml`, 'utf8');
    await drop(page, [
      { name: 'broken.graphml', bytes: Buffer.from(text.slice(0, text.indexOf('<edge') + 12)) },
    ]);
    const banner = page.getByTestId('load-issues');
    await banner.waitFor();
    const message = await banner.innerText();
    expect(message).toContain('broken.graphml could not be opened; the graph on screen is unchanged');
    expect(message).toMatch(/broken\.graphml:\d+:\d+ .*\(invalid-xml\)/);
    await expect(graphId(page)).resolves.toBe('sample-abu-kamal-strikes');
    await expect(drawnCount(page)).resolves.toBe(6);
    await app.session.close();
  });
});

describe('?file=', () => {
  it('opens a same-origin file under the CSP, keeps file= in the link with the view, and reloads it', async () => {
    const app = await openApp();
    const { page } = app;
    await page.goto(new URL('?file=/e2e-fixtures/graphology/les_miserables.gexf', inject('baseUrl')).href);
    await waitForOpened(page, 77);
    // The page carries the policy, with exactly what ?file= and the worker need.
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("connect-src 'self' https:");
    expect(policy).toContain("worker-src 'self'");
    const search = page.getByRole('combobox', { name: 'Search actors' });
    await search.fill('Javert');
    await page.getByRole('option', { name: 'Javert', exact: true }).dispatchEvent('mousedown');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('sel=');
    const url = new URL(page.url());
    expect(url.searchParams.get('file')).toBe(
      new URL('/e2e-fixtures/graphology/les_miserables.gexf', inject('baseUrl')).href,
    );
    expect(url.searchParams.get('g')).toBe('les-miserables');
    // The link opens the same graph and view in a fresh browser (nothing remembered).
    const other = await openApp(SAMPLE);
    await other.page.goto(url.href);
    await waitForOpened(other.page, 77);
    await expect.poll(() => details(other.page).locator('h2').innerText()).toBe('Javert');
    await other.session.close();
    await app.session.close();
  });

  it('says why when the file is not there, and opens the default graph', async () => {
    const app = await openApp();
    const { page } = app;
    await page.goto(new URL('?file=/e2e-fixtures/nothing-here.gexf', inject('baseUrl')).href);
    await waitForGraph(page);
    // The preview server answers an unknown path with the app's own page.
    await expect(page.getByTestId('load-issues').innerText()).resolves.toMatch(
      /nothing-here\.gexf .*a web page \(text\/html\), not a graph file/,
    );
    await app.session.close();
  });
});

describe('paste', () => {
  it('opens JSON from the clipboard with Ctrl+V, and from the Paste tab', async () => {
    const app = await openApp(SAMPLE);
    const { page } = app;
    await app.session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const text = readFileSync(`${F}/cytoscape-demos/compound.json`, 'utf8');
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+V');
    await waitForOpened(page, 28);
    await expect(graphId(page)).resolves.toBe('pasted');
    // Laid out by force, so the canvas holds computed places for "pasted".
    await page.getByRole('combobox', { name: 'Layout' }).selectOption('fcose');
    await waitForStill(page);
    // The Paste tab, on the same page.
    await page.keyboard.press('o');
    const dialog = page.getByRole('dialog', { name: 'Open a graph' });
    await dialog.getByRole('tab', { name: 'Paste' }).click();
    await dialog
      .getByLabel('Paste JSON, GEXF, GraphML or CSV text')
      .fill(readFileSync(`${F}/graphology/case.gexf`, 'utf8'));
    await dialog.getByRole('button', { name: 'Open the pasted text' }).click();
    await waitForOpened(page, 10);
    // Both pastes are "pasted": the second is laid out for itself, not with the first one's places.
    await waitForStill(page);
    const places = (await drawnNodes(page)).map((n) => `${Math.round(n.x)},${Math.round(n.y)}`);
    expect(new Set(places).size).toBe(10);
    await app.session.close();
  });
});

describe('an imported graph', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp(SAMPLE);
    await pick(app.page, [`${F}/csv/actors.edges.csv`, `${F}/csv/actors.nodes.csv`]);
    await acceptCsvMapping(app.page);
    await waitForOpened(app.page, 4);
  });
  afterAll(() => app?.session.close());

  it('says unsourced in the details, legend and table, and shows every attribute as text', async () => {
    const { page } = app;
    // Two of the three relations have no quote with a source URL; both are shown.
    await expect(page.getByTestId('unsourced-count').innerText()).resolves.toContain(
      'Unsourced: 2/2 relations',
    );
    await page.getByRole('combobox', { name: 'Search actors' }).fill('United States');
    await page.getByRole('option', { name: 'United States, the', exact: true }).dispatchEvent('mousedown');
    const panel = details(page);
    await expect(panel.getByTestId('attributes').innerText()).resolves.toContain('Population');
    await panel.locator('summary', { hasText: 'talks past' }).first().click();
    await expect(panel.locator('details[open]').getByTestId('unsourced').innerText()).resolves.toContain(
      'Unsourced.',
    );
    await page.keyboard.press('t');
    const table = page.getByRole('region', { name: 'Table view' });
    await table.getByRole('tab', { name: /Relations/ }).click();
    await expect(table.innerText()).resolves.toContain('Unsourced');
    await page.keyboard.press('t');
  });

  it('focuses a neighbourhood and follows the timeline', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Search actors' }).fill('Hezbollah');
    await page.getByRole('option', { name: 'Hezbollah', exact: true }).dispatchEvent('mousedown');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (
            window as unknown as {
              actorGraphView: { renderedNodes(): { label: string; classes: string[] }[] };
            }
          ).actorGraphView
            .renderedNodes()
            .filter((n) => n.classes.includes('faded'))
            .map((n) => n.label),
        ),
      )
      .toContain('United States, the');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Time filter' }).selectOption('asOf');
    await expect.poll(() => counts(page)).not.toContain('3 of 3 relations');
    await page.getByRole('combobox', { name: 'Time filter' }).selectOption('all');
    await expect.poll(() => counts(page)).toContain('3 of 3 relations');
  });

  it('saves its data to every format and the saved GEXF opens with the same counts', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Save data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the data' });
    await dialog.getByLabel('GEXF (Gephi)').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: /^Download .*\.gexf$/ }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    const reopened = loadGraphFile({ name: download.suggestedFilename(), bytes });
    expect(reopened.ok && [reopened.graph.file.nodes.length, reopened.graph.file.edges.length]).toEqual([
      4, 3,
    ]);
    await dialog.getByLabel('CSV (nodes and edges)').check();
    await expect(dialog.getByRole('button', { name: /^Download / }).allInnerTexts()).resolves.toEqual([
      'Download actors-edges.nodes.csv',
      'Download actors-edges.edges.csv',
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('is kept in the recent files: listed in the graph menu, opened again offline, forgotten on request', async () => {
    const { page } = app;
    await goto(page, SAMPLE);
    const menu = page.getByRole('combobox', { name: 'Graph' });
    await expect.poll(() => menu.locator('option').allInnerTexts()).toContain('actors.edges');
    await app.session.context.setOffline(true);
    await menu.selectOption({ label: 'actors.edges' });
    await waitForOpened(page, 4);
    await app.session.context.setOffline(false);
    await page.keyboard.press('o');
    const dialog = page.getByRole('dialog', { name: 'Open a graph' });
    await dialog.getByRole('tab', { name: /Recent/ }).click();
    await dialog.getByRole('button', { name: 'Forget actors.edges' }).click();
    // Forgetting goes through IndexedDB: wait for the list to drop the file rather than read it once.
    await expect.poll(() => dialog.getByRole('button', { name: 'Forget actors.edges' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});

describe('a large file', () => {
  it('opens in the worker with progress after a second and can be cancelled, leaving the graph', async () => {
    const app = await openApp(SAMPLE);
    const { page } = app;
    // 95,000 nodes and as many edges (near the 200,000-element limit), each node with five attribute
    // values (30 MB): seconds of parsing off the main thread, so the Cancel below comes before the
    // parse ends even on a fast machine (bare nodes once parsed in under the second before progress shows).
    const n = 95_000;
    const columns = ['role', 'region', 'since', 'source', 'note'];
    const attributes = columns.map((c, i) => `<attribute id="${i}" title="${c}" type="string"/>`).join('');
    const values = (i: number) =>
      columns.map((c, k) => `<attvalue for="${k}" value="${c} of actor ${i}, kept"/>`).join('');
    const nodes = Array.from(
      { length: n },
      (_, i) => `<node id="n${i}" label="Actor ${i}"><attvalues>${values(i)}</attvalues></node>`,
    ).join('');
    const edges = Array.from(
      { length: n },
      (_, i) => `<edge id="e${i}" source="n${i}" target="n${(i * 7 + 1) % n}"/>`,
    ).join('');
    const gexf = `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><attributes class="node">${attributes}</attributes><nodes>${nodes}</nodes><edges>${edges}</edges></graph></gexf>`;
    await drop(page, [{ name: 'big.gexf', bytes: Buffer.from(gexf) }]);
    const progress = page.getByTestId('open-progress');
    await progress.waitFor();
    await expect(progress.innerText()).resolves.toMatch(/Opening big\.gexf \(\d+\.\d MB\)/);
    // The page answers while the worker parses: the search box takes typing.
    await page.getByRole('combobox', { name: 'Search actors' }).fill('Iran');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'detached' });
    await expect(
      page.getByRole('status').filter({ hasText: 'was cancelled' }).innerText(),
    ).resolves.toContain('the graph on screen is unchanged');
    await expect(graphId(page)).resolves.toBe('sample-abu-kamal-strikes');
    await app.session.close();
  });
});
