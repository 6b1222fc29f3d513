// The one module that owns Cytoscape: it creates the instance, applies element and style changes,
// runs layouts, forwards user events and destroys the instance. Nothing else imports `cytoscape`
// except the registration of extensions in ./cytoscapeSetup.
import type { Core, ElementDefinition, EventObject, LayoutOptions, Position } from 'cytoscape';
import type { GraphElement } from '../core/elements';
import { cytoscape } from './cytoscapeSetup';
import type { ThemeName } from './palette';
import { graphStyle } from './style';

export type Selected = { type: 'node' | 'edge'; id: string } | null;

export interface GraphViewOptions {
  container: HTMLElement;
  theme: ThemeName; // colours of labels, compounds and selection
  onSelect?: (selected: Selected) => void; // a tap on a node, an edge, or the background (null)
  onLayoutDone?: () => void; // a layout finished and positions are final
}

/** Where an element is drawn, in CSS pixels relative to the container. */
export interface RenderedNode {
  id: string;
  label: string;
  x: number;
  y: number;
  visible: boolean;
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
  fit: true, // fit the viewport to the result
  padding: 40, // px around the graph when fitting
  nodeDimensionsIncludeLabels: true, // keep labels from overlapping nodes
  nodeRepulsion: 12000, // push unrelated actors apart
  idealEdgeLength: 110, // px between related actors
  edgeElasticity: 0.35, // how strongly edges pull
  nestingFactor: 0.6, // shorter edges inside a group
  gravity: 0.3, // pull towards the centre
  gravityCompound: 3, // keep a group's members together (1.2 left groups half empty)
  gravityRangeCompound: 1, // how far that pull reaches
  numIter: 4000, // upper bound on iterations
  tile: true, // tile disconnected nodes
  tilingPaddingVertical: 24, // px between tiled nodes
  tilingPaddingHorizontal: 24, // px between tiled nodes
} as const;

export class GraphView {
  readonly #cy: Core;
  readonly #options: GraphViewOptions;
  readonly #resize: ResizeObserver;

  constructor(options: GraphViewOptions) {
    this.#options = options;
    this.#cy = cytoscape({
      container: options.container,
      style: graphStyle(options.theme),
      elements: [],
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    // Cytoscape measures its container once; follow later size changes (panels opening, window resizes).
    this.#resize = new ResizeObserver(() => this.#cy.resize());
    this.#resize.observe(options.container);
    this.#cy.on('tap', (event: EventObject) => {
      const target = event.target as Core | { isNode(): boolean; id(): string };
      if (target === this.#cy) {
        options.onSelect?.(null);
        return;
      }
      const ele = target as { isNode(): boolean; id(): string };
      options.onSelect?.({ type: ele.isNode() ? 'node' : 'edge', id: ele.id() });
    });
  }

  /**
   * Replaces the drawn elements with `elements`, keeping the positions of nodes that stay. Returns
   * true when nodes were added or removed (so a layout is due).
   */
  setElements(elements: readonly GraphElement[]): boolean {
    const cy = this.#cy;
    const wanted = new Map(elements.map((e) => [e.data.id, e]));
    let structural = false;
    cy.batch(() => {
      const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
      if (gone.nonempty()) structural = true;
      cy.remove(gone);
      const added: ElementDefinition[] = [];
      for (const el of elements) {
        const existing = cy.getElementById(el.data.id);
        if (existing.empty()) {
          added.push({ group: el.group, data: { ...el.data }, classes: el.classes });
          continue;
        }
        const parentChanged = el.group === 'nodes' && existing.data('parent') !== el.data.parent;
        if (parentChanged) {
          existing.move({ parent: (el.data as { parent?: string }).parent ?? null });
        }
        existing.data({ ...el.data });
        existing.classes(el.classes);
      }
      if (added.length > 0) {
        structural = true;
        cy.add(added);
      }
    });
    return structural;
  }

  /**
   * The Cytoscape instance, for the other modules of src/render (e.g. capturing the drawn scene for
   * export). Code outside src/render must not use it.
   */
  get cy(): Core {
    return this.#cy;
  }

  /** Lays the graph out with fCoSE, deterministically. */
  layout(): void {
    if (this.#cy.nodes().empty()) return;
    withSeededRandom(() => {
      this.#cy.layout(FCOSE_OPTIONS as unknown as LayoutOptions).run();
    });
    this.#options.onLayoutDone?.();
  }

  setTheme(theme: ThemeName): void {
    this.#cy.style(graphStyle(theme));
  }

  /** Selects one element (and only it), or clears the selection. */
  select(selected: Selected): void {
    const cy = this.#cy;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      if (selected) cy.getElementById(selected.id).select();
    });
  }

  fit(padding = 40): void {
    this.#cy.fit(undefined, padding);
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
      return { id: n.id(), label: String(n.data('label')), x: p.x, y: p.y, visible: n.visible() };
    });
  }

  counts(): { nodes: number; edges: number } {
    return { nodes: this.#cy.nodes().length, edges: this.#cy.edges().length };
  }

  destroy(): void {
    this.#resize.disconnect();
    this.#cy.destroy();
  }
}
