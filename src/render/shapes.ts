// Node and arrow outlines as SVG path data, for the legend and vector export. The geometry follows
// Cytoscape's canvas renderer (polygon points, corner radii, barrel curves, arrow shapes), so an
// exported shape lies on top of the one drawn on the canvas.

type Points = number[]; // x0, y0, x1, y1, … for a shape of width and height 2 centred on the origin

/** Cytoscape's regular n-gon: first vertex at the bottom (odd n) or a flat bottom (even n). */
function ngon(sides: number, rotation = 0): Points {
  const step = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2) + rotation;
  const pts: Points = [];
  for (let i = 0; i < sides; i++) {
    const a = i * step + start;
    pts.push(Math.cos(a), Math.sin(-a));
  }
  return pts;
}

/** Stretches points to fill the square −1 … 1 (and keeps the top at −1), as Cytoscape does. */
function fitToSquare(points: Points): Points {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    minX = Math.min(minX, points[i]!);
    maxX = Math.max(maxX, points[i]!);
    minY = Math.min(minY, points[i + 1]!);
    maxY = Math.max(maxY, points[i + 1]!);
  }
  const sx = 2 / (maxX - minX);
  const sy = 2 / (maxY - minY);
  const out = points.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const top = Math.min(...out.filter((_, i) => i % 2 === 1));
  return top < -1 ? out.map((v, i) => (i % 2 === 1 ? v + (-1 - top) : v)) : out;
}

function star(): Points {
  const outer = ngon(5);
  const inner = ngon(5, Math.PI / 5);
  const r = 0.5 * (3 - Math.sqrt(5)) * 1.57;
  const pts: Points = [];
  for (let i = 0; i < 5; i++)
    pts.push(outer[2 * i]!, outer[2 * i + 1]!, inner[2 * i]! * r, inner[2 * i + 1]! * r);
  return fitToSquare(pts);
}

const TAG: Points = [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1];
const DIAMOND: Points = [0, 1, 1, 0, 0, -1, -1, 0];

const POLYGONS: Record<string, Points> = {
  triangle: fitToSquare(ngon(3)),
  rectangle: fitToSquare(ngon(4)),
  square: fitToSquare(ngon(4)),
  diamond: DIAMOND,
  pentagon: fitToSquare(ngon(5)),
  hexagon: fitToSquare(ngon(6)),
  heptagon: fitToSquare(ngon(7)),
  octagon: fitToSquare(ngon(8)),
  star: star(),
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  'right-rhomboid': [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  'concave-hexagon': [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
  tag: TAG,
};

const ROUND_POLYGONS: Record<string, Points> = {
  'round-triangle': POLYGONS.triangle!,
  'round-diamond': DIAMOND,
  'round-pentagon': POLYGONS.pentagon!,
  'round-hexagon': POLYGONS.hexagon!,
  'round-heptagon': POLYGONS.heptagon!,
  'round-octagon': POLYGONS.octagon!,
  'round-tag': TAG,
};

const ALIASES: Record<string, string> = {
  roundrectangle: 'round-rectangle',
  cutrectangle: 'cut-rectangle',
  bottomroundrectangle: 'bottom-round-rectangle',
  concavehexagon: 'concave-hexagon',
};

const f = (n: number) => String(Math.round(n * 1000) / 1000);

function polygonPath(points: Points, cx: number, cy: number, rx: number, ry: number): string {
  let d = '';
  for (let i = 0; i < points.length; i += 2) {
    d += `${i === 0 ? 'M' : 'L'}${f(cx + points[i]! * rx)},${f(cy + points[i + 1]! * ry)}`;
  }
  return d + 'Z';
}

/** A polygon whose corners are circular arcs of radius `radius` tangent to both sides. */
function roundedPolygonPath(corners: [number, number][], radius: number): string {
  const n = corners.length;
  let d = '';
  for (let i = 0; i < n; i++) {
    const [px, py] = corners[(i + n - 1) % n]!;
    const [x, y] = corners[i]!;
    const [nx, ny] = corners[(i + 1) % n]!;
    const v1x = px - x;
    const v1y = py - y;
    const v2x = nx - x;
    const v2y = ny - y;
    const l1 = Math.hypot(v1x, v1y);
    const l2 = Math.hypot(v2x, v2y);
    const cos = (v1x * v2x + v1y * v2y) / (l1 * l2);
    const half = Math.acos(Math.max(-1, Math.min(1, cos))) / 2;
    let r = radius;
    let t = half > 0 ? r / Math.tan(half) : 0;
    const limit = Math.min(l1, l2) / 2;
    if (t > limit) {
      t = limit;
      r = t * Math.tan(half);
    }
    const ax = x + (v1x / l1) * t;
    const ay = y + (v1y / l1) * t;
    const bx = x + (v2x / l2) * t;
    const by = y + (v2y / l2) * t;
    // (x, y) turns clockwise on screen when the cross product of the incoming and outgoing sides is positive.
    const sweep = (x - px) * (ny - y) - (y - py) * (nx - x) > 0 ? 1 : 0;
    d += `${i === 0 ? 'M' : 'L'}${f(ax)},${f(ay)}A${f(r)},${f(r)} 0 0 ${sweep} ${f(bx)},${f(by)}`;
  }
  return d + 'Z';
}

/**
 * SVG path data for a Cytoscape node `shape` centred at (cx, cy) with the given width and height.
 * Unknown shapes are drawn as ellipses.
 */
export function shapePath(shape: string, cx: number, cy: number, width: number, height: number): string {
  const name = ALIASES[shape] ?? shape;
  const rx = width / 2;
  const ry = height / 2;
  const x0 = cx - rx;
  const y0 = cy - ry;
  const x1 = cx + rx;
  const y1 = cy + ry;
  const poly = POLYGONS[name];
  if (poly) return polygonPath(poly, cx, cy, rx, ry);
  const roundPoly = ROUND_POLYGONS[name];
  if (roundPoly) {
    const corners: [number, number][] = [];
    for (let i = 0; i < roundPoly.length; i += 2)
      corners.push([cx + roundPoly[i]! * rx, cy + roundPoly[i + 1]! * ry]);
    return roundedPolygonPath(corners, Math.min(width / 10, height / 10, 8));
  }
  const rect: [number, number][] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  const r = Math.min(width / 4, height / 4, 8);
  switch (name) {
    case 'round-rectangle':
      return roundedPolygonPath(rect, r);
    case 'bottom-round-rectangle':
      return `M${f(x0)},${f(y0)}L${f(x1)},${f(y0)}L${f(x1)},${f(y1 - r)}A${f(r)},${f(r)} 0 0 1 ${f(x1 - r)},${f(y1)}L${f(x0 + r)},${f(y1)}A${f(r)},${f(r)} 0 0 1 ${f(x0)},${f(y1 - r)}Z`;
    case 'cut-rectangle': {
      const c = Math.min(8, rx, ry);
      return polygonPath(
        [x0 + c, y0, x1 - c, y0, x1, y0 + c, x1, y1 - c, x1 - c, y1, x0 + c, y1, x0, y1 - c, x0, y0 + c].map(
          (v, i) => (i % 2 === 0 ? v - cx : v - cy),
        ),
        cx,
        cy,
        1,
        1,
      );
    }
    case 'barrel': {
      const h = Math.min(15, 0.05 * height);
      const w = Math.min(100, 0.25 * width);
      const c = 0.05 * w;
      return (
        `M${f(x0)},${f(y0 + h)}L${f(x0)},${f(y1 - h)}Q${f(x0 + c)},${f(y1)} ${f(x0 + w)},${f(y1)}` +
        `L${f(x1 - w)},${f(y1)}Q${f(x1 - c)},${f(y1)} ${f(x1)},${f(y1 - h)}L${f(x1)},${f(y0 + h)}` +
        `Q${f(x1 - c)},${f(y0)} ${f(x1 - w)},${f(y0)}L${f(x0 + w)},${f(y0)}Q${f(x0 + c)},${f(y0)} ${f(x0)},${f(y0 + h)}Z`
      );
    }
    default:
      return `M${f(x0)},${f(cy)}A${f(rx)},${f(ry)} 0 1 0 ${f(x1)},${f(cy)}A${f(rx)},${f(ry)} 0 1 0 ${f(x0)},${f(cy)}Z`;
  }
}

// Arrow shapes: (0, 0) is the tip, (0, 1) points towards the node, scaled by the arrow size.
const ARROW_POLYGONS: Record<string, Points> = {
  triangle: [-0.15, -0.3, 0, 0, 0.15, -0.3],
  arrow: [-0.15, -0.3, 0, 0, 0.15, -0.3],
  'triangle-backcurve': [-0.15, -0.3, 0, 0, 0.15, -0.3],
  'triangle-tee': [0, 0, 0.15, -0.3, -0.15, -0.3, 0, 0],
  'triangle-cross': [0, 0, 0.15, -0.3, -0.15, -0.3, 0, 0],
  vee: [-0.15, -0.3, 0, 0, 0.15, -0.3, 0, -0.15],
  tee: [-0.15, 0, -0.15, -0.1, 0.15, -0.1, 0.15, 0],
  square: [-0.15, 0, 0.15, 0, 0.15, -0.3, -0.15, -0.3],
  diamond: [-0.15, -0.15, 0, -0.3, 0.15, -0.15, 0, 0],
  chevron: [0, 0, -0.15, -0.15, -0.1, -0.2, 0, -0.1, 0.1, -0.2, 0.15, -0.15],
};

/**
 * SVG path data for an arrowhead of Cytoscape's `shape` with its tip at (x, y), rotated by `angle`
 * radians and scaled by `size` (Cytoscape's arrow width in px). Returns '' for 'none'.
 */
export function arrowPath(shape: string, x: number, y: number, angle: number, size: number): string {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const at = (px: number, py: number) => [x + (px * cos - py * sin) * size, y + (px * sin + py * cos) * size];
  if (shape === 'circle' || shape === 'circle-triangle') {
    const r = 0.15 * size;
    return `M${f(x - r)},${f(y)}A${f(r)},${f(r)} 0 1 0 ${f(x + r)},${f(y)}A${f(r)},${f(r)} 0 1 0 ${f(x - r)},${f(y)}Z`;
  }
  const pts = ARROW_POLYGONS[shape];
  if (!pts) return '';
  let d = '';
  for (let i = 0; i < pts.length; i += 2) {
    const [px, py] = at(pts[i]!, pts[i + 1]!);
    d += `${i === 0 ? 'M' : 'L'}${f(px!)},${f(py!)}`;
  }
  return d + 'Z';
}
