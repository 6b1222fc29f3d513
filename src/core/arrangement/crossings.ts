// Counts the line crossings of an arrangement: the straight segments between the places lines are
// drawn from and to, as the explorer draws them (groups as boxes, group–member claims from the title).
import type { EdgeElement, GraphElement } from '../elements';

export interface Point {
  x: number;
  y: number;
}

/** An actor's box with its label, as the layouts measure it (see render/layout/measureLabels.ts). */
export interface ArrangedNode {
  id: string;
  parent?: string;
  /** Width and height of the actor's box, label included (0 for a group: its box is its members'). */
  width: number;
  height: number;
  /** How far the box's centre lies below the actor's own centre. */
  labelDrop: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One drawn line: the pair of elements it joins (in drawing order) and its two ends. */
export interface Segment {
  id: string;
  /** The ids of the drawn elements the line joins (a group's title is `title:<group>`). */
  ends: readonly [string, string];
  a: Point;
  b: Point;
}

export interface SegmentOptions {
  /** Room inside a group's box on every side, around its members' boxes (Cytoscape's padding). */
  groupPadding?: number; // 28 px, as the explorer draws groups
}

/**
 * The boxes of every group, from their members' boxes (labels included) plus the padding, innermost
 * first; a group inside a group is one box among its parent's members.
 */
export function groupBoxes(
  nodes: readonly ArrangedNode[],
  positions: Readonly<Record<string, Point>>,
  padding = 28,
): Map<string, Box> {
  const children = new Map<string, ArrangedNode[]>();
  for (const n of nodes) if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const boxes = new Map<string, Box>();
  const boxOf = (n: ArrangedNode, seen: Set<string>): Box | undefined => {
    const members = children.get(n.id);
    if (!members) {
      const p = positions[n.id];
      if (!p) return undefined;
      const cy = p.y + n.labelDrop;
      return { x1: p.x - n.width / 2, x2: p.x + n.width / 2, y1: cy - n.height / 2, y2: cy + n.height / 2 };
    }
    const known = boxes.get(n.id);
    if (known) return known;
    if (seen.has(n.id)) return undefined; // a parent cycle: validation refuses these
    seen.add(n.id);
    const inner = members.map((m) => boxOf(m, seen)).filter((b): b is Box => b !== undefined);
    if (inner.length === 0) return undefined;
    const box = {
      x1: Math.min(...inner.map((b) => b.x1)) - padding,
      y1: Math.min(...inner.map((b) => b.y1)) - padding,
      x2: Math.max(...inner.map((b) => b.x2)) + padding,
      y2: Math.max(...inner.map((b) => b.y2)) + padding,
    };
    boxes.set(n.id, box);
    return box;
  };
  for (const n of nodes) if (children.has(n.id)) boxOf(n, new Set());
  return boxes;
}

/** Where a group's title is drawn: centred in the top band of its box. */
export function titlePoint(box: Box, padding = 28): Point {
  return { x: (box.x1 + box.x2) / 2, y: box.y1 + padding / 2 + 1 };
}

/**
 * The lines drawn for `edges` with the nodes at `positions` (actors' own centres), as the explorer
 * draws them: a line to an actor runs to its centre; a line to a group runs to the centre of the
 * group's box and stops at the box; a claim between a group and its own member (class `to-member` or
 * `to-group`) runs from the member to the group's title. Lines whose ends have no place are left out.
 */
export function drawnSegments(
  nodes: readonly ArrangedNode[],
  edges: readonly Pick<EdgeElement, 'data' | 'classes'>[],
  positions: Readonly<Record<string, Point>>,
  options: SegmentOptions = {},
): Segment[] {
  const padding = options.groupPadding ?? 28;
  const boxes = groupBoxes(nodes, positions, padding);
  const centre = (id: string): Point | undefined => {
    const box = boxes.get(id);
    return box ? { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 } : positions[id];
  };
  const out: Segment[] = [];
  for (const e of edges) {
    const { source, target } = e.data;
    const toMember = e.classes.includes('to-member');
    const toGroup = e.classes.includes('to-group');
    const titleOf = (g: string) => (boxes.has(g) ? titlePoint(boxes.get(g)!, padding) : undefined);
    const a = toMember ? titleOf(source) : centre(source);
    const b = toGroup ? titleOf(target) : centre(target);
    if (!a || !b) continue;
    const ends = [toMember ? `title:${source}` : source, toGroup ? `title:${target}` : target] as const;
    // A line to or from a group's box is drawn up to the box's border.
    const aBox = toMember ? undefined : boxes.get(source);
    const bBox = toGroup ? undefined : boxes.get(target);
    const start = aBox ? (exitPoint(b, a, aBox) ?? a) : a;
    const end = bBox ? (exitPoint(a, b, bBox) ?? b) : b;
    out.push({ id: e.data.id, ends, a: start, b: end });
  }
  return out;
}

/** Where the segment from `from` (outside `box`) to `to` (its centre) meets the box's border. */
function exitPoint(from: Point, to: Point, box: Box): Point | undefined {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  let t = 0;
  // The largest t at which the segment is still outside one of the box's four sides.
  if (from.x < box.x1 && dx > 0) t = Math.max(t, (box.x1 - from.x) / dx);
  if (from.x > box.x2 && dx < 0) t = Math.max(t, (box.x2 - from.x) / dx);
  if (from.y < box.y1 && dy > 0) t = Math.max(t, (box.y1 - from.y) / dy);
  if (from.y > box.y2 && dy < 0) t = Math.max(t, (box.y2 - from.y) / dy);
  if (t <= 0 || t >= 1) return undefined; // `from` is inside the box: the line is drawn whole
  return { x: from.x + dx * t, y: from.y + dy * t };
}

/** Whether segments pq and rs cross at a point inside both (touching at an end does not count). */
export function segmentsCross(p: Point, q: Point, r: Point, s: Point): boolean {
  const side = (a: Point, b: Point, c: Point) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  const eps = 1e-9;
  const d1 = side(r, s, p);
  const d2 = side(r, s, q);
  const d3 = side(p, q, r);
  const d4 = side(p, q, s);
  return (
    ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) &&
    ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps))
  );
}

export interface CrossingCount {
  /** Pairs of drawn lines that cross. */
  count: number;
  /** The crossing pairs, as `a × b` of line ids (the first line drawn between each pair of ends). */
  pairs: string[];
}

/**
 * Counts the crossings of `segments`. Lines that share an end never count (they meet there); several
 * lines between the same two ends (both directions, or claims not bundled) are one line, as they
 * would be drawn straight; collinear overlaps do not count.
 */
export function countCrossings(segments: readonly Segment[]): CrossingCount {
  const byPair = new Map<string, Segment>();
  for (const s of segments) {
    if (s.ends[0] === s.ends[1]) continue;
    const key = [...s.ends].sort().join('\u0000');
    if (!byPair.has(key)) byPair.set(key, s);
  }
  const lines = [...byPair.values()];
  const pairs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    for (let j = i + 1; j < lines.length; j++) {
      const b = lines[j]!;
      if (a.ends.some((x) => b.ends.includes(x))) continue;
      if (segmentsCross(a.a, a.b, b.a, b.b)) pairs.push(`${a.id} × ${b.id}`);
    }
  }
  return { count: pairs.length, pairs };
}

/** The edges of a drawn view (`visibleGraph(...).elements`), for `drawnSegments`. */
export function drawnEdges(elements: readonly GraphElement[]): EdgeElement[] {
  return elements.filter((e): e is EdgeElement => e.group === 'edges');
}
