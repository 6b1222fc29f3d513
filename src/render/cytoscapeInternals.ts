// The one place that reads Cytoscape's private state for the scene capture (./scene.ts): computed
// styles (`pstyle`), the render scratchpad (`_private.rscratch`), the renderer's label and arrow
// helpers, its z-sorted element cache, and the copy of its canvas `drawText` placement. Written
// against the Cytoscape version below; src/e2e/cytoscapeInternals.test.ts checks every internal
// named here on a drawn graph and says what to update when an upgrade changes one. It also holds the
// changes the app makes to Cytoscape's drawing (keepDrawingFromRestyling, holdDrawing), for the same
// reason.
import type {
  BoundingBox12,
  CollectionReturnValue,
  Core,
  EdgeSingular,
  ElementDefinition,
  NodeSingular,
} from 'cytoscape';
import type { SceneFont, SceneText } from './scene';

type Element = NodeSingular | EdgeSingular;

/** The Cytoscape release (package.json) whose internals this module was written for and checked against. */
export const CYTOSCAPE_WRITTEN_FOR = '3.34.4';

/** An internal this module relies on is missing or changed shape (a Cytoscape upgrade). */
export class CytoscapeInternalsError extends Error {
  constructor(readonly internal: string) {
    super(
      `Cytoscape's ${internal} is not what src/render/cytoscapeInternals.ts expects ` +
        `(written for Cytoscape ${CYTOSCAPE_WRITTEN_FOR}); run src/e2e/cytoscapeInternals.test.ts.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Computed styles: `ele.pstyle(name)`, missing from Cytoscape's type declarations.

/** A computed style value: `value` as parsed (colours are [r, g, b]), `pfValue` in px, `strValue` as text. */
export interface ParsedStyle {
  value: unknown;
  strValue?: string;
  pfValue?: unknown;
  units?: string;
}

/** The computed value of style property `prop` (Cytoscape's `ele.pstyle`). */
export function parsedStyle(ele: Element, prop: string): ParsedStyle {
  const p = (ele as unknown as { pstyle?(name: string): ParsedStyle | undefined }).pstyle?.(prop);
  if (!p) throw new CytoscapeInternalsError(`ele.pstyle('${prop}')`);
  return p;
}

const hex = (rgb: readonly number[]): string =>
  '#' + rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

/** A colour property as #rrggbb (its opacity is a property of its own). */
export function styleColour(ele: Element, prop: string): string {
  const v = parsedStyle(ele, prop).value;
  return Array.isArray(v) && v.length >= 3 ? hex(v.slice(0, 3) as number[]) : '#000000';
}

/** A numeric property: `pfValue` (px) for lengths, `value` for plain numbers such as opacities. */
export function styleNumber(ele: Element, prop: string, field: 'value' | 'pfValue' = 'pfValue'): number {
  const v = parsedStyle(ele, prop)[field];
  return typeof v === 'number' ? v : Number(v) || 0;
}

/** A keyword or text property as a string. */
export function styleString(ele: Element, prop: string): string {
  const p = parsedStyle(ele, prop);
  return String(p.strValue ?? p.value);
}

/**
 * The dash pattern the canvas strokes with for a `…-style` property: dotted is 1 px on, 1 px off;
 * dashed edges use their `line-dash-pattern`, dashed node borders `border-dash-pattern`, and label
 * borders 4, 2 (mirrors drawEdgePath and drawNode). Empty for a solid line.
 */
export function dashPattern(ele: Element, styleProp: string, patternProp?: string): number[] {
  const style = styleString(ele, styleProp);
  if (style === 'dotted') return [1, 1];
  if (style !== 'dashed') return [];
  if (!patternProp) return [4, 2];
  const pattern = parsedStyle(ele, patternProp).pfValue;
  return Array.isArray(pattern) ? (pattern as number[]) : [6, 3];
}

// ---------------------------------------------------------------------------------------------
// Geometry: the render scratchpad, filled by the renderer's projections (canvas and WebGL alike).

/** The fields of `ele._private.rscratch` read here, as Cytoscape fills them. */
interface RenderScratch {
  labelX?: number;
  labelY?: number;
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

function scratch(ele: Element): RenderScratch {
  const rs = (ele as unknown as { _private?: { rscratch?: RenderScratch } })._private?.rscratch;
  if (!rs) throw new CytoscapeInternalsError('ele._private.rscratch');
  return rs;
}

/** The renderer's helpers used here (all on Cytoscape's base renderer, so WebGL mode has them too). */
interface Renderer {
  webgl?: boolean;
  getCachedZSortedEles?(forceRecalc?: boolean): Element[];
  getLabelText?(ele: Element, prefix: string | null): string;
  getTextAngle?(ele: Element, prefix: string | null): number;
  getLabelJustification?(ele: Element): string;
  getArrowWidth?(edgeWidth: number, scale: number): number;
}

function renderer(cy: Core): Renderer | undefined {
  return (cy as unknown as { renderer(): Renderer | null | undefined }).renderer() ?? undefined;
}

function rendererOf(ele: Element): Renderer {
  const r = renderer(ele.cy());
  if (!r) throw new CytoscapeInternalsError('cy.renderer()');
  return r;
}

function helper<K extends keyof Renderer>(r: Renderer, name: K): NonNullable<Renderer[K]> {
  const fn = r[name];
  if (typeof fn !== 'function') throw new CytoscapeInternalsError(`renderer.${name}()`);
  return (fn as (...args: unknown[]) => unknown).bind(r) as NonNullable<Renderer[K]>;
}

/** Marks the element prototype whose updateStyle keepDrawingFromRestyling has wrapped. */
const QUIET_WHILE_DRAWN = Symbol('updateStyle quiet while a node is drawn');
/** The node keepDrawingFromRestyling's drawNode is drawing, while it does. */
let beingDrawn: unknown;

/**
 * Stops drawing a node from restyling it. Cytoscape (3.34) paints a node's background images in two
 * passes, under and over its border, and sets the node's `:backgrounding` state after each; with no
 * image at all the two passes disagree, so the state flips twice per node drawn and each flip calls
 * `updateStyle`. With groups that restyles the node's whole family: every member of every group
 * box drawn (and boxes are drawn each frame) has its style recomputed at the next frame, about 900
 * nodes a frame on the 1k graph. The app uses no background images, so for a node without one the
 * flip is skipped and the state left as it was; a node with images is drawn untouched.
 */
export function keepDrawingFromRestyling(cy: Core): void {
  const r = renderer(cy) as unknown as
    { drawNode?: (context: unknown, node: NodeSingular, ...rest: unknown[]) => unknown } | undefined;
  if (!r) return; // headless: nothing is drawn
  const draw = r.drawNode;
  if (typeof draw !== 'function') throw new CytoscapeInternalsError('renderer.drawNode()');
  // Elements share one prototype: its updateStyle is wrapped once to do nothing for the node being
  // drawn (elements themselves are left alone: adding and deleting a method on each would cost V8).
  const proto = Object.getPrototypeOf(cy.collection()) as Record<string | symbol, unknown>;
  const update = proto.updateStyle;
  if (typeof update !== 'function') throw new CytoscapeInternalsError('collection.updateStyle()');
  if (!proto[QUIET_WHILE_DRAWN]) {
    proto.updateStyle = function (this: unknown, ...args: unknown[]) {
      return this === beingDrawn ? this : (update as (...a: unknown[]) => unknown).apply(this, args);
    };
    proto[QUIET_WHILE_DRAWN] = true;
  }
  r.drawNode = function (this: unknown, context, node, ...rest) {
    const images = parsedStyle(node, 'background-image').value;
    if (Array.isArray(images) && images.some((url) => url !== 'none' && url != null))
      return draw.call(this, context, node, ...rest);
    const state = (node as unknown as { _private: { backgrounding?: boolean } })._private;
    const before = state.backgrounding;
    beingDrawn = node;
    try {
      return draw.call(this, context, node, ...rest);
    } finally {
      beingDrawn = undefined;
      state.backgrounding = before;
    }
  };
}

/**
 * Work Cytoscape does for each changed property, put off to the end of a style application.
 * `marked` gathers the elements while Style.apply runs (made at the first one); `flush` then does the
 * work once for all of them.
 */
interface Deferral {
  marked: Set<unknown> | undefined;
  flush(cy: Core, eles: unknown[]): void;
}
/** The deferrals in force, flushed in the order they were registered. */
const deferrals: Deferral[] = [];
/** True while the outermost Style.apply runs. */
let applying = false;
/** Set on Cytoscape's Style prototype once its apply has been wrapped for the deferrals. */
const APPLY_DEFERS = Symbol('actor-graph: Style.apply defers marks to its end');

/**
 * Wraps Style.apply once for every deferral: while the outermost call runs, `defer` gathers; when it
 * returns, each deferral that gathered anything is flushed, once. A flush runs outside the
 * application, so a style applied by a listener it wakes is an application of its own.
 */
function deferDuringApply(styleProto: Record<string | symbol, unknown>, deferral: Deferral): void {
  deferrals.push(deferral);
  if (styleProto[APPLY_DEFERS]) return;
  const apply = styleProto.apply as ((this: unknown, ...a: unknown[]) => unknown) | undefined;
  if (typeof apply !== 'function') throw new CytoscapeInternalsError('style.apply()');
  styleProto.apply = function (this: { _private: { cy: Core } }, ...args: unknown[]) {
    if (applying) return apply.apply(this, args); // nested
    applying = true;
    try {
      return apply.apply(this, args);
    } finally {
      applying = false;
      for (const d of deferrals) {
        const marked = d.marked;
        if (!marked) continue;
        d.marked = undefined;
        d.flush(this._private.cy, [...marked]);
      }
    }
  };
  styleProto[APPLY_DEFERS] = true;
}

/** Gathers `ele` for `deferral`; called only while a style application runs (`applying`). */
function defer(deferral: Deferral, ele: unknown): void {
  (deferral.marked ??= new Set()).add(ele);
}

/** Set on Cytoscape's shared prototypes once dirtyStyleCachesOnce has wrapped them. */
const DIRTIED_ONCE = Symbol('actor-graph: style caches dirtied once per apply');

/**
 * Makes applying styles to many elements of a graph with groups cost in proportion to the elements.
 * Cytoscape (3.34) marks an element's computed-style cache (`visible()`, `effectiveOpacity()`…)
 * dirty after each of its properties that changes, and on a graph with compound nodes each mark
 * builds collections of the element's parents, descendants and their edges: on the 20k graph that
 * was half of the task drawing its first picture, and most of a whole-graph SVG export's restyle.
 * While Style.apply runs (nothing reads those caches then), the marks are gathered; when it
 * returns, they are made once for all the marked elements together, with the same reach.
 */
export function dirtyStyleCachesOnce(cy: Core): void {
  const styleProto = Object.getPrototypeOf(cy.style()) as Record<string | symbol, unknown>;
  const eleProto = Object.getPrototypeOf(cy.collection()) as Record<string | symbol, unknown>;
  if (styleProto[DIRTIED_ONCE]) return;
  const dirty = eleProto.dirtyStyleCache as ((this: unknown, ...a: unknown[]) => unknown) | undefined;
  if (typeof styleProto.apply !== 'function') throw new CytoscapeInternalsError('style.apply()');
  if (typeof dirty !== 'function') throw new CytoscapeInternalsError('collection.dirtyStyleCache()');
  const caches: Deferral = {
    marked: undefined,
    flush: (cy, eles) => void dirty.call(cy.collection(eles as never)),
  };
  eleProto.dirtyStyleCache = function (this: ArrayLike<unknown>, ...args: unknown[]) {
    if (!applying) return dirty.apply(this, args);
    for (let i = 0; i < this.length; i++) defer(caches, this[i]);
    return this;
  };
  deferDuringApply(styleProto, caches);
  styleProto[DIRTIED_ONCE] = true;
}

/** Set on Cytoscape's Style prototype once dirtyBoundsOnce has wrapped it. */
const BOUNDS_ONCE = Symbol('actor-graph: bounds marked once per apply');

/**
 * Marks the bounds of the elements a style application changed once per application, instead of
 * once per property. Cytoscape (3.34, checkBoundsTrigger) marks an element's box and its groups'
 * bounds stale after each property that changes its size (width, height, label, font, padding,
 * border…), and each mark emits a `bounds` event for it and for every group above it: styling an
 * actor for the first time marked it about ten times. On the 20k graph that was a second of the task
 * drawing its first picture. While Style.apply runs (nothing reads boxes then) the marked elements
 * are gathered; when it returns, their groups' bounds and their boxes are marked once, in
 * Cytoscape's order.
 */
export function dirtyBoundsOnce(cy: Core): void {
  type Trigger = (this: unknown, ele: unknown, name: unknown, from: unknown, to: unknown) => unknown;
  const styleProto = Object.getPrototypeOf(cy.style()) as Record<string | symbol, unknown> & {
    checkTrigger?: (
      this: unknown,
      ele: unknown,
      name: unknown,
      from: unknown,
      to: unknown,
      test: (prop: { triggersBounds?: unknown }) => unknown,
      act: () => void,
    ) => unknown;
  };
  if (styleProto[BOUNDS_ONCE]) return;
  const boundsTrigger = styleProto.checkBoundsTrigger as Trigger | undefined;
  const checkTrigger = styleProto.checkTrigger;
  if (typeof styleProto.apply !== 'function') throw new CytoscapeInternalsError('style.apply()');
  if (typeof boundsTrigger !== 'function' || boundsTrigger.length !== 4)
    throw new CytoscapeInternalsError('style.checkBoundsTrigger(ele, name, from, to)');
  if (typeof checkTrigger !== 'function' || checkTrigger.length !== 6)
    throw new CytoscapeInternalsError('style.checkTrigger(ele, name, from, to, test, act)');
  const bounds: Deferral = {
    marked: undefined,
    flush: (cy, marked) => {
      const eles = cy.collection(marked as never) as unknown as {
        dirtyCompoundBoundsCache(): unknown;
        dirtyBoundingBoxCache(): unknown;
      };
      eles.dirtyCompoundBoundsCache();
      eles.dirtyBoundingBoxCache();
    },
  };
  styleProto.checkBoundsTrigger = function (
    this: unknown,
    ele: unknown,
    name: unknown,
    from: unknown,
    to: unknown,
  ) {
    if (!applying) return boundsTrigger.call(this, ele, name, from, to);
    return checkTrigger.call(
      this,
      ele,
      name,
      from,
      to,
      (prop) => prop.triggersBounds,
      () => defer(bounds, ele),
    );
  } satisfies Trigger;
  deferDuringApply(styleProto, bounds);
  styleProto[BOUNDS_ONCE] = true;
}

/** Set on Cytoscape's Style prototype once shareStyleKeyScratch has wrapped it. */
const KEYS_SHARED = Symbol('actor-graph: style key scratch shared');

/**
 * Keeps no per-element copy of the working hashes Cytoscape (3.34) computes style keys from.
 * Style.updateStyleHints fills `_private.styleKeys` of an element with a pair of hashes for each of
 * its ~20 property groups, combines them into the keys the renderer caches textures by (`styleKey`,
 * `labelKey`, `nodeKey`…), and leaves the pairs on the element, though it rebuilds every one at its
 * next call and nothing else reads them: about 1.5 kB an element, 75 MB of the 20k graph's 250 MB
 * heap, which the garbage collector then walks in every full collection (pauses of 200-580 ms
 * while its lines came in). After each call the element's pairs are swapped for one scratch
 * object all elements share; the keys it computed are untouched.
 */
export function shareStyleKeyScratch(cy: Core): void {
  const styleProto = Object.getPrototypeOf(cy.style()) as Record<string | symbol, unknown>;
  if (styleProto[KEYS_SHARED]) return;
  const update = styleProto.updateStyleHints as ((this: unknown, ele: unknown) => unknown) | undefined;
  if (typeof update !== 'function' || update.length !== 1)
    throw new CytoscapeInternalsError('style.updateStyleHints(ele)');
  const scratch: Record<string, unknown> = {};
  styleProto.updateStyleHints = function (this: unknown, ele: { _private: { styleKeys?: unknown } }) {
    const changed = update.call(this, ele);
    if (!('styleKeys' in ele._private)) throw new CytoscapeInternalsError('ele._private.styleKeys');
    ele._private.styleKeys = scratch;
    return changed;
  };
  styleProto[KEYS_SHARED] = true;
}

/** Set on Cytoscape's element prototype once walkGroupsForOpacity has replaced effectiveOpacity. */
const OPACITY_WALKED = Symbol('actor-graph: effectiveOpacity walks the groups');

/**
 * Computes `effectiveOpacity()` (an element's opacity times its groups') by walking up the node's
 * parent links, as `parents()` does, without building the collection of its groups each time.
 * The canvas (Cytoscape 3.34) asks for it for every part of every element it draws, and for a
 * group's member each answer built that collection: two or three per member per picture, over
 * 5,000 on a 2,500-actor graph's picture. Same factors multiplied in the same order, so the same
 * number (tested against Cytoscape's own on nested groups).
 */
export function walkGroupsForOpacity(cy: Core): void {
  const eleProto = Object.getPrototypeOf(cy.collection()) as Record<string | symbol, unknown>;
  if (eleProto[OPACITY_WALKED]) return;
  if (typeof eleProto.effectiveOpacity !== 'function')
    throw new CytoscapeInternalsError('collection.effectiveOpacity()');
  type Linked = NodeSingular & { _private: { data: { parent?: unknown }; parent?: Linked | null } };
  eleProto.effectiveOpacity = function (this: ArrayLike<Linked>) {
    const ele = this[0];
    if (!ele) return undefined;
    const owner = ele.cy() as unknown as { styleEnabled(): boolean; hasCompoundNodes(): boolean };
    if (!owner.styleEnabled()) return 1;
    let opacity = parsedStyle(ele, 'opacity').value as number;
    const p = ele._private;
    if (!owner.hasCompoundNodes() || p.data.parent == null) return opacity;
    if (p.parent === undefined) throw new CytoscapeInternalsError('node._private.parent');
    for (let group: Linked | null | undefined = p.parent; group; group = group._private.parent)
      opacity *= parsedStyle(group, 'opacity').value as number;
    return opacity;
  };
  eleProto[OPACITY_WALKED] = true;
}

/** Cytoscape's MAX_INT (util), the depth it gives z-compound-depth "top" and, less one, childless nodes. */
const MAX_INT = Number.MAX_SAFE_INTEGER;

/** The renderer's z-order cache, as BRp.getCachedZSortedEles keeps it (3.34). */
interface ZSortingRenderer {
  cachedZSortedEles?: Element[] | null;
  getCachedZSortedEles?(forceRecalc?: boolean): Element[];
  updateCachedGrabbedEles?(): void;
}

/**
 * Sorts elements back to front in Cytoscape's drawing order (collection/zsort.mjs, 3.34): compound
 * depth (z-compound-depth), lines under actors (z-index-compare), z-index, then the order added.
 * Each element's keys are computed once; Cytoscape's comparator recomputes them at every comparison,
 * and for a group's member builds the collection of its ancestors each time: on the 20k graph the
 * sort after its lines came in was a second of the frame. The order is the same (tested against
 * `sortByZIndex()`).
 */
export function sortInDrawingOrder(cy: Core, eles: Element[]): void {
  const compounds = (cy as unknown as { hasCompoundNodes(): boolean }).hasCompoundNodes();
  const nodeDepths = new Map<Element, number>();
  const nodeDepth = (node: Element): number => {
    let d = nodeDepths.get(node);
    if (d === undefined) {
      const n = node as NodeSingular;
      d = n.isParent() ? n.parents().length : MAX_INT - 1; // childless nodes always on top
      nodeDepths.set(node, d);
    }
    return d;
  };
  const depth = (ele: Element): number => {
    const v = parsedStyle(ele, 'z-compound-depth').value;
    if (v === 'bottom') return -1;
    if (v === 'top') return MAX_INT;
    if (v !== 'auto' || !compounds) return 0; // 'orphan'
    if (ele.isNode()) return nodeDepth(ele);
    const edge = ele as EdgeSingular;
    return Math.max(nodeDepth(edge.source()), nodeDepth(edge.target()), 0);
  };
  const poolIndex = (ele: Element): number => {
    const i = (ele as unknown as { poolIndex?(): number }).poolIndex?.();
    if (typeof i !== 'number') throw new CytoscapeInternalsError('ele.poolIndex()');
    return i;
  };
  const keyed = eles.map((ele) => ({
    ele,
    depth: depth(ele),
    kind: parsedStyle(ele, 'z-index-compare').value === 'auto' && ele.isNode() ? 1 : 0,
    z: Number(parsedStyle(ele, 'z-index').value),
    index: poolIndex(ele),
  }));
  keyed.sort((a, b) => a.depth - b.depth || a.kind - b.kind || a.z - b.z || a.index - b.index);
  keyed.forEach((k, i) => (eles[i] = k.ele));
}

/**
 * Makes the renderer sort its elements for drawing with sortInDrawingOrder. The rest of
 * BRp.getCachedZSortedEles is kept as it is: the cache, the interactive list, drag layers.
 */
export function sortForDrawingOnce(cy: Core): void {
  const r = renderer(cy) as unknown as ZSortingRenderer | undefined;
  if (!r) return; // headless: nothing is drawn
  if (typeof r.getCachedZSortedEles !== 'function')
    throw new CytoscapeInternalsError('renderer.getCachedZSortedEles()');
  if (typeof r.updateCachedGrabbedEles !== 'function')
    throw new CytoscapeInternalsError('renderer.updateCachedGrabbedEles()');
  if (!('cachedZSortedEles' in r)) throw new CytoscapeInternalsError('renderer.cachedZSortedEles');
  r.getCachedZSortedEles = function (this: ZSortingRenderer, forceRecalc?: boolean) {
    if (!forceRecalc && this.cachedZSortedEles) return this.cachedZSortedEles;
    const eles = (cy as unknown as { mutableElements(): ArrayLike<Element> }).mutableElements();
    const sorted = Array.from(eles) as Element[] & { interactive?: Element[] };
    sortInDrawingOrder(cy, sorted);
    sorted.interactive = sorted.filter((ele) => (ele as unknown as { interactive(): boolean }).interactive());
    this.cachedZSortedEles = sorted;
    this.updateCachedGrabbedEles!();
    return sorted;
  };
}

/** From this many elements with stale boxes in a frame that draws, their boxes are measured together. */
const MEASURE_TOGETHER = 64;

/**
 * Measures the boxes of the elements restyled, added or moved since the last drawn frame together,
 * just before the frame draws them, instead of one at a time as it does. Cytoscape's
 * `ele.boundingBox()` on an element whose box is stale takes its general path (a memo, the
 * element's edges and nodes as new collections, its groups' bounds) for that one element: drawing
 * the 20k graph's lines did that 30,000 times in one frame. One refreshGeometry() of them all fills
 * the same per-element cache the drawing then reads. Frames held back (holdDrawing) measure nothing.
 */
export function measureBeforeDrawing(cy: Core): void {
  const r = renderer(cy) as unknown as
    (ZSortingRenderer & { render?: (...args: unknown[]) => unknown }) | undefined;
  if (!r) return; // headless: nothing is drawn
  const render = r.render;
  if (typeof render !== 'function') throw new CytoscapeInternalsError('renderer.render()');
  // A moved node keeps its cached box (Cytoscape compares positions when it is read): track moves.
  const moved = new Set<unknown>();
  cy.on('position', 'node', (event) => void moved.add(event.target));
  r.render = function (this: ZSortingRenderer, ...args: unknown[]) {
    const eles = this.getCachedZSortedEles?.() ?? [];
    const stale: Element[] = [];
    for (const ele of eles) {
      const p = (ele as unknown as { _private: { bbCache?: unknown; styleDirty?: boolean } })._private;
      if (p.bbCache == null || p.styleDirty) stale.push(ele);
      else if (moved.size === 0) continue;
      else if (ele.isNode() ? moved.has(ele) : moved.has(ele.source()) || moved.has(ele.target()))
        stale.push(ele);
    }
    moved.clear();
    if (stale.length >= MEASURE_TOGETHER) refreshGeometry(cy.collection(stale as never));
    return render.apply(this, args);
  };
}

/**
 * Skips the texture of a part of an element drawn fully transparent. Cytoscape's canvas renderer
 * (3.34, drawCachedElementPortion) renders an element's body or label into its texture cache and
 * only then reads the part's opacity, returning without drawing when it is 0. Labels too small to
 * read are hidden by `text-opacity: 0` (so boxes and fits stay the same): on the 20k graph, making
 * the hidden labels' textures was half of the frame drawing its first picture. Same picture: a part
 * whose opacity is 0 was not drawn either way.
 */
export function skipTransparentTextures(cy: Core): void {
  type Portion = (
    this: unknown,
    context: unknown,
    ele: unknown,
    cache: unknown,
    pxRatio: unknown,
    lvl: unknown,
    reason: unknown,
    getRotation: unknown,
    getOpacity: (r: unknown, ele: unknown) => number,
  ) => unknown;
  const r = renderer(cy) as unknown as { drawCachedElementPortion?: Portion; webgl?: unknown } | undefined;
  if (!r) return; // headless: nothing is drawn
  const portion = r.drawCachedElementPortion;
  if (typeof portion !== 'function') throw new CytoscapeInternalsError('renderer.drawCachedElementPortion()');
  if (portion.length !== 8)
    throw new CytoscapeInternalsError('drawCachedElementPortion(…, getOpacity) arguments');
  r.drawCachedElementPortion = function (context, ele, cache, pxRatio, lvl, reason, getRotation, getOpacity) {
    if (typeof getOpacity === 'function' && getOpacity(this, ele) === 0) return undefined;
    return portion.call(this, context, ele, cache, pxRatio, lvl, reason, getRotation, getOpacity);
  };
}

/** How many holdDrawing() holds are on a renderer, what it last drew at, and whether a frame was held back. */
interface Hold {
  count: number;
  zoom: number;
  pan: { x: number; y: number };
  missed: boolean;
}
const HOLDS = new WeakMap<object, Hold>();

/**
 * Holds back the frames Cytoscape would draw because elements changed, until the returned function
 * is called (once per hold; holds nest). Cytoscape's frame work before drawing still runs each
 * frame (computing the style and geometry of what was added), so additions spread over several
 * tasks are styled a part at a time and drawn once, instead of the whole picture being redrawn after
 * each part. A frame the user asks for by panning or zooming is drawn all the same. Headless: no-op.
 */
export function holdDrawing(cy: Core): () => void {
  const r = renderer(cy) as unknown as { render?: (...args: unknown[]) => unknown } | undefined;
  if (!r) return () => {};
  let hold = HOLDS.get(r);
  if (!hold) {
    const render = r.render;
    if (typeof render !== 'function') throw new CytoscapeInternalsError('renderer.render()');
    const h: Hold = { count: 0, zoom: cy.zoom(), pan: cy.pan(), missed: false };
    r.render = function (this: unknown, ...args: unknown[]) {
      const zoom = cy.zoom();
      const pan = cy.pan();
      if (h.count > 0 && zoom === h.zoom && pan.x === h.pan.x && pan.y === h.pan.y) {
        h.missed = true;
        return undefined;
      }
      h.zoom = zoom;
      h.pan = pan;
      return render.apply(this, args);
    };
    HOLDS.set(r, (hold = h));
  }
  const h = hold;
  h.count++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--h.count > 0 || !h.missed || cy.destroyed()) return;
    h.missed = false;
    cy.forceRender(); // the frame held back is drawn next
  };
}

/** Which renderer draws `cy`: the 2D canvas, Cytoscape's WebGL mode (≥ 3.31), or none (headless). */
export function rendererKind(cy: Core): 'canvas' | 'webgl' | 'none' {
  const r = renderer(cy);
  if (!r || typeof r.getCachedZSortedEles !== 'function') return 'none';
  return r.webgl ? 'webgl' : 'canvas';
}

/**
 * Brings the projections of `eles` (edge points, arrow and label positions, label sizes) up to date
 * through the public `boundingBox()`, which recalculates what changed since the last frame. The
 * scratchpad is then current whichever renderer draws and whether or not a frame has been drawn.
 * Returns the box of `eles` with their labels and underlays.
 */
export function refreshGeometry(eles: CollectionReturnValue): BoundingBox12 & { w: number; h: number } {
  return eles.boundingBox({
    includeLabels: true,
    includeOverlays: false,
    includeUnderlays: true,
  } as never) as BoundingBox12 & { w: number; h: number };
}

/** The size a node's body is drawn at: its width and height with its padding (compounds grow by it). */
export function nodeBodySize(node: NodeSingular): { width: number; height: number } {
  const padding = (node as unknown as { padding?(): number }).padding?.();
  if (typeof padding !== 'number') throw new CytoscapeInternalsError('node.padding()');
  return { width: node.width() + 2 * padding, height: node.height() + 2 * padding };
}

export type ArrowEnd = 'source' | 'mid-target' | 'mid-source' | 'target';

export interface EdgeGeometry {
  /** Quadratic curves (start, then control and end pairs) or a polyline. */
  curved: boolean;
  points: number[];
  /** Where each arrow end would sit and point; whether it is drawn is the arrow shape's business. */
  ends: { end: ArrowEnd; x: number; y: number; angle: number }[];
}

const CURVED = new Set(['bezier', 'multibezier', 'self', 'compound']);
const finite = (...v: (number | undefined)[]): boolean =>
  v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** The path and arrow positions the renderer draws `edge` with; undefined when it draws no line. */
export function edgeGeometry(edge: EdgeSingular): EdgeGeometry | undefined {
  const rs = scratch(edge);
  const pts = rs.allpts;
  if (rs.badLine || !Array.isArray(pts) || pts.length < 4 || Number.isNaN(pts[0])) return undefined;
  const haystack = rs.edgeType === 'haystack'; // drawArrowheads gives haystacks no end arrows
  const candidates: [ArrowEnd, number | undefined, number | undefined, number | undefined][] = [
    ['source', rs.arrowStartX, rs.arrowStartY, rs.srcArrowAngle],
    ['mid-target', rs.midX, rs.midY, rs.midtgtArrowAngle],
    ['mid-source', rs.midX, rs.midY, rs.midsrcArrowAngle],
    ['target', rs.arrowEndX, rs.arrowEndY, rs.tgtArrowAngle],
  ];
  const ends: EdgeGeometry['ends'] = [];
  for (const [end, x, y, angle] of candidates) {
    if (haystack && (end === 'source' || end === 'target')) continue;
    if (finite(x, y, angle)) ends.push({ end, x: x!, y: y!, angle: angle! });
  }
  return { curved: CURVED.has(rs.edgeType ?? ''), points: [...pts], ends };
}

/** The size of `edge`'s arrowheads in px, as the renderer computes it from line width and arrow-scale. */
export function arrowSize(edge: EdgeSingular): number {
  const width = styleNumber(edge, 'width');
  return helper(rendererOf(edge), 'getArrowWidth')(width, styleNumber(edge, 'arrow-scale', 'value'));
}

/** Elements in the order the canvas draws them (the renderer's z-sorted cache), back to front. */
export function drawingOrder(cy: Core): Element[] {
  const r = renderer(cy);
  if (!r) throw new CytoscapeInternalsError('cy.renderer()');
  return [...helper(r, 'getCachedZSortedEles')(true)];
}

// ---------------------------------------------------------------------------------------------
// Labels: where the canvas draws each line of the main label (a copy of CRp.drawText's arithmetic).

/** drawText's label box alignment for a text-halign (Cytoscape's labelHalign). */
const BOX_HALIGN: Record<string, string> = {
  left: 'left',
  'right-inside': 'left',
  right: 'right',
  'left-inside': 'right',
};

let measureContext: CanvasRenderingContext2D | null | undefined;
const baselines = new Map<string, number>();

/**
 * Where the alphabetic baseline lies relative to Canvas' "bottom" baseline for a font, in px down
 * (negative: above). Chromium reports `alphabeticBaseline` as the distance up from the textBaseline line.
 */
function bottomToAlphabetic(font: string, size: number): number {
  const known = baselines.get(font);
  if (known !== undefined) return known;
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return -0.22 * size;
  measureContext.font = font;
  measureContext.textBaseline = 'bottom';
  const up = measureContext.measureText('Hg').alphabeticBaseline;
  const shift = Number.isFinite(up) && Math.abs(up) < size ? -Math.abs(up) : -0.22 * size;
  // Measured once the fonts are loaded: a fallback font's figure would stay otherwise.
  if (document.fonts?.status !== 'loading') baselines.set(font, shift);
  return shift;
}

/**
 * The main label of `ele` as the canvas draws it: every line's alphabetic baseline position (in the
 * label's frame when rotated), alignment, font, colours, halo and background. Undefined when no
 * label is drawn (none, transparent, or no position yet). Mirrors CRp.drawText and
 * CRp.drawElementText for the main label; the text itself (wrapped, ellipsised, transformed) and the
 * angle come from the renderer's own getLabelText and getTextAngle.
 */
export function drawnLabel(ele: Element): SceneText | undefined {
  const rs = scratch(ele);
  const r = rendererOf(ele);
  const text = helper(r, 'getLabelText')(ele, null);
  if (!text || !finite(rs.labelX, rs.labelY) || rs.badLine) return undefined;
  const textOpacity = styleNumber(ele, 'text-opacity', 'value');
  if (textOpacity === 0) return undefined;
  const size = styleNumber(ele, 'font-size');

  const font: SceneFont = {
    family: styleString(ele, 'font-family'),
    size,
    weight: styleString(ele, 'font-weight'),
    style: styleString(ele, 'font-style'),
  };
  const isEdge = ele.isEdge();
  const halign = isEdge ? 'center' : styleString(ele, 'text-halign');
  const valign = isEdge ? 'center' : styleString(ele, 'text-valign');
  const boxHalign = BOX_HALIGN[halign] ?? 'center';
  let x = rs.labelX! + styleNumber(ele, 'text-margin-x');
  let y = rs.labelY! + styleNumber(ele, 'text-margin-y');
  const textW = rs.labelWidth ?? 0;
  const textH = rs.labelHeight ?? size;
  const angle = helper(r, 'getTextAngle')(ele, null) || 0;
  const rotation: SceneText['rotation'] = angle ? { angle, x, y } : undefined;
  if (angle) {
    x = 0;
    y = 0;
  }
  if (valign === 'center') y += textH / 2;
  else if (valign === 'bottom') y += textH;

  let background: SceneText['background'];
  const bgOpacity = styleNumber(ele, 'text-background-opacity', 'value');
  if (bgOpacity > 0) {
    const pad = styleNumber(ele, 'text-background-padding');
    let bx = x - pad;
    if (boxHalign === 'left') bx -= textW;
    else if (boxHalign === 'center') bx -= textW / 2;
    background = {
      x: bx,
      y: y - textH - pad,
      width: textW + 2 * pad,
      height: textH + 2 * pad,
      colour: styleColour(ele, 'text-background-color'),
      opacity: bgOpacity,
      rounded: /round/.test(styleString(ele, 'text-background-shape')),
    };
  }
  y -= rs.labelActualDescent ?? 0;

  const wrap = styleString(ele, 'text-wrap') === 'wrap';
  const lines = wrap ? text.split('\n') : [text];
  const lineHeight = rs.labelLineHeight ?? size * styleNumber(ele, 'line-height', 'value');
  // Canvas aligns text by the label's justification (for nodes 'auto' follows text-halign);
  // wrapped lines justified otherwise than the box is aligned are shifted within it.
  const justification = isEdge ? 'center' : helper(r, 'getLabelJustification')(ele);
  if (wrap) {
    const shift: Record<string, Record<string, number>> = {
      left: { left: -textW, center: -textW / 2 },
      center: { left: -textW / 2, right: textW / 2 },
      right: { center: textW / 2, right: textW },
    };
    x += shift[boxHalign]?.[justification] ?? 0;
  }
  if (wrap) y -= (lines.length - 1) * lineHeight;
  // Nodes with glyph text metrics are drawn on the alphabetic baseline, everything else on 'bottom'.
  const glyph = !isEdge && styleString(ele, 'text-metrics') === 'glyph';
  const baseline = glyph
    ? 0
    : bottomToAlphabetic(`${font.style} ${font.weight} ${font.size}px ${font.family}`, font.size);
  const outlineWidth = 2 * styleNumber(ele, 'text-outline-width');
  return {
    lines: lines.map((line, i) => ({ text: line, x, y: y + i * lineHeight + baseline })),
    anchor: justification === 'left' ? 'start' : justification === 'right' ? 'end' : 'middle',
    font,
    colour: styleColour(ele, 'color'),
    opacity: textOpacity,
    ...(outlineWidth > 0
      ? {
          outline: {
            colour: styleColour(ele, 'text-outline-color'),
            width: outlineWidth,
            opacity: styleNumber(ele, 'text-outline-opacity', 'value'),
          },
        }
      : {}),
    ...(rotation ? { rotation } : {}),
    ...(background ? { background } : {}),
  };
}

/**
 * Adds edges without restyling the actors they join. On a graph with groups, Cytoscape (3.34,
 * `restore`) restyles every added edge's end nodes and their groups, and marks their boxes and the
 * groups' bounds stale, in case a style depends on a node's degree: adding a large graph's lines
 * in parts restyled each busy actor once per part, most of each part's cost. The app's styles never
 * depend on the lines an actor has (its `degree` is data), so only the edges are styled.
 */
export function addEdgesAlone(cy: Core, edges: ElementDefinition[]): CollectionReturnValue {
  if (edges.some((e) => e.group !== 'edges')) throw new Error('addEdgesAlone adds edges only');
  const p = (cy as unknown as { _private?: { hasCompoundNodes?: unknown } })._private;
  if (typeof p?.hasCompoundNodes !== 'boolean')
    throw new CytoscapeInternalsError('cy._private.hasCompoundNodes');
  const had = p.hasCompoundNodes;
  p.hasCompoundNodes = false;
  try {
    return cy.add(edges);
  } finally {
    p.hasCompoundNodes = had;
  }
}

/**
 * Works out now, for `eles`, what the next drawn frame would: their boxes and line geometry
 * (refreshGeometry), whether each takes events (`interactive()`, which the renderer reads for every
 * element when it sorts them for drawing) and whether it is seen (`visible()`, read as each is
 * drawn). All are cached per element until it changes. For lines added in parts with drawing held
 * back, the frame that finally draws them then finds them ready, instead of working out all of them
 * in one task: on a graph with groups, `interactive()` and `visible()` of a line each build the
 * collections of both ends' groups.
 */
export function prepareForDrawing(eles: CollectionReturnValue): void {
  if (eles.empty()) return;
  refreshGeometry(eles);
  const asked = eles as unknown as { interactive?(): boolean; visible?(): boolean };
  if (typeof asked.interactive !== 'function') throw new CytoscapeInternalsError('ele.interactive()');
  eles.forEach((ele) => {
    (ele as unknown as { interactive(): boolean }).interactive();
    ele.visible();
  });
}

/** What the canvas renderer (3.34) keeps that drawing in slices uses. */
interface SlicingRenderer {
  NODE: number;
  webgl?: unknown;
  canvasWidth: number;
  canvasHeight: number;
  data: { contexts: CanvasRenderingContext2D[] };
  notify(name: string, ...rest: unknown[]): unknown;
  redrawHint(group: string, value: boolean): void;
  redraw(): void;
  drawLayeredElements(
    context: CanvasRenderingContext2D,
    eles: Element[],
    pxRatio: number,
    extent: unknown,
  ): void;
  drawCachedNodes(context: CanvasRenderingContext2D, eles: Element[], pxRatio: number, extent: unknown): void;
  drawCachedElement(context: CanvasRenderingContext2D, ele: Element, pxRatio: number, extent: unknown): void;
}

/** A picture of the node layer, drawn at one camera. */
interface LayerPicture {
  canvas: HTMLCanvasElement;
  zoom: number;
  pan: { x: number; y: number };
  pxRatio: number;
  /** Camera and canvas size it was drawn for. */
  key: string;
  /** The renderer's change count it shows. */
  version: number;
}

/** Drawing a large graph's node layer a slice at a time (see drawInSlices). */
export interface SlicedDrawing {
  /** A picture is being drawn in slices; the canvas shows the last whole one meanwhile. */
  readonly drawing: boolean;
  /** Drops the last whole picture (another graph is shown): nothing stale is drawn meanwhile. */
  forget(): void;
}

/**
 * Draws the canvas's element layer in slices of at most `sliceMs`, a task each, when it holds at
 * least `minElements` elements. Cytoscape (3.34) draws every element of a frame in one task: seconds
 * for a large graph on a software canvas, during which the page cannot answer. Here a frame that
 * needs a new picture starts drawing it off screen, slice by slice, and shows the last whole picture
 * meanwhile, moved and scaled to the camera, lines and all (so a pan or zoom answers at once); when
 * the picture is whole it takes its place. Any change to the elements or the camera starts it
 * afresh. Elements are drawn by Cytoscape's own per-element drawing, in its z-order, so the picture
 * is the one it would draw in one go. Headless and WebGL: no-op.
 */
export function drawInSlices(cy: Core, options: { minElements: number; sliceMs: number }): SlicedDrawing {
  const r = renderer(cy) as unknown as SlicingRenderer | undefined;
  if (!r || r.webgl) return { drawing: false, forget() {} };
  for (const name of ['notify', 'drawLayeredElements', 'drawCachedNodes', 'drawCachedElement'] as const)
    if (typeof r[name] !== 'function') throw new CytoscapeInternalsError(`renderer.${name}()`);
  if (typeof r.NODE !== 'number' || !Array.isArray(r.data?.contexts))
    throw new CytoscapeInternalsError('renderer.NODE / data.contexts');

  // Every change Cytoscape tells the renderer of may change the picture, except a camera move, its
  // texture collection, and a box marked stale: that follows a change told of itself (a move, a
  // style), and measuring a group's box while drawing it marks boxes stale again.
  let version = 0;
  const notify = r.notify;
  r.notify = function (this: unknown, name: string, ...rest: unknown[]) {
    if (name !== 'viewport' && name !== 'gc' && name !== 'bounds') version++;
    return notify.call(this, name, ...rest);
  };

  let shown: LayerPicture | undefined;
  let job: (LayerPicture & { eles: Element[]; next: number; extent: unknown }) | undefined;
  let spare: HTMLCanvasElement | undefined;
  const keyOf = (pxRatio: number) => {
    const pan = cy.pan();
    return `${cy.zoom()}|${pan.x}|${pan.y}|${r.canvasWidth}|${r.canvasHeight}|${pxRatio}`;
  };
  const sliced = (context: CanvasRenderingContext2D, eles: Element[]) =>
    context === r.data.contexts[r.NODE] && eles.length >= options.minElements;

  /** The last whole picture, moved and scaled from its camera to the current one. */
  const showStale = (context: CanvasRenderingContext2D, pxRatio: number) => {
    if (!shown) return;
    const pan = cy.pan();
    const k = (cy.zoom() * pxRatio) / (shown.zoom * shown.pxRatio);
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.drawImage(
      shown.canvas,
      pan.x * pxRatio - shown.pan.x * shown.pxRatio * k,
      pan.y * pxRatio - shown.pan.y * shown.pxRatio * k,
      shown.canvas.width * k,
      shown.canvas.height * k,
    );
    context.restore();
  };

  const slice = () => {
    const j = job;
    if (!j) return;
    // The camera moved since: the next frame starts a picture for where it is now.
    if (keyOf(j.pxRatio) !== j.key || version !== j.version) {
      job = undefined;
      r.redrawHint('eles', true);
      r.redraw();
      return;
    }
    const context = j.canvas.getContext('2d')!;
    const end = performance.now() + options.sliceMs;
    const { eles } = j;
    while (j.next < eles.length) {
      r.drawCachedElement(context, eles[j.next++]!, j.pxRatio, j.extent);
      if ((j.next & 31) === 0 && performance.now() > end) break;
    }
    if (j.next < eles.length) {
      setTimeout(slice, 0);
      return;
    }
    job = undefined;
    spare = shown?.canvas;
    shown = j;
    r.redrawHint('eles', true);
    r.redraw();
  };

  const start = (eles: Element[], pxRatio: number, extent: unknown, key: string) => {
    const canvas = spare && spare !== shown?.canvas ? spare : document.createElement('canvas');
    spare = undefined;
    canvas.width = r.canvasWidth;
    canvas.height = r.canvasHeight;
    const context = canvas.getContext('2d')!;
    const zoom = cy.zoom();
    const pan = { ...cy.pan() };
    context.setTransform(zoom * pxRatio, 0, 0, zoom * pxRatio, pan.x * pxRatio, pan.y * pxRatio);
    const first = !job;
    job = { canvas, zoom, pan, pxRatio, key, version, eles, next: 0, extent };
    if (first) setTimeout(slice, 0);
  };

  const drawLayered = r.drawLayeredElements;
  r.drawLayeredElements = function (this: unknown, context, eles, pxRatio, extent) {
    if (!sliced(context, eles)) return drawLayered.call(this, context, eles, pxRatio, extent);
    const key = keyOf(pxRatio);
    if (shown && shown.key === key && shown.version === version) {
      showStale(context, pxRatio); // it is the current picture
      return;
    }
    if (!job || job.key !== key || job.version !== version || job.eles !== eles)
      start(eles, pxRatio, extent, key);
    showStale(context, pxRatio);
  };
  const drawNodes = r.drawCachedNodes;
  r.drawCachedNodes = function (this: unknown, context, eles, pxRatio, extent) {
    // The camera is moving (Cytoscape would hide the lines): the last picture moves with it.
    if (!sliced(context, eles) || !shown) return drawNodes.call(this, context, eles, pxRatio, extent);
    showStale(context, pxRatio);
  };

  return {
    get drawing() {
      return job !== undefined;
    },
    forget() {
      shown = undefined;
    },
  };
}
