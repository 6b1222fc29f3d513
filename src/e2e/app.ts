// Opens the built explorer in Chromium and collects what a user would notice going wrong.
import type { Page } from 'playwright-core';
import type { RenderedNode } from '../render/graphView';
import { inject } from 'vitest';
import { launch, type Session } from './chromium';

export interface OpenedApp {
  page: Page;
  session: Session;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** Opens the app at `path` (e.g. "?graph=sample-abu-kamal-strikes") and waits for the graph to be drawn. */
export async function openApp(path = '', options: Parameters<typeof launch>[0] = {}): Promise<OpenedApp> {
  const session = await launch(options);
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await goto(page, path);
  return { page, session, errors };
}

/** Navigates to a path relative to the served app, e.g. "?g=us-iran-2023-10&sel=n:iran". */
export async function goto(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, inject('baseUrl')).href);
  await waitForGraph(page);
}

/** Waits until the canvas has drawn nodes and the layout has settled. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.locator('[data-testid="graph-canvas"] canvas').first().waitFor();
  await page.waitForFunction(() => {
    const view = (window as unknown as { actorGraphView?: { counts(): { nodes: number } } }).actorGraphView;
    return !!view && view.counts().nodes > 0;
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Waits until no node moves and the camera is still (animations finished). */
export async function waitForStill(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await drawnNodes(page));
    if (now === last) return;
    last = now;
    await page.waitForTimeout(150);
  }
  throw new Error('the graph kept moving');
}

/** A node as the canvas draws it; in page coordinates once `drawnNodes` has placed it. */
type DrawnNode = RenderedNode;

/** Where each node is drawn, in page coordinates. */
export async function drawnNodes(page: Page): Promise<DrawnNode[]> {
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  if (!box) throw new Error('graph canvas not on screen');
  const nodes = await page.evaluate(() =>
    (
      window as unknown as { actorGraphView: { renderedNodes(): DrawnNode[] } }
    ).actorGraphView.renderedNodes(),
  );
  return nodes.map((n) => ({ ...n, x: n.x + box.x, y: n.y + box.y }));
}

/** Clicks the drawn node with the given label. */
export async function clickNode(page: Page, label: string): Promise<void> {
  const node = (await drawnNodes(page)).find((n) => n.label === label);
  if (!node) throw new Error(`no node labelled ${label} is drawn`);
  await page.mouse.click(node.x, node.y);
}
