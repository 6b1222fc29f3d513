// What the page defends against, in real Chromium: the built page's Content-Security-Policy (the app
// works under it; injected inline code does not run), a production build without test hooks, hostile
// links and saved views that leave the app open with a notice, and hostile text that exports stay
// valid with. Every test also fails on any console error or policy violation (src/e2e/pageErrors.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exportInPage } from '../cli/render';
import { HOSTILE_BUT_VALID } from '../core/fixtures/hostileStrings';
import { HOSTILE_LINKS, HOSTILE_SAVED_VIEWS } from '../core/fixtures/hostileViews';
import type { ExportOptions } from '../export/options';
import {
  drawnNodes,
  goto,
  modelPositions,
  openApp,
  setStorage,
  takePageErrors,
  waitForStill,
  watchPage,
  type OpenedApp,
} from './app';
import { launch } from './chromium';
import { decodePng, inkRatio } from './pixels';

const SAMPLE = '?graph=sample-abu-kamal-strikes';
const HOOKS = ['actorGraphLoad', 'actorGraphReady', 'actorGraphExport', 'actorGraphView'];
const BASE: ExportOptions = {
  format: 'png',
  scope: 'graph',
  size: { mode: 'scale', scale: 1 },
  background: 'white',
  legend: true,
  caption: true,
  date: false,
};

/** The page's policy as directive → sources. */
async function policyOf(page: Page): Promise<Map<string, string[]>> {
  const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = new Map<string, string[]>();
  for (const part of (content ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

/** The text of every JavaScript file of a build. */
const bundleText = (dir: string) =>
  readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, 'assets', f), 'utf8'))
    .join('\n');

describe('the Content-Security-Policy', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp(SAMPLE);
  });
  afterAll(() => app?.session.close());

  it('is in the built page, ahead of every script and stylesheet, and strict', async () => {
    const { page } = app;
    // A <meta> policy covers only what comes after it.
    await expect(
      page.evaluate(() => {
        const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
        const loaded = [
          ...document.querySelectorAll('script, link[rel="stylesheet"], link[rel="modulepreload"]'),
        ];
        return (
          !!meta &&
          loaded.length > 0 &&
          loaded.every((el) => meta.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
        );
      }),
    ).resolves.toBe(true);
    const policy = await policyOf(page);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    const all = [...policy.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain('*');
  });

  it('lets the app do all it does: draw, open help, preview and export every format', async () => {
    const { page } = app;
    expect((await drawnNodes(page)).length).toBe(6);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help.isVisible()).resolves.toBe(false);

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export image' });
    const preview = dialog.getByTestId('export-preview');
    await preview.waitFor();
    // The preview is an <img> of a blob: URL, which img-src allows.
    await expect
      .poll(() => preview.evaluate((img) => (img instanceof HTMLImageElement ? img.naturalWidth : -1)))
      .toBeGreaterThan(0);
    await dialog.getByLabel('PDF', { exact: true }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ]);
    const pdf = await PDFDocument.load(readFileSync((await download.path())!));
    expect(pdf.getPageCount()).toBe(1);
    await page.keyboard.press('Escape');

    const paper = { mode: 'paper', paper: 'a4', orientation: 'auto', dpi: 72 } as const;
    const formats: ExportOptions[] = [
      BASE,
      { ...BASE, format: 'jpg' },
      { ...BASE, format: 'svg' },
      { ...BASE, format: 'pdf', size: paper },
      { ...BASE, format: 'pdf', size: paper, pdfRaster: true },
      { ...BASE, size: { mode: 'pixels', width: 1200 } },
    ];
    for (const options of formats) {
      const out = await exportInPage(page, options, { canvasArea: 300_000, tile: 512 });
      expect(out.bytes.length, options.format).toBeGreaterThan(1000);
    }
  });

  it('refuses an injected inline script, an inline event handler and eval', async () => {
    const { page } = app;
    const outcome = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
      const w = window as unknown as Record<string, unknown>;
      const script = document.createElement('script');
      script.textContent = 'window.injectedScript = true';
      document.body.append(script);
      const div = document.createElement('div');
      div.innerHTML = '<button onclick="window.injectedHandler = true">x</button>';
      document.body.append(div);
      div.querySelector('button')!.click();
      div.remove();
      // DevTools lets code it runs use eval; a task of the page's own does not get that licence.
      const evaluated = await new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            // eslint-disable-next-line no-eval -- the point: the page must refuse it
            resolve(String((0, eval)('"evaluated"')));
          } catch (e) {
            resolve((e as Error).name);
          }
        }),
      );
      await new Promise((r) => setTimeout(r, 0)); // violation events are queued as tasks
      return {
        script: w.injectedScript ?? 'did not run',
        handler: w.injectedHandler ?? 'did not run',
        evaluated,
        seen: seen.sort(),
      };
    });
    expect(outcome).toEqual({
      script: 'did not run',
      handler: 'did not run',
      evaluated: 'EvalError',
      seen: ['script-src', 'script-src-attr', 'script-src-elem'],
    });
    // Each refusal was reported; they are what this test expects, so they are taken out here.
    const reported = await takePageErrors();
    expect(reported.length).toBeGreaterThanOrEqual(3);
    for (const e of reported) expect(e).toMatch(/Content[- ]Security[- ]Policy/);
  });
});

describe('the production build', () => {
  it('has none of the test hooks, which the automation build has', () => {
    const production = bundleText(inject('productionDir'));
    const automation = bundleText(inject('automationDir'));
    expect(HOOKS.filter((hook) => production.includes(hook))).toEqual([]);
    expect(HOOKS.filter((hook) => automation.includes(hook))).toEqual(HOOKS);
  });

  it('draws the graph and exports from the dialog without them', async () => {
    const session = await launch();
    try {
      const page = await session.context.newPage();
      await watchPage(page);
      await page.goto(new URL(SAMPLE, inject('productionUrl')).href);
      await expect(page.getByTestId('shown-counts').innerText()).resolves.toBe(
        'Showing 6 of 6 actors and 8 of 8 relations',
      );
      await expect(page.evaluate((hooks) => hooks.filter((h) => h in window), HOOKS)).resolves.toEqual([]);
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export image' });
      await dialog.getByLabel('Scale factor').fill('1');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Download' }).click(),
      ]);
      const png = decodePng(readFileSync((await download.path())!));
      expect(png.width).toBeGreaterThan(300);
      expect(inkRatio(png, [255, 255, 255])).toBeGreaterThan(0.02);
    } finally {
      await session.close();
    }
  });
});

describe('hostile links, saved views and ids', () => {
  const G = 'us-iran-2023-10';
  const KEY = `actor-graph:view:${G}`;
  let app: OpenedApp;
  let prototypeSize: number;
  beforeAll(async () => {
    app = await openApp(`?g=${G}`);
    prototypeSize = await app.page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).length);
  });
  afterAll(() => app?.session.close());

  /** The app is open on the curated graph, and Object.prototype is as the browser made it. */
  async function expectOpen(page: Page) {
    await expect(page.getByTestId('shown-counts').innerText()).resolves.toMatch(/of 33 actors/);
    await expect(
      page.evaluate(() => ({
        own: Object.getOwnPropertyNames(Object.prototype).length,
        polluted: ({} as Record<string, unknown>).polluted,
        constructor: typeof {}.constructor,
      })),
    ).resolves.toEqual({ own: prototypeSize, polluted: undefined, constructor: 'function' });
  }
  /** The notices above the graph. */
  const banners = (page: Page) => page.locator('.banner').allInnerTexts();

  const LINKS = [
    'prototype keys as values',
    'prototype keys as actor ids',
    'a camera at infinity',
    'a selection with a NUL',
    'a ten-thousand-character selection',
    'a thousand unknown relations',
    'a graph id that is a prototype key',
  ];
  it.each(LINKS)('a link with %s opens the app with a notice', async (name) => {
    const link = HOSTILE_LINKS.find((l) => l.name === name)!;
    const { page } = app;
    await goto(page, `?${link.query(G)}`);
    await expectOpen(page);
    const shown = (await banners(page)).join('\n');
    if (link.problem) expect(shown).toMatch(/^Part of the link was ignored: .{1,200}\.$/m);
    else expect(shown).toMatch(/is not in this graph/);
    expect(shown.length).toBeLessThan(3000);
    expect(page.url().length).toBeLessThan(2000); // what was dropped is not written back
  });

  const SAVED = [
    'a version that cannot be turned into text',
    '__proto__ at the top',
    'a position at infinity',
    'positions nested a hundred thousand deep',
    'a query with values no view can use',
  ];
  it.each(SAVED)('a saved view with %s opens the app with a notice', async (name) => {
    const entry = HOSTILE_SAVED_VIEWS.find((s) => s.name === name)!;
    const { page } = app;
    await setStorage(page, { [KEY]: entry.json(G) });
    await goto(page, '/');
    await expectOpen(page);
    const shown = (await banners(page)).join('\n');
    expect(shown).toMatch(
      entry.outcome === 'ignored'
        ? /^Your saved view of this graph was ignored: .{1,200}\.$/m
        : /^Part of your saved view was ignored: .{1,400}\.$/m,
    );
  });

  it('an arrangement saved with prototype names among its ids is used without them', async () => {
    const { page } = app;
    // Written out: in an object literal `__proto__: …` would set the prototype, not a key.
    const positions =
      '{"__proto__":{"x":1,"y":2},"constructor":{"x":3,"y":4},"prototype":{"x":5,"y":6},"gaza":{"x":12.5,"y":-40}}';
    const raw = `{"version":1,"query":"g=${G}&layout=manual","positions":${positions}}`;
    await setStorage(page, { [KEY]: raw, 'actor-graph:theme': '__proto__' });
    await goto(page, '/');
    await expectOpen(page);
    await expect(page.getByRole('combobox', { name: 'Layout' }).inputValue()).resolves.toBe('manual');
    await waitForStill(page);
    expect((await modelPositions(page)).gaza).toEqual({ x: 12.5, y: -40 });
    // An unknown stored theme is ignored: the system's (light) is used.
    await expect(page.locator('.app').getAttribute('data-theme')).resolves.toBe('light');
    await expect(banners(page)).resolves.toEqual([
      expect.stringMatching(
        /^Part of your saved view was ignored: the position of "__proto__", which no actor can have; the position of "constructor", which no actor can have\.\s*Dismiss$/,
      ),
    ]);
  });

  it('a graph whose ids are prototype names is refused, with where and why, and the graph stays', async () => {
    const { page } = app;
    const ids = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty'];
    const graph = {
      format: 'actor-graph',
      version: 2,
      id: 'prototype-names',
      title: 'Prototype names',
      nodes: ids.map((id) => ({ id, label: `Actor ${id}` })),
      edges: ids.slice(1).map((id, i) => ({ id: `edge-${id}`, source: ids[i], target: id, label: 'knows' })),
    };
    const loaded = await page.evaluate(
      (text) =>
        (
          window as unknown as { actorGraphLoad(t: string, n: string): { ok: boolean; issues: string[] } }
        ).actorGraphLoad(text, 'prototype-names.json'),
      JSON.stringify(graph),
    );
    expect(loaded.ok).toBe(false);
    expect(loaded.issues).toEqual([
      expect.stringMatching(/^nodes\[0\]\.id: .*built-in property name.*\(bad-id\)$/),
      expect.stringMatching(/^nodes\[1\]\.id: .*\(bad-id\)$/),
      expect.stringMatching(/^nodes\[3\]\.id: .*\(bad-id\)$/),
    ]);
    await expect(page.getByRole('alert').innerText()).resolves.toContain(
      'prototype-names.json could not be opened; the graph on screen is unchanged',
    );
    await expectOpen(page);
  });
});

describe('hostile text in exports', () => {
  const texts = HOSTILE_BUT_VALID.map((s) => s.trim());
  const TITLE = '<script>alert(1)</script> & “quotes”';
  const graph = {
    format: 'actor-graph',
    version: 2,
    id: 'hostile-text',
    title: TITLE,
    sources: [{ id: 'src', title: texts[5], publisher: texts[2], published: '2023-10-27' }],
    nodes: texts.map((label, i) => ({ id: `actor-${i}`, label })),
    edges: texts.slice(1).map((label, i) => ({
      id: `claim-${i}`,
      source: `actor-${i}`,
      target: `actor-${i + 1}`,
      label,
      evidence: [{ source: 'src', quote: label }],
    })),
  };
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp(SAMPLE);
    const loaded = await app.page.evaluate(
      (text) =>
        (
          window as unknown as { actorGraphLoad(t: string, n: string): { ok: boolean; issues: string[] } }
        ).actorGraphLoad(text, 'hostile-text.json'),
      JSON.stringify(graph),
    );
    expect(loaded).toEqual({ ok: true, issues: [] });
    await waitForStill(app.page);
  });
  afterAll(() => app?.session.close());

  it('draws every hostile label as text', async () => {
    const labels = (await drawnNodes(app.page)).map((n) => n.label);
    expect(labels).toHaveLength(texts.length);
    expect(labels).toEqual(expect.arrayContaining(['<script>alert(1)</script>', '${alert(1)}', '__proto__']));
    await expect(
      app.page.evaluate(() => document.querySelectorAll('body script:not([src])').length),
    ).resolves.toBe(0);
  });

  it('exports an SVG that parses as XML, in Node and in the browser, with the labels as text', async () => {
    const svg = (await exportInPage(app.page, { ...BASE, format: 'svg' })).bytes.toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = await app.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
        scripts: doc.getElementsByTagName('script').length,
        handlers: [...doc.querySelectorAll('*')].flatMap((e) =>
          e.getAttributeNames().filter((a) => a.startsWith('on')),
        ),
        title: doc.querySelector('title')?.textContent,
        texts: [...doc.querySelectorAll('text')].map((t) =>
          [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' '),
        ),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.scripts).toBe(0);
    expect(parsed.handlers).toEqual([]);
    expect(parsed.title).toBe(TITLE);
    for (const label of [
      '<script>alert(1)</script>',
      '${alert(1)}',
      'Astral 𝕏 𠀀 𐍈',
      '"><svg onload=alert(1)>',
    ])
      expect(parsed.texts).toContain(label);
  });

  it('exports PDFs, vector and flattened, that load with their title', async () => {
    const size = { mode: 'paper', paper: 'a4', orientation: 'auto', dpi: 72 } as const;
    for (const pdfRaster of [false, true]) {
      const out = await exportInPage(app.page, { ...BASE, format: 'pdf', size, pdfRaster });
      const pdf = await PDFDocument.load(out.bytes);
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getTitle()).toBe(TITLE);
    }
  });
});
