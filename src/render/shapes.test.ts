import { describe, expect, it } from 'vitest';
import { arrowPath, shapePath } from './shapes';

const SHAPES = [
  'ellipse',
  'triangle',
  'round-triangle',
  'rectangle',
  'round-rectangle',
  'bottom-round-rectangle',
  'cut-rectangle',
  'barrel',
  'rhomboid',
  'right-rhomboid',
  'diamond',
  'round-diamond',
  'pentagon',
  'round-pentagon',
  'hexagon',
  'round-hexagon',
  'concave-hexagon',
  'heptagon',
  'round-heptagon',
  'octagon',
  'round-octagon',
  'star',
  'tag',
  'round-tag',
  'vee',
];

/** Every coordinate pair in path data (arc radii and flags excluded). */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of d.matchAll(/([MLQA])([^MLQAZ]*)/g)) {
    const nums = m[2]!.trim().split(/[ ,]+/).map(Number);
    const coords = m[1] === 'A' ? nums.slice(5) : nums;
    for (let i = 0; i + 1 < coords.length; i += 2) out.push([coords[i]!, coords[i + 1]!]);
  }
  return out;
}

describe('shapePath', () => {
  it.each(SHAPES)('%s stays inside its box and reaches its edges', (shape) => {
    const d = shapePath(shape, 100, 50, 40, 30);
    expect(d).toMatch(/^M[\d.,\-MLQAZ ]+Z$/);
    const pts = points(d);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(80 - 0.01);
    expect(Math.max(...xs)).toBeLessThanOrEqual(120 + 0.01);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(35 - 0.01);
    expect(Math.max(...ys)).toBeLessThanOrEqual(65 + 0.01);
  });

  it('matches Cytoscape’s geometry for a triangle and a rectangle', () => {
    expect(shapePath('rectangle', 0, 0, 20, 10)).toBe('M-10,-5L-10,5L10,5L10,-5Z');
    expect(points(shapePath('triangle', 0, 0, 20, 20))).toEqual([
      [0, -10],
      [-10, 10],
      [10, 10],
    ]);
  });
});

describe('arrowPath', () => {
  it('puts the tip of a triangle at the point, pointing along the angle', () => {
    const pts = points(arrowPath('triangle', 50, 50, 0, 30));
    expect(pts[1]).toEqual([50, 50]);
    // angle 0: the arrow body lies towards −y, away from the node it points into.
    expect(pts[0]![1]).toBeCloseTo(41);
  });
  it('draws nothing for none', () => {
    expect(arrowPath('none', 0, 0, 0, 30)).toBe('');
  });
});
