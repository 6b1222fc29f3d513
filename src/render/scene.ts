// Captures what the canvas draws — positions, sizes, shapes, computed styles, label lines — as a
// plain serialisable Scene, so exports show exactly what the user sees (filters, focus, dimming,
// collapsed groups, layout, theme) without re-deriving anything from the data.
import type {
  CollectionReturnValue,
  Core,
  EdgeSingular,
  NodeSingular,
  SingularElementArgument,
} from 'cytoscape';
import type { GraphView } from './graphView';
import { THEMES, type ThemeName } from './palette';

export type SceneScope = 'graph' | 'viewport' | 'selection';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneFont {
  family: string;
  size: number; // px
  weight: string;
  style: string;
}

/** A label as drawn: each line's alphabetic baseline position, in the label's (possibly rotated) frame. */
export interface SceneText {
  lines: { text: string; x: number; y: number }[];
  anchor: 'start' | 'middle' | 'end';
  font: SceneFont;
  colour: string;
  opacity: number;
  /** The halo around the letters: stroke width (twice Cytoscape's text-outline-width). */
  outline?: { colour: string; width: number; opacity: number };
  /** Rotation in radians about (x, y), applied to lines and background. */
  rotation?: { angle: number; x: number; y: number };
  background?: Rect & { colour: string; opacity: number; rounded: boolean };
}

export interface SceneStroke {
  width: number;
  colour: string;
  opacity: number;
  /** Dash lengths; empty for a solid line. */
  dash: number[];
}

export interface SceneNode {
  type: 'node';
  id: string;
  shape: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: { colour: string; opacity: number };
  border?: SceneStroke;
  /** Opacity of the whole node, its label included (Cytoscape's effective opacity). */
  opacity: number;
  underlay?: { colour: string; opacity: number; padding: number };
  label?: SceneText;
  isParent: boolean;
  kind?: string;
}

export interface SceneArrow {
  shape: string;
  x: number;
  y: number;
  angle: number; // radians
  size: number; // px, Cytoscape's arrow width
  colour: string;
  hollow: boolean;
}

export interface SceneEdge {
  type: 'edge';
  id: string;
  /** bezier: start, then (control, end) pairs of quadratic curves; straight/segments: polyline. */
  path: { type: 'bezier' | 'polyline'; points: number[] };
  line: SceneStroke & { cap: 'butt' | 'round' | 'square' };
  /** Opacity of the whole edge with its arrows and label. */
  opacity: number;
  arrows: SceneArrow[];
  underlay?: { colour: string; opacity: number; width: number };
  label?: SceneText;
  category?: string;
  certainty?: string;
  /** Ids of the claims the line stands for (one, or several for a bundled line). */
  claims: string[];
}

export type SceneElement = SceneNode | SceneEdge;

export interface Scene {
  scope: SceneScope;
  theme: ThemeName;
  /** The canvas background colour the user sees. */
  background: string;
  /** Elements in drawing order (back to front), model coordinates. */
  elements: SceneElement[];
  /** The region to export in model coordinates: drawn elements with labels, or the viewport. */
  bounds: Rect;
  /** For the viewport scope: the drawn area is clipped to `bounds`. */
  clip: boolean;
  /** Zoom of the canvas when captured (screen px per model unit). */
  zoom: number;
}

/** What a scope needs that may be missing, e.g. a selection. */
export class SceneScopeError extends Error {
  constructor(readonly code: 'empty-selection' | 'empty-graph') {
    super(
      code === 'empty-selection'
        ? 'Nothing is selected: select an actor or a relation, or export the whole graph.'
        : 'Nothing is drawn: there is no graph to export.',
    );
  }
}

type Rgb = [number, number, number];

function hex([r, g, b]: Rgb): string {
  return '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

/** A computed style value (Cytoscape's `pstyle`, missing from its type declarations). */
interface ParsedStyle {
  value: unknown;
  strValue?: string;
  pfValue?: unknown;
}

function ps(ele: SingularElementArgument, prop: string): ParsedStyle {
  return (ele as unknown as { pstyle(p: string): ParsedStyle }).pstyle(prop);
}

function colour(ele: SingularElementArgument, prop: string): string {
  return hex(ps(ele, prop).value as Rgb);
}

function num(ele: SingularElementArgument, prop: string, field: 'value' | 'pfValue' = 'pfValue'): number {
  const v = ps(ele, prop)[field];
  return typeof v === 'number' ? v : Number(v) || 0;
}

function str(ele: SingularElementArgument, prop: string): string {
  return String(ps(ele, prop).strValue ?? ps(ele, prop).value);
}

/** Cytoscape's private per-element render scratchpad: the exact geometry the canvas renderer used. */
interface RenderScratch {
  labelX?: number;
  labelY?: number;
  labelAngle?: number;
  labelWidth?: number;
  labelHeight?: number;
  labelLineHeight?: number;
  labelActualDescent?: number;
  labelWrapCachedLines?: string[];
  edgeType?: string;
  allpts?: number[];
  badLine?: boolean;
  arrowStartX?: number;
  arrowStartY?: number;
  arrowEndX?: number;
  arrowEndY?: number;
  srcArrowAngle?: number;
  tgtArrowAngle?: number;
  midX?: number;
  midY?: number;
  midtgtArrowAngle?: number;
  midsrcArrowAngle?: number;
}

function scratch(ele: SingularElementArgument): RenderScratch {
  return (ele as unknown as { _private: { rscratch: RenderScratch } })._private.rscratch;
}

const BOX_HALIGN: Record<string, string> = {
  left: 'left',
  'right-inside': 'left',
  right: 'right',
  'left-inside': 'right',
};
const JUSTIFY_AUTO: Record<string, string> = {
  left: 'right',
  right: 'left',
  'left-inside': 'left',
  'right-inside': 'right',
};

let measureContext: CanvasRenderingContext2D | null | undefined;

/**
 * Where the alphabetic baseline lies relative to Canvas' "bottom" baseline for a font, in px down
 * (negative: above). Chromium reports `alphabeticBaseline` as the distance up from the textBaseline line.
 */
function bottomToAlphabetic(font: string, size: number): number {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return -0.22 * size;
  measureContext.font = font;
  measureContext.textBaseline = 'bottom';
  const up = measureContext.measureText('Hg').alphabeticBaseline;
  return Number.isFinite(up) && Math.abs(up) < size ? -Math.abs(up) : -0.22 * size;
}

/** Mirrors Cytoscape's canvas `drawText` for the main label, resolving every line's position. */
function captureLabel(ele: SingularElementArgument): SceneText | undefined {
  const rs = scratch(ele);
  const text = String(ps(ele, 'label').strValue ?? '');
  if (!text || rs.labelX === undefined || rs.labelY === undefined) return undefined;
  if (Number.isNaN(rs.labelX) || Number.isNaN(rs.labelY) || rs.badLine) return undefined;
  const textOpacity = num(ele, 'text-opacity', 'value');
  if (textOpacity === 0) return undefined;
  const size = num(ele, 'font-size');

  const font: SceneFont = {
    family: str(ele, 'font-family'),
    size,
    weight: str(ele, 'font-weight'),
    style: str(ele, 'font-style'),
  };
  const isEdge = ele.isEdge();
  const halign = isEdge ? 'center' : str(ele, 'text-halign');
  const valign = isEdge ? 'center' : str(ele, 'text-valign');
  let x = rs.labelX + num(ele, 'text-margin-x');
  let y = rs.labelY + num(ele, 'text-margin-y');
  const textW = rs.labelWidth ?? 0;
  const textH = rs.labelHeight ?? size;
  let rotation: SceneText['rotation'];
  const rot = ps(ele, 'text-rotation');
  const angle =
    rot.strValue === 'autorotate'
      ? isEdge
        ? (rs.labelAngle ?? 0)
        : 0
      : rot.strValue === 'none'
        ? 0
        : num(ele, 'text-rotation');
  if (angle) rotation = { angle, x, y };
  if (angle) {
    x = 0;
    y = 0;
  }
  if (valign === 'center') y += textH / 2;
  else if (valign === 'bottom') y += textH;

  let background: SceneText['background'];
  const bgOpacity = num(ele, 'text-background-opacity', 'value');
  if (bgOpacity > 0) {
    const pad = num(ele, 'text-background-padding');
    let bx = x - pad;
    const boxHalign = BOX_HALIGN[halign] ?? 'center';
    if (boxHalign === 'left') bx -= textW;
    else if (boxHalign === 'center') bx -= textW / 2;
    background = {
      x: bx,
      y: y - textH - pad,
      width: textW + 2 * pad,
      height: textH + 2 * pad,
      colour: colour(ele, 'text-background-color'),
      opacity: bgOpacity,
      rounded: /round/.test(str(ele, 'text-background-shape')),
    };
  }
  y -= rs.labelActualDescent ?? 0;

  const wrap = str(ele, 'text-wrap') === 'wrap';
  const lines = wrap && rs.labelWrapCachedLines?.length ? rs.labelWrapCachedLines : [text];
  const lineHeight = rs.labelLineHeight ?? size * num(ele, 'line-height', 'value');
  // Canvas aligns text by the label's justification ('auto' follows halign); wrapped text with an
  // explicit justification is shifted within the label box.
  const justification = str(ele, 'text-justification');
  const align = isEdge
    ? 'center'
    : justification === 'auto'
      ? (JUSTIFY_AUTO[halign] ?? 'center')
      : justification;
  if (wrap && !isEdge && justification !== 'auto') {
    const boxHalign = BOX_HALIGN[halign] ?? 'center';
    const shift: Record<string, Record<string, number>> = {
      left: { left: -textW, center: -textW / 2 },
      center: { left: -textW / 2, right: textW / 2 },
      right: { center: textW / 2, right: textW },
    };
    x += shift[boxHalign]?.[justification] ?? 0;
  }
  if (wrap) y -= (lines.length - 1) * lineHeight;
  const baseline = bottomToAlphabetic(
    `${font.style} ${font.weight} ${font.size}px ${font.family}`,
    font.size,
  );
  const outlineWidth = 2 * num(ele, 'text-outline-width');
  const opacity = textOpacity;
  return {
    lines: lines.map((line, i) => ({ text: line, x, y: y + i * lineHeight + baseline })),
    anchor: align === 'left' ? 'start' : align === 'right' ? 'end' : 'middle',
    font,
    colour: colour(ele, 'color'),
    opacity,
    ...(outlineWidth > 0
      ? {
          outline: {
            colour: colour(ele, 'text-outline-color'),
            width: outlineWidth,
            opacity: num(ele, 'text-outline-opacity', 'value'),
          },
        }
      : {}),
    ...(rotation ? { rotation } : {}),
    ...(background ? { background } : {}),
  };
}

function dashOf(ele: SingularElementArgument, styleProp: string, patternProp?: string): number[] {
  const style = str(ele, styleProp);
  if (style === 'dotted') return [1, 1];
  if (style === 'dashed') {
    return patternProp ? ((ps(ele, patternProp).pfValue as number[] | undefined) ?? [6, 3]) : [4, 2];
  }
  return [];
}

function captureNode(node: NodeSingular): SceneNode {
  const pos = node.position();
  // The canvas draws a node's body with its padding (which sizes compound nodes around their members).
  const padding = (node as unknown as { padding(): number }).padding();
  const borderWidth = num(node, 'border-width');
  const borderOpacity = num(node, 'border-opacity', 'value');
  const underlayOpacity = num(node, 'underlay-opacity', 'value');
  const label = captureLabel(node);
  return {
    type: 'node',
    id: node.id(),
    shape: str(node, 'shape'),
    x: pos.x,
    y: pos.y,
    width: node.width() + 2 * padding,
    height: node.height() + 2 * padding,
    fill: { colour: colour(node, 'background-color'), opacity: num(node, 'background-opacity', 'value') },
    ...(borderWidth > 0 && borderOpacity > 0
      ? {
          border: {
            width: borderWidth,
            colour: colour(node, 'border-color'),
            opacity: borderOpacity,
            dash: dashOf(node, 'border-style', 'border-dash-pattern'),
          },
        }
      : {}),
    opacity: node.effectiveOpacity(),
    ...(underlayOpacity > 0
      ? {
          underlay: {
            colour: colour(node, 'underlay-color'),
            opacity: underlayOpacity,
            padding: num(node, 'underlay-padding'),
          },
        }
      : {}),
    ...(label ? { label } : {}),
    isParent: node.isParent(),
    ...(node.data('kind') !== undefined ? { kind: String(node.data('kind')) } : {}),
  };
}

function claimsOf(edge: EdgeSingular): string[] {
  for (const key of ['claims', 'members', 'edges']) {
    const v: unknown = edge.data(key);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  }
  return [edge.id()];
}

function captureEdge(edge: EdgeSingular): SceneEdge | undefined {
  const rs = scratch(edge);
  const pts = rs.allpts;
  if (rs.badLine || !pts || pts.length < 4 || Number.isNaN(pts[0])) return undefined;
  const curved = ['bezier', 'multibezier', 'self', 'compound'].includes(rs.edgeType ?? '');
  const width = num(edge, 'width');
  const lineOpacity = num(edge, 'line-opacity', 'value');
  const arrowScale = num(edge, 'arrow-scale', 'value');
  const size = Math.max(Math.pow(width * 13.37, 0.9), 29) * arrowScale;
  const arrows: SceneArrow[] = [];
  const ends: [string, number | undefined, number | undefined, number | undefined][] = [
    ['source', rs.arrowStartX, rs.arrowStartY, rs.srcArrowAngle],
    ['mid-target', rs.midX, rs.midY, rs.midtgtArrowAngle],
    ['mid-source', rs.midX, rs.midY, rs.midsrcArrowAngle],
    ['target', rs.arrowEndX, rs.arrowEndY, rs.tgtArrowAngle],
  ];
  for (const [prefix, x, y, angle] of ends) {
    const shape = str(edge, `${prefix}-arrow-shape`);
    if (shape === 'none' || x === undefined || y === undefined || angle === undefined) continue;
    if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(angle)) continue;
    arrows.push({
      shape,
      x,
      y,
      angle,
      size,
      colour: colour(edge, `${prefix}-arrow-color`),
      hollow: str(edge, `${prefix}-arrow-fill`) === 'hollow',
    });
  }
  const underlayOpacity = num(edge, 'underlay-opacity', 'value');
  const label = captureLabel(edge);
  const cap = str(edge, 'line-cap');
  return {
    type: 'edge',
    id: edge.id(),
    path: { type: curved ? 'bezier' : 'polyline', points: [...pts] },
    line: {
      width,
      colour: colour(edge, 'line-color'),
      opacity: lineOpacity,
      dash: dashOf(edge, 'line-style', 'line-dash-pattern'),
      cap: cap === 'round' || cap === 'square' ? cap : 'butt',
    },
    opacity: num(edge, 'opacity', 'value'),
    arrows,
    ...(underlayOpacity > 0
      ? {
          underlay: {
            colour: colour(edge, 'underlay-color'),
            opacity: underlayOpacity,
            width: 2 * num(edge, 'underlay-padding'),
          },
        }
      : {}),
    ...(label ? { label } : {}),
    ...(edge.data('category') !== undefined ? { category: String(edge.data('category')) } : {}),
    ...(edge.data('certainty') !== undefined ? { certainty: String(edge.data('certainty')) } : {}),
    claims: claimsOf(edge),
  };
}

/** Elements in the order the canvas draws them (Cytoscape's z-order), back to front. */
function drawingOrder(cy: Core): SingularElementArgument[] {
  const renderer = (
    cy as unknown as { renderer(): { getCachedZSortedEles?(force?: boolean): SingularElementArgument[] } }
  ).renderer();
  const sorted = renderer.getCachedZSortedEles?.(true);
  if (sorted) return [...sorted];
  const parents = cy.nodes(':parent').toArray();
  return [...parents, ...cy.edges().toArray(), ...cy.nodes(':childless').toArray()];
}

function themeOf(container: HTMLElement | null): ThemeName {
  const t = container?.closest('[data-theme]')?.getAttribute('data-theme');
  return t === 'dark' ? 'dark' : 'light';
}

function backgroundOf(container: HTMLElement | null, theme: ThemeName): string {
  for (let el: HTMLElement | null = container; el; el = el.parentElement) {
    const bg = getComputedStyle(el).backgroundColor;
    const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(bg);
    if (m && (m[4] === undefined || Number(m[4]) > 0.99))
      return hex([Number(m[1]), Number(m[2]), Number(m[3])]);
  }
  return THEMES[theme].background;
}

function unionBox(eles: CollectionReturnValue): Rect {
  const bb = eles.boundingBox({
    includeLabels: true,
    includeOverlays: false,
    includeUnderlays: true,
  } as never);
  return { x: bb.x1, y: bb.y1, width: bb.w, height: bb.h };
}

/**
 * Captures the scene the canvas draws, limited to `scope`: the whole graph, what is inside the
 * viewport, or the selected elements (with the endpoints of selected relations and the relations
 * between selected actors). Hidden and fully transparent elements are left out. Throws
 * SceneScopeError when the scope is empty.
 */
export function captureScene(view: GraphView, scope: SceneScope): Scene {
  // The viewport shows the labels legible at the screen's zoom; the whole graph or a selection is
  // drawn at its own scale, with the labels legible at zoom 1.
  return scope === 'viewport' ? capture(view, scope) : view.withLabelsAt(1, () => capture(view, scope));
}

function capture(view: GraphView, scope: SceneScope): Scene {
  const cy = view.cy;
  const container = cy.container();
  const theme = themeOf(container);
  const shown = (ele: SingularElementArgument) =>
    ele.visible() && ele.effectiveOpacity() > 0 && (ele.isNode() || num(ele, 'opacity', 'value') > 0);

  let included: CollectionReturnValue = cy.elements().filter(shown);
  if (scope === 'selection') {
    const selected = cy.elements(':selected').filter(shown);
    if (selected.empty()) throw new SceneScopeError('empty-selection');
    const nodes = selected.nodes().union(selected.edges().connectedNodes()).filter(shown);
    included = nodes.union(selected.edges()).union(nodes.edgesWith(nodes).filter(shown));
  }
  if (included.empty()) throw new SceneScopeError('empty-graph');

  // Labels the stylesheet hides (too small at this zoom) have text-opacity 0 and are left out.
  const ids = new Set(included.map((e) => e.id()));
  const elements: SceneElement[] = [];
  for (const ele of drawingOrder(cy)) {
    if (!ids.has(ele.id())) continue;
    if (ele.isNode()) elements.push(captureNode(ele as NodeSingular));
    else {
      const edge = captureEdge(ele as EdgeSingular);
      if (edge) elements.push(edge);
    }
  }

  let bounds: Rect;
  if (scope === 'viewport') {
    const ext = cy.extent();
    bounds = { x: ext.x1, y: ext.y1, width: ext.w, height: ext.h };
  } else {
    bounds = unionBox(included);
  }
  return {
    scope,
    theme,
    background: backgroundOf(container, theme),
    elements,
    bounds,
    clip: scope === 'viewport',
    zoom: cy.zoom(),
  };
}

/** True when nothing on the canvas is moving (no layout transition or camera animation running). */
export function sceneSettled(view: GraphView): boolean {
  const cy = view.cy;
  if (view.layoutRunning || view.drawingPending) return false;
  return !cy.animated() && !cy.elements().some((e) => (e as unknown as { animated(): boolean }).animated());
}
