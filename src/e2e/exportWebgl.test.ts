// Export does not depend on the renderer: the app's elements drawn by Cytoscape's WebGL mode (which
// the app turns on for large graphs on a hardware GPU; here WebGL is SwiftShader) export the same
// SVG as when the 2D canvas draws them, and a PNG with every actor on it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInPage } from '../cli/render';
import type { ExportOptions } from '../export/options';
import { openApp, waitForStill } from './app';
import { openHarness, type Harness } from './harness';
import { decodePng, inkRatio } from './pixels';

const GRAPH = 'graph/us-iran-2023-10.json';
const SVG: ExportOptions = {
  format: 'svg',
  scope: 'graph',
  size: { mode: 'scale', scale: 1 },
  background: 'theme',
  legend: true,
  caption: true,
  date: false,
};

let harness: Harness;
let elements: unknown[];
let labels: string[];
beforeAll(async () => {
  // The elements exactly as the app gives them to Cytoscape: positions, classes, bundles, titles.
  const app = await openApp();
  await waitForStill(app.page);
  [elements, labels] = await app.page.evaluate(() => {
    const cy = (
      window as unknown as {
        actorGraphView: {
          cy: {
            elements(): { jsons(): unknown[] };
            nodes(s: string): { map<T>(f: (n: { data(k: string): unknown }) => T): T[] };
          };
        };
      }
    ).actorGraphView.cy;
    // A group is named by its title node (by an alias when its name is wider than its box).
    return [cy.elements().jsons(), cy.nodes(':childless').map((n) => String(n.data('label') ?? ''))] as const;
  });
  await app.session.close();
  harness = await openHarness();
});
afterAll(() => harness?.close());

async function mount(webgl: boolean) {
  return harness.page.evaluate(
    (o) =>
      (
        window as unknown as { harnessMount(o: unknown): Promise<{ renderer: string; nodes: number }> }
      ).harnessMount(o),
    { elements, graphText: readFileSync(GRAPH, 'utf8'), theme: 'light', webgl },
  );
}

const svgTexts = (svg: string) =>
  [...svg.matchAll(/<text\b[^>]*fill="#[0-9a-f]{6}"[^>]*>(.*?)<\/text>/g)].map(
    (m) => [...m[1]!.matchAll(/<tspan\b[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]).join(' ') || m[1]!,
  );

describe('export with Cytoscape in WebGL mode', () => {
  it('writes the same SVG as the canvas renderer, whole graph and viewport', async () => {
    const canvas = await mount(false);
    expect(canvas.renderer).toBe('canvas');
    const fromCanvas = (await exportInPage(harness.page, SVG)).bytes.toString('utf8');
    const viewCanvas = (await exportInPage(harness.page, { ...SVG, scope: 'viewport' })).bytes.toString(
      'utf8',
    );

    const webgl = await mount(true);
    expect(webgl.renderer, 'Cytoscape should draw with WebGL in this test').toBe('webgl');
    const fromWebgl = (await exportInPage(harness.page, SVG)).bytes.toString('utf8');
    const viewWebgl = (await exportInPage(harness.page, { ...SVG, scope: 'viewport' })).bytes.toString(
      'utf8',
    );

    expect(fromWebgl.length).toBeGreaterThan(10_000);
    expect(fromWebgl).toBe(fromCanvas);
    expect(viewWebgl).toBe(viewCanvas);
    // Every actor's name is in it (groups are named by their title nodes, and have no label of their own).
    const texts = svgTexts(fromWebgl).map((t) => t.replace(/\s+/g, ' '));
    const named = labels.filter(Boolean).map((l) => l.replace(/\s+/g, ' '));
    expect(named.length).toBeGreaterThan(20);
    for (const label of named)
      expect(texts.some((t) => t === label || t.startsWith(label.slice(0, 12)))).toBe(true);
  });

  it('exports a PNG with the graph drawn on it', async () => {
    expect((await mount(true)).renderer).toBe('webgl');
    const out = await exportInPage(harness.page, {
      ...SVG,
      format: 'png',
      size: { mode: 'scale', scale: 2 },
    });
    const img = decodePng(out.bytes);
    expect([img.width, img.height]).toEqual([out.width, out.height]);
    expect(inkRatio(img, [255, 255, 255])).toBeGreaterThan(0.03);
  });
});
