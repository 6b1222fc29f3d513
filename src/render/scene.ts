// Captures what the canvas draws — positions, sizes, shapes, computed styles, label lines — as a
// plain serialisable Scene, so exports show exactly what the user sees (filters, focus, dimming,
// collapsed groups, layout, theme) without re-deriving anything from the data. What it reads of
// Cytoscape beyond the public API goes through ./cytoscapeInternals.ts.
import type {
  CollectionReturnValue,
  Core,
  EdgeSingular,
  NodeSingular,
  SingularElementArgument,
} from 'cytoscape';
import {
  arrowSize,
  dashPattern,
  drawingOrder,
  drawnLabel,
  edgeGeometry,
  nodeBodySize,
  refreshGeometry,
  styleColour,
  styleNumber,
  styleString,
} from './cytoscapeInternals';
import { THEMES, type ThemeName } from './palette';
import type { LabelRules } from './style';

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

const hex = ([r, g, b]: number[]): string =>
  '#' +
  [r, g, b]
    .map((v) =>
      Math.round(v ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');

function captureNode(node: NodeSingular): SceneNode {
  const pos = node.position();
  const size = nodeBodySize(node);
  const borderWidth = styleNumber(node, 'border-width');
  const borderOpacity = styleNumber(node, 'border-opacity', 'value');
  const underlayOpacity = styleNumber(node, 'underlay-opacity', 'value');
  const label = drawnLabel(node);
  return {
    type: 'node',
    id: node.id(),
    shape: styleString(node, 'shape'),
    x: pos.x,
    y: pos.y,
    width: size.width,
    height: size.height,
    fill: {
      colour: styleColour(node, 'background-color'),
      opacity: styleNumber(node, 'background-opacity', 'value'),
    },
    ...(borderWidth > 0 && borderOpacity > 0
      ? {
          border: {
            width: borderWidth,
            colour: styleColour(node, 'border-color'),
            opacity: borderOpacity,
            dash: dashPattern(node, 'border-style', 'border-dash-pattern'),
          },
        }
      : {}),
    opacity: node.effectiveOpacity(),
    ...(underlayOpacity > 0
      ? {
          underlay: {
            colour: styleColour(node, 'underlay-color'),
            opacity: underlayOpacity,
            padding: styleNumber(node, 'underlay-padding'),
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
  const geometry = edgeGeometry(edge);
  if (!geometry) return undefined;
  const width = styleNumber(edge, 'width');
  const arrows: SceneArrow[] = [];
  for (const { end, x, y, angle } of geometry.ends) {
    const shape = styleString(edge, `${end}-arrow-shape`);
    if (shape === 'none') continue;
    arrows.push({
      shape,
      x,
      y,
      angle,
      size: arrowSize(edge),
      colour: styleColour(edge, `${end}-arrow-color`),
      hollow: styleString(edge, `${end}-arrow-fill`) === 'hollow',
    });
  }
  const underlayOpacity = styleNumber(edge, 'underlay-opacity', 'value');
  const label = drawnLabel(edge);
  const cap = styleString(edge, 'line-cap');
  return {
    type: 'edge',
    id: edge.id(),
    path: { type: geometry.curved ? 'bezier' : 'polyline', points: geometry.points },
    line: {
      width,
      colour: styleColour(edge, 'line-color'),
      opacity: styleNumber(edge, 'line-opacity', 'value'),
      dash: dashPattern(edge, 'line-style', 'line-dash-pattern'),
      cap: cap === 'round' || cap === 'square' ? cap : 'butt',
    },
    opacity: styleNumber(edge, 'opacity', 'value'),
    arrows,
    ...(underlayOpacity > 0
      ? {
          underlay: {
            colour: styleColour(edge, 'underlay-color'),
            opacity: underlayOpacity,
            width: 2 * styleNumber(edge, 'underlay-padding'),
          },
        }
      : {}),
    ...(label ? { label } : {}),
    ...(edge.data('category') !== undefined ? { category: String(edge.data('category')) } : {}),
    ...(edge.data('certainty') !== undefined ? { certainty: String(edge.data('certainty')) } : {}),
    claims: claimsOf(edge),
  };
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

/**
 * What a scene is captured from: a Cytoscape instance that draws (canvas or WebGL), and a way to
 * draw its labels as they are at a given zoom while the capture runs. GraphView is one.
 */
export interface SceneSource {
  readonly cy: Core;
  withLabelsAt<T>(zoom: number, fn: () => T): T;
  /** The label rules the canvas draws with now, when known: a capture under the same rules restyles nothing. */
  readonly labelRules?: LabelRules;
  /** A layout still placing the actors (GraphView runs it in a worker): the scene is not settled. */
  readonly layoutRunning?: boolean;
  /** Elements still being added to the canvas (a large graph's edges come in batches). */
  readonly drawingPending?: boolean;
  /** Lines already added but not yet drawn (held back until the rest of their batch is in). */
  readonly undrawnLines?: ReadonlySet<string>;
  /** Puts actors still moving to their places in parts there at once (a large graph's layout arriving). */
  placeNow?(): void;
}

/**
 * Captures the scene the canvas draws, limited to `scope`: the whole graph, what is inside the
 * viewport, or the selected elements (with the endpoints of selected relations and the relations
 * between selected actors). Hidden and fully transparent elements are left out. Throws
 * SceneScopeError when the scope is empty.
 */
export function captureScene(
  view: SceneSource,
  scope: SceneScope,
  labelZoom: number | 'as-drawn' = 1,
): Scene {
  view.placeNow?.();
  // The viewport shows the labels legible at the screen's zoom; the whole graph or a selection is
  // drawn at its own scale, with the labels legible at `labelZoom` (1: as at the graph's own size),
  // or as the canvas draws them now ('as-drawn').
  if (scope === 'viewport' || labelZoom === 'as-drawn') return capture(view, scope);
  return view.withLabelsAt(labelZoom, () => capture(view, scope));
}

function capture(view: SceneSource, scope: SceneScope): Scene {
  const cy = view.cy;
  const container = cy.container();
  const theme = themeOf(container);
  const undrawn = view.undrawnLines;
  const shown = (ele: SingularElementArgument) =>
    !undrawn?.has(ele.id()) &&
    ele.visible() &&
    ele.effectiveOpacity() > 0 &&
    (ele.isNode() || styleNumber(ele as EdgeSingular, 'opacity', 'value') > 0);

  let included: CollectionReturnValue = cy.elements().filter(shown);
  if (scope === 'selection') {
    const selected = cy.elements(':selected').filter(shown);
    if (selected.empty()) throw new SceneScopeError('empty-selection');
    const nodes = selected.nodes().union(selected.edges().connectedNodes()).filter(shown);
    included = nodes.union(selected.edges()).union(nodes.edgesWith(nodes).filter(shown));
  }
  if (included.empty()) throw new SceneScopeError('empty-graph');
  // Projections are brought up to date before they are read: a style change just made (labels at
  // another zoom) or a renderer that has not drawn them yet leaves them stale.
  const box = refreshGeometry(included);

  // Labels the stylesheet hides (too small at this zoom) have text-opacity 0 and are left out.
  const ids = new Set(included.map((e) => e.id()));
  const elements: SceneElement[] = [];
  for (const ele of drawingOrder(cy)) {
    if (!ids.has(ele.id())) continue;
    if (ele.isNode()) elements.push(captureNode(ele));
    else {
      const edge = captureEdge(ele);
      if (edge) elements.push(edge);
    }
  }

  let bounds: Rect;
  if (scope === 'viewport') {
    const ext = cy.extent();
    bounds = { x: ext.x1, y: ext.y1, width: ext.w, height: ext.h };
  } else {
    bounds = { x: box.x1, y: box.y1, width: box.w, height: box.h };
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

/**
 * True when nothing on the canvas is moving: no layout running or transition, no elements still
 * being added, no camera animation.
 */
export function sceneSettled(view: SceneSource): boolean {
  const cy = view.cy;
  if (view.layoutRunning || view.drawingPending) return false;
  return !cy.animated() && !cy.elements().some((e) => (e as NodeSingular | EdgeSingular).animated());
}
