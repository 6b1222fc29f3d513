import { describe, expect, it } from 'vitest';
import type { Rect, Scene, SceneElement, SceneNode, SceneText } from '../render/scene';
import { elementBounds, sceneRectOf, SceneIndex } from './cull';
import { rasterJob, type PreparedExport } from './exportImage';
import { sampleScene } from './fixtures/scene';
import { layoutPage } from './layout';
import { DEFAULT_LIMITS, planRaster } from './limits';
import { tileViewBox } from './raster';

const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const label = (text: string, x: number, y: number): SceneText => ({
  lines: [{ text, x, y }],
  anchor: 'middle',
  font: { family: 'Arial', size: 12, weight: '600', style: 'normal' },
  colour: '#000000',
  opacity: 1,
});

/** Actors on a `side` × `side` grid, `spacing` apart, each linked to its right-hand neighbour. */
function gridScene(side: number, spacing: number): Scene {
  const elements: SceneElement[] = [];
  const node = (i: number, j: number): SceneNode => ({
    type: 'node',
    id: `n${i}-${j}`,
    shape: 'ellipse',
    x: i * spacing,
    y: j * spacing,
    width: 20,
    height: 20,
    fill: { colour: '#332288', opacity: 1 },
    opacity: 1,
    label: label(`Actor ${i}-${j}`, i * spacing, j * spacing + 25),
    isParent: false,
  });
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      if (i > 0) {
        elements.push({
          type: 'edge',
          id: `e${i}-${j}`,
          path: {
            type: 'polyline',
            points: [(i - 1) * spacing + 10, j * spacing, i * spacing - 10, j * spacing],
          },
          line: { width: 2, colour: '#D55E00', opacity: 1, dash: [], cap: 'round' },
          opacity: 1,
          arrows: [
            {
              shape: 'triangle',
              x: i * spacing - 10,
              y: j * spacing,
              angle: Math.PI / 2,
              size: 29,
              colour: '#D55E00',
              hollow: false,
            },
          ],
          claims: [`e${i}-${j}`],
        });
      }
      elements.push(node(i, j));
    }
  }
  const extent = (side - 1) * spacing;
  return {
    scope: 'graph',
    theme: 'light',
    background: '#ffffff',
    elements,
    bounds: { x: -60, y: -60, width: extent + 120, height: extent + 120 },
    clip: false,
    zoom: 1,
  };
}

function prepared(scene: Scene, scale: number): PreparedExport {
  const page = layoutPage(scene, { title: '', legend: [], caption: '', date: '' }, { mode: 'scale', scale });
  return {
    scene,
    page,
    svgOptions: { background: '#ffffff', text: '#000000', muted: '#555555' },
    fileName: 'grid.png',
    title: '',
  };
}

const drawnIds = (svg: string) => [...svg.matchAll(/<g data-id="([^"]+)"/g)].map((m) => m[1]!);

describe('elementBounds', () => {
  it('holds each element of the sample scene with its label, halo and arrows', () => {
    const [us, , edge] = sampleScene().elements as [SceneNode, SceneNode, SceneElement];
    const b = elementBounds(us);
    expect(contains(b, { x: us.x - 23, y: us.y - 23, width: 46, height: 46 })).toBe(true);
    // "United States" is drawn centred on x = 0 with its baseline at y = 40.
    expect(contains(b, { x: -40, y: 40 - 12, width: 80, height: 14 })).toBe(true);
    const e = elementBounds(edge);
    expect(contains(e, { x: 20, y: 10, width: 210, height: 80 })).toBe(true); // the curve's hull
    expect(contains(e, { x: 230, y: 88, width: 10, height: 8 })).toBe(true); // the arrowhead
  });

  it('turns a rotated label about its point', () => {
    const flat = label('a long relation label', 0, 0);
    const upright: SceneElement = {
      ...(sampleScene().elements[2] as SceneElement & { type: 'edge' }),
      path: { type: 'polyline', points: [0, 0, 0, 1] },
      arrows: [],
      label: { ...flat, rotation: { angle: Math.PI / 2, x: 500, y: 500 } },
    };
    const b = elementBounds(upright);
    // Turned a quarter, the label runs down from (500, 500) ± half its length, a line's height wide.
    expect(b.y + b.height).toBeGreaterThan(600);
    expect(b.x + b.width).toBeLessThan(520);
  });
});

describe('tiles drawn from the index', () => {
  const scene = gridScene(12, 100); // 144 actors, 132 relations, 1,220 px across
  const prep = prepared(scene, 1);
  const limits = { ...DEFAULT_LIMITS, tile: 256 };
  const job = rasterJob(prep, 'png');
  const plan = planRaster(job.pixelWidth, job.pixelHeight, limits);

  it('draws in each tile every actor and relation that lies in it, and none far from it', () => {
    expect(plan.tiles.length).toBeGreaterThan(20);
    for (const t of plan.tiles) {
      const viewBox = tileViewBox(job, plan, t);
      const part = sceneRectOf(prep.page, viewBox);
      const drawn = new Set(drawnIds(job.svgFor(viewBox, t.width, t.height)));
      for (const el of scene.elements) {
        const [cx, cy] =
          el.type === 'node'
            ? [el.x, el.y]
            : [(el.path.points[0]! + el.path.points[2]!) / 2, el.path.points[1]!];
        const inside =
          cx >= part.x && cx <= part.x + part.width && cy >= part.y && cy <= part.y + part.height;
        // Labels reach 25 below and about 70 either side of an actor; an element further off stays out.
        const far =
          cx < part.x - 120 ||
          cx > part.x + part.width + 120 ||
          cy < part.y - 120 ||
          cy > part.y + part.height + 60;
        if (inside) expect(drawn, `${el.id} in tile ${t.x},${t.y}`).toContain(el.id);
        if (far) expect(drawn, `${el.id} far from tile ${t.x},${t.y}`).not.toContain(el.id);
      }
    }
  });

  it('draws each element in a few tiles, where drawing unculled draws all of them in every tile', () => {
    const unculled = rasterJob(prep, 'png', undefined, { cull: false });
    let culledDraws = 0;
    let allDraws = 0;
    for (const t of plan.tiles) {
      const viewBox = tileViewBox(job, plan, t);
      culledDraws += drawnIds(job.svgFor(viewBox, t.width, t.height)).length;
      allDraws += drawnIds(unculled.svgFor(viewBox, t.width, t.height)).length;
    }
    expect(allDraws).toBe(scene.elements.length * plan.tiles.length);
    expect(culledDraws).toBeGreaterThanOrEqual(scene.elements.length);
    expect(culledDraws).toBeLessThan(scene.elements.length * 3);
  });

  it('keeps the drawing order within a tile', () => {
    const index = new SceneIndex(scene, 300);
    const ids = index.within({ x: -100, y: -100, width: 2000, height: 2000 }).map((e) => e.id);
    expect(ids).toEqual(scene.elements.map((e) => e.id));
  });
});
