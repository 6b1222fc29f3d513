// A long table stays light: at 3,000 actors only the rows in view are in the page, scrolling shows
// the others, a selected actor far down is scrolled to, and the header still counts every row.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../bench/generateGraph';
import { openApp, type OpenedApp } from './app';

const ACTORS = 3000;

/** Whether the row is drawn inside the table's scrolling area (under its sticky header). */
const inView = (row: Locator) =>
  row.evaluate((tr) => {
    const box = tr.getBoundingClientRect();
    const area = tr.closest('[role="tabpanel"]')!.getBoundingClientRect();
    return box.height > 0 && box.top >= area.top && box.bottom <= area.bottom + 1;
  });

describe('the table of a large graph', () => {
  let app: OpenedApp;
  let lastByName = '';
  beforeAll(async () => {
    app = await openApp('', { width: 1280, height: 720 });
    const file = generateGraph({ nodes: ACTORS, seed: 7 });
    lastByName = [...file.nodes].sort((a, b) => a.label.localeCompare(b.label)).at(-1)!.label;
    const loaded = await app.page.evaluate(
      (text) =>
        (
          window as unknown as {
            actorGraphLoad(t: string, n: string): Promise<{ ok: boolean; issues: string[] }>;
          }
        ).actorGraphLoad(text, 'large-table.json'),
      JSON.stringify(file),
    );
    expect(loaded.issues).toEqual([]);
  });
  afterAll(() => app?.session.close());

  it('puts only the rows in view in the page, and scrolls to the others', async () => {
    const { page } = app;
    await page.keyboard.press('t');
    const table = page.getByRole('region', { name: 'Table view' });
    const actorsTab = table.getByRole('tab', { name: /^Actors \((\d+)\)$/ });
    await expect.poll(() => actorsTab.innerText()).toMatch(/^Actors \(\d{4}\)$/);
    const shown = Number(/\((\d+)\)/.exec(await actorsTab.innerText())![1]);
    expect(shown).toBeGreaterThan(1000);
    const rows = table.locator('tbody tr[data-row]');
    const inPage = await rows.count();
    expect(inPage).toBeGreaterThan(10);
    expect(inPage).toBeLessThan(120);
    expect(await table.getByRole('table').getAttribute('aria-rowcount')).toBe(String(shown + 1));
    // The scrollbar is as long as the whole table: scroll to its end and the last row is drawn.
    await table.getByRole('tabpanel').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => rows.last().getAttribute('aria-rowindex')).toBe(String(shown + 1));
    expect(await inView(rows.last())).toBe(true);
    expect(await rows.count()).toBeLessThan(120);
  });

  it('scrolls a selected actor far down the table into view', async () => {
    const { page } = app;
    const table = page.getByRole('region', { name: 'Table view' });
    await table.getByRole('tabpanel').evaluate((el) => (el.scrollTop = 0));
    await page.getByRole('combobox', { name: 'Search actors' }).fill(lastByName);
    await page.keyboard.press('Enter');
    const row = table.locator('tbody tr[aria-selected="true"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('th').innerText()).toBe(lastByName);
    await expect.poll(() => inView(row)).toBe(true);
  });
});
