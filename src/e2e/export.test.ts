// Exporting images in real Chromium: every format decoded and checked, large sizes stitched or
// capped with a message, the dialog (download, keyboard, themes), and the command line giving the
// same picture as the dialog.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInPage } from '../cli/render';
import { DEFAULT_LIMITS } from '../export/limits';
import type { ExportOptions } from '../export/options';
import { clickNode, drawnNodes, openApp, type OpenedApp } from './app';
import { decodeJpeg, decodePng, diffRatio, inkRatio, type Decoded } from './pixels';

const SAMPLE = '?graph=sample-abu-kamal-strikes';
const WHITE: [number, number, number] = [255, 255, 255];
const BASE: ExportOptions = {
  format: 'png',
  scope: 'graph',
  size: { mode: 'scale', scale: 1 },
  background: 'white',
  legend: true,
  caption: true,
  date: false,
};

const run = promisify(execFile);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'actor-graph-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Ink in horizontal bands of an image: top (title), middle (graph), bottom (legend and caption). */
function bands(img: Decoded, fromTop: number, toTop: number): number {
  const y = Math.floor(img.height * fromTop);
  const h = Math.max(1, Math.floor(img.height * (toTop - fromTop)));
  return inkRatio(img, WHITE, { x: 0, y, width: img.width, height: h });
}

describe('exports of the sample graph', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp(SAMPLE);
  });
  afterAll(() => app?.session.close());

  it('PNG: exactly the pixels asked for, drawn on, with title, graph, legend and caption', async () => {
    const out = await exportInPage(app.page, { ...BASE, size: { mode: 'pixels', width: 1200, height: 900 } });
    const img = decodePng(out.bytes);
    expect([img.width, img.height]).toEqual([1200, 900]);
    expect([out.width, out.height]).toEqual([1200, 900]);
    expect(inkRatio(img, WHITE)).toBeGreaterThan(0.03);
    expect(bands(img, 0, 0.08)).toBeGreaterThan(0.01); // title
    expect(bands(img, 0.8, 1)).toBeGreaterThan(0.01); // legend and caption
    expect(out.fileName).toMatch(/^sample-abu-kamal-strikes_\d{4}-\d{2}-\d{2}\.png$/);
  });

  it('PNG: a scale factor multiplies the natural size', async () => {
    const one = await exportInPage(app.page, BASE);
    const three = await exportInPage(app.page, { ...BASE, size: { mode: 'scale', scale: 3 } });
    const a = decodePng(one.bytes);
    const b = decodePng(three.bytes);
    // The natural size is fractional and each export rounds its own: within a pixel per scale step.
    expect(Math.abs(b.width - a.width * 3)).toBeLessThanOrEqual(3);
    expect(Math.abs(b.height - a.height * 3)).toBeLessThanOrEqual(3);
  });

  it('PNG: transparent background leaves the page see-through but the graph opaque', async () => {
    const out = await exportInPage(app.page, { ...BASE, background: 'transparent' });
    const img = decodePng(out.bytes);
    expect(img.data[3]).toBe(0); // top-left corner
    let opaque = 0;
    for (let i = 3; i < img.data.length; i += 4) if (img.data[i]! > 200) opaque++;
    expect(opaque / (img.width * img.height)).toBeGreaterThan(0.02);
  });

  it('JPG: the pixels asked for, drawn on', async () => {
    const out = await exportInPage(app.page, {
      ...BASE,
      format: 'jpg',
      size: { mode: 'pixels', width: 1000 },
    });
    expect(out.mime).toBe('image/jpeg');
    const img = decodeJpeg(out.bytes);
    expect(img.width).toBe(1000);
    expect(img.height).toBe(out.height);
    expect(inkRatio(img, WHITE)).toBeGreaterThan(0.03);
  });

  it('SVG: parses, has every drawn label as <text>, and draws like the PNG', async () => {
    const svgOut = await exportInPage(app.page, { ...BASE, format: 'svg' });
    const svg = svgOut.bytes.toString('utf8');
    const labels = (await drawnNodes(app.page)).map((n) => n.label);
    const parsed = await app.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: doc.documentElement.tagName,
        texts: [...doc.querySelectorAll('text')].map(
          (t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.textContent,
        ),
      };
    }, svg);
    expect(parsed.error).toBe(false);
    expect(parsed.root).toBe('svg');
    for (const label of labels) expect(parsed.texts).toContain(label);
    expect(parsed.texts).toContain('Sample: the U.S. strikes in Syria, 27 October 2023');
    expect(parsed.texts.some((t) => t?.startsWith('Source: The New York Times, 27 Oct 2023'))).toBe(true);
    expect(svg).not.toContain('<script');

    // Opened by the browser on its own, the SVG looks like the PNG export.
    const page = await app.session.context.newPage();
    await page.setViewportSize({ width: svgOut.width, height: svgOut.height });
    await page.setContent(`<style>body{margin:0}</style>${svg.replace(/^<\?xml[^>]*>\n/, '')}`);
    const shot = decodePng(await page.locator('svg').screenshot());
    await page.close();
    const png = decodePng((await exportInPage(app.page, BASE)).bytes);
    expect([shot.width, shot.height]).toEqual([png.width, png.height]);
    expect(diffRatio(shot, png)).toBeLessThan(0.01);
  });

  it('PDF: the requested page size, A4 and Letter, portrait and landscape, with vector content', async () => {
    const cases = [
      [{ paper: 'a4', orientation: 'portrait' }, [595.28, 841.89]],
      [{ paper: 'a4', orientation: 'landscape' }, [841.89, 595.28]],
      [{ paper: 'letter', orientation: 'portrait' }, [612, 792]],
    ] as const;
    for (const [paper, [w, h]] of cases) {
      const out = await exportInPage(app.page, {
        ...BASE,
        format: 'pdf',
        size: { mode: 'paper', ...paper, dpi: 300 },
      });
      expect(out.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const pdf = await PDFDocument.load(out.bytes);
      expect(pdf.getPageCount()).toBe(1);
      const size = pdf.getPage(0).getSize();
      expect(size.width).toBeCloseTo(w, 1);
      expect(size.height).toBeCloseTo(h, 1);
      expect(pdf.getTitle()).toBe('Sample: the U.S. strikes in Syria, 27 October 2023');
      // Vector: text in the PDF's own fonts, no page-sized image.
      expect(out.bytes.toString('latin1')).toMatch(/\/BaseFont \/Helvetica/);
      expect(out.bytes.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
    }
  });

  it('PDF flattened: one image at the resolution asked', async () => {
    const out = await exportInPage(app.page, {
      ...BASE,
      format: 'pdf',
      pdfRaster: true,
      size: { mode: 'paper', paper: 'letter', orientation: 'landscape', dpi: 100 },
    });
    const text = out.bytes.toString('latin1');
    expect(text).toMatch(/\/Subtype \/Image/);
    expect(text).toMatch(/\/Width 1100/);
    expect(text).toMatch(/\/Height 850/);
  });

  it('stitches tiles past the canvas limits into the same picture', async () => {
    const size = { mode: 'pixels' as const, width: 1600, height: 1200 };
    const whole = decodePng((await exportInPage(app.page, { ...BASE, size })).bytes);
    const small = { canvasArea: 500_000, tile: 512 };
    const stitched = decodePng((await exportInPage(app.page, { ...BASE, size }, small)).bytes);
    expect([stitched.width, stitched.height]).toEqual([1600, 1200]);
    expect(diffRatio(stitched, whole)).toBeLessThan(0.002);
    const jpg = await exportInPage(app.page, { ...BASE, format: 'jpg', size }, small);
    const decoded = decodeJpeg(jpg.bytes);
    expect([decoded.width, decoded.height]).toEqual([1600, 1200]);
    expect(diffRatio(decoded, whole, 64)).toBeLessThan(0.01);
  });

  it('makes a too-large image smaller and says exactly what it made, never a blank file', async () => {
    const limits = {
      ...DEFAULT_LIMITS,
      canvasArea: 1_000_000,
      tile: 1024,
      outputArea: 2_000_000,
      outputSide: 3000,
    };
    const out = await exportInPage(
      app.page,
      { ...BASE, size: { mode: 'pixels', width: 4000, height: 3000 } },
      limits,
    );
    const img = decodePng(out.bytes);
    expect([img.width, img.height]).toEqual([out.width, out.height]);
    expect(img.width * img.height).toBeLessThanOrEqual(2_000_000);
    expect(img.width / img.height).toBeCloseTo(4 / 3, 2);
    expect(out.notes.join(' ')).toContain('4000×3000 px');
    expect(out.notes.join(' ')).toContain(`${img.width}×${img.height} px`);
    expect(inkRatio(img, WHITE)).toBeGreaterThan(0.02);
  });

  it('draws a large PNG (8×) to its last row and column', async () => {
    const out = await exportInPage(app.page, { ...BASE, size: { mode: 'scale', scale: 8 } });
    const img = decodePng(out.bytes);
    expect([img.width, img.height]).toEqual([out.width, out.height]);
    expect(img.width).toBeGreaterThan(4096); // more than one tile each way
    // The caption runs along the bottom left, the legend above it: both must be there.
    expect(bands(img, 0.9, 1)).toBeGreaterThan(0.003);
    expect(inkRatio(img, WHITE)).toBeGreaterThan(0.02);
  });

  it('exports the selection alone, and refuses clearly when nothing is selected', async () => {
    await expect(exportInPage(app.page, { ...BASE, scope: 'selection' })).rejects.toThrow(
      /Nothing is selected/,
    );
    await clickNode(app.page, 'Iranian munitions depots in Syria');
    const out = await exportInPage(app.page, { ...BASE, format: 'svg', scope: 'selection', legend: false });
    // The label's lines, wrapped as on screen, read as one.
    const svg = out.bytes.toString('utf8').replace(/<\/tspan><tspan[^>]*>/g, ' ');
    expect(svg).toContain('>Iranian munitions depots in Syria<');
    expect(svg).not.toContain('>Ali Khamenei<');
    await app.page.keyboard.press('Escape');
  });
});

describe('the export dialog', () => {
  let app: OpenedApp;
  beforeAll(async () => {
    app = await openApp(SAMPLE);
  });
  afterAll(() => app?.session.close());

  it('opens with e, shows a preview, closes with Escape and gives focus back', async () => {
    const { page } = app;
    const button = page.getByRole('button', { name: 'Export', exact: true });
    await button.focus();
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog', { name: 'Export image' });
    await dialog.waitFor();
    await dialog.getByTestId('export-preview').waitFor();
    await expect(dialog.getByLabel('Scale factor').inputValue()).resolves.toBe('2');
    for (const name of [
      'PNG',
      'JPG',
      'SVG',
      'PDF',
      'Whole graph',
      'Current view',
      'White',
      'Legend (what is shown)',
    ]) {
      await expect(dialog.getByLabel(name, { exact: true }).count()).resolves.toBe(1);
    }
    await expect(dialog.getByLabel('Selection', { exact: true }).isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  });

  it('does not open while typing in a field', async () => {
    const { page } = app;
    const search = page.getByRole('combobox').or(page.getByRole('searchbox')).first();
    await search.focus();
    await page.keyboard.press('e');
    await expect(page.getByRole('dialog', { name: 'Export image' }).isVisible()).resolves.toBe(false);
    await page.keyboard.press('Escape');
  });

  it('downloads the same picture the command line renders', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export image' });
    await dialog.getByLabel('Scale factor').fill('1');
    await dialog.getByLabel('Date', { exact: true }).uncheck();
    await dialog.getByLabel('White', { exact: true }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sample-abu-kamal-strikes_\d{4}-\d{2}-\d{2}\.png$/);
    const uiPath = join(dir, 'ui.png');
    await download.saveAs(uiPath);
    await expect(dialog.getByTestId('export-message').first().innerText()).resolves.toContain('Saved');
    await page.keyboard.press('Escape');

    const cliPath = join(dir, 'cli.png');
    const { stdout } = await run(
      'npx',
      [
        'tsx',
        'src/cli/render.ts',
        'graph/sample-abu-kamal-strikes.json',
        '--out',
        cliPath,
        '--scale',
        '1',
        '--no-date',
        '--background',
        'white',
      ],
      { timeout: 110_000 },
    );
    expect(stdout).toContain(`Wrote ${cliPath}`);
    const ui = decodePng(readFileSync(uiPath));
    const cli = decodePng(readFileSync(cliPath));
    expect([cli.width, cli.height]).toEqual([ui.width, ui.height]);
    expect(diffRatio(cli, ui)).toBeLessThan(0.005);
  }, 120_000);

  it('shows progress for a long export and can cancel it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export image' });
    await dialog.getByLabel('Scale factor').fill('24');
    await dialog.getByRole('button', { name: 'Download' }).click();
    await dialog.getByRole('progressbar', { name: 'Export progress' }).waitFor();
    // Dispatched like a queued user click, between two tiles: Playwright's click() first waits for
    // frames to be painted, which a busy export may not do until its uncancellable last step.
    await dialog.getByRole('button', { name: 'Cancel export' }).dispatchEvent('click');
    await expect(dialog.getByText('Export cancelled.').waitFor()).resolves.toBeUndefined();
    await dialog.getByLabel('Scale factor').fill('2');
    await page.keyboard.press('Escape');
  });
});

describe('the export dialog in the dark theme', () => {
  it('uses the dark panel colours and exports the dark canvas', async () => {
    const app = await openApp(SAMPLE, { colorScheme: 'dark' });
    try {
      await app.page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = app.page.getByRole('dialog', { name: 'Export image' });
      await dialog.getByTestId('export-preview').waitFor();
      const bg = await dialog.evaluate((d) => getComputedStyle(d).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!).toBeLessThan(3 * 80);
      const out = await exportInPage(app.page, { ...BASE, background: 'theme' });
      const img = decodePng(out.bytes);
      expect(img.data[0]! + img.data[1]! + img.data[2]!).toBeLessThan(3 * 60); // dark page corner
    } finally {
      await app.session.close();
    }
  });
});

describe('the command line', () => {
  it('stops with the problems of a bad graph file, before starting a browser', async () => {
    const bad = 'src/core/fixtures/invalid/missing-node.json';
    const err = await run('npx', ['tsx', 'src/cli/render.ts', bad, '--out', join(dir, 'x.png')]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toContain('is not a valid graph file');
    expect((err as { stderr: string }).stderr).toContain('(missing-node)');
  });

  it('refuses an unknown option and an unwritable path', async () => {
    const unknown = await run('npx', [
      'tsx',
      'src/cli/render.ts',
      'graph/sample-abu-kamal-strikes.json',
      '--out',
      'x.png',
      '--colour',
      'red',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect((unknown as { code: number }).code).toBe(2);
    expect((unknown as { stderr: string }).stderr).toContain("Unknown option '--colour'");
    const nowhere = await run('npx', [
      'tsx',
      'src/cli/render.ts',
      'graph/sample-abu-kamal-strikes.json',
      '--out',
      '/no/such/folder/x.png',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect((nowhere as { code: number }).code).toBe(1);
    expect((nowhere as { stderr: string }).stderr).toContain('the folder /no/such/folder does not exist');
  });
});
