// The page starts on a lean Cytoscape (src/build/leanCytoscape.ts): the scripts it loads hold neither
// Cytoscape's graph algorithms nor its WebGL renderer, and the graph is drawn all the same. The WebGL
// renderer comes in its own chunk when a graph asks for WebGL, and then draws it.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { goto, watchPage } from './app';
import { launch, type Session } from './chromium';

/** Strings only Cytoscape's full build holds: an algorithm's name and a WebGL shader uniform. */
const ALGORITHM = 'kruskal';
const WEBGL_SHADER = 'uPanZoomMatrix';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The text of every script the page loads from now on, by URL. */
function recordScripts(page: Page): Map<string, Promise<string>> {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (res) => {
    // A body the page closed before it came is left out (and its promise not left rejected).
    if (res.request().resourceType() === 'script')
      scripts.set(
        res.url(),
        res.text().catch(() => ''),
      );
  });
  return scripts;
}

const holding = async (scripts: Map<string, Promise<string>>, needle: string) => {
  const found: string[] = [];
  for (const [url, text] of scripts) if ((await text).includes(needle)) found.push(new URL(url).pathname);
  return found;
};

describe('a lean start', () => {
  it('draws the default graph from scripts without the graph algorithms or the WebGL renderer', async () => {
    session = await launch();
    const page = await session.context.newPage();
    await watchPage(page);
    const scripts = recordScripts(page);
    await page.goto(inject('productionUrl'));
    await expect(page.getByTestId('shown-counts').innerText()).resolves.toMatch(
      /^Showing 33 of 33 actors and \d+ of \d+ relations$/,
    );
    expect(scripts.size).toBeGreaterThan(1);
    expect(await holding(scripts, 'cytoscape_container')).not.toEqual([]); // Cytoscape is there
    expect(await holding(scripts, ALGORITHM)).toEqual([]);
    expect(await holding(scripts, WEBGL_SHADER)).toEqual([]);
  });

  it('loads the WebGL renderer when the graph asks for it, and draws with it', async () => {
    session = await launch();
    const page = await session.context.newPage();
    await watchPage(page);
    const scripts = recordScripts(page);
    await goto(page, '?renderer=webgl');
    const view = await page.evaluate(() => {
      const v = (
        window as unknown as {
          actorGraphView: { renderer: string; counts(): { nodes: number; edges: number } };
        }
      ).actorGraphView;
      return { renderer: v.renderer, ...v.counts() };
    });
    expect(view).toMatchObject({ renderer: 'webgl', nodes: 33 });
    expect(await holding(scripts, WEBGL_SHADER)).toHaveLength(1);
    // Cytoscape's WebGL mode draws on a canvas of its own (a WebGL2 context), not the 2D layers.
    const webglCanvases = await page.evaluate(
      () =>
        [...document.querySelectorAll('[data-testid="graph-canvas"] canvas')].filter(
          (c) => (c as HTMLCanvasElement).getContext('2d') === null,
        ).length,
    );
    expect(webglCanvases).toBe(1);
  });
});
