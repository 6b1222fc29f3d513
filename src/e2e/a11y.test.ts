// An axe-core audit of the main screen, the details panel, the table view and the dialogs that open
// and map files, and an imported graph coloured by an attribute, in both themes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp } from './app';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical violations on the page, one line each. */
async function audit(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Violation[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(', ')}`,
    );
}

describe.each(['light', 'dark'] as const)('accessibility (%s theme)', (colorScheme) => {
  it('the main screen has no serious or critical violations', async () => {
    const app = await openApp('?g=us-iran-2023-10', { colorScheme });
    try {
      expect(await audit(app.page)).toEqual([]);
    } finally {
      await app.session.close();
    }
  });

  it('the details panel of an actor, with a claim open, has none', async () => {
    const app = await openApp('?g=us-iran-2023-10&sel=n:hezbollah', { colorScheme });
    try {
      await app.page.getByRole('region', { name: 'Details' }).locator('summary').first().click();
      expect(await audit(app.page)).toEqual([]);
    } finally {
      await app.session.close();
    }
  });

  it('the table view and the paths panel have none', async () => {
    const app = await openApp('?g=us-iran-2023-10&path=hezbollah~united-states', { colorScheme });
    try {
      await app.page.keyboard.press('t');
      await app.page.getByRole('region', { name: 'Table view' }).waitFor();
      expect(await audit(app.page)).toEqual([]);
      await app.page.getByRole('tab', { name: /Relations/ }).click();
      expect(await audit(app.page)).toEqual([]);
    } finally {
      await app.session.close();
    }
  });

  it('the Open dialog, the CSV mapping step and an imported graph coloured by an attribute have none', async () => {
    const app = await openApp('?g=sample-abu-kamal-strikes', { colorScheme });
    const { page } = app;
    try {
      await page.keyboard.press('o');
      const open = page.getByRole('dialog', { name: 'Open a graph' });
      await open.waitFor();
      expect(await audit(page)).toEqual([]);
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        open.getByRole('button', { name: 'Choose files…' }).click(),
      ]);
      const csv = 'src/core/formats/fixtures/csv';
      await chooser.setFiles([`${csv}/actors.edges.csv`, `${csv}/actors.nodes.csv`]);
      const mapping = page.getByRole('dialog', { name: 'Which column is which?' });
      await mapping.waitFor();
      expect(await audit(page)).toEqual([]);
      await mapping.getByRole('button', { name: 'Open', exact: true }).click();
      await page.getByRole('combobox', { name: 'Colour actors by' }).selectOption('rank:Population');
      await page.getByTestId('mapping-legend').waitFor();
      await page.getByRole('combobox', { name: 'Search actors' }).fill('Iran');
      await page.getByRole('option', { name: 'Iran', exact: true }).dispatchEvent('mousedown');
      await page.getByTestId('attributes').waitFor();
      expect(await audit(page)).toEqual([]);
    } finally {
      await app.session.close();
    }
  });
});
