// The built app in real Chromium: it opens, draws the sample graph, and shows a claim's evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickNode, drawnNodes, openApp, type OpenedApp } from './app';
import { decodePng, inkRatio } from './pixels';

describe('the explorer on the sample graph', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp('?graph=sample-abu-kamal-strikes');
  });
  afterAll(() => app?.session.close());

  it('shows the graph title and how many actors and relations it has', async () => {
    const details = app.page.getByRole('region', { name: 'Details' });
    await expect
      .poll(() => details.locator('h2').innerText())
      .toBe('Sample: the U.S. strikes in Syria, 27 October 2023');
    await expect(app.page.getByTestId('shown-counts').innerText()).resolves.toBe(
      'Showing 6 of 6 actors and 8 of 8 relations',
    );
  });

  it('draws every actor inside the canvas', async () => {
    const nodes = await drawnNodes(app.page);
    expect(nodes.map((n) => n.label).sort()).toEqual([
      'Ali Khamenei',
      'Iran',
      'Iranian munitions depots in Syria',
      'Militia groups in Iraq and Syria',
      'U.S. forces in Iraq and Syria',
      'United States',
    ]);
    const box = (await app.page.getByTestId('graph-canvas').boundingBox())!;
    for (const n of nodes) {
      expect(n.visible).toBe(true);
      expect(n.x).toBeGreaterThan(box.x);
      expect(n.x).toBeLessThan(box.x + box.width);
      expect(n.y).toBeGreaterThan(box.y);
      expect(n.y).toBeLessThan(box.y + box.height);
    }
  });

  it('paints the canvas: nodes, lines and labels, not a blank area', async () => {
    const shot = decodePng(await app.page.getByTestId('graph-canvas').screenshot());
    const ratio = inkRatio(shot, [255, 255, 255]);
    expect(ratio).toBeGreaterThan(0.01);
    // Each category colour used by the sample's edges appears on the canvas.
    const colours = new Set<string>();
    for (let i = 0; i < shot.data.length; i += 4) {
      colours.add(`${shot.data[i]! >> 4},${shot.data[i + 1]! >> 4},${shot.data[i + 2]! >> 4}`);
    }
    expect(colours.has(`${0xd5 >> 4},${0x5e >> 4},${0x00 >> 4}`)).toBe(true); // material conflict
    expect(colours.has(`${0x00 >> 4},${0x72 >> 4},${0xb2 >> 4}`)).toBe(true); // material cooperation
  });

  it('opens a claim with its quote and source when an actor is clicked', async () => {
    await clickNode(app.page, 'Iranian munitions depots in Syria');
    const panel = app.page.getByRole('region', { name: 'Details' });
    await expect.poll(() => panel.locator('h2').innerText()).toBe('Iranian munitions depots in Syria');
    await panel.getByText('United States strikes Iranian munitions depots in Syria').click();
    const text = await panel.innerText();
    expect(text).toContain('According to Defense Secretary Lloyd J. Austin III');
    expect(text).toContain('conducted by Air Force F-16 jets');
    expect(text).toContain('The New York Times, 27 Oct 2023');
  });
});

describe('the default layout', () => {
  it('puts every actor in the same place on every load', async () => {
    const positions = [];
    for (let i = 0; i < 2; i++) {
      const app = await openApp('?graph=sample-abu-kamal-strikes');
      positions.push(
        (await drawnNodes(app.page)).map((n) => [n.id, Math.round(n.x), Math.round(n.y)]).sort(),
      );
      await app.session.close();
    }
    expect(positions[1]).toEqual(positions[0]);
  });
});
