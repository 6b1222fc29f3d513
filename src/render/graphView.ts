// The one module that owns Cytoscape: it creates the instance, applies element and style changes,
// computes and animates layouts, forwards user events and destroys the instance. Nothing else
// imports `cytoscape` except the registration of extensions in ./cytoscapeSetup.
import type { Core, ElementDefinition, EventObject, LayoutOptions, NodeSingular, Position } from 'cytoscape';
import type { GraphElement } from '../core/elements';
import type { LayoutName, Viewport } from '../core/view/viewState';
import { cytoscape } from './cytoscapeSetup';
import type { ThemeName } from './palette';
import { graphStyle } from './style';

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
  onSelect?: (selected: Selected) => void; // a tap on a node, an edge, or the background (null)
  onHover?: (hover: Hover | null) => void; // the pointer entered or left an element
  onDragged?: (positions: Record<string, Position>) => void; // the user moved nodes: where every node now is (model coordinates)
  onViewport?: (viewport: Viewport) => void; // the user panned or zoomed (reported when it settles)
}

/** What to lay out: the whole graph (so positions do not jump when filters change) and how. */
export interface LayoutRequest {
  name: LayoutName;
  /** Every node the layout places, filters ignored; element ids must be stable across calls. */
  elements: readonly GraphElement[];
  /** Identifies `elements` (e.g. graph id + nesting): positions are cached per key and layout. */
  key: string;
  /** Root actor for the breadth-first layout. */
  root?: string;
  /** Positions the user arranged by hand, used by the "manual" layout on top of fCoSE's. */
  manual?: Record<string, Position>;
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

const LAYOUT_SEED = 20231027;

/** A small seeded generator (mulberry32) so randomised layouts repeat exactly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` with `Math.random` replaced by a seeded generator. fCoSE and cose-base draw their
 * spectral samples and tie-breaks from `Math.random`; seeding it makes the same file give the same
 * picture on every load. Only used around synchronous (non-animated) layout runs.
 */
function withSeededRandom<T>(fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(LAYOUT_SEED);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

export const FCOSE_OPTIONS = {
  name: 'fcose',
  quality: 'proof', // slower cooling: fewer overlaps on a graph of this size
  randomize: true, // spectral start, made repeatable by withSeededRandom
  animate: false, // run synchronously so the seed applies; transitions are animated separately
  fit: false, // the view fits the result itself
  padding: 40, // px around the graph when fitting
  nodeDimensionsIncludeLabels: true, // keep labels from overlapping nodes
  nodeRepulsion: 7000, // push unrelated actors apart
  idealEdgeLength: 90, // px between related actors
  edgeElasticity: 0.35, // how strongly edges pull
  nestingFactor: 0.4, // shorter edges inside a group
  gravity: 2, // pull towards the centre, so outlying actors do not shrink the fit
  gravityRange: 1.5, // how far that pull reaches
  gravityCompound: 3, // keep a group's members together (1.2 left groups half empty)
  gravityRangeCompound: 1, // how far that pull reaches
  numIter: 4000, // upper bound on iterations
  tile: true, // tile disconnected nodes
  tilingPaddingVertical: 24, // px between tiled nodes
  tilingPaddingHorizontal: 24, // px between tiled nodes
} as const;

/** Options of the other layouts; all are deterministic for the same elements in the same order. */
function layoutOptions(request: LayoutRequest): LayoutOptions {
  const common = { animate: false, fit: false, padding: 40, nodeDimensionsIncludeLabels: true };
  switch (request.name) {
    case 'concentric':
      return {
        ...common,
        name: 'concentric',
        concentric: (n: NodeSingular) => n.degree(false), // most connected in the middle
        levelWidth: (nodes: { maxDegree(loops: boolean): number }) => Math.max(1, nodes.maxDegree(false) / 5), // five rings
        minNodeSpacing: 16, // px between nodes on a ring
      } as LayoutOptions;
    case 'breadthfirst':
      return {
        ...common,
        name: 'breadthfirst',
        directed: false, // follow relations either way from the root
        roots: request.root ? [request.root] : undefined, // the selection, or Cytoscape's choice
        circle: true, // levels as rings round the root: a wide graph stays roughly square
        spacingFactor: 0.9, // room between levels
      } as LayoutOptions;
    case 'circle':
      return { ...common, name: 'circle', spacingFactor: 0.7 } as LayoutOptions; // labels may reach past neighbours' nodes
    case 'grid':
      return { ...common, name: 'grid', avoidOverlapPadding: 24, condense: false } as LayoutOptions;
    default:
      return FCOSE_OPTIONS as unknown as LayoutOptions;
  }
}

const ANIMATION_MS = 450;
/** Fitting a handful of actors stops at this zoom instead of blowing them up. */
const MAX_FIT_ZOOM = 1.5;

export class GraphView {
  readonly #cy: Core;
  readonly #options: GraphViewOptions;
  readonly #resize: ResizeObserver;
  /** The offscreen instance layouts are computed on, so the visible one never flickers. */
  #scratch: Core | undefined;
  #positionCache = new Map<string, Record<string, Position>>();
  #appliedLayout: string | undefined;
  #appliedManual: Record<string, Position> | undefined;
  #target: Record<string, Position> = {};
  #viewportTimer: ReturnType<typeof setTimeout> | undefined;
  /** While nodes move to new places: the box the drawing will fill once they arrive. */
  #arrivingBox: { x1: number; y1: number; w: number; h: number } | undefined;
  /** A fit asked for while nodes travelled, to be made exact (groups included) when they arrive. */
  #refitOnArrival: { padding?: number } | undefined;

  constructor(options: GraphViewOptions) {
    this.#options = options;
    this.#cy = cytoscape({
      container: options.container,
      style: graphStyle(options.theme),
      elements: [],
      minZoom: 0.08,
      maxZoom: 5,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    // Cytoscape measures its container once; follow later size changes (panels, window resizes).
    this.#resize = new ResizeObserver(() => this.#cy.resize());
    this.#resize.observe(options.container);
    const cy = this.#cy;
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
    // Only the user's own panning and zooming is reported; fits, centring and restored views are not.
    cy.on('dragpan scrollzoom pinchzoom', () => this.#reportViewport());
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
   * layout animates from the old places to the new ones. Returns true when positions changed.
   */
  update(elements: readonly GraphElement[], layout: LayoutRequest, animate = true): boolean {
    const layoutId = `${layout.key}|${layout.name}|${layout.name === 'breadthfirst' ? (layout.root ?? '') : ''}`;
    const layoutChanged =
      layoutId !== this.#appliedLayout || (layout.name === 'manual' && layout.manual !== this.#appliedManual);
    if (layoutChanged) {
      this.#target = { ...this.#positions(layout) };
      if (layout.name === 'manual' && layout.manual) Object.assign(this.#target, layout.manual);
    }
    const firstTime = this.#appliedLayout === undefined;
    const moved = this.#setElements(elements, !firstTime && animate && layoutId !== this.#appliedLayout);
    this.#appliedLayout = layoutId;
    this.#appliedManual = layout.manual;
    return moved || layoutChanged;
  }

  /** Positions of every node of the layout request, computed once per layout and cached. */
  #positions(layout: LayoutRequest): Record<string, Position> {
    const name = layout.name === 'manual' ? 'fcose' : layout.name;
    const cacheKey = `${layout.key}|${name}|${name === 'breadthfirst' ? (layout.root ?? '') : ''}`;
    const cached = this.#positionCache.get(cacheKey);
    if (cached) return cached;
    const scratch = this.#scratchInstance();
    scratch.elements().remove();
    scratch.add(
      layout.elements.map((el) => ({ group: el.group, data: { ...el.data }, classes: el.classes })),
    );
    const run = () => scratch.layout(layoutOptions({ ...layout, name })).run();
    if (name === 'fcose') withSeededRandom(run);
    else run();
    const positions: Record<string, Position> = {};
    scratch.nodes().forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
    this.#positionCache.set(cacheKey, positions);
    return positions;
  }

  #scratchInstance(): Core {
    if (!this.#scratch) {
      const box = document.createElement('div');
      box.style.cssText = 'position:absolute;left:-20000px;top:0;width:1200px;height:900px;visibility:hidden';
      box.setAttribute('aria-hidden', 'true');
      document.body.append(box);
      this.#scratch = cytoscape({ container: box, style: graphStyle('light'), elements: [] });
    }
    return this.#scratch;
  }

  #setElements(elements: readonly GraphElement[], animate: boolean): boolean {
    const cy = this.#cy;
    const wanted = new Map(elements.map((e) => [e.data.id, e]));
    let structural = false;
    const place = (id: string): Position | undefined => this.#target[id];
    cy.batch(() => {
      const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
      if (gone.nonempty()) structural = true;
      // Children leave a parent before it goes, so they are not removed with it.
      gone.nodes().children().move({ parent: null });
      cy.remove(gone);
      const added: ElementDefinition[] = [];
      for (const el of elements) {
        const existing = cy.getElementById(el.data.id);
        if (existing.empty()) {
          const p = el.group === 'nodes' ? place(el.data.id) : undefined;
          added.push({
            group: el.group,
            data: { ...el.data },
            classes: el.classes,
            ...(p ? { position: { ...p } } : {}),
          });
          continue;
        }
        if (el.group === 'nodes') {
          const parent = (el.data as { parent?: string }).parent ?? null;
          if ((existing.data('parent') ?? null) !== parent) existing.move({ parent });
        } else if (existing.data('source') !== el.data.source || existing.data('target') !== el.data.target) {
          existing.move({ source: el.data.source, target: el.data.target });
        }
        existing.data({ ...el.data });
        existing.classes(el.classes);
      }
      if (added.length > 0) {
        structural = true;
        cy.add(added);
      }
    });
    // Leaf nodes go to their places; groups follow their members.
    const leaves = cy.nodes().filter((n) => n.isChildless());
    const moves: [NodeSingular, Position][] = [];
    leaves.forEach((n) => {
      const p = place(n.id());
      if (p && (Math.abs(p.x - n.position('x')) > 0.5 || Math.abs(p.y - n.position('y')) > 0.5))
        moves.push([n, p]);
    });
    if (animate && moves.length > 0) {
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
    } else {
      cy.batch(() => moves.forEach(([n, p]) => n.position(p)));
    }
    return structural || moves.length > 0;
  }

  setTheme(theme: ThemeName): void {
    this.#cy.style(graphStyle(theme));
  }

  /** Selects one element (and only it), or clears the selection. */
  select(id: string | null): void {
    const cy = this.#cy;
    cy.batch(() => {
      cy.elements(':selected').unselect();
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
    this.#cy.nodes().forEach((n) => {
      if (n.isParent()) {
        // A group's box and title where it stands now; while members travel, fit() measures again on arrival.
        if (moved.size === 0) grow(n.boundingBox({ includeLabels: true }));
        return;
      }
      const p = moved.get(n.id()) ?? n.position();
      grow(n.boundingBox({ includeLabels: true }), p.x - n.position('x'), p.y - n.position('y'));
    });
    const margin = 24;
    return {
      x1: box.x1 - margin,
      y1: box.y1 - margin,
      w: box.x2 - box.x1 + 2 * margin,
      h: box.y2 - box.y1 + 2 * margin,
    };
  }

  /** Fits the drawing into view; while nodes travel to new places, fits where they will arrive. */
  fit(options: { animate?: boolean; padding?: number; duration?: number } = {}): void {
    const cy = this.#cy;
    if (cy.elements().empty()) return;
    const padding = options.padding ?? 20;
    if (this.#arrivingBox) this.#refitOnArrival = { padding };
    const bb = this.#arrivingBox ?? this.#drawingBox();
    const zoom = Math.min(
      MAX_FIT_ZOOM,
      Math.max(cy.minZoom(), Math.min((cy.width() - 2 * padding) / bb.w, (cy.height() - 2 * padding) / bb.h)),
    );
    const pan = {
      x: (cy.width() - zoom * (2 * bb.x1 + bb.w)) / 2,
      y: (cy.height() - zoom * (2 * bb.y1 + bb.h)) / 2,
    };
    cy.stop(true); // a newer fit replaces one still running
    if (options.animate) {
      cy.animate({ zoom, pan }, { duration: options.duration ?? ANIMATION_MS, easing: 'ease-in-out-cubic' });
    } else {
      cy.viewport({ zoom, pan });
    }
  }

  /** Centres an element in view without changing the zoom. */
  centre(id: string): void {
    const ele = this.#cy.getElementById(id);
    if (ele.empty()) return;
    this.#cy.animate({ center: { eles: ele } }, { duration: ANIMATION_MS });
  }

  viewport(): Viewport {
    const pan = this.#cy.pan();
    return { zoom: this.#cy.zoom(), x: pan.x, y: pan.y };
  }

  setViewport(v: Viewport): void {
    this.#cy.viewport({ zoom: v.zoom, pan: { x: v.x, y: v.y } });
  }

  /** Pans by a distance in screen px, as the user asked from the keyboard. */
  panBy(dx: number, dy: number): void {
    this.#cy.panBy({ x: dx, y: dy });
    this.#reportViewport();
  }

  #reportViewport(): void {
    clearTimeout(this.#viewportTimer);
    this.#viewportTimer = setTimeout(() => this.#options.onViewport?.(this.viewport()), 250);
  }

  zoomBy(factor: number): void {
    const cy = this.#cy;
    const c = { x: cy.width() / 2, y: cy.height() / 2 };
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: c });
    this.#reportViewport();
  }

  /** Node positions in model coordinates, by id. */
  positions(): Record<string, Position> {
    const out: Record<string, Position> = {};
    this.#cy.nodes().forEach((n) => {
      out[n.id()] = { ...n.position() };
    });
    return out;
  }

  /** Where each node is drawn on screen, for hit-testing and tests. */
  renderedNodes(): RenderedNode[] {
    return this.#cy.nodes().map((n) => {
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

  /** Where each edge's midpoint is drawn on screen. */
  renderedEdges(): { id: string; x: number; y: number; classes: string[] }[] {
    return this.#cy.edges().map((e) => {
      const p = e.renderedMidpoint();
      return { id: e.id(), x: p.x, y: p.y, classes: e.classes() };
    });
  }

  counts(): { nodes: number; edges: number } {
    return { nodes: this.#cy.nodes().length, edges: this.#cy.edges().length };
  }

  destroy(): void {
    clearTimeout(this.#viewportTimer);
    this.#resize.disconnect();
    this.#cy.destroy();
    if (this.#scratch) {
      const box = this.#scratch.container();
      this.#scratch.destroy();
      box?.remove();
    }
  }
}
