// `npm run render -- <graph file> --out <image>`: renders a graph file as the explorer shows it —
// in headless Chromium, through the same export function as the export dialog — and writes the file.
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { JSHandle, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { writeNative } from '../core/formats/save';
import { formatIssue } from '../core/validate';
import type { DeckOptions } from '../export/deck';
import type { RasterLimits } from '../export/limits';
import type { ExportOptions } from '../export/options';
import { launch, type Session } from './chromium';
import { openGraphFile } from './openFile';
import { ensureChromium } from './ensureChromium';
import { USAGE, parseRenderArgs, type DeckRenderRequest, type RenderRequest } from './renderArgs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
/** Where the automation build goes: the app with its window hooks, which the production build leaves out. */
export const AUTOMATION_DIR = join(ROOT, 'node_modules/.cache/actor-graph-automation');

class UsageError extends Error {}

/** Newest modification time under the paths the app is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of [
    'src',
    'graph',
    'public',
    'index.html',
    'package.json',
    'vite.config.ts',
    'svelte.config.js',
  ]) {
    walk(join(ROOT, p));
  }
  return newest;
}

function builtAt(dir: string): number {
  const index = join(dir, 'index.html');
  return existsSync(index) ? statSync(index).mtimeMs : 0;
}

/**
 * Builds the app into `outDir`: `production` is what `npm run build` makes; `automation` adds the
 * window hooks the renderer and the browser tests drive. Both are optimised production builds, even
 * when called under Vitest (which sets NODE_ENV=test, and Vite would then build for development).
 */
export async function buildApp(mode: 'production' | 'automation', outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/** An automation build of the app no older than its sources (rebuilt when stale). */
export async function appDir(log: (s: string) => void): Promise<string> {
  if (builtAt(AUTOMATION_DIR) >= newestSource()) return AUTOMATION_DIR;
  log('Building the app (once, until its sources change)…');
  return buildApp('automation', AUTOMATION_DIR);
}

/** Fails before any browser starts when the output cannot be written. */
function checkWritable(out: string): void {
  const dir = dirname(resolve(out));
  if (!existsSync(dir)) throw new UsageError(`cannot write ${out}: the folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`cannot write ${out}: ${dir} is not a folder`);
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) throw new UsageError(`cannot write ${out}: it is a folder`);
    try {
      accessSync(out, constants.W_OK);
    } catch {
      throw new UsageError(`cannot write ${out}: permission denied`);
    }
  } else {
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      throw new UsageError(`cannot write ${out}: the folder ${dir} is not writable`);
    }
  }
}

interface Exported {
  fileName: string;
  mime: string;
  width: number;
  height: number;
  notes: string[];
  size: number;
}

type Hooks = {
  actorGraphLoad(text: string, name: string, query: string): { ok: boolean; issues: string[] };
  actorGraphReady(timeoutMs?: number): Promise<void>;
  actorGraphExport(
    o: ExportOptions,
    limits?: Partial<RasterLimits>,
  ): Promise<Exported & { bytes: Uint8Array }>;
  actorGraphStoryDeck(
    story: string,
    o: DeckOptions,
  ): Promise<{
    bytes: Uint8Array;
    fileName: string;
    mime: string;
    pages: number;
    width: number;
    height: number;
  }>;
};

/** Loads `graph` into the app in `page` (opened at `baseUrl` on `query`) and waits until it is drawn. */
async function openInPage(
  page: Page,
  baseUrl: string,
  graph: { text: string; name: string },
  query: string,
): Promise<void> {
  await page.goto(new URL(`?${query}`, baseUrl).href);
  await page.waitForFunction(() => 'actorGraphLoad' in window);
  const loaded = await page.evaluate(
    ([text, name, q]) => (window as unknown as Hooks).actorGraphLoad(text, name, q),
    [graph.text, graph.name, query] as const,
  );
  if (!loaded.ok) throw new Error(`the app could not load the graph:\n  ${loaded.issues.join('\n  ')}`);
  await page.evaluate(() => (window as unknown as Hooks).actorGraphReady());
}

/** What a deck export reported, with its bytes. */
export interface DeckExported {
  bytes: Buffer;
  fileName: string;
  mime: string;
  pages: number;
  width: number;
  height: number;
}

/**
 * Opens the app in `page`, loads `graph`, steps through story `storyId` and makes its deck (one
 * PDF page or PNG frame per step). Used by the CLI and the tests.
 */
export async function deckInPage(
  page: Page,
  baseUrl: string,
  graph: { text: string; name: string; id: string },
  storyId: string,
  options: DeckOptions,
): Promise<DeckExported> {
  await openInPage(page, baseUrl, graph, `g=${encodeURIComponent(graph.id)}`);
  const handle = await page.evaluateHandle(
    ([id, o]) => (window as unknown as Hooks).actorGraphStoryDeck(id, o),
    [storyId, options] as const,
  );
  try {
    const meta = await handle.evaluate((r) => ({
      fileName: r.fileName,
      mime: r.mime,
      pages: r.pages,
      width: r.width,
      height: r.height,
      size: r.bytes.byteLength,
    }));
    const { size, ...rest } = meta;
    return { ...rest, bytes: await copyBytes(handle, size) };
  } finally {
    await handle.dispose();
  }
}

/**
 * Opens the app in `page` on `query`, loads `text` into it, and exports with `options`. Returns the
 * file's bytes and what the export reported. Used by the CLI, the tests and the benchmark.
 */
export async function renderInPage(
  page: Page,
  baseUrl: string,
  graph: { text: string; name: string },
  query: string,
  options: ExportOptions,
): Promise<{ bytes: Buffer } & Exported> {
  await openInPage(page, baseUrl, graph, query);
  return exportInPage(page, options);
}

/** Runs window.actorGraphExport in `page` and copies the bytes out in pieces. */
export async function exportInPage(
  page: Page,
  options: ExportOptions,
  limits?: Partial<RasterLimits>,
): Promise<{ bytes: Buffer } & Exported> {
  const handle = await page.evaluateHandle(([o, l]) => (window as unknown as Hooks).actorGraphExport(o, l), [
    options,
    limits,
  ] as const);
  try {
    const meta = await handle.evaluate((r) => ({
      fileName: r.fileName,
      mime: r.mime,
      width: r.width,
      height: r.height,
      notes: r.notes,
      size: r.bytes.byteLength,
    }));
    return { ...meta, bytes: await copyBytes(handle, meta.size) };
  } finally {
    await handle.dispose();
  }
}

/** Copies `bytes` of a result in the page out in pieces (one evaluate cannot carry hundreds of MB). */
async function copyBytes(handle: JSHandle<{ bytes: Uint8Array }>, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const step = 8 * 1024 * 1024;
  for (let at = 0; at < size; at += step) {
    const b64 = await handle.evaluate(
      (r, [from, to]) => {
        const part = r.bytes.subarray(from, to);
        let s = '';
        for (let i = 0; i < part.length; i += 0x8000)
          s += String.fromCharCode(...part.subarray(i, i + 0x8000));
        return btoa(s);
      },
      [at, Math.min(at + step, size)] as const,
    );
    chunks.push(Buffer.from(b64, 'base64'));
  }
  return Buffer.concat(chunks);
}

async function run(request: RenderRequest | DeckRenderRequest, log: (s: string) => void): Promise<void> {
  const started = performance.now();
  // Any supported format: opened and validated here, handed to the app as a native file.
  const opened = openGraphFile(request.graphFile);
  if ('unreadable' in opened) throw new UsageError(`cannot read ${request.graphFile}: ${opened.unreadable}`);
  const { name, result: loaded } = opened;
  if (!loaded.ok) {
    const lines = loaded.issues.map((i) => `  ${formatIssue(i)}`);
    throw new UsageError(
      `${name} is not a valid graph file (${loaded.issues.length} problems):\n${lines.join('\n')}`,
    );
  }
  const text =
    loaded.format === 'native' ? readFileSync(request.graphFile, 'utf8') : writeNative(loaded.graph.file);
  if ('story' in request) {
    const stories = loaded.graph.file.stories ?? [];
    if (!stories.some((s) => s.id === request.story)) {
      throw new UsageError(
        stories.length === 0
          ? `${name} has no stories`
          : `${name} has no story "${request.story}"; its stories: ${stories.map((s) => s.id).join(', ')}`,
      );
    }
  }
  checkWritable(request.out);
  ensureChromium(log);

  const params = new URLSearchParams('view' in request ? request.view : '');
  params.delete('graph');
  params.set('g', loaded.graph.file.id);
  const query = params.toString();

  const dir = await appDir(log);
  let server: PreviewServer | undefined;
  let session: Session | undefined;
  try {
    server = await preview({
      root: ROOT,
      logLevel: 'warn',
      build: { outDir: dir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the preview server did not report a URL');
    session = await launch({ ...request.window, colorScheme: request.theme });
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const withErrors = (err: Error) => {
      throw new Error(
        errors.length > 0 ? `${err.message}\n  (page errors: ${errors.join('; ')})` : err.message,
      );
    };
    if ('story' in request) {
      const deck = await deckInPage(
        page,
        url,
        { text, name, id: loaded.graph.file.id },
        request.story,
        request.deck,
      ).catch(withErrors);
      writeFileSync(request.out, deck.bytes);
      const kb = deck.bytes.length / 1024;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const what =
        request.deck.format === 'pdf'
          ? `${deck.pages} pages of ${Math.round(deck.width)} × ${Math.round(deck.height)} pt`
          : `${deck.pages} PNG frames of ${deck.width} × ${deck.height} px`;
      log(
        `Wrote ${request.out}: ${what}, one per step of the story "${request.story}", ` +
          `${kb < 1024 ? `${Math.round(kb)} KB` : `${(kb / 1024).toFixed(1)} MB`} (${seconds} s)`,
      );
      return;
    }
    const result = await renderInPage(page, url, { text, name }, query, request.options).catch(withErrors);
    writeFileSync(request.out, result.bytes);
    const unit = request.options.format === 'pdf' ? 'pt' : 'px';
    const kb = result.bytes.length / 1024;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `Wrote ${request.out}: ${Math.round(result.width)} × ${Math.round(result.height)} ${unit}, ` +
        `${kb < 1024 ? `${Math.round(kb)} KB` : `${(kb / 1024).toFixed(1)} MB`} (${seconds} s)`,
    );
    for (const note of result.notes) log(`Note: ${note}`);
  } finally {
    await session?.close();
    await server?.close();
  }
}

if (process.argv[1]?.endsWith('render.ts')) {
  const parsed = parseRenderArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`render: ${parsed.error}\n\n${USAGE}`);
    process.exit(2);
  }
  if ('help' in parsed) {
    console.log(USAGE);
    process.exit(0);
  }
  run('deck' in parsed ? parsed.deck : parsed.request, (s) => console.log(s)).then(
    () => process.exit(0),
    (err: Error) => {
      console.error(`render: ${err.message}`);
      process.exit(1);
    },
  );
}
