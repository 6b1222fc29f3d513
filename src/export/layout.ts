// Lays out an exported page: title, the graph, legend, source caption and date stamp, for a natural
// size × scale, an exact pixel size or a paper page. Pure: text is measured by a function passed in.
import type { Rect, Scene } from '../render/scene';
import type { LegendGroup, LegendSymbol } from './legend';
import { PAPERS, type ExportSize } from './options';

export interface TextStyle {
  size: number;
  weight: number;
}

/** Width of `text` in the page's units at `style`. */
export type Measure = (text: string, style: TextStyle) => number;

/** A rough width for sans-serif text, for when no canvas can measure (e.g. in Node). */
export const estimateWidth: Measure = (text, { size, weight }) =>
  text.length * size * (weight >= 600 ? 0.6 : 0.55);

export interface Decorations {
  title: string; // '' for none
  legend: LegendGroup[]; // [] for none
  caption: string; // '' for none
  date: string; // '' for none
}

export interface PageText {
  text: string;
  x: number;
  y: number; // alphabetic baseline
  size: number;
  weight: number;
  anchor: 'start' | 'end';
  role: 'text' | 'muted';
}

export interface PageSymbol {
  symbol: LegendSymbol;
  x: number;
  y: number; // vertical centre
  width: number;
  height: number;
}

export interface Page {
  /** Page size in design units (CSS px, or points on paper). */
  width: number;
  height: number;
  /** Output size in pixels for raster formats (SVG: its width/height attributes). */
  pixelWidth: number;
  pixelHeight: number;
  /** Paper pages: the size in points, for PDF. */
  points?: { width: number; height: number };
  /** Scene coordinates → page: (p − bounds.origin) × scale + origin. */
  graph: { x: number; y: number; scale: number; bounds: Rect; clip: boolean };
  texts: PageText[];
  symbols: PageSymbol[];
}

const GAP = 12;

interface Sizes {
  unit: number; // 1 in CSS px, 0.75 on paper (points)
  margin: number;
  title: number;
  heading: number;
  label: number;
  caption: number;
}

function sizesFor(unit: number, margin: number): Sizes {
  return { unit, margin, title: 24 * unit, heading: 10 * unit, label: 11 * unit, caption: 10 * unit };
}

/** Breaks `text` into lines no wider than `width` (a word longer than that gets its own line). */
export function wrapText(text: string, width: number, style: TextStyle, measure: Measure): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, style) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

interface Block {
  height: number;
  place(x: number, y: number, width: number, page: { texts: PageText[]; symbols: PageSymbol[] }): void;
}

function titleBlock(title: string, width: number, s: Sizes, measure: Measure): Block {
  if (!title) return { height: 0, place() {} };
  const style = { size: s.title, weight: 700 };
  const lines = wrapText(title, width, style, measure);
  const lh = s.title * 1.25;
  return {
    height: lines.length * lh + GAP * s.unit,
    place(x, y, _w, page) {
      lines.forEach((text, i) =>
        page.texts.push({ text, x, y: y + s.title + i * lh, ...style, anchor: 'start', role: 'text' }),
      );
    },
  };
}

/** Legend columns flowing left to right, wrapping into bands no wider than `width`. */
function legendBlock(groups: LegendGroup[], width: number, s: Sizes, measure: Measure): Block {
  if (groups.length === 0) return { height: 0, place() {} };
  const u = s.unit;
  const row = 17 * u;
  const swatch = 26 * u;
  const maxRows = 6;
  const headingStyle = { size: s.heading, weight: 700 };
  const labelStyle = { size: s.label, weight: 400 };
  type Column = { heading: string; entries: LegendGroup['entries']; width: number };
  const columns: Column[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.entries.length; i += maxRows) {
      const entries = g.entries.slice(i, i + maxRows);
      const heading = i === 0 ? g.heading.toUpperCase() : '';
      const w = Math.max(
        measure(heading, headingStyle),
        ...entries.map((e) => swatch + 6 * u + measure(e.label, labelStyle)),
      );
      columns.push({ heading, entries, width: w });
    }
  }
  const colGap = 22 * u;
  const bands: Column[][] = [[]];
  let used = 0;
  for (const c of columns) {
    const band = bands[bands.length - 1]!;
    if (band.length > 0 && used + colGap + c.width > width) {
      bands.push([c]);
      used = c.width;
    } else {
      used += (band.length > 0 ? colGap : 0) + c.width;
      band.push(c);
    }
  }
  const bandHeight = (band: Column[]) => row + Math.max(...band.map((c) => c.entries.length)) * row;
  const height = bands.reduce((h, b) => h + bandHeight(b), 0) + (bands.length - 1) * 6 * u + GAP * u;
  return {
    height,
    place(x, y, _w, page) {
      let by = y + GAP * u;
      for (const band of bands) {
        let cx = x;
        for (const c of band) {
          if (c.heading) {
            page.texts.push({
              text: c.heading,
              x: cx,
              y: by + s.heading,
              ...headingStyle,
              anchor: 'start',
              role: 'muted',
            });
          }
          c.entries.forEach((e, i) => {
            const mid = by + row + i * row + row / 2;
            page.symbols.push({ symbol: e.symbol, x: cx, y: mid, width: swatch - 4 * u, height: 13 * u });
            page.texts.push({
              text: e.label,
              x: cx + swatch + 2 * u,
              y: mid + s.label * 0.36,
              ...labelStyle,
              anchor: 'start',
              role: 'text',
            });
          });
          cx += c.width + colGap;
        }
        by += bandHeight(band) + 6 * u;
      }
    },
  };
}

function footerBlock(caption: string, date: string, width: number, s: Sizes, measure: Measure): Block {
  if (!caption && !date) return { height: 0, place() {} };
  const style = { size: s.caption, weight: 400 };
  const dateW = date ? measure(date, style) : 0;
  const lines = caption
    ? wrapText(caption, Math.max(width - dateW - 24 * s.unit, width / 3), style, measure)
    : [];
  const lh = s.caption * 1.35;
  return {
    height: Math.max(lines.length, 1) * lh + GAP * s.unit,
    place(x, y, w, page) {
      const top = y + GAP * s.unit + s.caption;
      lines.forEach((text, i) =>
        page.texts.push({ text, x, y: top + i * lh, ...style, anchor: 'start', role: 'muted' }),
      );
      if (date) {
        page.texts.push({
          text: date,
          x: x + w,
          y: top + (Math.max(lines.length, 1) - 1) * lh,
          ...style,
          anchor: 'end',
          role: 'muted',
        });
      }
    },
  };
}

interface Composed {
  page: Omit<Page, 'pixelWidth' | 'pixelHeight'>;
}

/** Natural layout: the graph at `zoom` design units per model unit, the page around it. */
function composeNatural(scene: Scene, deco: Decorations, s: Sizes, measure: Measure, zoom: number): Composed {
  const b = scene.bounds;
  const gw = b.width * zoom;
  const gh = b.height * zoom;
  const contentW = Math.max(gw, 360 * s.unit);
  const title = titleBlock(deco.title, contentW, s, measure);
  const legend = legendBlock(deco.legend, contentW, s, measure);
  const footer = footerBlock(deco.caption, deco.date, contentW, s, measure);
  const width = contentW + 2 * s.margin;
  const height = s.margin + title.height + gh + legend.height + footer.height + s.margin;
  const page = { texts: [] as PageText[], symbols: [] as PageSymbol[] };
  let y = s.margin;
  title.place(s.margin, y, contentW, page);
  y += title.height;
  const graph = { x: s.margin + (contentW - gw) / 2, y, scale: zoom, bounds: b, clip: scene.clip };
  y += gh;
  legend.place(s.margin, y, contentW, page);
  y += legend.height;
  footer.place(s.margin, y, contentW, page);
  return { page: { width, height, graph, ...page } };
}

/** Fixed page: decorations at their sizes, the graph fitted into the space left, centred. */
function composeFixed(
  scene: Scene,
  deco: Decorations,
  s: Sizes,
  measure: Measure,
  width: number,
  height: number,
): Composed {
  const b = scene.bounds;
  const contentW = width - 2 * s.margin;
  const title = titleBlock(deco.title, contentW, s, measure);
  const legend = legendBlock(deco.legend, contentW, s, measure);
  const footer = footerBlock(deco.caption, deco.date, contentW, s, measure);
  const areaH = Math.max(height - 2 * s.margin - title.height - legend.height - footer.height, 1);
  const scale = Math.min(contentW / Math.max(b.width, 1e-6), areaH / Math.max(b.height, 1e-6));
  const gw = b.width * scale;
  const gh = b.height * scale;
  const page = { texts: [] as PageText[], symbols: [] as PageSymbol[] };
  let y = s.margin;
  title.place(s.margin, y, contentW, page);
  y += title.height;
  const graph = {
    x: s.margin + (contentW - gw) / 2,
    y: y + (areaH - gh) / 2,
    scale,
    bounds: b,
    clip: scene.clip,
  };
  y += areaH;
  legend.place(s.margin, y, contentW, page);
  y += legend.height;
  footer.place(s.margin, y, contentW, page);
  return { page: { width, height, graph, ...page } };
}

/**
 * The page for `scene` at `size`. Natural size: one design unit per CSS pixel, the graph at zoom 1
 * (the viewport scope at the canvas zoom), times `scale` in pixels. Pixels: exactly the width and
 * height asked (one alone keeps the natural aspect ratio). Paper: the page in points, the graph
 * fitted inside half-inch margins; pixels at `dpi`.
 */
export function layoutPage(
  scene: Scene,
  deco: Decorations,
  size: ExportSize,
  measure: Measure = estimateWidth,
): Page {
  const zoom = scene.clip ? scene.zoom : 1;
  if (size.mode === 'paper') {
    const paper = PAPERS[size.paper];
    const natural = composeNatural(scene, deco, sizesFor(1, 20), measure, zoom).page;
    const landscape =
      size.orientation === 'landscape' || (size.orientation === 'auto' && natural.width > natural.height);
    const w = landscape ? paper.height : paper.width;
    const h = landscape ? paper.width : paper.height;
    const { page } = composeFixed(scene, deco, sizesFor(0.75, 36), measure, w, h);
    return {
      ...page,
      pixelWidth: Math.round((w / 72) * size.dpi),
      pixelHeight: Math.round((h / 72) * size.dpi),
      points: { width: w, height: h },
    };
  }
  const s = sizesFor(1, 20);
  const natural = composeNatural(scene, deco, s, measure, zoom).page;
  if (size.mode === 'scale') {
    return {
      ...natural,
      pixelWidth: Math.max(1, Math.round(natural.width * size.scale)),
      pixelHeight: Math.max(1, Math.round(natural.height * size.scale)),
    };
  }
  // Pixels: a page larger than asked is shrunk, but its title, legend and caption keep their size
  // (down to a page MIN_PAGE wide): only the graph is drawn smaller. Shrinking the whole page would
  // leave a large graph's decorations a few pixels high. A page smaller than asked grows as a whole.
  const minWidth = MIN_PAGE * s.unit;
  const { width, height } = size;
  if (width !== undefined && height === undefined) {
    const page =
      natural.width > Math.max(width, minWidth)
        ? composeToWidth(scene, deco, s, measure, Math.max(width, minWidth))
        : natural;
    return {
      ...page,
      pixelWidth: width,
      pixelHeight: Math.max(1, Math.round((page.height * width) / page.width)),
    };
  }
  if (height !== undefined && width === undefined) {
    const page =
      natural.height > height ? composeToHeight(scene, deco, s, measure, height, natural) : natural;
    return {
      ...page,
      pixelWidth: Math.max(1, Math.round((page.width * height) / page.height)),
      pixelHeight: height,
    };
  }
  const pw = width!;
  const ph = height!;
  const grow = Math.min(pw / natural.width, ph / natural.height);
  // Shrinking: design units are pixels, down to a page MIN_PAGE wide; growing: all in proportion.
  const k = grow >= 1 ? grow : Math.min(1, pw / minWidth);
  const { page } = composeFixed(scene, deco, s, measure, pw / k, ph / k);
  return { ...page, pixelWidth: pw, pixelHeight: ph };
}

/** The narrowest page the decorations are laid out on at their own size (contentW's floor + margins). */
const MIN_PAGE = 400;

/** The natural page with the graph scaled to make the page `width` wide (the graph fills its width). */
function composeToWidth(scene: Scene, deco: Decorations, s: Sizes, measure: Measure, width: number) {
  const zoom = (width - 2 * s.margin) / Math.max(scene.bounds.width, 1e-6);
  return composeNatural(scene, deco, s, measure, zoom).page;
}

/**
 * The natural page with the graph scaled to make the page `height` tall, keeping the decorations'
 * height (which depends on the page's width through wrapping, so the zoom is refined a few times).
 */
function composeToHeight(
  scene: Scene,
  deco: Decorations,
  s: Sizes,
  measure: Measure,
  height: number,
  natural: Composed['page'],
) {
  const b = Math.max(scene.bounds.height, 1e-6);
  let page = natural;
  for (let i = 0; i < 4; i++) {
    const decorations = page.height - scene.bounds.height * page.graph.scale;
    // At least a fifth of the page for the graph, when the decorations would take more.
    const zoom = Math.max(height - decorations, height / 5) / b;
    page = composeNatural(scene, deco, s, measure, zoom).page;
  }
  return page;
}
