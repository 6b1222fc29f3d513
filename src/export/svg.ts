// Writes a laid-out page and its scene as a standalone SVG document: real vector shapes, paths and
// <text>. Every piece of text and every attribute value is escaped; nothing from the data becomes markup.
import { arrowPath, shapePath } from '../render/shapes';
import type { Rect, Scene, SceneEdge, SceneElement, SceneNode, SceneText } from '../render/scene';
import { GRAPH_FONT } from '../render/style';
import type { Page, PageSymbol } from './layout';

/** Characters XML 1.0 cannot hold, even escaped: controls other than tab, LF and CR, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/**
 * Escapes text for use in SVG/XML content and double-quoted attribute values. Validated graph text
 * never holds a character XML cannot; text from elsewhere (a typed title) gets U+FFFD in its place.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
    );
}

const n = (v: number) => String(Math.round(v * 100) / 100);

/** An element with escaped attributes; `children` must already be markup produced here. */
function el(name: string, attrs: Record<string, string | number | undefined>, children = ''): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    s += ` ${k}="${escapeXml(typeof v === 'number' ? n(v) : v)}"`;
  }
  return children ? `${s}>${children}</${name}>` : `${s}/>`;
}

export interface SvgOptions {
  /** Page background; undefined for transparent. */
  background?: string;
  /** Colours of the title, legend labels, caption. */
  text: string;
  muted: string;
  /** Replaces every font family (e.g. 'helvetica' for PDF's built-in fonts). */
  fontFamily?: string;
  /** Draw only this part of the page (design units), e.g. one tile of a large raster. */
  viewBox?: Rect;
  /** width/height attributes; default the page's pixel size. */
  pixelWidth?: number;
  pixelHeight?: number;
  /** <title> of the document, for accessibility. */
  title?: string;
  /** Draw only these of the scene's elements (in this order), e.g. those one tile shows; default all. */
  elements?: readonly SceneElement[];
}

function opacityAttr(v: number): number | undefined {
  return v >= 1 ? undefined : Math.max(0, v);
}

/** PDF's built-in fonts have only normal and bold: numeric weights are mapped to one of them. */
function pdfWeight(weight: string | number): string {
  const w = weight === 'bold' || weight === 'bolder' ? 700 : Number(weight) || 400;
  return w >= 600 ? 'bold' : 'normal';
}

function textMarkup(t: SceneText, family: string, twoWeights: boolean): string {
  const font = {
    'font-family': family,
    'font-size': t.font.size,
    'font-weight': twoWeights ? pdfWeight(t.font.weight) : t.font.weight,
    'font-style': t.font.style === 'normal' ? undefined : t.font.style,
    'text-anchor': t.anchor,
  };
  const spans = t.lines.map((l) => el('tspan', { x: l.x, y: l.y }, escapeXml(l.text.trim()))).join('');
  let out = '';
  if (t.background) {
    const b = t.background;
    out += el('rect', {
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      rx: b.rounded ? 2 : undefined,
      fill: b.colour,
      'fill-opacity': opacityAttr(b.opacity),
    });
  }
  if (t.outline && t.outline.opacity > 0) {
    out += el(
      'text',
      {
        ...font,
        fill: 'none',
        stroke: t.outline.colour,
        'stroke-width': t.outline.width,
        'stroke-linejoin': 'round',
        'stroke-opacity': opacityAttr(t.outline.opacity),
        'aria-hidden': 'true',
      },
      spans,
    );
  }
  out += el('text', { ...font, fill: t.colour }, spans);
  const transform = t.rotation
    ? `translate(${n(t.rotation.x)} ${n(t.rotation.y)}) rotate(${n((t.rotation.angle * 180) / Math.PI)})`
    : undefined;
  return el('g', { transform, opacity: opacityAttr(t.opacity) }, out);
}

function nodeMarkup(node: SceneNode, family: string, twoWeights: boolean): string {
  let out = '';
  if (node.underlay) {
    const p = node.underlay.padding;
    out += el('path', {
      d: shapePath(node.shape, node.x, node.y, node.width + 2 * p, node.height + 2 * p),
      fill: node.underlay.colour,
      'fill-opacity': opacityAttr(node.underlay.opacity),
    });
  }
  const b = node.border;
  out += el('path', {
    d: shapePath(node.shape, node.x, node.y, node.width, node.height),
    fill: node.fill.opacity > 0 ? node.fill.colour : 'none',
    'fill-opacity': node.fill.opacity > 0 ? opacityAttr(node.fill.opacity) : undefined,
    stroke: b?.colour,
    'stroke-width': b?.width,
    'stroke-opacity': b ? opacityAttr(b.opacity) : undefined,
    'stroke-dasharray': b && b.dash.length > 0 ? b.dash.map(n).join(' ') : undefined,
  });
  if (node.label) out += textMarkup(node.label, family, twoWeights);
  return el('g', { 'data-id': node.id, opacity: opacityAttr(node.opacity) }, out);
}

function edgeD(edge: SceneEdge): string {
  const p = edge.path.points;
  let d = `M${n(p[0]!)},${n(p[1]!)}`;
  if (edge.path.type === 'bezier') {
    for (let i = 2; i + 3 < p.length; i += 4)
      d += `Q${n(p[i]!)},${n(p[i + 1]!)} ${n(p[i + 2]!)},${n(p[i + 3]!)}`;
  } else {
    for (let i = 2; i + 1 < p.length; i += 2) d += `L${n(p[i]!)},${n(p[i + 1]!)}`;
  }
  return d;
}

function edgeMarkup(edge: SceneEdge, family: string, twoWeights: boolean): string {
  const d = edgeD(edge);
  let out = '';
  if (edge.underlay) {
    out += el('path', {
      d,
      fill: 'none',
      stroke: edge.underlay.colour,
      'stroke-opacity': opacityAttr(edge.underlay.opacity),
      'stroke-width': edge.underlay.width,
      'stroke-linecap': 'round',
    });
  }
  const line = edge.line;
  // Cytoscape's dotted lines are 1px dashes with 1px gaps; stretched to the line width they read as dots.
  out += el('path', {
    d,
    fill: 'none',
    stroke: line.colour,
    'stroke-width': line.width,
    'stroke-opacity': opacityAttr(line.opacity),
    'stroke-linecap': line.cap === 'butt' ? undefined : line.cap,
    'stroke-linejoin': 'round',
    'stroke-dasharray': line.dash.length > 0 ? line.dash.map(n).join(' ') : undefined,
  });
  for (const a of edge.arrows) {
    const ad = arrowPath(a.shape, a.x, a.y, a.angle, a.size);
    if (!ad) continue;
    out += el('path', {
      d: ad,
      fill: a.hollow ? 'none' : a.colour,
      stroke: a.hollow ? a.colour : undefined,
      'stroke-width': a.hollow ? line.width : undefined,
      'fill-opacity': a.hollow ? undefined : opacityAttr(line.opacity),
    });
  }
  if (edge.label) out += textMarkup(edge.label, family, twoWeights);
  return el('g', { 'data-id': edge.id, opacity: opacityAttr(edge.opacity) }, out);
}

function symbolMarkup(s: PageSymbol, text: string): string {
  const sym = s.symbol;
  if (sym.type === 'shape') {
    return el('path', {
      d: shapePath(sym.shape, s.x + s.height / 2, s.y, s.height, s.height),
      fill: sym.colour,
    });
  }
  const x0 = s.x + 1;
  const x1 = s.x + s.width - 1;
  const w = s.height / 5;
  if (sym.type === 'arrow') {
    const head = s.height * 0.65;
    return (
      el('line', { x1: x0, y1: s.y, x2: x1 - head * 0.6, y2: s.y, stroke: sym.colour, 'stroke-width': w }) +
      el('path', {
        d: `M${n(x1 - head)},${n(s.y - head / 2)}L${n(x1)},${n(s.y)}L${n(x1 - head)},${n(s.y + head / 2)}Z`,
        fill: sym.colour,
      })
    );
  }
  return el('line', {
    x1: x0,
    y1: s.y,
    x2: x1,
    y2: s.y,
    stroke: text,
    'stroke-width': w,
    'stroke-linecap': 'round',
    'stroke-dasharray': sym.dash.length > 0 ? sym.dash.map((v) => n(v * (w / 2.5))).join(' ') : undefined,
    'stroke-opacity': opacityAttr(sym.opacity),
  });
}

/**
 * The SVG document for `page` drawing `scene`. Its viewBox is the page in design units (or
 * `viewBox` for a tile); its width and height are the page's pixel size (or the ones given).
 */
export function renderSvg(scene: Scene, page: Page, o: SvgOptions): string {
  const family = o.fontFamily ?? GRAPH_FONT;
  const twoWeights = o.fontFamily !== undefined;
  const vb = o.viewBox ?? { x: 0, y: 0, width: page.width, height: page.height };
  const g = page.graph;
  let body = '';
  if (o.title) body += el('title', {}, escapeXml(o.title));
  if (o.background) {
    body += el('rect', { x: 0, y: 0, width: page.width, height: page.height, fill: o.background });
  }
  const box = { x: g.x, y: g.y, width: g.bounds.width * g.scale, height: g.bounds.height * g.scale };
  let graph = '';
  for (const e of o.elements ?? scene.elements)
    graph += e.type === 'node' ? nodeMarkup(e, family, twoWeights) : edgeMarkup(e, family, twoWeights);
  const transform = `translate(${n(g.x)} ${n(g.y)}) scale(${g.scale}) translate(${n(-g.bounds.x)} ${n(-g.bounds.y)})`;
  if (g.clip) {
    body += el('defs', {}, el('clipPath', { id: 'graph-clip' }, el('rect', box)));
    body += el('g', { 'clip-path': 'url(#graph-clip)' }, el('g', { class: 'graph', transform }, graph));
  } else {
    body += el('g', { class: 'graph', transform }, graph);
  }
  for (const t of page.texts) {
    body += el(
      'text',
      {
        x: t.x,
        y: t.y,
        'font-family': family,
        'font-size': t.size,
        'font-weight': twoWeights ? pdfWeight(t.weight) : t.weight,
        'text-anchor': t.anchor === 'end' ? 'end' : undefined,
        fill: t.role === 'muted' ? o.muted : o.text,
      },
      escapeXml(t.text),
    );
  }
  for (const s of page.symbols) body += symbolMarkup(s, o.text);
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"` +
    ` width="${n(o.pixelWidth ?? page.pixelWidth)}" height="${n(o.pixelHeight ?? page.pixelHeight)}"` +
    ` viewBox="${n(vb.x)} ${n(vb.y)} ${n(vb.width)} ${n(vb.height)}"` +
    // Pixel sizes are rounded: stretch the viewBox onto them rather than leave a half-transparent edge.
    ` preserveAspectRatio="none">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}${body}</svg>\n`;
}
