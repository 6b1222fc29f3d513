// Outlines of the node shapes as SVG path data, for legends and vector export. Coordinates are for
// a shape of width and height 2 centred on the origin, matching Cytoscape's polygon definitions.
import type { NodeShape } from './palette';

function regular(sides: number, rotation: number): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const a = rotation + (2 * Math.PI * i) / sides;
    return [Math.cos(a), Math.sin(a)];
  });
}

const POLYGONS: Partial<Record<NodeShape, [number, number][]>> = {
  rectangle: [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -1],
    [1, 1],
    [-1, 1],
  ],
  hexagon: [
    [-1, 0],
    [-0.5, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-0.5, 1],
  ],
  octagon: regular(8, Math.PI / 8).map(([x, y]) => [x / Math.cos(Math.PI / 8), y / Math.cos(Math.PI / 8)]),
  star: Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 1 : 0.45;
    const a = -Math.PI / 2 + (Math.PI * i) / 5;
    return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
  }),
  'cut-rectangle': [
    [-0.7, -1],
    [0.7, -1],
    [1, -0.7],
    [1, 0.7],
    [0.7, 1],
    [-0.7, 1],
    [-1, 0.7],
    [-1, -0.7],
  ],
};

const f = (n: number) => Number(n.toFixed(3));

/** SVG path data for `shape` centred at (cx, cy) with the given width and height. */
export function shapePath(shape: NodeShape, cx: number, cy: number, width: number, height: number): string {
  const rx = width / 2;
  const ry = height / 2;
  const poly = POLYGONS[shape];
  if (poly) {
    return (
      poly.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${f(cx + x * rx)},${f(cy + y * ry)}`).join('') + 'Z'
    );
  }
  if (shape === 'ellipse') {
    return `M${f(cx - rx)},${f(cy)}A${f(rx)},${f(ry)} 0 1 0 ${f(cx + rx)},${f(cy)}A${f(rx)},${f(ry)} 0 1 0 ${f(cx - rx)},${f(cy)}Z`;
  }
  // round-rectangle, round-tag and barrel: a rectangle with rounded corners (barrel: rounder)
  const r = Math.min(rx, ry) * (shape === 'barrel' ? 0.5 : 0.3);
  const x0 = cx - rx;
  const y0 = cy - ry;
  const x1 = cx + rx;
  const y1 = cy + ry;
  if (shape === 'round-tag') {
    const tip = rx * 0.35;
    return `M${f(x0 + r)},${f(y0)}L${f(x1 - tip)},${f(y0)}L${f(x1)},${f(cy)}L${f(x1 - tip)},${f(y1)}L${f(x0 + r)},${f(y1)}Q${f(x0)},${f(y1)} ${f(x0)},${f(y1 - r)}L${f(x0)},${f(y0 + r)}Q${f(x0)},${f(y0)} ${f(x0 + r)},${f(y0)}Z`;
  }
  return `M${f(x0 + r)},${f(y0)}L${f(x1 - r)},${f(y0)}Q${f(x1)},${f(y0)} ${f(x1)},${f(y0 + r)}L${f(x1)},${f(y1 - r)}Q${f(x1)},${f(y1)} ${f(x1 - r)},${f(y1)}L${f(x0 + r)},${f(y1)}Q${f(x0)},${f(y1)} ${f(x0)},${f(y1 - r)}L${f(x0)},${f(y0 + r)}Q${f(x0)},${f(y0)} ${f(x0 + r)},${f(y0)}Z`;
}
