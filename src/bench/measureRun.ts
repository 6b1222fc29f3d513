// One run of one subject on one graph: open its page in a fresh browser context, hand the graph text
// over, and time the first picture, the final layout, long tasks, zoom, select, filter and the heap.
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { LoadOptions, ScreenNode } from './pages/protocol';
import type { SubjectDef } from './subjects';

/** A measure: milliseconds (or bytes), or why there is none. */
export type Measured = number | 'timeout' | 'error' | 'skipped' | 'n/a';

export interface RunResult {
  startup: Measured; // navigation → first picture of the first graph (the app's default graph)
  firstPicture: Measured;
  finalPicture: Measured;
  longestLayout: Measured; // longest task from handing over to the final picture
  longestAll: Measured; // longest task from handing over to the end of the interactions
  longestBackground: Measured; // longest task after the first picture while the layout computes in a worker
  zoom: Measured[]; // wheel → next frame, per wheel event
  select: Measured[]; // click on a node → last frame of the highlight
  filter: Measured[]; // click on a filter toggle → last frame of the change
  heap: Measured; // bytes
  misses: string[]; // interactions that did not do what was asked (reported, not hidden)
  layoutNote?: string; // what the page says about how its layout ended
  error?: string;
  scripts?: { url: string; bytes: number; gzip: number }[]; // JavaScript loaded at start
}

export interface Limits {
  startup: number; // ms for the page to become ready
  picture: number; // ms from handing over to the first picture
  final: number; // ms from handing over to the final picture
  interaction: number; // ms for one interaction to draw and settle
  /**
   * ms without frames, long tasks or input that count as still. Cytoscape spaces its redraws by its
   * average redraw time (up to a second), so anything shorter could miss a frame still to come.
   */
  quiet: number;
  hover: number; // ms of stillness after moving the pointer, before pressing
}

export const LIMITS: Limits = {
  startup: 60_000,
  picture: 120_000,
  final: 180_000,
  interaction: 30_000,
  quiet: 1000,
  hover: 400,
};

export const ZOOMS = 4; // wheel events, alternately in and out
export const SELECTS = 3; // nodes clicked, the most connected ones on screen
export const FILTERS = 2; // clicks on the filter toggle: hide, then show again

class Timeout extends Error {}

/** `promise`, or a Timeout error after `ms`. The page may be stuck in a task: nothing waits on it. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function emptyResult(): RunResult {
  return {
    startup: 'n/a',
    firstPicture: 'n/a',
    finalPicture: 'n/a',
    longestLayout: 'n/a',
    longestAll: 'n/a',
    longestBackground: 'n/a',
    zoom: [],
    select: [],
    filter: [],
    heap: 'n/a',
    misses: [],
  };
}

/** The picture and everything after it could not be measured: mark what is left. */
function markRest(r: RunResult, as: 'timeout' | 'error', from: 'firstPicture' | 'finalPicture'): void {
  if (from === 'firstPicture') r.firstPicture = as;
  r.finalPicture = as;
  r.longestLayout = as;
  r.longestAll = as;
  r.longestBackground = as;
  r.heap = as;
}

export interface RunRequest {
  browser: Browser;
  subject: SubjectDef;
  url: string;
  text: string;
  options: LoadOptions;
  /** The graph every page shows before `text` is handed over (the app's default graph). */
  firstGraph: string;
  captureScripts: boolean;
  /** Where to save a screenshot of the final picture (PNG), if anywhere. */
  screenshot?: string;
  log: (s: string) => void;
  limits?: Limits;
}

/**
 * Measures one subject on one graph. Never throws for what happens in the page: a measure that does
 * not come in time is "timeout", one that fails is "error" (with the reason in `error`). Returns
 * `stuck: true` when the browser context could not be closed (the caller should restart the browser).
 */
export async function measureRun(req: RunRequest): Promise<{ result: RunResult; stuck: boolean }> {
  const { browser, subject, url, text, options, log } = req;
  const limits = req.limits ?? LIMITS;
  const r = emptyResult();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
  if (!subject.opensFirstGraph) {
    await context.addInitScript((t) => (window.__benchFirstGraph = t), req.firstGraph);
  }
  for (const path of subject.initScripts) await context.addInitScript({ path });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const scripts: Promise<{ url: string; bytes: number; gzip: number }>[] = [];
  if (req.captureScripts) {
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      scripts.push(
        res.body().then((body) => ({ url: res.url(), bytes: body.length, gzip: gzipSync(body).length })),
      );
    });
  }

  try {
    await within(page.goto(url), limits.startup);
    await within(
      page.waitForFunction(
        () => window.__bench?.readyAt !== undefined || window.__bench?.error !== undefined,
        undefined,
        { polling: 50 },
      ),
      limits.startup,
    );
    const failed = await page.evaluate(() => window.__bench.error);
    if (failed !== undefined) throw new Error(`the first graph did not load: ${failed}`);
    await within(
      page.evaluate((q) => window.__bench.settle(q), limits.quiet),
      limits.startup,
    );
    r.startup = await page.evaluate(() => window.__bench.readyAt!);
    if (req.captureScripts) r.scripts = await Promise.all(scripts);

    await page.evaluate(([t, o]) => window.__bench.stage(t, o), [text, options] as const);
    await page.evaluate(() => window.__bench.start());
    const started = Date.now();
    /** The longest task after the first picture while a worker laid out ('n/a' for a page without one). */
    const longestBackground = async (firstMs: number): Promise<Measured> =>
      (await page.evaluate((f) => window.__bench.longestWhileBackground(f), firstMs)) ?? 'n/a';
    try {
      r.firstPicture = await within(
        page.evaluate(() => window.__bench.firstPicture()),
        limits.picture,
      );
    } catch (e) {
      markRest(r, e instanceof Timeout ? 'timeout' : 'error', 'firstPicture');
      if (!(e instanceof Timeout)) throw e;
      return { result: r, stuck: await close() };
    }
    log(`first picture ${Math.round(r.firstPicture)} ms`);
    try {
      r.finalPicture = await within(
        page.evaluate((q) => window.__bench.finalPicture(q), limits.quiet),
        limits.final - (Date.now() - started),
      );
    } catch (e) {
      markRest(r, e instanceof Timeout ? 'timeout' : 'error', 'finalPicture');
      if (!(e instanceof Timeout)) throw e;
      // A layout off the main thread leaves the page free to answer: its longest task so far is the
      // figure that matters while the layout runs, even if the layout did not finish in time.
      try {
        r.longestLayout = await within(
          page.evaluate(() => window.__bench.longestTask(window.__bench.t0!, performance.now())),
          5000,
        );
        r.longestBackground = await within(longestBackground(r.firstPicture as number), 5000);
        r.misses.push('the layout did not finish in time: its longest task is the longest until then');
      } catch {
        // the page is busy: the longest task is at least as long as the wait, and stays "timeout"
      }
      return { result: r, stuck: await close() };
    }
    r.layoutNote = await page.evaluate(() => window.__bench.subject!.layoutNote?.());
    log(`final picture ${Math.round(r.finalPicture)} ms${r.layoutNote ? ` (${r.layoutNote})` : ''}`);
    r.longestLayout = await page.evaluate(
      (final) => window.__bench.longestTask(window.__bench.t0!, window.__bench.t0! + final),
      r.finalPicture,
    );
    r.longestBackground = await longestBackground(r.firstPicture);

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    r.heap = await page.evaluate(
      () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
    );

    if (req.screenshot) await page.screenshot({ path: req.screenshot });
    try {
      await interact(page, options, limits, r);
    } catch (e) {
      if (!(e instanceof Timeout)) throw e;
      // The interaction that timed out says so; the page may be stuck, so the rest are not tried.
      r.longestAll = 'timeout';
      return { result: r, stuck: await close() };
    }
    r.longestAll = await page.evaluate(() =>
      window.__bench.longestTask(window.__bench.t0!, performance.now()),
    );
  } catch (e) {
    r.error = e instanceof Timeout ? 'timed out' : e instanceof Error ? e.message.split('\n')[0] : String(e);
    if (pageErrors.length > 0) r.error += ` (page: ${pageErrors[0]})`;
    for (const k of ['firstPicture', 'finalPicture', 'longestLayout', 'longestAll', 'heap'] as const) {
      if (r[k] === 'n/a') r[k] = 'error';
    }
  }
  if (pageErrors.length > 0 && !r.error) r.misses.push(`page error: ${pageErrors[0]}`);
  return { result: r, stuck: await close() };

  /** Closes the context; true if the browser did not manage to within 20 s. */
  async function close(): Promise<boolean> {
    try {
      await within(context.close(), 20_000);
      return false;
    } catch {
      return true;
    }
  }
}

/** Zooms with the wheel, selects nodes and toggles a filter, as a user would, timing each. */
async function interact(page: Page, options: LoadOptions, limits: Limits, r: RunResult): Promise<void> {
  const inputs = () => page.evaluate(() => window.__bench.inputs.length);
  const quiet = (ms = limits.quiet) =>
    within(
      page.evaluate((q) => window.__bench.quiet(q), ms),
      limits.interaction,
    );
  /** The response to the input; a timeout is recorded in `into` before it ends the interactions. */
  const respond = async (type: string, index: number, into: Measured[]) => {
    try {
      return await within(
        page.evaluate(([t, i, q]) => window.__bench.response(t, i, q), [type, index, limits.quiet] as const),
        limits.interaction,
      );
    } catch (e) {
      if (e instanceof Timeout) into.push('timeout');
      throw e;
    }
  };

  // Zoom: the pointer rests on the middle of the canvas; each wheel event's next frame is timed.
  const box = await page.evaluate(() => window.__bench.subject!.canvasBox());
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await quiet();
  for (let i = 0; i < ZOOMS; i++) {
    const index = await inputs();
    await within(page.mouse.wheel(0, i % 2 === 0 ? -200 : 200), limits.interaction);
    r.zoom.push((await respond('wheel', index, r.zoom)).first);
  }

  // Select: press and release on the most connected nodes drawn on screen; the highlight is drawn
  // once the page is still again, so its last frame is timed.
  const nodes: ScreenNode[] = await page.evaluate(() => window.__bench.subject!.nodesOnScreen());
  for (const node of nodes.slice(0, SELECTS)) {
    await page.mouse.move(node.x, node.y);
    await quiet(limits.hover);
    const index = await inputs();
    await page.mouse.down();
    await page.mouse.up();
    const res = await respond('mouseup', index, r.select);
    const selected = await page.evaluate(() => window.__bench.subject!.selected());
    if (selected !== node.id) {
      r.misses.push(`a click on node ${node.id} selected ${selected ?? 'nothing'} (nodes overlap)`);
    }
    r.select.push(res.last);
  }
  if (nodes.length < SELECTS) r.misses.push(`only ${nodes.length} nodes on screen to select`);

  // Filter: the control that hides the actors of one kind, clicked to hide them and again to show them.
  const selector = await page.evaluate((o) => window.__bench.subject!.filterSelector(o), options);
  for (let i = 0; i < FILTERS; i++) {
    const target = await page.locator(selector).boundingBox();
    if (!target) {
      r.misses.push(`no filter toggle for ${options.filterLabel}`);
      break;
    }
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2);
    await quiet(limits.hover);
    const index = await inputs();
    await page.mouse.down();
    await page.mouse.up();
    r.filter.push((await respond('mouseup', index, r.filter)).last);
  }
}
