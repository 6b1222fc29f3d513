// Opens the built explorer in Chromium and collects what a user would notice going wrong.
import type { Page } from 'playwright-core';
import type { RenderedNode } from '../render/graphView';
import { inject } from 'vitest';
import { launch, type Session } from './chromium';

export interface OpenedApp {
  page: Page;
  session: Session;
  /**
   * Console errors, uncaught exceptions and Content-Security-Policy violations not yet checked.
   * src/e2e/pageErrors.ts empties it after every test and fails the test if it held anything; a
   * test that provokes an error on purpose takes it out (`errors.splice(0)`) and checks it itself.
   */
  errors: string[];
}

/** The error lists of every page opened for the current test file. */
const watched = new Map<Page, string[]>();

/**
 * Collects `page`'s console errors, uncaught exceptions and CSP violations (each violation is also
 * written to the console by a script the page gets before its own) until the test checks them.
 */
export async function watchPage(page: Page): Promise<string[]> {
  const errors: string[] = [];
  watched.set(page, errors);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `Content-Security-Policy violation: ${e.effectiveDirective} refused ${e.blockedURI || 'inline code'} ${e.sample}`,
      ),
    );
  });
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico itself on a page that names no icon (setStorage's); the app names one.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}

/** Every error the watched pages reported since the last call; pages that were closed are let go. */
export async function takePageErrors(): Promise<string[]> {
  const all: string[] = [];
  for (const [page, errors] of watched) {
    // A round trip delivers the console messages the page sent before it.
    if (!page.isClosed()) await page.evaluate(() => 0).catch(() => undefined);
    all.push(...errors.splice(0));
    if (page.isClosed()) watched.delete(page);
  }
  return all;
}

/** Opens the app at `path` (e.g. "?graph=sample-abu-kamal-strikes") and waits for the graph to be drawn. */
export async function openApp(path = '', options: Parameters<typeof launch>[0] = {}): Promise<OpenedApp> {
  const session = await launch(options);
  const page = await session.context.newPage();
  const errors = await watchPage(page);
  await goto(page, path);
  return { page, session, errors };
}

/** Navigates to a path relative to the served app, e.g. "?g=us-iran-2023-10&sel=n:iran". */
export async function goto(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, inject('baseUrl')).href);
  await waitForGraph(page);
}

/**
 * Sets (or, for null, removes) localStorage entries of the app's origin from a static file of the
 * same origin, so no running explorer can overwrite them before the next page load reads them.
 */
export async function setStorage(page: Page, entries: Record<string, string | null>): Promise<void> {
  await page.goto(new URL('/favicon.svg', inject('baseUrl')).href);
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) {
      if (v === null) localStorage.removeItem(k);
      else localStorage.setItem(k, v);
    }
  }, entries);
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

/** Waits until no node moves and the camera is still: the app's own readiness hook, frame by frame. */
export async function waitForStill(page: Page): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { actorGraphReady(timeoutMs?: number): Promise<void> }).actorGraphReady(),
  );
}

/** A point in the graph's own coordinates. */
export interface Position {
  x: number;
  y: number;
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

/** Where each node is in the graph's own coordinates (what a saved arrangement stores), by id. */
export async function modelPositions(page: Page): Promise<Record<string, Position>> {
  return page.evaluate(() =>
    (
      window as unknown as { actorGraphView: { positions(): Record<string, Position> } }
    ).actorGraphView.positions(),
  );
}

/** Clicks the drawn node with the given label. */
export async function clickNode(page: Page, label: string): Promise<void> {
  const node = (await drawnNodes(page)).find((n) => n.label === label);
  if (!node) throw new Error(`no node labelled ${label} is drawn`);
  await page.mouse.click(node.x, node.y);
}
