// Computes node positions for a layout on a headless Cytoscape instance, from sizes measured
// beforehand (each actor's box includes its label), so it runs the same in the page, in a Web
// Worker and in Node. Every layout keeps groups as boxes: force-directed (fCoSE) nests them
// natively; the others lay out each group's members first, then place the groups as blocks.
import type { Core, ElementDefinition, LayoutOptions, NodeSingular } from 'cytoscape';
import { cytoscape } from '../cytoscapeSetup';

export interface LayoutNode {
  id: string;
  parent?: string;
  /** The actor's box with its label, in layout units (CSS px at zoom 1). */
  width: number;
  height: number;
  /** How far the box's centre lies below the actor's own centre (the label hangs below it). */
  labelDrop: number;
  /** Claims the actor takes part in: the concentric layout puts the busiest in the middle. */
  degree: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  /** Width of the relation's label (px at zoom 1): the force layout leaves room for it. */
  labelWidth?: number;
}

export type ComputedLayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'circle';
export type LayoutQuality = 'draft' | 'default' | 'proof';

export interface LayoutInput {
  name: ComputedLayoutName;
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
  /** Root actor of the tree layout; the most connected actor when absent. */
  root?: string;
  /** Width ÷ height of the drawing area: the picture is turned and stretched to fill it. */
  aspect?: number;
  quality?: LayoutQuality;
}

export interface Position {
  x: number;
  y: number;
}

/**
 * Room inside a group's box on every side (Cytoscape pads groups evenly); the group's title sits
 * in the top band.
 */
export const GROUP_PADDING = 26;
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
 * Runs `fn` with `Math.random` replaced by a seeded generator: fCoSE draws its spectral samples and
 * tie-breaks from `Math.random`, so seeding it makes the same graph give the same picture every time.
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

/** fCoSE settings; quality scales with the size of the graph (see `qualityFor`). */
export function fcoseOptions(quality: LayoutQuality, nodeCount: number): LayoutOptions {
  return {
    name: 'fcose',
    quality, // proof: slower cooling, fewer overlaps; draft: spectral placement only
    randomize: true, // spectral start, made repeatable by withSeededRandom
    animate: false, // synchronous, so the seed applies; transitions are animated by the view
    fit: false, // the view fits the result itself
    nodeDimensionsIncludeLabels: false, // sizes given already include the labels
    uniformNodeDimensions: false, // actors differ in size
    packComponents: false, // packing moves members apart from their groups' boxes
    nodeRepulsion: 4500, // push unrelated actors apart
    // px between related actors (60 gave fewer crossings than 90), plus room for the relation's label
    idealEdgeLength: (edge: { data(key: string): unknown }) =>
      60 + Math.min(140, 0.7 * Number(edge.data('labelWidth') ?? 0)),
    edgeElasticity: 0.35, // how strongly edges pull
    nestingFactor: 0.4, // shorter edges inside a group
    gravity: 2, // pull towards the centre, so outlying actors do not shrink the fit
    gravityRange: 1.5, // how far that pull reaches
    gravityCompound: 3, // keep a group's members together
    gravityRangeCompound: 1, // how far that pull reaches
    numIter: nodeCount > 2000 ? 1500 : 4000, // upper bound on iterations
    tile: true, // tile disconnected nodes
    tilingPaddingVertical: 20, // px between tiled nodes
    tilingPaddingHorizontal: 20, // px between tiled nodes
  } as unknown as LayoutOptions;
}

/** The quality a graph of this many actors gets: proof when small, draft when large (measured in the benchmark). */
export function qualityFor(nodeCount: number): LayoutQuality {
  if (nodeCount <= 400) return 'proof';
  if (nodeCount <= 3000) return 'default';
  return 'draft';
}

const style = [
  { selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } },
  { selector: ':parent', style: { padding: `${GROUP_PADDING}px` } },
];

function headless(elements: ElementDefinition[]): Core {
  return cytoscape({ headless: true, styleEnabled: true, style: style as never, elements });
}

/** Positions of every node (actors at their own centre, groups at their box's centre). */
export function computeLayout(input: LayoutInput): Record<string, Position> {
  const known = new Set(input.nodes.map((n) => n.id));
  const edges = input.edges.filter(
    (e) => known.has(e.source) && known.has(e.target) && e.source !== e.target,
  );
  const boxes = input.name === 'fcose' ? forceLayout(input, edges) : blockLayout(input, edges);
  fillAspect(boxes, input);
  if (input.name === 'fcose') {
    // fCoSE can leave two labels touching; nudge any overlapping actors apart.
    const leaves = input.nodes
      .filter((n) => !input.nodes.some((m) => m.parent === n.id))
      .map((n) => ({ id: n.id, width: n.width, height: n.height, degree: n.degree }));
    separate(boxes, leaves);
  }
  // Boxes were placed by their centres; an actor's own centre sits above its box's (label below).
  const out: Record<string, Position> = {};
  const drop = new Map(input.nodes.map((n) => [n.id, n.labelDrop]));
  for (const [id, p] of Object.entries(boxes)) out[id] = { x: p.x, y: p.y - (drop.get(id) ?? 0) };
  return out;
}

function forceLayout(input: LayoutInput, edges: readonly LayoutEdge[]): Record<string, Position> {
  const cy = headless([
    ...input.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, w: n.width, h: n.height, ...(n.parent ? { parent: n.parent } : {}) },
    })),
    ...edges.map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target },
    })),
  ]);
  const quality = input.quality ?? qualityFor(input.nodes.length);
  withSeededRandom(() => cy.layout(fcoseOptions(quality, input.nodes.length)).run());
  const out: Record<string, Position> = {};
  cy.nodes().forEach((n) => {
    out[n.id()] = { ...n.position() };
  });
  cy.destroy();
  return out;
}

interface Block {
  id: string;
  width: number;
  height: number;
  degree: number;
}

/**
 * Circle, concentric and tree layouts, group by group from the innermost: a group's members are
 * laid out as blocks (a member group being one block of its box's size), the group's box is
 * measured, and the group becomes a block of its parent. Nothing overlaps, and groups stay boxes.
 */
function blockLayout(input: LayoutInput, edges: readonly LayoutEdge[]): Record<string, Position> {
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const children = new Map<string | undefined, string[]>();
  for (const n of input.nodes) {
    const parent = n.parent && byId.has(n.parent) ? n.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), n.id]);
  }
  // The child of `group` (or top-level item) that contains `id`.
  const parentOf = (id: string) => {
    const p = byId.get(id)?.parent;
    return p && byId.has(p) ? p : undefined;
  };
  const blockIn = (id: string, group: string | undefined): string | undefined => {
    let cur: string | undefined = id;
    while (cur !== undefined && parentOf(cur) !== group) cur = parentOf(cur);
    return cur;
  };
  const degree = new Map<string, number>();
  for (const n of input.nodes) degree.set(n.id, n.degree);
  const root = input.root && byId.has(input.root) ? input.root : mostConnected(input.nodes);

  // Relative positions of each item inside its group, and each group's size.
  const relative = new Map<string, Position>();
  const size = new Map<string, { width: number; height: number }>();
  const layoutGroup = (group: string | undefined): void => {
    const items = children.get(group) ?? [];
    for (const id of items) {
      if (children.has(id)) layoutGroup(id);
      else size.set(id, { width: byId.get(id)!.width, height: byId.get(id)!.height });
    }
    const blocks: Block[] = items.map((id) => ({ id, ...size.get(id)!, degree: 0 }));
    const links = new Map<string, LayoutEdge>();
    for (const e of edges) {
      const s = blockIn(e.source, group);
      const t = blockIn(e.target, group);
      if (s === undefined || t === undefined || s === t) continue;
      const key = s < t ? `${s}|${t}` : `${t}|${s}`;
      if (!links.has(key)) links.set(key, { id: key, source: s, target: t });
      for (const b of blocks) if (b.id === s || b.id === t) b.degree++;
    }
    const rootBlock = root ? blockIn(root, group) : undefined;
    const placed = placeBlocks(input.name, blocks, [...links.values()], rootBlock);
    // Centre the contents on the origin and record the group's box.
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const b of blocks) {
      const p = placed[b.id]!;
      x1 = Math.min(x1, p.x - b.width / 2);
      x2 = Math.max(x2, p.x + b.width / 2);
      y1 = Math.min(y1, p.y - b.height / 2);
      y2 = Math.max(y2, p.y + b.height / 2);
    }
    const cx = (x1 + x2) / 2;
    const cy = (y1 + y2) / 2;
    for (const b of blocks) relative.set(b.id, { x: placed[b.id]!.x - cx, y: placed[b.id]!.y - cy });
    if (group !== undefined) {
      size.set(group, { width: x2 - x1 + 2 * GROUP_PADDING, height: y2 - y1 + 2 * GROUP_PADDING });
    }
  };
  layoutGroup(undefined);

  // Compose: an item's place is its group's contents origin plus its relative place.
  const out: Record<string, Position> = {};
  const place = (group: string | undefined, origin: Position) => {
    for (const id of children.get(group) ?? []) {
      const r = relative.get(id)!;
      const p = { x: origin.x + r.x, y: origin.y + r.y };
      out[id] = p;
      if (children.has(id)) place(id, p);
    }
  };
  place(undefined, { x: 0, y: 0 });
  return out;
}

function mostConnected(nodes: readonly LayoutNode[]): string | undefined {
  let best: LayoutNode | undefined;
  for (const n of nodes) if (!best || n.degree > best.degree) best = n;
  return best?.id;
}

/** Places blocks of given sizes with Cytoscape's own layout, none overlapping another. */
function placeBlocks(
  name: ComputedLayoutName,
  blocks: readonly Block[],
  links: readonly LayoutEdge[],
  root: string | undefined,
): Record<string, Position> {
  if (blocks.length === 1) return { [blocks[0]!.id]: { x: 0, y: 0 } };
  const cy = headless([
    ...blocks.map((b) => ({
      group: 'nodes' as const,
      data: { id: b.id, w: b.width, h: b.height, degree: b.degree },
    })),
    ...links.map((l) => ({ group: 'edges' as const, data: { ...l } })),
  ]);
  const common = { animate: false, fit: false, avoidOverlap: true, nodeDimensionsIncludeLabels: false };
  const options: Record<string, unknown> =
    name === 'concentric'
      ? {
          ...common,
          name: 'concentric',
          concentric: (n: NodeSingular) => n.data('degree') as number, // busiest in the middle
          levelWidth: () => 2, // degrees within 2 share a ring
          minNodeSpacing: 18, // px between blocks on a ring
        }
      : name === 'breadthfirst'
        ? {
            ...common,
            name: 'breadthfirst',
            directed: false, // follow relations either way from the root
            roots: root ? [root] : undefined,
            spacingFactor: 1.1, // room between levels
            grid: false,
          }
        : { ...common, name: 'circle', spacingFactor: 1, sort: byDegree };
  cy.layout(options as unknown as LayoutOptions).run();
  const out: Record<string, Position> = {};
  cy.nodes().forEach((n) => {
    out[n.id()] = { ...n.position() };
  });
  cy.destroy();
  return separate(out, blocks);
}

const byDegree = (a: NodeSingular, b: NodeSingular) =>
  (b.data('degree') as number) - (a.data('degree') as number) || a.id().localeCompare(b.id());

/**
 * Pushes overlapping blocks apart along the line between their centres until none overlap (a few
 * rounds; Cytoscape's avoidOverlap spaces by the largest block, which a big group can defeat).
 */
function separate(pos: Record<string, Position>, blocks: readonly Block[]): Record<string, Position> {
  const gap = 12;
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const a = blocks[i]!;
        const b = blocks[j]!;
        const pa = pos[a.id]!;
        const pb = pos[b.id]!;
        const ox = (a.width + b.width) / 2 + gap - Math.abs(pa.x - pb.x);
        const oy = (a.height + b.height) / 2 + gap - Math.abs(pa.y - pb.y);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        // Move along the axis that needs the smaller push, half each.
        if (ox < oy) {
          const d = (pa.x <= pb.x ? -1 : 1) * (ox / 2);
          pa.x += d;
          pb.x -= d;
        } else {
          const d = (pa.y <= pb.y ? -1 : 1) * (oy / 2);
          pa.y += d;
          pb.y -= d;
        }
      }
    }
    if (!moved) break;
  }
  return pos;
}

/**
 * Stretches the picture along its short side, up to the drawing area's proportions (at most 1.6×).
 * Scaling along an axis keeps every actor on the same side of every other and of every group's box,
 * and distances only grow, so nothing comes to overlap and the canvas is used. (Turning the picture
 * would not do: labels stay horizontal, so a turn makes neighbours' labels collide.)
 */
function fillAspect(pos: Record<string, Position>, input: LayoutInput): void {
  const aspect = input.aspect;
  const ids = input.nodes.filter((n) => !input.nodes.some((m) => m.parent === n.id)).map((n) => n.id);
  if (!aspect || !Number.isFinite(aspect) || ids.length < 3) return;
  const pts = ids.map((id) => pos[id]!).filter(Boolean);
  const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  const box = bounds(input, pos);
  if (!box) return;
  const current = box.width / box.height;
  const sx = current < aspect ? Math.min(1.6, aspect / current) : 1;
  const sy = current > aspect ? Math.min(1.6, current / aspect) : 1;
  if (sx === 1 && sy === 1) return;
  for (const p of Object.values(pos)) {
    p.x = mx + (p.x - mx) * sx;
    p.y = my + (p.y - my) * sy;
  }
}

function bounds(input: LayoutInput, pos: Record<string, Position>) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of input.nodes) {
    const p = pos[n.id];
    if (!p) continue;
    x1 = Math.min(x1, p.x - n.width / 2);
    x2 = Math.max(x2, p.x + n.width / 2);
    y1 = Math.min(y1, p.y - n.height / 2);
    y2 = Math.max(y2, p.y + n.height / 2);
  }
  return x2 > x1 && y2 > y1 ? { width: x2 - x1, height: y2 - y1 } : undefined;
}
