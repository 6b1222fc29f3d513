// Conflict and cooperation over time, as a reader uses it: the chart of the United States and Iran
// from 1979 to 2023 by category, picking a bar (the graph highlights its claims and the panel lists
// them), keyboard picking, and the SVG and PNG downloads, also with hostile labels.
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overTime } from '../core/analysis/overTime';
import { loadGraphText } from '../core/validate';
import { openApp, waitForStill, type OpenedApp } from './app';
import { audit } from './axe';
import { decodePng } from './pixels';

const CURATED = 'graph/us-iran-2023-10.json';
const loaded = loadGraphText(readFileSync(CURATED, 'utf8'), CURATED);
if (!loaded.ok) throw new Error('the curated graph does not load');
const graph = loaded.graph;
/** What the chart must show: the core's reading of the same file. */
const expected = overTime(graph.file, { a: 'united-states', b: 'iran' });

/** How long a condition may take to come true on a busy machine. */
const WAIT = { timeout: 15_000 };
const chart = (page: Page) => page.getByTestId('over-time-chart');
const highlight = (page: Page) => new URL(page.url()).searchParams.getAll('hl');
type Drawn = { id: string; classes: string[] };
const drawnEdges = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { actorGraphView: { renderedEdges(): Drawn[] } }).actorGraphView.renderedEdges(),
  );

/** Downloads what `click` saves and returns its name and bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Opens the chart of the selected actor against `against`. */
async function openChart(page: Page, against: string) {
  await page.getByRole('tab', { name: 'Over time' }).click();
  await page.getByRole('combobox', { name: 'Against' }).selectOption({ label: against });
  await chart(page).waitFor();
}

describe('the chart of the United States and Iran', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp('?g=us-iran-2023-10&sel=n:united-states');
    await openChart(app.page, 'Iran');
  });
  afterAll(() => app?.session.close());

  it('shows the claims from 1979 to 2023 per year, by category, with the undated ones counted apart', async () => {
    const { page } = app;
    const svg = chart(page);
    await expect(svg.getAttribute('aria-label')).resolves.toBe(
      'Conflict and cooperation: United States and Iran',
    );
    const periods = await svg
      .locator('[data-period]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-period')));
    expect(periods[0]).toBe('1979');
    expect(periods.at(-1)).toBe('2023');
    expect(periods).toEqual(expected.periods.filter((p) => p.claims.length > 0).map((p) => p.key));

    // The time axis is labelled with real years, in order, within 1979–2023.
    const ticks = (await svg.getByTestId('time-tick').allTextContents()).map(Number);
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks).toEqual([...ticks].sort((x, y) => x - y));
    expect(ticks[0]).toBeGreaterThanOrEqual(1979);
    expect(ticks.at(-1)).toBeLessThanOrEqual(2023);

    // 2023 is split by category as the data says, and read out in words.
    const y2023 = svg.locator('[data-period="2023"]');
    const categories = await y2023
      .locator('rect[data-category]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
    const want = expected.periods.at(-1)!.shares.map((s) => s.category);
    expect(categories).toEqual(want);
    expect(new Set(categories)).toEqual(
      new Set(['material-conflict', 'verbal-conflict', 'verbal-cooperation']),
    );
    await expect(y2023.getAttribute('aria-label')).resolves.toMatch(
      new RegExp(`^2023: ${expected.periods.at(-1)!.total} claims — .*material conflict`),
    );

    const text = (await svg.textContent()) ?? '';
    expect(expected.undated.length).toBeGreaterThan(0);
    expect(text).toContain(`${expected.undated.length} undated claims not shown.`);
    expect(text).toContain('Goldstein sum (denied claims excluded)');

    // The same numbers as a table.
    await page.getByText('The chart as a table').click();
    const table = page.getByTestId('over-time-table');
    await expect(table.locator('tbody th').first().textContent()).resolves.toBe('1979');
    await expect(table.locator('thead').textContent()).resolves.toContain('Material conflict');
  });

  it('picks the claims of a part of a bar: the graph highlights them and the panel lists them', async () => {
    const { page } = app;
    const part = chart(page).locator('[data-period="2023"] rect[data-category="material-conflict"]');
    await part.click();
    const share = expected.periods.at(-1)!.shares.find((s) => s.category === 'material-conflict')!;
    await expect.poll(() => highlight(page).sort(), WAIT).toEqual([...share.claims].sort());

    // On the graph: exactly the picked claims are drawn highlighted (alone or in their bundle), not
    // the selected actor's neighbourhood, and every other line is dimmed.
    const drawnAs = (ids: Set<string>, id: string) => {
      const e = graph.edgeById.get(id)!;
      return ids.has(id) ? id : `bundle--${e.source}--${e.target}`;
    };
    await expect
      .poll(async () => {
        const edges = await drawnEdges(page);
        const all = new Set(edges.map((e) => e.id));
        const focus = edges.filter((e) => e.classes.includes('focus')).map((e) => e.id);
        const faded = edges.filter((e) => e.classes.includes('faded')).length;
        return {
          focus: focus.sort(),
          rest: edges.length - focus.length === faded,
          want: [...new Set(share.claims.map((id) => drawnAs(all, id)))].sort(),
        };
      }, WAIT)
      .toSatisfy(({ focus, rest, want }) => rest && JSON.stringify(focus) === JSON.stringify(want));

    // In the panel, under the chart.
    const list = page.getByRole('region', { name: 'Picked claims' });
    await expect(list.locator('h3').textContent()).resolves.toContain('2023, material conflict');
    const listed = await list
      .locator('[data-claim]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
    expect(listed.sort()).toEqual([...share.claims].sort());
  });

  it('picks a whole year from the keyboard, lists it in the details too, and Esc lets it go', async () => {
    const { page } = app;
    const bar = chart(page).locator('[data-period="2023"]');
    await bar.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-period'))).resolves.toBe(
      '2022',
    );
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const year = expected.periods.at(-1)!;
    await expect.poll(() => highlight(page).sort(), WAIT).toEqual([...year.claims].sort());
    await expect(bar.getAttribute('aria-pressed')).resolves.toBe('true');

    await page.getByRole('tab', { name: 'Details' }).click();
    const list = page.getByRole('region', { name: 'Details' }).getByRole('region', { name: 'Picked claims' });
    await expect(list.locator('[data-claim]').count()).resolves.toBe(year.claims.length);
    // The United States stays selected below the list.
    await expect
      .poll(() => page.getByRole('region', { name: 'Details' }).locator('h2').textContent())
      .toBe('United States');

    await page.keyboard.press('Escape');
    await expect.poll(() => highlight(page), WAIT).toEqual([]);
    await expect(list.count()).resolves.toBe(0);
    await expect(new URL(page.url()).searchParams.get('sel')).toBe('n:united-states');
  });

  it('downloads the chart as an SVG that parses and a PNG that decodes', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Over time' }).click();
    await chart(page).waitFor();
    const size = await chart(page).evaluate((el) => ({
      width: Number(el.getAttribute('width')),
      height: Number(el.getAttribute('height')),
    }));

    const svg = await download(page, () => page.getByRole('button', { name: 'Download SVG' }).click());
    expect(svg.name).toMatch(/^us-iran-2023-10_over-time_united-states-iran_\d{4}-\d{2}-\d{2}\.svg$/);
    const markup = svg.bytes.toString('utf8');
    expect(XMLValidator.validate(markup)).toBe(true);
    expect(markup).toContain('Conflict and cooperation: United States and Iran');
    expect(markup).toContain('undated claims not shown.');
    expect(markup).not.toContain('tabindex');

    const png = await download(page, () => page.getByRole('button', { name: 'Download PNG' }).click());
    expect(png.name).toMatch(/\.png$/);
    const image = decodePng(png.bytes);
    expect([image.width, image.height]).toEqual([size.width * 2, size.height * 2]);
    // Not blank: the picture has the bars' colours in it.
    let coloured = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
    }
    expect(coloured).toBeGreaterThan(1000);
    await expect(page.getByTestId('chart-message').textContent()).resolves.toMatch(/^Saved .*\.png\.$/);
  });
});

describe('comparing from the details of another actor', () => {
  it('offers the chart of the actor shown against the one selected next', async () => {
    const app = await openApp('?g=us-iran-2023-10&sel=n:united-states');
    try {
      const { page } = app;
      await page.getByRole('tab', { name: 'Over time' }).click();
      await expect(chart(page).getAttribute('aria-label')).resolves.toBe(
        'Conflict and cooperation: United States and all others',
      );
      await page.keyboard.press('/');
      await page.keyboard.type('Hezbollah');
      await page.keyboard.press('Enter');
      const details = page.getByRole('region', { name: 'Details' });
      await expect.poll(() => details.locator('h2').textContent(), WAIT).toBe('Hezbollah');
      await details.getByRole('button', { name: 'Over time with United States' }).click();
      await expect
        .poll(() => chart(page).getAttribute('aria-label'), WAIT)
        .toBe('Conflict and cooperation: United States and Hezbollah');
      await expect(page.getByRole('combobox', { name: 'Against' }).inputValue()).resolves.toBe('hezbollah');
    } finally {
      await app.session.close();
    }
  });
});

describe.each(['light', 'dark'] as const)('accessibility of the chart (%s theme)', (colorScheme) => {
  it('has no serious or critical violations, with a bar picked and the table open', async () => {
    const app = await openApp('?g=us-iran-2023-10&sel=n:united-states', { colorScheme });
    try {
      await openChart(app.page, 'Iran');
      await chart(app.page).locator('[data-period="2023"]').focus();
      await app.page.keyboard.press('Enter');
      await app.page.getByText('The chart as a table').click();
      await expect.poll(() => highlight(app.page).length, WAIT).toBeGreaterThan(0);
      expect(await audit(app.page)).toEqual([]);
    } finally {
      await app.session.close();
    }
  });
});

describe('hostile labels in the chart', () => {
  it('are drawn as text and exported as text in an SVG that parses', async () => {
    const A = '<script>alert(1)</script>';
    const B = '"><svg onload=alert(1)>';
    const TITLE = ']]><!-- --><![CDATA[x & “quotes”';
    const file = {
      format: 'actor-graph',
      version: 2,
      id: 'hostile-chart',
      title: TITLE,
      sources: [],
      nodes: [
        { id: 'a', label: A },
        { id: 'b', label: B },
        { id: 'c', label: '\u202Eevil\u202C reversed' },
      ],
      edges: [
        { id: 'x', source: 'a', target: 'b', label: '&amp; &lt;', time: { date: '2023' } },
        { id: 'y', source: 'b', target: 'a', relation: 'strikes', time: { date: '2021-05' } },
        { id: 'z', source: 'c', target: 'a', relation: 'supports' },
      ],
    };
    const app = await openApp('?g=sample-abu-kamal-strikes');
    try {
      const { page } = app;
      const result = await page.evaluate(
        (text) =>
          (
            window as unknown as {
              actorGraphLoad(t: string, n: string, q: string): { ok: boolean; issues: string[] };
            }
          ).actorGraphLoad(text, 'hostile-chart.json', 'sel=n:a'),
        JSON.stringify(file),
      );
      expect(result).toEqual({ ok: true, issues: [] });
      await waitForStill(page);
      await page.getByRole('tab', { name: 'Over time' }).click();
      await chart(page).waitFor();
      await expect(chart(page).getAttribute('aria-label')).resolves.toBe(
        `Conflict and cooperation: ${A} and all others`,
      );
      await expect(
        page.evaluate(() => document.querySelectorAll('body script:not([src])').length),
      ).resolves.toBe(0);

      const svg = await download(page, () => page.getByRole('button', { name: 'Download SVG' }).click());
      const markup = svg.bytes.toString('utf8');
      expect(XMLValidator.validate(markup)).toBe(true);
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
          scripts: doc.getElementsByTagName('script').length,
          handlers: [...doc.querySelectorAll('*')].flatMap((e) =>
            e.getAttributeNames().filter((n) => n.startsWith('on')),
          ),
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        };
      }, markup);
      expect(parsed.error).toBeNull();
      expect(parsed.scripts).toBe(0);
      expect(parsed.handlers).toEqual([]);
      expect(parsed.texts.join(' ')).toContain(A);
      expect(parsed.texts.join(' ')).toContain(']]><!-- -->');
      expect(parsed.texts.join(' ')).toContain('1 undated claim not shown.');
      expect(parsed.texts.some((t) => t.includes('Unclassified'))).toBe(true);
    } finally {
      await app.session.close();
    }
  });
});
