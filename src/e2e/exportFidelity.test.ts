// The export draws what the screen shows: the canvas pixels Cytoscape drew (its layers composited on
// the page colour) against a viewport PNG export at scale 1 with no title, legend, caption or date,
// pixel by pixel, on the curated and the sample graph, light and dark.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportInPage } from '../cli/render';
import { openApp, waitForStill } from './app';
import { decodePng, type Decoded } from './pixels';

/**
 * The tolerance. Cytoscape and the browser's SVG rasteriser draw the same shapes at the same places
 * (src/e2e/cytoscapeInternals.test.ts checks the geometry to 0.02 px) but not with the same pixels:
 * antialiasing along every edge, curve and glyph differs, canvas text is hinted and snapped to the
 * pixel grid otherwise than SVG text (lines of a label land up to a pixel apart), and Cytoscape draws
 * labels from bitmaps cached at its own texture scale. Those differences sit on the outlines of
 * things, about a pixel wide. So:
 * - a pixel matches when no channel differs by more than 40 of 255: an antialiased pixel passes, a
 *   wrong colour does not (the palette's colours are further apart);
 * - at least 96 % of all pixels match where they are (measured: 97.4 % on the curated graph, whose
 *   labels cover much of the canvas; 99.3 % on the sample);
 * - at least 85 % of the pixels drawn on (not page colour in either image) match a pixel at most
 *   1 px away, both ways (measured: 90–94 %). The whole export moved by 2 px scores 67–70 %, a
 *   wrong theme or a missing layer far less.
 */
const CHANNEL_TOLERANCE = 40;
const MIN_SAME = 0.96;
const MIN_NEAR_INK = 0.85;

interface Comparison {
  same: number; // share of all pixels within the tolerance of the same pixel in the other image
  ink: number; // share of pixels drawn on (not page colour) in either image
  nearInk: number; // share of those within the tolerance of a pixel at most 1 px away, both ways
}

const close = (a: Decoded, i: number, b: Decoded, j: number) =>
  Math.abs(a.data[i]! - b.data[j]!) <= CHANNEL_TOLERANCE &&
  Math.abs(a.data[i + 1]! - b.data[j + 1]!) <= CHANNEL_TOLERANCE &&
  Math.abs(a.data[i + 2]! - b.data[j + 2]!) <= CHANNEL_TOLERANCE;

/** Whether pixel (x, y) of `a` is close to `b`'s pixel there or to one of its eight neighbours. */
function nearMatch(a: Decoded, b: Decoded, x: number, y: number): boolean {
  const i = (y * a.width + x) * 4;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const bx = x + dx;
      const by = y + dy;
      if (bx < 0 || by < 0 || bx >= b.width || by >= b.height) continue;
      if (close(a, i, b, (by * b.width + bx) * 4)) return true;
    }
  }
  return false;
}

function compare(a: Decoded, b: Decoded, background: [number, number, number]): Comparison {
  let same = 0;
  let ink = 0;
  let nearInk = 0;
  const drawn = (d: Decoded, i: number) =>
    Math.abs(d.data[i]! - background[0]) > CHANNEL_TOLERANCE ||
    Math.abs(d.data[i + 1]! - background[1]) > CHANNEL_TOLERANCE ||
    Math.abs(d.data[i + 2]! - background[2]) > CHANNEL_TOLERANCE;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      const ok = close(a, i, b, i);
      if (ok) same++;
      if (!drawn(a, i) && !drawn(b, i)) continue;
      ink++;
      if (ok || (nearMatch(a, b, x, y) && nearMatch(b, a, x, y))) nearInk++;
    }
  }
  const n = a.width * a.height;
  return { same: same / n, ink: ink / n, nearInk: ink ? nearInk / ink : 1 };
}

/** `img`'s part at (x, y) of `width` × `height`. */
function crop(img: Decoded, x: number, y: number, width: number, height: number): Decoded {
  const data = Buffer.alloc(width * height * 4);
  for (let row = 0; row < height; row++) {
    img.data.copy(
      data,
      row * width * 4,
      ((y + row) * img.width + x) * 4,
      ((y + row) * img.width + x + width) * 4,
    );
  }
  return { width, height, data };
}

function asPng(img: Decoded): PNG {
  const png = new PNG({ width: img.width, height: img.height });
  img.data.copy(png.data);
  return png;
}

const GRAPHS: [string, string][] = [
  ['the curated graph', ''],
  ['the sample graph', '?graph=sample-abu-kamal-strikes'],
];

describe('a viewport export looks like the screen', () => {
  for (const [name, path] of GRAPHS) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${name}, ${theme}`, async () => {
        const app = await openApp(path, { colorScheme: theme });
        try {
          await waitForStill(app.page);
          // The canvas layers as on screen, back to front, on the colour the canvas shows through.
          const screen = await app.page.evaluate(() => {
            const cy = (window as unknown as { actorGraphView: { cy: import('cytoscape').Core } })
              .actorGraphView.cy;
            const container = cy.container()!;
            let bg = 'rgb(255, 255, 255)';
            for (let el: HTMLElement | null = container; el; el = el.parentElement) {
              const c = getComputedStyle(el).backgroundColor;
              if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
                bg = c;
                break;
              }
            }
            const layers = [...container.querySelectorAll('canvas')].sort(
              (a, b) => Number(a.style.zIndex) - Number(b.style.zIndex),
            );
            const out = document.createElement('canvas');
            out.width = Math.round(container.clientWidth);
            out.height = Math.round(container.clientHeight);
            const ctx = out.getContext('2d')!;
            ctx.fillStyle = bg;
            ctx.fillRect(0, 0, out.width, out.height);
            for (const layer of layers) ctx.drawImage(layer, 0, 0, out.width, out.height);
            return { png: out.toDataURL('image/png'), bg: bg.match(/\d+/g)!.slice(0, 3).map(Number) };
          });
          const shown = decodePng(Buffer.from(screen.png.split(',')[1]!, 'base64'));
          const out = await exportInPage(app.page, {
            format: 'png',
            scope: 'viewport',
            size: { mode: 'scale', scale: 1 },
            background: 'theme',
            title: '',
            legend: false,
            caption: false,
            date: false,
          });
          const page = decodePng(out.bytes);
          // The page has a 20 px margin round the graph (src/export/layout.ts).
          expect(Math.abs(page.width - 40 - shown.width)).toBeLessThanOrEqual(1);
          expect(Math.abs(page.height - 40 - shown.height)).toBeLessThanOrEqual(1);
          const exported = crop(page, 20, 20, shown.width, shown.height);
          const bg = screen.bg as [number, number, number];
          const lightness = bg[0] + bg[1] + bg[2];
          if (theme === 'dark') expect(lightness, 'the dark theme is shown').toBeLessThan(3 * 80);
          else expect(lightness, 'the light theme is shown').toBeGreaterThan(3 * 200);
          const c = compare(shown, exported, bg);
          let saved = '';
          if (c.same < MIN_SAME || c.nearInk < MIN_NEAR_INK) {
            // Keep both pictures for whoever has to look at the failure.
            const dir = mkdtempSync(join(tmpdir(), 'actor-graph-fidelity-'));
            writeFileSync(join(dir, 'screen.png'), PNG.sync.write(asPng(shown)));
            writeFileSync(join(dir, 'export.png'), PNG.sync.write(asPng(exported)));
            saved = ` (screen.png and export.png in ${dir})`;
          }
          // Enough is drawn for the comparison to mean something.
          expect(c.ink).toBeGreaterThan(0.02);
          expect(c.same, `share of pixels within the tolerance${saved}`).toBeGreaterThanOrEqual(MIN_SAME);
          expect(
            c.nearInk,
            `share of drawn pixels within the tolerance, 1 px apart at most${saved}`,
          ).toBeGreaterThanOrEqual(MIN_NEAR_INK);
        } finally {
          await app.session.close();
        }
      });
    }
  }
});
