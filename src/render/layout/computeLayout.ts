// Computes node positions for a layout on a headless Cytoscape instance, from sizes measured
// beforehand (each actor's box includes its label), so it runs the same in the page, in a Web
// Worker and in Node. Every layout keeps groups as boxes: force-directed (fCoSE) nests them
// natively; the others lay out each group's members first, then place the groups as blocks.
import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
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

/**
 * The layouts computed here. `grid` is the quick placement shown at once while another layout is
 * computed in a worker: groups packed as boxes, members in compact grids, in O(n log n).
 */
export type ComputedLayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'circle' | 'grid';
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
export const GROUP_PADDING = 28;
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

function groupIdsOf(nodes: readonly LayoutNode[]): Set<string> {
  return new Set(nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
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
    const groups = groupIdsOf(input.nodes);
    const leaves = input.nodes
      .filter((n) => !groups.has(n.id))
      .map((n) => ({ id: n.id, width: n.width, height: n.height, degree: n.degree }));
    spread(boxes, leaves);
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
    const list = children.get(parent);
    if (list) list.push(n.id);
    else children.set(parent, [n.id]);
  }
  const parentOf = (id: string) => {
    const p = byId.get(id)?.parent;
    return p && byId.has(p) ? p : undefined;
  };
  /** `id` and its groups, innermost first. */
  const chain = (id: string): string[] => {
    const out = [id];
    const seen = new Set(out);
    for (let p = parentOf(id); p !== undefined && !seen.has(p); p = parentOf(p)) {
      out.push(p);
      seen.add(p);
    }
    return out;
  };
  // The child of `group` (or top-level item) that contains `id`.
  const blockIn = (id: string, group: string | undefined): string | undefined => {
    const c = chain(id);
    const i = group === undefined ? c.length : c.indexOf(group);
    return i > 0 ? c[i - 1] : undefined;
  };
  const root = input.root && byId.has(input.root) ? input.root : mostConnected(input.nodes);

  // Each claim links two blocks in exactly one group: the innermost group holding both ends.
  const linksIn = new Map<string | undefined, Map<string, LayoutEdge>>();
  const degreeIn = new Map<string | undefined, Map<string, number>>();
  for (const e of edges) {
    const a = chain(e.source);
    const b = chain(e.target);
    const inB = new Set(b);
    const common = a.find((x) => inB.has(x) && x !== e.source && x !== e.target);
    const aAt = common === undefined ? a.length : a.indexOf(common);
    const bAt = common === undefined ? b.length : b.indexOf(common);
    const s = a[aAt - 1];
    const t = b[bAt - 1];
    if (s === undefined || t === undefined || s === t) continue;
    const key = s < t ? `${s}|${t}` : `${t}|${s}`;
    let links = linksIn.get(common);
    if (!links) linksIn.set(common, (links = new Map()));
    if (!links.has(key)) links.set(key, { id: key, source: s, target: t });
    let degrees = degreeIn.get(common);
    if (!degrees) degreeIn.set(common, (degrees = new Map()));
    degrees.set(s, (degrees.get(s) ?? 0) + 1);
    degrees.set(t, (degrees.get(t) ?? 0) + 1);
  }

  // Relative positions of each item inside its group, and each group's size.
  const relative = new Map<string, Position>();
  const size = new Map<string, { width: number; height: number }>();
  const layoutGroup = (group: string | undefined): void => {
    const items = children.get(group) ?? [];
    for (const id of items) {
      if (children.has(id)) layoutGroup(id);
      else size.set(id, { width: byId.get(id)!.width, height: byId.get(id)!.height });
    }
    const degrees = degreeIn.get(group);
    const blocks: Block[] = items.map((id) => ({ id, ...size.get(id)!, degree: degrees?.get(id) ?? 0 }));
    const links = linksIn.get(group) ?? new Map<string, LayoutEdge>();
    const rootBlock = root ? blockIn(root, group) : undefined;
    // The chosen layout arranges the top level; inside a group, members are packed in a compact grid
    // so the group stays a tight box.
    const quick = input.name === 'grid';
    const placed =
      group === undefined && !quick
        ? placeBlocks(input.name, blocks, [...links.values()], rootBlock)
        : packGrid(blocks, [...links.values()], !quick);
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

/**
 * Places blocks of different sizes with no overlap. Cytoscape's own circle, concentric and tree
 * layouts space every node by the largest one, so a big group block spreads all the others over
 * thousands of pixels; these place each block by its own size.
 */
function placeBlocks(
  name: ComputedLayoutName,
  blocks: readonly Block[],
  links: readonly LayoutEdge[],
  root: string | undefined,
): Record<string, Position> {
  if (blocks.length === 1) return { [blocks[0]!.id]: { x: 0, y: 0 } };
  const byDegree = [...blocks].sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
  const out =
    name === 'breadthfirst'
      ? treeRows(blocks, links, root)
      : name === 'concentric'
        ? rings(chunkRings(byDegree))
        : rings([orderAround(byDegree, links)]);
  return separate(out, blocks);
}

const GAP = 28;

/**
 * Members of a group in a grid about as wide as tall, linked members next to each other (ordered
 * round as on a circle), each column as wide and each row as tall as its largest member.
 */
function packGrid(
  blocks: readonly Block[],
  links: readonly LayoutEdge[],
  neighboursTogether = true,
): Record<string, Position> {
  const sorted = [...blocks].sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
  // Putting linked members side by side costs O(n²): fine inside a group, not for a quick placement.
  const order = neighboursTogether ? orderAround(sorted, links) : sorted;
  const cols = Math.max(1, Math.ceil(Math.sqrt(order.length * 1.3)));
  const rows = Math.ceil(order.length / cols);
  const colWidth = Array.from({ length: cols }, (_, c) =>
    Math.max(0, ...order.filter((_, i) => i % cols === c).map((b) => b.width)),
  );
  const rowHeight = Array.from({ length: rows }, (_, r) =>
    Math.max(0, ...order.slice(r * cols, r * cols + cols).map((b) => b.height)),
  );
  const out: Record<string, Position> = {};
  const gap = GAP / 2;
  order.forEach((b, i) => {
    const c = i % cols;
    const r = Math.floor(i / cols);
    const x = colWidth.slice(0, c).reduce((a, w) => a + w + gap, 0) + colWidth[c]! / 2;
    const y = rowHeight.slice(0, r).reduce((a, h) => a + h + gap, 0) + rowHeight[r]! / 2;
    out[b.id] = { x, y };
  });
  return out;
}
const reach = (b: Block) => Math.hypot(b.width, b.height) / 2;

/**
 * Concentric rings by degree: the busiest block in the middle, then each ring filled, busiest first,
 * with as many blocks as fit round it side by side.
 */
function chunkRings(sorted: readonly Block[]): Block[][] {
  const out: Block[][] = [[sorted[0]!]];
  let outer = reach(sorted[0]!);
  let i = 1;
  while (i < sorted.length) {
    const radius = outer + GAP + reach(sorted[i]!);
    const ring: Block[] = [];
    let around = 0;
    while (
      i < sorted.length &&
      (ring.length === 0 || around + 2 * reach(sorted[i]!) + GAP <= 2 * Math.PI * radius)
    ) {
      around += 2 * reach(sorted[i]!) + GAP;
      ring.push(sorted[i++]!);
    }
    out.push(ring);
    outer = radius + Math.max(...ring.map(reach));
  }
  return out;
}

/** Orders blocks round a circle so linked blocks sit near each other: greedily, from the busiest. */
function orderAround(sorted: readonly Block[], links: readonly LayoutEdge[]): Block[] {
  const linked = new Map<string, Set<string>>();
  for (const l of links) {
    linked.set(l.source, (linked.get(l.source) ?? new Set()).add(l.target));
    linked.set(l.target, (linked.get(l.target) ?? new Set()).add(l.source));
  }
  const left = [...sorted];
  const order = [left.shift()!];
  while (left.length > 0) {
    const last = order[order.length - 1]!;
    const i = left.findIndex((b) => linked.get(last.id)?.has(b.id));
    order.push(left.splice(i >= 0 ? i : 0, 1)[0]!);
  }
  return order;
}

/** Each ring's blocks evenly round a circle big enough to hold them side by side. */
function rings(levels: readonly Block[][]): Record<string, Position> {
  const out: Record<string, Position> = {};
  let outer = 0; // radius reached by the previous ring's blocks
  levels.forEach((ring, k) => {
    const widest = Math.max(...ring.map(reach));
    if (k === 0 && ring.length === 1) {
      out[ring[0]!.id] = { x: 0, y: 0 };
      outer = widest;
      return;
    }
    const around = ring.reduce((sum, b) => sum + 2 * reach(b) + GAP, 0);
    const radius = Math.max(outer + GAP + widest, around / (2 * Math.PI));
    let angle = -Math.PI / 2;
    ring.forEach((b) => {
      const share = ((2 * reach(b) + GAP) / around) * 2 * Math.PI;
      angle += share / 2;
      out[b.id] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
      angle += share / 2;
    });
    outer = radius + widest;
  });
  return out;
}

/**
 * A tree from the root, row by row: each level of distance from the root is a row, blocks ordered
 * under their parents (barycentre) to keep lines from crossing; blocks it cannot reach go last.
 */
function treeRows(
  blocks: readonly Block[],
  links: readonly LayoutEdge[],
  root: string | undefined,
): Record<string, Position> {
  const adj = new Map<string, string[]>();
  for (const l of links) {
    adj.set(l.source, [...(adj.get(l.source) ?? []), l.target]);
    adj.set(l.target, [...(adj.get(l.target) ?? []), l.source]);
  }
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const start = root && byId.has(root) ? root : [...blocks].sort((a, b) => b.degree - a.degree)[0]!.id;
  const level = new Map<string, number>([[start, 0]]);
  const queue = [start];
  for (let h = 0; h < queue.length; h++) {
    for (const n of adj.get(queue[h]!) ?? []) {
      if (!level.has(n)) {
        level.set(n, level.get(queue[h]!)! + 1);
        queue.push(n);
      }
    }
  }
  const deepest = Math.max(...level.values());
  const rows: Block[][] = [];
  for (const b of blocks) {
    const l = level.get(b.id) ?? deepest + 1;
    (rows[l] ??= []).push(b);
  }
  const out: Record<string, Position> = {};
  let y = 0;
  rows.forEach((row, r) => {
    if (r > 0) {
      // Under the parents they hang from: order by the mean place of their neighbours above.
      const mean = (b: Block) => {
        const xs = (adj.get(b.id) ?? [])
          .filter((n) => (level.get(n) ?? Infinity) < r)
          .map((n) => out[n]?.x ?? 0);
        return xs.length ? xs.reduce((a, c) => a + c, 0) / xs.length : 0;
      };
      row.sort((a, b) => mean(a) - mean(b));
    }
    // A level wider than the widest block or 900 px wraps onto more lines, so the tree stays compact.
    const maxWidth = Math.max(900, ...blocks.map((b) => b.width));
    const lines: Block[][] = [[]];
    let used = 0;
    for (const b of row) {
      if (used > 0 && used + b.width > maxWidth) {
        lines.push([]);
        used = 0;
      }
      lines[lines.length - 1]!.push(b);
      used += b.width + GAP;
    }
    for (const line of lines) {
      const height = Math.max(...line.map((b) => b.height));
      const width = line.reduce((sum, b) => sum + b.width + GAP, -GAP);
      let x = -width / 2;
      for (const b of line) {
        out[b.id] = { x: x + b.width / 2, y: y + height / 2 };
        x += b.width + GAP;
      }
      y += height + GAP;
    }
    y += GAP;
  });
  return out;
}

/** A force layout's actors get at least this many times the area of their boxes (gaps included). */
const ROOM = 3;
/** px kept between two actors' boxes when overlaps are pushed apart. */
const SEPARATION = 12;

/**
 * Scales a force layout about its centre until its actors have room: fCoSE's draft quality (used
 * from 3,000 actors) packs them several deep (640,000 overlapping pairs on the 5k graph), which
 * separate() spent 13 s failing to undo (99,000 pairs left); scaled first, the whole layout takes
 * 7 s instead of 22 s and leaves 8,800. Scaling keeps every actor on the same side of every other,
 * so the picture is the same, larger. (Members of a group the draft puts on one spot stay close.)
 */
function spread(pos: Record<string, Position>, blocks: readonly Block[]): void {
  const box = bounds(blocks, pos);
  if (!box) return;
  const area = blocks.reduce(
    (sum, b) => (pos[b.id] ? sum + (b.width + SEPARATION) * (b.height + SEPARATION) : sum),
    0,
  );
  const have = box.width * box.height;
  if (have >= ROOM * area) return;
  const s = Math.sqrt((ROOM * area) / have);
  const cx = box.x1 + box.width / 2;
  const cy = box.y1 + box.height / 2;
  for (const p of Object.values(pos)) {
    p.x = cx + (p.x - cx) * s;
    p.y = cy + (p.y - cy) * s;
  }
}

/** Pushes overlapping blocks apart along the line between their centres until none overlap. */
function separate(pos: Record<string, Position>, blocks: readonly Block[]): Record<string, Position> {
  const gap = SEPARATION;
  const widest = Math.max(0, ...blocks.map((b) => b.width));
  for (let round = 0; round < 60; round++) {
    let moved = false;
    // Sweep along x: only blocks whose spans can meet are compared (O(n log n) plus the pairs that touch).
    const order = [...blocks].sort((a, b) => pos[a.id]!.x - pos[b.id]!.x);
    for (let i = 0; i < order.length; i++) {
      const a = order[i]!;
      const pa = pos[a.id]!;
      for (let j = i + 1; j < order.length; j++) {
        const b = order[j]!;
        const pb = pos[b.id]!;
        if (pb.x - pa.x > (a.width + widest) / 2 + gap) break;
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
  const groups = groupIdsOf(input.nodes);
  const ids = input.nodes.filter((n) => !groups.has(n.id)).map((n) => n.id);
  if (!aspect || !Number.isFinite(aspect) || ids.length < 3) return;
  const pts = ids.map((id) => pos[id]!).filter(Boolean);
  const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  const box = bounds(input.nodes, pos);
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

/** The box the placed `boxes` cover (each centred on its position), or undefined when it is empty. */
function bounds(
  boxes: readonly { id: string; width: number; height: number }[],
  pos: Record<string, Position>,
) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of boxes) {
    const p = pos[n.id];
    if (!p) continue;
    x1 = Math.min(x1, p.x - n.width / 2);
    x2 = Math.max(x2, p.x + n.width / 2);
    y1 = Math.min(y1, p.y - n.height / 2);
    y2 = Math.max(y2, p.y + n.height / 2);
  }
  return x2 > x1 && y2 > y1 ? { x1, y1, width: x2 - x1, height: y2 - y1 } : undefined;
}
