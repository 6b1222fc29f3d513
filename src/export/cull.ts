// Which scene elements a part of the page shows, so each tile of a large raster draws only those:
// every element's bounds are computed once and filed in a grid of tile-sized cells; a tile asks the
// cells it covers. Bounds err on the large side (an element drawn in a tile it misses costs a little
// time; one left out of a tile it reaches would cut it).
import type { Rect, Scene, SceneElement, SceneText } from '../render/scene';
import type { Page } from './layout';

/** Width of one line of label text in scene units. */
export type MeasureLine = (text: string, font: SceneText['font']) => number;

/**
 * A width no glyph run exceeds in common fonts: one em per UTF-16 unit (CJK and wide capitals are
 * about one em; an emoji is two units), for when no browser can measure.
 */
export const generousMeasure: MeasureLine = (text, font) => text.length * font.size;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const empty = (): Box => ({ x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity });

function add(b: Box, x: number, y: number, r = 0): void {
  b.x1 = Math.min(b.x1, x - r);
  b.y1 = Math.min(b.y1, y - r);
  b.x2 = Math.max(b.x2, x + r);
  b.y2 = Math.max(b.y2, y + r);
}

function addLabel(b: Box, t: SceneText, measure: MeasureLine): void {
  const halo = (t.outline?.width ?? 0) / 2 + t.font.size * 0.1; // stroke, plus antialiasing
  const local = empty();
  for (const line of t.lines) {
    const w = measure(line.text.trim(), t.font);
    const x1 = t.anchor === 'start' ? line.x : t.anchor === 'end' ? line.x - w : line.x - w / 2;
    // From above the ascenders to below the descenders of the alphabetic baseline.
    add(local, x1 - halo, line.y - 1.1 * t.font.size - halo);
    add(local, x1 + w + halo, line.y + 0.4 * t.font.size + halo);
  }
  if (t.background) {
    const g = t.background;
    add(local, g.x, g.y);
    add(local, g.x + g.width, g.y + g.height);
  }
  if (local.x1 > local.x2) return;
  const r = rotatedBounds(
    { x: local.x1, y: local.y1, width: local.x2 - local.x1, height: local.y2 - local.y1 },
    t,
  );
  add(b, r.x, r.y);
  add(b, r.x + r.width, r.y + r.height);
}

/**
 * The upright box holding `box`, a label's box in its own frame, once the label is turned: a rotated
 * label's lines are placed relative to its rotation point (as the SVG draws them:
 * translate(x y) rotate(angle)).
 */
export function rotatedBounds(box: Rect, t: Pick<SceneText, 'rotation'>): Rect {
  if (!t.rotation) return box;
  const { angle, x, y } = t.rotation;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const b = empty();
  for (const [px, py] of [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x, box.y + box.height],
    [box.x + box.width, box.y + box.height],
  ] as const) {
    add(b, x + px * cos - py * sin, y + px * sin + py * cos);
  }
  return { x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1 };
}

/** The box `el` may draw into, in scene (model) coordinates, its label, halo, underlay and arrows included. */
export function elementBounds(el: SceneElement, measure: MeasureLine = generousMeasure): Rect {
  const b = empty();
  if (el.type === 'node') {
    const pad = (el.border?.width ?? 0) / 2 + (el.underlay?.padding ?? 0) + 1;
    add(b, el.x - el.width / 2 - pad, el.y - el.height / 2 - pad);
    add(b, el.x + el.width / 2 + pad, el.y + el.height / 2 + pad);
  } else {
    // A quadratic curve lies within the hull of its points; round caps and joins reach half the width.
    const reach = Math.max(el.line.width, el.underlay?.width ?? 0) / 2 + 1;
    const p = el.path.points;
    for (let i = 0; i + 1 < p.length; i += 2) add(b, p[i]!, p[i + 1]!, reach);
    for (const a of el.arrows) add(b, a.x, a.y, a.size + el.line.width);
  }
  if (el.label) addLabel(b, el.label, measure);
  return { x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1 };
}

const intersects = (a: Rect, b: Rect): boolean =>
  a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

/** The part of the scene (model coordinates) that `viewBox`, a part of the page in design units, shows. */
export function sceneRectOf(page: Page, viewBox: Rect): Rect {
  const g = page.graph;
  return {
    x: (viewBox.x - g.x) / g.scale + g.bounds.x,
    y: (viewBox.y - g.y) / g.scale + g.bounds.y,
    width: viewBox.width / g.scale,
    height: viewBox.height / g.scale,
  };
}

/**
 * The elements of a scene by where they draw: bounds computed once, filed in square cells of
 * `cell` scene units (about a tile). `within` answers in drawing order.
 */
export class SceneIndex {
  readonly bounds: readonly Rect[];
  readonly #elements: readonly SceneElement[];
  readonly #cell: number;
  readonly #cells = new Map<string, number[]>();
  /** Elements whose reach is unknown or beyond counting in cells: every part draws them. */
  readonly #everywhere: number[] = [];

  constructor(scene: Scene, cell: number, measure: MeasureLine = generousMeasure) {
    this.#elements = scene.elements;
    this.#cell = cell > 0 && Number.isFinite(cell) ? cell : 1;
    this.bounds = scene.elements.map((el) => elementBounds(el, measure));
    this.bounds.forEach((r, i) => {
      const keys = this.#keys(r);
      if (!keys) {
        this.#everywhere.push(i);
        return;
      }
      for (const key of keys) {
        const list = this.#cells.get(key);
        if (list) list.push(i);
        else this.#cells.set(key, [i]);
      }
    });
  }

  /** The cells `r` covers; undefined when it is not finite or covers too many to list. */
  #keys(r: Rect): string[] | undefined {
    const c = this.#cell;
    const [i1, i2] = [Math.floor(r.x / c), Math.floor((r.x + r.width) / c)];
    const [j1, j2] = [Math.floor(r.y / c), Math.floor((r.y + r.height) / c)];
    if (![i1, i2, j1, j2].every(Number.isFinite) || (i2 - i1 + 1) * (j2 - j1 + 1) > 10_000) return undefined;
    const keys: string[] = [];
    for (let i = i1; i <= i2; i++) for (let j = j1; j <= j2; j++) keys.push(`${i},${j}`);
    return keys;
  }

  /** The elements whose bounds meet `rect` (scene coordinates), back to front. */
  within(rect: Rect): SceneElement[] {
    const keys = this.#keys(rect);
    if (!keys) return [...this.#elements];
    const found = new Set<number>();
    for (const key of keys) {
      for (const i of this.#cells.get(key) ?? []) if (intersects(this.bounds[i]!, rect)) found.add(i);
    }
    for (const i of this.#everywhere) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => this.#elements[i]!);
  }
}
