import { describe, expect, it } from 'vitest';
import type { EdgeElement } from '../elements';
import { countCrossings, drawnSegments, groupBoxes, segmentsCross, type ArrangedNode } from './crossings';

const leaf = (id: string, parent?: string): ArrangedNode => ({
  id,
  ...(parent ? { parent } : {}),
  width: 20,
  height: 20,
  labelDrop: 0,
});
const group = (id: string, parent?: string): ArrangedNode => ({ ...leaf(id, parent), width: 0, height: 0 });
const edge = (id: string, source: string, target: string, classes: string[] = []) =>
  ({ data: { id, source, target }, classes }) as unknown as EdgeElement;

describe('segmentsCross', () => {
  it('sees an X cross and parallel, apart or end-touching segments not cross', () => {
    const p = (x: number, y: number) => ({ x, y });
    expect(segmentsCross(p(0, 0), p(10, 10), p(0, 10), p(10, 0))).toBe(true);
    expect(segmentsCross(p(0, 0), p(10, 0), p(0, 5), p(10, 5))).toBe(false);
    expect(segmentsCross(p(0, 0), p(4, 4), p(6, 0), p(10, -4))).toBe(false);
    expect(segmentsCross(p(0, 0), p(10, 0), p(10, 0), p(10, 10))).toBe(false);
    expect(segmentsCross(p(0, 0), p(10, 0), p(5, 0), p(5, 10))).toBe(false); // T: touches, ends there
    expect(segmentsCross(p(0, 0), p(10, 0), p(5, 0), p(15, 0))).toBe(false); // collinear overlap
  });
});

describe('countCrossings over drawn lines', () => {
  // a b
  // c d  — a–d and b–c cross in the middle; a–b, c–d are the square's sides.
  const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => leaf(id));
  const pos = {
    a: { x: 0, y: 0 },
    b: { x: 100, y: 0 },
    c: { x: 0, y: 100 },
    d: { x: 100, y: 100 },
    e: { x: 50, y: 300 },
  };

  it('counts each crossing pair once and names it', () => {
    const segs = drawnSegments(
      nodes,
      [edge('ad', 'a', 'd'), edge('bc', 'b', 'c'), edge('ab', 'a', 'b')],
      pos,
    );
    expect(countCrossings(segs)).toEqual({ count: 1, pairs: ['ad × bc'] });
  });

  it('counts lines that share an actor as meeting, not crossing', () => {
    const segs = drawnSegments(
      nodes,
      [edge('ad', 'a', 'd'), edge('ae', 'a', 'e'), edge('de', 'd', 'e')],
      pos,
    );
    expect(countCrossings(segs).count).toBe(0);
  });

  it('counts the lines between one pair once, whichever way they run', () => {
    const segs = drawnSegments(
      nodes,
      [edge('ad', 'a', 'd'), edge('da', 'd', 'a'), edge('ad2', 'a', 'd'), edge('bc', 'b', 'c')],
      pos,
    );
    expect(countCrossings(segs)).toEqual({ count: 1, pairs: ['ad × bc'] });
  });

  it('leaves out lines with an end that has no place', () => {
    const segs = drawnSegments(nodes, [edge('ad', 'a', 'd'), edge('bx', 'b', 'x')], pos);
    expect(segs.map((s) => s.id)).toEqual(['ad']);
  });
});

describe('groups are boxes', () => {
  // Group g holds m1 (0,0) and m2 (100,0); its box is their boxes plus 28 px padding.
  const nodes = [
    group('g'),
    leaf('m1', 'g'),
    leaf('m2', 'g'),
    leaf('out'),
    leaf('far'),
    leaf('over'),
    leaf('right'),
  ];
  const pos = {
    m1: { x: 0, y: 0 },
    m2: { x: 100, y: 0 },
    out: { x: 50, y: 200 },
    far: { x: 50, y: -200 },
    over: { x: -200, y: -100 },
    right: { x: 300, y: -100 },
  };

  it('measures a group’s box from its members, padding included, and nested groups inside it', () => {
    expect(groupBoxes(nodes, pos).get('g')).toEqual({ x1: -38, y1: -38, x2: 138, y2: 38 });
    const nested = [
      group('outer'),
      group('g', 'outer'),
      leaf('m1', 'g'),
      leaf('m2', 'g'),
      leaf('n', 'outer'),
    ];
    const boxes = groupBoxes(nested, { ...pos, n: { x: 50, y: 100 } }, 10);
    expect(boxes.get('g')).toEqual({ x1: -20, y1: -20, x2: 120, y2: 20 });
    expect(boxes.get('outer')).toEqual({ x1: -30, y1: -30, x2: 130, y2: 120 });
  });

  it('draws a line to a group to its box’s centre, stopping at the box', () => {
    const [s] = drawnSegments(nodes, [edge('out-g', 'out', 'g')], pos);
    expect(s!.a).toEqual({ x: 50, y: 200 });
    expect(s!.b.x).toBeCloseTo(50);
    expect(s!.b.y).toBeCloseTo(38);
  });

  it('draws a group–member claim from the group’s title, in the top band of its box', () => {
    const segs = drawnSegments(
      nodes,
      [edge('g-m1', 'g', 'm1', ['to-member']), edge('m2-g', 'm2', 'g', ['to-group'])],
      pos,
    );
    expect(segs[0]).toMatchObject({ a: { x: 50, y: -23 }, b: { x: 0, y: 0 }, ends: ['title:g', 'm1'] });
    expect(segs[1]).toMatchObject({ a: { x: 100, y: 0 }, b: { x: 50, y: -23 }, ends: ['m2', 'title:g'] });
  });

  it('counts a line to a group crossing one between two others, and not one that passes by the box', () => {
    const segs = drawnSegments(
      nodes,
      [edge('far-g', 'far', 'g'), edge('over-right', 'over', 'right'), edge('over-out', 'over', 'out')],
      pos,
    );
    // far → g runs down to the box's top (50, -38); over → right crosses it above the box; over →
    // out passes left of the box.
    expect(countCrossings(segs)).toEqual({ count: 1, pairs: ['far-g × over-right'] });
  });
});
