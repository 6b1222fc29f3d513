// The one module that owns the visible Cytoscape instance: it creates it, writes only the elements
// and classes that changed, places nodes where the layout puts them (animating changes), keeps the
// drawing fitted to the canvas until the user moves the camera, forwards user events and destroys
// the instance. Positions are computed by ./layout (headless Cytoscape, same code in a worker).
import type {
  CollectionReturnValue,
  Core,
  CytoscapeOptions,
  EdgeCollection,
  ElementDefinition,
  EventObject,
  NodeCollection,
  NodeSingular,
  Position,
} from 'cytoscape';
import type { GraphElement } from '../core/elements';
import type { LayoutName, Viewport } from '../core/view/viewState';
import {
  dirtyBoundsOnce,
  dirtyStyleCachesOnce,
  holdDrawing,
  shareStyleKeyScratch,
  keepDrawingFromRestyling,
  measureBeforeDrawing,
  skipTransparentTextures,
  addEdgesAlone,
  drawInSlices,
  prepareForDrawing,
  type SlicedDrawing,
  refreshGeometry,
  sortForDrawingOnce,
  walkGroupsForOpacity,
} from './cytoscapeInternals';
import { cytoscape } from './cytoscapeSetup';
import {
  computeLayout,
  GROUP_PADDING,
  qualityFor,
  type ComputedLayoutName,
  type LayoutInput,
} from './layout/computeLayout';
import { cachedLayout, layoutKey, storeLayout } from './layout/layoutCache';
import type { LayoutJob, LayoutReply } from './layout/layout.worker';
import { canvasMeasurer, layoutEdges, layoutNodes, type MeasureText } from './layout/measureLabels';
import type { ThemeName } from './palette';
import {
  GRAPH_FONT,
  graphStyle,
  GROUP_TITLE_PX,
  LABEL_MAX_WIDTH,
  labelRulesFor,
  sameLabelRules,
  type LabelRules,
} from './style';
import { hardwareWebGL } from './webglSupport';
import { loadWebglRenderer } from 'virtual:actor-graph/cytoscape-webgl';

/**
 * Cytoscape's WebGL renderer is a chunk of its own, not in the start-up bundle (src/build/leanCytoscape.ts):
 * loaded the first time a graph asks for WebGL, and the graph is drawn once it is in. If it cannot be
 * loaded, canvas draws instead.
 */
let webglRenderer: { state: 'idle' | 'ready' | 'failed' } | { state: 'loading'; loaded: Promise<void> } = {
  state: 'idle',
};

export type Selected = { type: 'node' | 'edge'; id: string } | null;

export interface Hover {
  type: 'node' | 'edge';
  id: string;
  /** Where to show a tooltip, in CSS px relative to the container. */
  x: number;
  y: number;
}

export interface GraphViewOptions {
  container: HTMLElement;
  theme: ThemeName; // colours of labels, compounds and selection
  renderer?: 'auto' | 'canvas' | 'webgl'; // auto: WebGL for large graphs on a hardware GPU
  onSelect?: (selected: Selected) => void; // a tap on a node, an edge, or the background (null)
  onHover?: (hover: Hover | null) => void; // the pointer entered or left an element, or the picture changed under it
  onDragged?: (positions: Record<string, Position>) => void; // the user moved nodes: where every node now is (model coordinates)
  onViewport?: (viewport: Viewport) => void; // the user panned or zoomed (reported when it settles)
  onLayout?: (status: LayoutStatus) => void; // a layout started computing off the main thread, finished, failed or was cancelled
}

/** Where a layout computed in the background stands. */
export type LayoutStatus =
  | { state: 'idle' }
  | { state: 'running'; layout: LayoutName; actors: number; since: number }
  | { state: 'done'; layout: LayoutName; ms: number; fromCache: boolean }
  | { state: 'cancelled'; layout: LayoutName }
  | { state: 'failed'; layout: LayoutName; error: string };

/** From this many elements (actors and claims) a graph is large: WebGL where it pays, pictures drawn in slices on the canvas. */
const LARGE_GRAPH_ELEMENTS = 6000;
/** A large graph's picture is drawn in slices of at most this long, a task each (see drawInSlices). */
const SLICE_MS = 50;
/** From this many lines added at once, actors are drawn first and lines a frame later. */
const PROGRESSIVE_EDGES = 3000;
/** From this many actors to move without animation, they are moved in parts (see #moveInParts). */
const MOVES_IN_PARTS = 1500;
/** A large graph's lines are added in parts, a task each, after its actors are drawn: the first this many. */
const EDGE_PART_FIRST = 400;
/** Actors moved in parts: the first part this many. */
const MOVE_PART_FIRST = 1000;
/** …and then, for both, as many as take about this long with their frame (see #inParts). */
const PART_MS = 120;
/** How far out the user can zoom, unless the drawing needs more to fit (fit() lowers it then). */
const MIN_ZOOM = 0.02;
/** The furthest out any drawing is fitted (a circle of thousands of actors needs less than MIN_ZOOM). */
const MIN_FIT_ZOOM = 1e-4;
/** Graphs up to this many actors are laid out on the main thread at once (faster than a worker's start). */
const MAIN_THREAD_LAYOUT_MAX = 60;

/** What to lay out: the whole graph (so positions do not jump when filters change) and how. */
export interface LayoutRequest {
  name: LayoutName;
  /** Every node the layout places, filters ignored; element ids must be stable across calls. */
  elements: readonly GraphElement[];
  /** Identifies `elements` (e.g. graph id + nesting): positions are cached per key and layout. */
  key: string;
  /** Root actor for the tree layout. */
  root?: string;
  /** Positions the user arranged by hand, used by the "manual" layout on top of fCoSE's. */
  manual?: Record<string, Position>;
  /** Positions the graph file carries: the "curated" layout. */
  curated?: Record<string, Position>;
}

/** Where an element is drawn, in CSS pixels relative to the container. */
export interface RenderedNode {
  id: string;
  label: string;
  x: number;
  y: number;
  visible: boolean;
  /** Highlight classes: focus, faded, on-path, collapsed … */
  classes: string[];
}

const ANIMATION_MS = 450;
/** Labels are set for a new zoom once it has not changed for this long. */
const ZOOM_REST_MS = 120;
/**
 * Above this many elements nothing is animated: each frame of the drawing costs too much for a
 * smooth motion (on the 1k graph, 1,500 elements after a filter, 100–250 ms a frame on a software
 * canvas, so a 450 ms fit was three or four full redraws where one does).
 */
const ANIMATE_MAX_ELEMENTS = 600;
/** Fitting a handful of actors stops at this zoom instead of blowing them up. */
const MAX_FIT_ZOOM = 1.6;
interface LayoutJobState {
  layoutId: string;
  name: LayoutName;
  since: number;
  worker?: Worker;
}

/** Room a title keeps beyond its measured width (a font drawn slightly wider than measured). */
const TITLE_SLACK = 4;
/** Id prefix of the nodes that draw groups' titles above the lines (see #syncTitles). */
const TITLE_PREFIX = 'title--';

/**
 * Where an edge is drawn from and to: a claim between a group and one of its own members runs
 * from (or to) the group's title, since Cytoscape would draw it as a loop around the whole box.
 */
function drawnEnds(el: GraphElement): { source: string; target: string } {
  const { source, target } = el.data as { source: string; target: string };
  if (el.classes.includes('to-member')) return { source: TITLE_PREFIX + source, target };
  if (el.classes.includes('to-group')) return { source, target: TITLE_PREFIX + target };
  return { source, target };
}

/** What update() needs of a drawn element (a node or edge, or the collection move() gives back). */
interface Drawn {
  data(): unknown;
  data(values: Record<string, unknown>): unknown;
  classes(): string[];
  classes(classes: string[]): unknown;
}

/** Writes an element's data and classes where they changed: rewriting every element restyles the whole graph. */
function update(existing: Drawn, el: GraphElement, data: Record<string, unknown>): void {
  const old = existing.data() as Record<string, unknown>;
  if (
    Object.keys(data).some((k) => data[k] !== old[k]) ||
    Object.keys(old).length !== Object.keys(data).length
  ) {
    existing.data(data);
  }
  const classes = el.classes.join(' ');
  if (existing.classes().join(' ') !== classes) existing.classes(el.classes);
}

export class GraphView {
  #cy: Core;
  #renderer: 'canvas' | 'webgl' = 'canvas';
  #large = false;
  readonly #options: GraphViewOptions;
  readonly #resize: ResizeObserver;
  readonly #measure: MeasureText;
  #positionCache = new Map<string, Record<string, Position>>();
  /** The layout computing in the background, if any. */
  #job: LayoutJobState | undefined;
  #lastLayout: LayoutRequest | undefined;
  #appliedLayout: string | undefined;
  #appliedManual: Record<string, Position> | undefined;
  #target: Record<string, Position> = {};
  #viewportTimer: ReturnType<typeof setTimeout> | undefined;
  /** While nodes move to new places: the box the drawing will fill once they arrive. */
  #arrivingBox: { x1: number; y1: number; w: number; h: number } | undefined;
  /** A fit asked for while nodes travelled, to be made exact (groups included) when they arrive. */
  #refitOnArrival: { padding?: number } | undefined;
  /** The user panned or zoomed since the last fit: the view then stays where they put it. */
  #userMoved = false;
  #titleFrame = 0;
  #resizeFrame = 0;
  /** The layout the camera was last fitted to: a new layout is fitted once it is applied. */
  #appliedLayoutFitted: string | undefined;
  #theme: ThemeName;
  /** Which labels are legible, and so drawn, at the current zoom. */
  #labels: LabelRules;
  #zoomTimer: ReturnType<typeof setTimeout> | undefined;
  /** An update waiting for the WebGL renderer to load. */
  #waiting: { elements: readonly GraphElement[]; layout: LayoutRequest; animate: boolean } | undefined;
  /** A large graph's picture drawn a slice at a time (see drawInSlices). */
  #slices: SlicedDrawing = { drawing: false, forget() {} };
  #destroyed = false;

  constructor(options: GraphViewOptions) {
    this.#options = options;
    this.#measure = canvasMeasurer();
    this.#theme = options.theme;
    this.#labels = labelRulesFor(1);
    this.#cy = this.#mount(false, false);
    // Cytoscape measures its container once; follow later size changes (panels, window resizes)
    // and keep the drawing fitted unless the user has moved the camera.
    this.#resize = new ResizeObserver(() => {
      cancelAnimationFrame(this.#resizeFrame);
      this.#resizeFrame = requestAnimationFrame(() => {
        this.#cy.resize();
        if (!this.#userMoved) this.fit();
      });
    });
    this.#resize.observe(options.container);
  }

  /**
   * Creates the Cytoscape instance and forwards its events. A large graph gets Cytoscape's WebGL
   * renderer when the machine has a hardware GPU (`webgl`). On the canvas, a large graph's pictures
   * are drawn in slices (drawInSlices), which show the last whole picture while the view moves;
   * edges are hidden while it moves only before a first whole picture exists (`large`).
   */
  #mount(webgl: boolean, large: boolean): Core {
    const options = this.#options;
    const cy = cytoscape({
      container: options.container,
      style: graphStyle(this.#theme, this.#labels),
      elements: [],
      minZoom: MIN_ZOOM,
      maxZoom: 5,
      boxSelectionEnabled: false,
      selectionType: 'single',
      hideEdgesOnViewport: large && !webgl,
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as CytoscapeOptions);
    this.#renderer = webgl ? 'webgl' : 'canvas';
    keepDrawingFromRestyling(cy);
    dirtyStyleCachesOnce(cy);
    dirtyBoundsOnce(cy);
    shareStyleKeyScratch(cy);
    walkGroupsForOpacity(cy);
    sortForDrawingOnce(cy);
    measureBeforeDrawing(cy);
    skipTransparentTextures(cy);
    this.#slices = drawInSlices(cy, { minElements: LARGE_GRAPH_ELEMENTS, sliceMs: SLICE_MS });
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) {
        options.onSelect?.(null);
        return;
      }
      const ele = event.target as NodeSingular;
      options.onSelect?.({ type: ele.isNode() ? 'node' : 'edge', id: ele.id() });
    });
    cy.on('mouseover', 'node, edge', (event: EventObject) => {
      const ele = event.target as NodeSingular;
      const p = event.renderedPosition ?? ele.renderedPosition();
      options.onHover?.({ type: ele.isNode() ? 'node' : 'edge', id: ele.id(), x: p.x, y: p.y });
    });
    cy.on('mouseout', 'node, edge', () => options.onHover?.(null));
    cy.on('dragfree', 'node', () => {
      // Report the whole arrangement on screen: it becomes the user's own layout.
      const positions = this.positions();
      Object.assign(this.#target, positions);
      options.onDragged?.(positions);
    });
    // Group titles follow their boxes wherever members move (layouts, animations, drags).
    cy.on('position', 'node', () => this.#scheduleTitles());
    // Labels follow the zoom: drawn while legible, hidden when not. Checked once the zoom has rested
    // for a moment, not at every step of a wheel spin: a change restyles every element (a second on a
    // graph of a few thousand), which would make each step of the zoom wait for it.
    cy.on('zoom', () => {
      clearTimeout(this.#zoomTimer);
      this.#zoomTimer = setTimeout(() => {
        this.#zoomTimer = undefined;
        // An animated fit has set the labels of where it ends (see fit); its frames leave them be.
        if (this.#fitAnimating && cy.animated()) return;
        this.#fitAnimating = false;
        this.#applyLabels(labelRulesFor(cy.zoom()));
      }, ZOOM_REST_MS);
    });
    // Only the user's own panning and zooming is reported; fits, centring and restored views are not.
    cy.on('dragpan scrollzoom pinchzoom', () => this.#userMovedCamera());
    return cy;
  }

  /**
   * The renderer a graph of `elements` elements should get: WebGL above a size where it pays, and
   * only on a hardware GPU (a software one such as SwiftShader is slower than canvas); `options.renderer`
   * forces one. Re-creates the instance when the choice changes (a new graph of another size).
   */
  #chooseRenderer(elements: number): void {
    const large = elements >= LARGE_GRAPH_ELEMENTS;
    const webgl = this.#wantsWebgl(elements) && webglRenderer.state === 'ready';
    if (webgl === (this.#renderer === 'webgl') && large === this.#large) return;
    if (this.#cy.elements().nonempty() || webgl !== (this.#renderer === 'webgl') || large !== this.#large) {
      this.#stopParts(); // the lines still to add and actors to move belonged to the instance going
      this.#cy.destroy();
      this.#cy = this.#mount(webgl, large);
      this.#appliedLayout = undefined;
      this.#appliedLayoutFitted = undefined;
    }
    this.#large = large;
  }

  #wantsWebgl(elements: number): boolean {
    const forced = this.#options.renderer ?? 'auto';
    const large = elements >= LARGE_GRAPH_ELEMENTS;
    return forced === 'webgl' || (forced === 'auto' && large && hardwareWebGL().hardware);
  }

  /** Loads the WebGL renderer, then makes the update that waited for it (the last one asked for). */
  async #loadWebgl(): Promise<void> {
    if (webglRenderer.state === 'idle') {
      const loaded = loadWebglRenderer().then(
        () => {
          webglRenderer = { state: 'ready' };
        },
        (err: unknown) => {
          console.warn('The WebGL renderer could not be loaded; drawing on canvas.', err);
          webglRenderer = { state: 'failed' };
        },
      );
      webglRenderer = { state: 'loading', loaded };
    }
    if (webglRenderer.state === 'loading') await webglRenderer.loaded;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting && !this.#destroyed) this.update(waiting.elements, waiting.layout, waiting.animate);
  }

  /** Which renderer draws the graph: 'canvas', or 'webgl' on a large graph with a hardware GPU. */
  get renderer(): 'canvas' | 'webgl' {
    return this.#renderer;
  }

  /**
   * The Cytoscape instance, for the other modules of src/render (e.g. capturing the drawn scene for
   * export). Code outside src/render must not use it.
   */
  get cy(): Core {
    return this.#cy;
  }

  /**
   * Shows `elements` placed by `layout`. Nodes keep their places across filter changes; a new
   * layout animates from the old places to the new ones. When the set of drawn actors changes and
   * the user has not moved the camera, the view refits. Returns true when positions changed.
   */
  update(elements: readonly GraphElement[], layout: LayoutRequest, animate = true): boolean {
    const webglPending = webglRenderer.state === 'idle' || webglRenderer.state === 'loading';
    if (webglPending && this.#wantsWebgl(layout.elements.length)) {
      // Drawn when the renderer is in: a fraction of a second, against seconds to draw it twice.
      this.#waiting = { elements, layout, animate };
      void this.#loadWebgl();
      return false;
    }
    this.#waiting = undefined;
    this.#chooseRenderer(layout.elements.length);
    const layoutId = `${layout.key}|${layout.name}|${layout.name === 'breadthfirst' ? (layout.root ?? '') : ''}`;
    const layoutChanged =
      layoutId !== this.#appliedLayout || (layout.name === 'manual' && layout.manual !== this.#appliedManual);
    if (layoutChanged) {
      this.#target = { ...this.#positions(layout, layoutId) };
      if (layout.name === 'manual' && layout.manual) Object.assign(this.#target, layout.manual);
    }
    this.#lastLayout = layout;
    // Another graph altogether (no actor in common) is shown at once, not flown to from the last one's view.
    const firstTime =
      this.#appliedLayout === undefined ||
      !elements.some((e) => e.group === 'nodes' && this.#cy.getElementById(e.data.id).nonempty());
    const fitting = firstTime || layoutId !== this.#appliedLayoutFitted;
    // Another graph: the last one's picture is not shown while the new one is drawn.
    if (firstTime) this.#slices.forget();
    // The labels legible at the zoom the coming fit will have are set before the elements are added:
    // set after, they restyle every element (seconds on a large graph), since a label rule is a
    // stylesheet change. The fit's zoom handler then makes them exact.
    if (fitting) {
      const zoom = this.#expectedFitZoom(elements);
      if (zoom !== undefined) this.#applyLabels(labelRulesFor(zoom));
    }
    const before = this.#nodeSet();
    const moved = this.#setElements(elements, !firstTime && animate && layoutId !== this.#appliedLayout);
    this.#appliedLayout = layoutId;
    this.#appliedManual = layout.manual;
    const setChanged = before !== this.#nodeSet();
    if (setChanged || moved) this.#options.onHover?.(null);
    if (fitting) {
      this.#appliedLayoutFitted = layoutId;
      this.#userMoved = false;
      this.fit({ animate: !firstTime });
    } else if (setChanged && !this.#userMoved) {
      this.fit({ animate });
    }
    return moved || layoutChanged;
  }

  /** The ids of the drawn actors, as one string to compare. */
  #nodeSet(): string {
    return this.#cy
      .nodes()
      .not('.group-title')
      .map((n) => n.id())
      .sort()
      .join('\u0000');
  }

  /**
   * Positions of every node of the layout request: the file's own, or computed once per layout and
   * cached. A small graph is laid out at once; a larger one gets a quick placement now while the
   * real layout runs in a worker (or comes from the IndexedDB cache) and animates in when ready.
   */
  #positions(layout: LayoutRequest, layoutId: string): Record<string, Position> {
    if (layout.name === 'curated' && layout.curated) return this.#completed(layout, layout.curated, layoutId);
    const name: ComputedLayoutName =
      layout.name === 'manual' || layout.name === 'curated' ? 'fcose' : layout.name;
    const cacheKey = `${layout.key}|${name}|${name === 'breadthfirst' ? (layout.root ?? '') : ''}`;
    const cached = this.#positionCache.get(cacheKey);
    if (cached) {
      this.#cancelJob();
      return cached;
    }
    const input = this.#layoutInput(layout, name);
    // fCoSE lives only in the worker (it is not in the start-up bundle); the block layouts are quick
    // enough to run here for a small graph.
    if (name !== 'fcose' && input.nodes.length <= MAIN_THREAD_LAYOUT_MAX) {
      this.#cancelJob();
      const positions = computeLayout(input);
      this.#positionCache.set(cacheKey, positions);
      return positions;
    }
    this.#startJob(layoutId, cacheKey, layout.name, input);
    return this.#meanwhile(input);
  }

  /**
   * Where actors wait while their layout is computed in the background: those already drawn stay
   * where they are, so switching layout moves them once, to the new layout (not first to a grid and
   * then again); the others get a quick grid placement.
   */
  #meanwhile(input: LayoutInput): Record<string, Position> {
    const cy = this.#cy;
    const groups = new Set(input.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
    const drawn: Record<string, Position> = {};
    let missing = false;
    for (const n of input.nodes) {
      if (groups.has(n.id)) continue; // a group takes the box of its members
      const ele = cy.getElementById(n.id);
      if (ele.nonempty() && ele.isNode() && ele.isChildless()) drawn[n.id] = { ...ele.position() };
      else missing = true;
    }
    return missing ? { ...computeLayout({ ...input, name: 'grid' }), ...drawn } : drawn;
  }

  #layoutInput(layout: LayoutRequest, name: ComputedLayoutName): LayoutInput {
    const cy = this.#cy;
    const nodes = layoutNodes(layout.elements, this.#measure);
    return {
      name,
      nodes,
      edges: layoutEdges(layout.elements, this.#measure),
      ...(layout.root ? { root: layout.root } : {}),
      aspect: cy.width() > 0 && cy.height() > 0 ? cy.width() / cy.height() : 1.5,
      quality: qualityFor(nodes.length),
    };
  }

  /** Whether a layout is being computed in the background (the picture will still move). */
  get layoutRunning(): boolean {
    return this.#job !== undefined;
  }

  /** Stops the layout running in the background; the quick placement stays. */
  cancelLayout(): void {
    const job = this.#job;
    if (!job) return;
    this.#cancelJob();
    this.#options.onLayout?.({ state: 'cancelled', layout: job.name });
  }

  #cancelJob(): void {
    this.#job?.worker?.terminate();
    this.#job = undefined;
  }

  #startJob(layoutId: string, cacheKey: string, name: LayoutName, input: LayoutInput): void {
    this.#cancelJob();
    const job: LayoutJobState = { layoutId, name, since: performance.now() };
    this.#job = job;
    this.#options.onLayout?.({
      state: 'running',
      layout: name,
      actors: input.nodes.length,
      since: Date.now(),
    });
    const finish = (positions: Record<string, Position>, fromCache: boolean) => {
      if (this.#job !== job) return;
      this.#job = undefined;
      this.#positionCache.set(cacheKey, positions);
      this.#options.onLayout?.({ state: 'done', layout: name, ms: performance.now() - job.since, fromCache });
      if (this.#appliedLayout !== layoutId) return;
      // Positions the user or the file fixed stay where they are.
      const current = this.#lastLayout;
      const fixed =
        current?.name === 'manual'
          ? current.manual
          : current?.name === 'curated'
            ? current.curated
            : undefined;
      this.#target = { ...positions, ...fixed };
      // The elements are those drawn: only places change.
      this.#stopMoving?.();
      this.#place(true);
      if (!this.#userMoved) this.fit({ animate: true });
    };
    const fail = (error: string) => {
      if (this.#job !== job) return;
      this.#cancelJob();
      this.#options.onLayout?.({ state: 'failed', layout: name, error });
    };
    void (async () => {
      let key: string | undefined;
      try {
        key = await layoutKey(input);
        const stored = await cachedLayout(key);
        if (stored && this.#job === job) {
          finish(stored, true);
          return;
        }
      } catch {
        // no cache: compute
      }
      if (this.#job !== job) return;
      const worker = new Worker(new URL('./layout/layout.worker.ts', import.meta.url), { type: 'module' });
      job.worker = worker;
      worker.onmessage = (event: MessageEvent<LayoutReply>) => {
        worker.terminate();
        const reply = event.data;
        if ('error' in reply) {
          fail(reply.error);
          return;
        }
        if (key) void storeLayout(key, reply.positions);
        finish(reply.positions, false);
      };
      worker.onerror = (event) => {
        worker.terminate();
        fail(event.message || 'the layout worker stopped');
      };
      worker.postMessage({ id: 1, input } satisfies LayoutJob);
    })();
  }

  /** The file's own positions, with any actor it leaves out placed by the force-directed layout. */
  #completed(
    layout: LayoutRequest,
    given: Record<string, Position>,
    layoutId: string,
  ): Record<string, Position> {
    // Groups take the box of their members; only actors that are not groups need a place.
    const groups = new Set(
      layout.elements.flatMap((e) => (e.group === 'nodes' && e.data.parent ? [e.data.parent] : [])),
    );
    const missing = layout.elements.some(
      (e) => e.group === 'nodes' && !groups.has(e.data.id) && !given[e.data.id],
    );
    const placed = missing ? { ...this.#positions({ ...layout, name: 'fcose' }, layoutId), ...given } : given;
    return { ...groupCentres(layout.elements, placed), ...placed };
  }

  #setElements(elements: readonly GraphElement[], animate: boolean): boolean {
    const cy = this.#cy;
    // Lines still coming in parts are added below with the rest of what is missing, if still wanted;
    // actors still to move are moved below to where they are wanted now.
    this.#stopParts();
    const wanted = new Map(elements.map((e) => [e.data.id, e]));
    let structural = false;
    const place = (id: string): Position | undefined => this.#target[id];
    // Not cy.batch(): an error inside it would leave Cytoscape batching, and so never drawing again.
    cy.startBatch();
    try {
      const gone = cy.elements().filter((ele) => !ele.id().startsWith(TITLE_PREFIX) && !wanted.has(ele.id()));
      if (gone.nonempty()) structural = true;
      // Children leave a parent before it goes, so they are not removed with it.
      gone.nodes().children().move({ parent: null });
      cy.remove(gone);
      // New actors first, so that drawn actors can move into a group shown again (States hidden and
      // shown: the United States' members wait, drawn, for it); then the drawn actors; then the
      // titles of the groups this makes; then the lines, some of which start or end at a title.
      const addedNodes: ElementDefinition[] = [];
      const addedEdges: ElementDefinition[] = [];
      const drawnNodes: [NodeSingular, GraphElement][] = [];
      const drawnEdges: [EdgeCollection, GraphElement, Record<string, unknown>][] = [];
      for (const el of elements) {
        const existing = cy.getElementById(el.data.id);
        const data: Record<string, unknown> =
          el.group === 'edges' ? { ...el.data, ...drawnEnds(el) } : { ...el.data };
        if (existing.nonempty()) {
          if (el.group === 'nodes') drawnNodes.push([existing as NodeSingular, el]);
          else drawnEdges.push([existing as EdgeCollection, el, data]);
          continue;
        }
        const p = el.group === 'nodes' ? place(el.data.id) : undefined;
        (el.group === 'nodes' ? addedNodes : addedEdges).push({
          group: el.group,
          data,
          classes: el.classes,
          ...(p ? { position: { ...p } } : {}),
        });
      }
      if (addedNodes.length > 0) cy.add(addedNodes);
      for (const [node, el] of drawnNodes) {
        const parent = (el.data as { parent?: string }).parent ?? null;
        // move() puts a new element in the old one's place.
        const now = (node.data('parent') ?? null) !== parent ? node.move({ parent }) : node;
        update(now, el, { ...el.data });
      }
      // Titles exist before the edges that start or end at them (claims between a group and its
      // member); #place measures them once everything is in.
      this.#titles(false);
      for (const [edge, el, data] of drawnEdges) {
        const now =
          edge.data('source') !== data.source || edge.data('target') !== data.target
            ? edge.move({ source: data.source as string, target: data.target as string })
            : edge;
        update(now, el, data);
      }
      structural ||= addedNodes.length + addedEdges.length > 0;
      // A large graph's first frame shows its actors at once; its lines follow a frame later.
      if (addedEdges.length >= PROGRESSIVE_EDGES && addedNodes.length > 0) this.#addLater(addedEdges);
      else if (addedEdges.length > 0) cy.add(addedEdges);
    } finally {
      cy.endBatch();
    }
    return this.#place(animate) || structural;
  }

  /**
   * Moves the actors drawn to their places in #target (animated if asked and small enough); groups
   * follow their members. Whether any moved.
   */
  #place(animate: boolean): boolean {
    const cy = this.#cy;
    const place = (id: string): Position | undefined => this.#target[id];
    // Leaf nodes go to their places; groups follow their members.
    const leaves = cy.nodes().filter((n) => n.isChildless() && !n.id().startsWith(TITLE_PREFIX));
    const moves: [NodeSingular, Position][] = [];
    leaves.forEach((n) => {
      const p = place(n.id());
      if (p && (Math.abs(p.x - n.position('x')) > 0.5 || Math.abs(p.y - n.position('y')) > 0.5))
        moves.push([n, p]);
    });
    if (animate && moves.length > 0 && cy.elements().length <= ANIMATE_MAX_ELEMENTS) {
      // Aim any fit at where the drawing will be once the nodes arrive.
      this.#arrivingBox = this.#drawingBox(new Map(moves.map(([n, p]) => [n.id(), p])));
      let left = moves.length;
      for (const [n, p] of moves) {
        n.animate(
          { position: p },
          {
            duration: ANIMATION_MS,
            easing: 'ease-in-out-cubic',
            complete: () => {
              if (--left > 0) return;
              this.#arrivingBox = undefined;
              const refit = this.#refitOnArrival;
              this.#refitOnArrival = undefined;
              if (refit) this.fit({ ...refit, animate: true, duration: 200 });
            },
          },
        );
      }
    } else if (moves.length >= MOVES_IN_PARTS) {
      this.#moveInParts(moves);
    } else {
      cy.batch(() => moves.forEach(([n, p]) => n.position(p)));
    }
    // Groups' boxes are measured once Cytoscape has placed their members: titles follow next frame
    // (or the last part of a move in parts).
    if (!this.#stopMoving) {
      this.#syncTitles();
      this.#scheduleTitles();
    }
    return moves.length > 0;
  }

  /** Stops the lines still coming in parts (see #addLater), releasing their hold; unset when none are. */
  #stopLines: (() => void) | undefined;
  /** Lines added in parts and not drawn yet: the picture (and so an export) shows them all at once. */
  #undrawn = new Set<string>();

  /** Stops what is still coming in parts: lines to add (#addLater) and actors to move (#moveInParts). */
  #stopParts(): void {
    this.#stopLines?.();
    this.#stopMoving?.();
  }

  get undrawnLines(): ReadonlySet<string> {
    return this.#undrawn;
  }

  /**
   * Holds back frames drawn because elements changed (panning and zooming still draw) until the
   * returned function is called; the picture is then drawn once with everything changed meanwhile.
   */
  holdDrawing(): () => void {
    return holdDrawing(this.#cy);
  }

  /**
   * Adds a large graph's lines after the frame that draws its actors, in parts (#inParts): no task
   * styles them all, and they are drawn once, when the last part is in.
   * Any later update stops it (#setElements adds what is still missing and wanted).
   */
  #addLater(edges: ElementDefinition[]): void {
    this.#stopLines?.();
    const cy = this.#cy;
    const { stop } = this.#inParts(
      edges,
      EDGE_PART_FIRST,
      (part) => {
        const wanted = part.filter(
          (e) =>
            cy.getElementById(e.data.id!).empty() &&
            cy.getElementById(e.data.source as string).nonempty() &&
            cy.getElementById(e.data.target as string).nonempty(),
        );
        let added: CollectionReturnValue | undefined;
        cy.batch(() => (added = addEdgesAlone(cy, wanted)));
        for (const e of wanted) this.#undrawn.add(e.data.id!);
        return added!;
      },
      () => finish(),
    );
    const finish = () => {
      if (this.#stopLines !== finish) return;
      this.#stopLines = undefined;
      this.#undrawn.clear();
      stop();
    };
    this.#stopLines = finish;
  }

  /** Stops the actors still to move in parts (see #moveInParts); unset when none are. */
  #stopMoving: (() => void) | undefined;

  /**
   * Moves a large graph's actors to their new places in parts (#inParts), as when its layout arrives
   * from the worker: no task works out the new geometry of them all and their lines, and the new
   * picture is drawn once, when all are in place (meanwhile the last one stays). A fit asked for
   * meanwhile is made then, with the group titles, unless the user has moved the camera since.
   * Any later update stops it (#setElements moves what is still to move).
   */
  #moveInParts(moves: [NodeSingular, Position][]): void {
    const cy = this.#cy;
    // A group's bounds are measured again from all its members whenever one moves: parts that
    // each take a few groups whole measure each group about once, not once per part.
    const byGroup = new Map<string, [NodeSingular, Position][]>();
    for (const move of moves) {
      const group = (move[0].data('parent') as string | undefined) ?? '';
      let list = byGroup.get(group);
      if (!list) byGroup.set(group, (list = []));
      list.push(move);
    }
    const { stop, rush } = this.#inParts(
      [...byGroup.values()].flat(),
      MOVE_PART_FIRST,
      (part) => {
        let moved = cy.collection();
        cy.batch(() => {
          for (const [n, p] of part) n.position(p);
          moved = cy.collection(part.map(([n]) => n) as never);
        });
        return moved.union(moved.connectedEdges());
      },
      () => {
        finish();
        this.#syncTitles();
        const refit = this.#refitOnArrival;
        this.#refitOnArrival = undefined;
        if (refit && !this.#userMoved) this.fit(refit);
      },
    );
    const finish = () => {
      if (this.#stopMoving !== finish) return;
      this.#stopMoving = undefined;
      this.#placeNow = undefined;
      stop();
    };
    this.#stopMoving = finish;
    this.#placeNow = rush;
  }

  /** Moves the actors still to move in parts now (see #moveInParts); unset when none are. */
  #placeNow: (() => void) | undefined;

  /** Puts every actor still moving to its place in parts there now: a capture shows them where they go. */
  placeNow(): void {
    this.#placeNow?.();
  }

  /**
   * Runs `work` over `items` in parts, a task each, after a frame each, with drawing held back
   * until all are done: Cytoscape's frame work for a part (styling, geometry) runs in the held frame
   * after it, and what drawing will ask of the elements a part returns is worked out in the task
   * after that (prepareForDrawing), so the frame that finally draws has none left to do. Parts are
   * sized, from `first` items, so that one takes about PART_MS with its frame and preparing; the
   * page answers in between. `done` runs once the last part is prepared. Returns `stop`, which
   * stops it and releases the drawing (once is enough), and `rush`, which does all that is left now.
   * Drawing is held from the first part: the frame before it draws what came before (a large
   * graph's actors, when its lines are to follow).
   */
  #inParts<T>(
    items: readonly T[],
    first: number,
    work: (part: T[]) => CollectionReturnValue,
    done: () => void,
  ): { stop: () => void; rush: () => void } {
    const cy = this.#cy;
    // Held from the first part on: the frame before it still draws (a large graph's actors, at once).
    let release: (() => void) | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      release?.();
    };
    let from = 0;
    let size = first;
    let last = 0;
    let touched: CollectionReturnValue | undefined;
    const next = () => {
      if (stopped) return;
      release ??= holdDrawing(cy);
      // The part done last had its frame (held back): what the drawing will ask of it is worked out now.
      if (touched) prepareForDrawing(touched.filter((e) => !e.removed()));
      // The time since the last part is its work, its frame and its preparing (and a frame's wait).
      const now = performance.now();
      if (last > 0) size = Math.round(Math.max(100, Math.min(4 * size, (size * PART_MS) / (now - last))));
      last = now;
      if (from >= items.length) {
        done();
        stop();
        return;
      }
      touched = work(items.slice(from, (from += size)));
      requestAnimationFrame(() => setTimeout(next, 0));
    };
    requestAnimationFrame(() => setTimeout(next, 0));
    const rush = () => {
      if (stopped) return;
      release ??= holdDrawing(cy);
      if (from < items.length) work(items.slice(from));
      from = items.length;
      done();
      stop();
    };
    return { stop, rush };
  }

  /**
   * Whether part of the picture is still to be drawn: a large graph's lines, the labels of a new
   * zoom, a whole graph waiting for the WebGL renderer to load, or a large graph's picture drawn in
   * slices.
   */
  get drawingPending(): boolean {
    return (
      this.#stopLines !== undefined ||
      this.#stopMoving !== undefined ||
      this.#zoomTimer !== undefined ||
      this.#waiting !== undefined ||
      this.#slices.drawing
    );
  }

  #scheduleTitles(): void {
    // Actors moving in parts: the titles follow the last part (#moveInParts).
    if (this.#titleFrame || this.#stopMoving) return;
    this.#titleFrame = requestAnimationFrame(() => {
      this.#titleFrame = 0;
      this.#syncTitles();
    });
  }

  /**
   * A group's title is drawn by a small node of its own at the top of the group's box, above the
   * lines: Cytoscape draws a group's own label beneath the edges, where arrowheads converging on the
   * box cover it. The title node takes no part in layouts, events or counts.
   */
  #syncTitles(): void {
    this.#titles(true);
  }

  /**
   * The titles of the groups drawn, and none other. `measure`: each placed, worded and classed from
   * its group's box as drawn now; otherwise only the missing ones made, at their group, for lines to
   * start from until the next #syncTitles (which #place calls before anything is drawn).
   */
  #titles(measure: boolean): void {
    const cy = this.#cy;
    const groups = cy.nodes(':parent');
    const wanted = new Set(groups.map((g) => TITLE_PREFIX + g.id()));
    cy.batch(() => {
      cy.nodes(`[id ^= "${TITLE_PREFIX}"]`)
        .filter((t) => !wanted.has(t.id()))
        .remove();
      groups.forEach((g) => {
        const id = TITLE_PREFIX + g.id();
        if (!measure) {
          if (cy.getElementById(id).empty()) {
            cy.add({
              group: 'nodes',
              data: { id, label: String(g.data('label') ?? ''), owner: g.id(), maxWidth: 40 },
              classes: ['group-title'],
              position: { ...g.position() },
            })
              .ungrabify()
              .unselectify();
          }
          return;
        }
        // Measure the box from the members (a group's own cached box may lag a batch of moves).
        const bb = g.children().boundingBox({ includeLabels: true, includeOverlays: false });
        bb.y1 -= GROUP_PADDING;
        bb.x1 -= GROUP_PADDING;
        bb.x2 += GROUP_PADDING;
        const pos = { x: (bb.x1 + bb.x2) / 2, y: bb.y1 + GROUP_PADDING / 2 + 1 };
        const maxWidth = Math.max(40, bb.x2 - bb.x1 - 12);
        const label = this.#groupTitle(g, maxWidth);
        const classes = ['group-title', ...g.classes().filter((c) => c === 'faded' || c.startsWith('kind-'))];
        let t = cy.getElementById(id);
        if (t.empty()) {
          t = cy.add({
            group: 'nodes',
            data: { id, label, owner: g.id(), maxWidth },
            classes,
            position: pos,
          });
        } else {
          if (t.data('label') !== label) t.data('label', label);
          if (Math.abs((t.data('maxWidth') as number) - maxWidth) > 1) t.data('maxWidth', maxWidth);
          if (t.classes().join(' ') !== classes.join(' ')) t.classes(classes);
          const p = t.position();
          if (Math.abs(p.x - pos.x) > 0.1 || Math.abs(p.y - pos.y) > 0.1) t.position(pos);
        }
        t.ungrabify().unselectify();
      });
    });
  }

  /**
   * What a group's title says in a box `room` wide: its name, or, when that is too wide, its longest
   * other name that fits (the full name is in the details); failing that, its name, which Cytoscape
   * cuts short with an ellipsis.
   */
  #groupTitle(group: NodeSingular, room: number): string {
    const label = String(group.data('label') ?? '');
    const fits = (title: string) => this.#titleWidth(title) + TITLE_SLACK <= room;
    if (fits(label)) return label;
    const aliases = String(group.data('aliases') ?? '')
      .split('\n')
      .filter((a) => a.trim() !== '' && fits(a))
      .sort((a, b) => b.length - a.length);
    return aliases[0] ?? label;
  }

  /** Title widths measured so far, by title. */
  #titleWidths = new Map<string, number>();

  /** How wide `title` is drawn as a group's title, in model units (as at zoom 1). */
  #titleWidth(title: string): number {
    let width = this.#titleWidths.get(title);
    if (width === undefined) {
      width = this.#measure(title, `700 ${GROUP_TITLE_PX}px ${GRAPH_FONT}`);
      this.#titleWidths.set(title, width);
    }
    return width;
  }

  setTheme(theme: ThemeName): void {
    if (theme === this.#theme) return;
    this.#theme = theme;
    this.#cy.style(graphStyle(theme, this.#labels));
  }

  #applyLabels(rules: LabelRules): void {
    if (sameLabelRules(rules, this.#labels)) return;
    this.#labels = rules;
    this.#cy.style(graphStyle(this.#theme, rules));
  }

  /** The label rules the canvas draws with now. */
  get labelRules(): LabelRules {
    return this.#labels;
  }

  /**
   * Runs `fn` with the labels drawn as they are at `zoom` (an export of the whole graph shows the
   * labels legible at its own scale, not those of the screen's zoom), then puts them back.
   */
  withLabelsAt<T>(zoom: number, fn: () => T): T {
    const before = this.#labels;
    this.#applyLabels(labelRulesFor(zoom));
    try {
      return fn();
    } finally {
      this.#applyLabels(before);
    }
  }

  /** Selects one element (and only it), or clears the selection. */
  select(id: string | null): void {
    const cy = this.#cy;
    const now = cy.elements(':selected');
    // A click has already selected it: selecting again would restyle it twice more.
    if (id ? now.length === 1 && now[0]!.id() === id : now.empty()) return;
    cy.batch(() => {
      now.unselect();
      if (id) cy.getElementById(id).select();
    });
  }

  /**
   * The box the drawing fills: every actor with its label, at its place or at `moved`'s place for
   * it, with a margin for group boxes and loops. Fits use this one measure so the same layout
   * always gets the same camera.
   */
  #drawingBox(moved = new Map<string, Position>()): { x1: number; y1: number; w: number; h: number } {
    const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    const grow = (b: { x1: number; y1: number; x2: number; y2: number }, dx = 0, dy = 0) => {
      box.x1 = Math.min(box.x1, b.x1 + dx);
      box.y1 = Math.min(box.y1, b.y1 + dy);
      box.x2 = Math.max(box.x2, b.x2 + dx);
      box.y2 = Math.max(box.y2, b.y2 + dy);
    };
    // One measure of them all fills each node's cached box first: Cytoscape measures a node whose box
    // is stale on its own by a general path with a cost of its own per node (on the 20k graph's first
    // picture, this box took 2.4 s measured node by node, 2.0 s so).
    refreshGeometry(this.#cy.elements('node'));
    this.#cy.nodes().forEach((n) => {
      if (n.id().startsWith(TITLE_PREFIX)) return;
      if (n.isParent()) {
        // A group's box where it stands now; while members travel, fit() measures again on arrival.
        if (moved.size === 0) grow(n.boundingBox({ includeLabels: false }));
        return;
      }
      const p = moved.get(n.id()) ?? n.position();
      grow(n.boundingBox({ includeLabels: true }), p.x - n.position('x'), p.y - n.position('y'));
    });
    const margin = 12;
    return {
      x1: box.x1 - margin,
      y1: box.y1 - margin,
      w: box.x2 - box.x1 + 2 * margin,
      h: box.y2 - box.y1 + 2 * margin,
    };
  }

  /**
   * The zoom `fit` will choose once `elements` stand at their target places, estimated from those
   * places alone (before anything is drawn or measured): each actor is taken as a box as wide as a
   * wrapped name and as tall as a node with two lines of name under it.
   */
  #expectedFitZoom(elements: readonly GraphElement[]): number | undefined {
    const cy = this.#cy;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const el of elements) {
      if (el.group !== 'nodes') continue;
      const p = this.#target[el.data.id];
      if (!p) continue;
      x1 = Math.min(x1, p.x);
      y1 = Math.min(y1, p.y);
      x2 = Math.max(x2, p.x);
      y2 = Math.max(y2, p.y);
    }
    if (!Number.isFinite(x1) || cy.width() === 0 || cy.height() === 0) return undefined;
    return this.#fitZoom({ w: x2 - x1 + LABEL_MAX_WIDTH + 24, h: y2 - y1 + 90 }, 16);
  }

  #fitZoom(bb: { w: number; h: number }, padding: number): number {
    const cy = this.#cy;
    const needed = Math.min((cy.width() - 2 * padding) / bb.w, (cy.height() - 2 * padding) / bb.h);
    return Math.min(MAX_FIT_ZOOM, Math.max(MIN_FIT_ZOOM, needed));
  }

  /** Lets the camera zoom out to `zoom` when that is below the usual minimum; otherwise restores it. */
  #allowZoom(zoom: number): void {
    if (!Number.isFinite(zoom)) return;
    const min = Math.min(MIN_ZOOM, Math.max(MIN_FIT_ZOOM, zoom));
    if (this.#cy.minZoom() !== min) this.#cy.minZoom(min);
  }

  /** An animated fit is under way: its frames do not change which labels are drawn. */
  #fitAnimating = false;

  /** Fits the drawing into view; while nodes travel to new places, fits where they will arrive. */
  fit(options: { animate?: boolean; padding?: number; duration?: number } = {}): void {
    const cy = this.#cy;
    this.#userMoved = false;
    if (this.#stopMoving) {
      // Actors are moving in parts: the camera moves with the new picture, once all are in place.
      this.#refitOnArrival = { padding: options.padding ?? 16 };
      return;
    }
    if (cy.elements().empty() || cy.width() === 0 || cy.height() === 0) return;
    const padding = options.padding ?? 16;
    if (this.#arrivingBox) this.#refitOnArrival = { padding };
    const bb = this.#arrivingBox ?? this.#drawingBox();
    if (!Number.isFinite(bb.w) || !Number.isFinite(bb.h)) return;
    const zoom = this.#fitZoom(bb, padding);
    // A drawing too large for the usual range (a big graph in a circle) lowers the limit to fit, with
    // room to zoom out as far again; the next drawing that fits puts it back.
    this.#allowZoom(zoom / 2);
    const pan = {
      x: (cy.width() - zoom * (2 * bb.x1 + bb.w)) / 2,
      y: (cy.height() - zoom * (2 * bb.y1 + bb.h)) / 2,
    };
    cy.stop(true); // a newer fit replaces one still running
    this.#fitAnimating = false;
    // The labels of where the fit ends are set once, now: changing them restyles every element, and
    // left to the zoom handler they would do so again a moment later (or at each animated step).
    this.#applyLabels(labelRulesFor(zoom));
    if (options.animate && cy.elements().length <= ANIMATE_MAX_ELEMENTS) {
      this.#fitAnimating = true;
      cy.animate(
        { zoom, pan },
        {
          duration: options.duration ?? ANIMATION_MS,
          easing: 'ease-in-out-cubic',
          complete: () => {
            this.#fitAnimating = false;
          },
        },
      );
    } else {
      cy.viewport({ zoom, pan });
    }
  }

  /**
   * Centres actor `id` if it is drawn outside the view (a selection made in a list, the search or by
   * keyboard). Reads the view's size from Cytoscape's cache, not from the page's layout: asking the
   * page would lay it out mid-update, before the canvas has drawn the selection.
   */
  centreIfOffScreen(id: string): void {
    const p = this.renderedPosition(id);
    const cy = this.#cy;
    if (p && (p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height())) this.centre(id);
  }

  /** Centres an element in view without changing the zoom. */
  centre(id: string): void {
    const ele = this.#cy.getElementById(id);
    if (ele.empty()) return;
    this.#userMoved = true;
    this.#cy.animate({ center: { eles: ele } }, { duration: ANIMATION_MS });
  }

  viewport(): Viewport {
    const pan = this.#cy.pan();
    return { zoom: this.#cy.zoom(), x: pan.x, y: pan.y };
  }

  /** Puts the camera where a link or the history says; the view then stays there until refitted. */
  setViewport(v: Viewport): void {
    this.#userMoved = true;
    this.#refitOnArrival = undefined;
    this.#cy.stop(true);
    if (v.zoom < this.#cy.minZoom()) this.#allowZoom(v.zoom);
    this.#cy.viewport({ zoom: v.zoom, pan: { x: v.x, y: v.y } });
  }

  /** Whether the user moved the camera since the last fit (the view then no longer refits itself). */
  get userMovedCamera(): boolean {
    return this.#userMoved;
  }

  /** Pans by a distance in screen px, as the user asked from the keyboard. */
  panBy(dx: number, dy: number): void {
    this.#cy.panBy({ x: dx, y: dy });
    this.#userMovedCamera();
  }

  #userMovedCamera(): void {
    this.#userMoved = true;
    clearTimeout(this.#viewportTimer);
    this.#viewportTimer = setTimeout(() => this.#options.onViewport?.(this.viewport()), 250);
  }

  zoomBy(factor: number): void {
    const cy = this.#cy;
    const c = { x: cy.width() / 2, y: cy.height() / 2 };
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: c });
    this.#userMovedCamera();
  }

  /** Actor positions in model coordinates, by id. */
  positions(): Record<string, Position> {
    const out: Record<string, Position> = {};
    this.#cy.nodes().forEach((n) => {
      if (!n.id().startsWith(TITLE_PREFIX)) out[n.id()] = { ...n.position() };
    });
    return out;
  }

  /**
   * The arrangement on screen: where each actor drawn as a point stands, in model coordinates (a
   * group drawn as a box has no place of its own: it wraps its members).
   */
  arrangement(): Record<string, Position> {
    const out: Record<string, Position> = {};
    this.#cy.nodes().forEach((n) => {
      if (n.isChildless() && !n.id().startsWith(TITLE_PREFIX)) out[n.id()] = { ...n.position() };
    });
    return out;
  }

  /** Where each actor is drawn on screen, for hit-testing, keyboard moves and tests. */
  renderedNodes(): RenderedNode[] {
    return (this.#cy.nodes().not('.group-title') as NodeCollection).map((n) => {
      const p = n.renderedPosition();
      return {
        id: n.id(),
        label: String(n.data('label')),
        x: p.x,
        y: p.y,
        visible: n.visible(),
        classes: n.classes(),
      };
    });
  }

  /** Where node `id` is drawn on screen, if it is on the canvas (one node: cheaper than renderedNodes()). */
  renderedPosition(id: string): Position | undefined {
    const node = this.#cy.getElementById(id);
    if (node.empty() || !node.isNode()) return undefined;
    const p = node.renderedPosition();
    return { x: p.x, y: p.y };
  }

  /** Where each edge's midpoint is drawn on screen. */
  renderedEdges(): { id: string; x: number; y: number; classes: string[] }[] {
    return this.#cy.edges().map((e) => {
      const p = e.renderedMidpoint();
      return { id: e.id(), x: p.x, y: p.y, classes: e.classes() };
    });
  }

  counts(): { nodes: number; edges: number } {
    return {
      nodes: this.#cy.nodes().not('.group-title').length,
      edges: this.#cy.edges().length,
    };
  }

  destroy(): void {
    this.#destroyed = true;
    this.#waiting = undefined;
    this.#stopParts();
    this.#cancelJob();
    clearTimeout(this.#viewportTimer);
    cancelAnimationFrame(this.#titleFrame);
    clearTimeout(this.#zoomTimer);
    cancelAnimationFrame(this.#resizeFrame);
    this.#resize.disconnect();
    this.#cy.destroy();
  }
}

/**
 * A place for each group without one: the middle of its members' places, so a group drawn without
 * its members (isolated, or its members filtered out) stands where they would, not at the origin.
 */
function groupCentres(
  elements: readonly GraphElement[],
  placed: Record<string, Position>,
): Record<string, Position> {
  const parentOf = new Map<string, string>();
  for (const e of elements) if (e.group === 'nodes' && e.data.parent) parentOf.set(e.data.id, e.data.parent);
  const groups = new Set(parentOf.values());
  const sums = new Map<string, { x: number; y: number; n: number }>();
  for (const [id, p] of Object.entries(placed)) {
    if (groups.has(id)) continue;
    for (let g = parentOf.get(id); g !== undefined; g = parentOf.get(g)) {
      const s = sums.get(g) ?? { x: 0, y: 0, n: 0 };
      sums.set(g, { x: s.x + p.x, y: s.y + p.y, n: s.n + 1 });
    }
  }
  const out: Record<string, Position> = {};
  for (const [g, s] of sums) out[g] = { x: s.x / s.n, y: s.y / s.n };
  return out;
}
