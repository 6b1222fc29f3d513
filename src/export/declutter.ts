// Relation labels that would be drawn over one another, or over an actor's name, are left out of a
// picture where nobody can zoom in to tell them apart: the pages of a briefing deck. An actor's name is
// never left out. Label boxes are estimated from the font size (0.6 em a character, 1.2 em a line),
// rotated labels by the box that holds the turned rectangle (cull.ts rotatedBounds, as tiles do); when two edge labels meet, the one drawn
// later (on top) goes. Pure: the scene is not changed, a copy is returned.
import type { Rect, Scene, SceneElement, SceneText } from '../render/scene';
import { rotatedBounds } from './cull';

const CHAR_EM = 0.6;
const LINE_EM = 1.2;

/** The box a label takes, in scene coordinates (axis-aligned, rotated labels included). */
export function labelBox(t: SceneText): Rect | undefined {
  if (t.lines.length === 0) return undefined;
  const size = t.font.size;
  const width = Math.max(...t.lines.map((l) => l.text.length)) * size * CHAR_EM;
  const x0 = t.anchor === 'start' ? 0 : t.anchor === 'end' ? -width : -width / 2;
  const xs = t.lines.map((l) => l.x + x0);
  const left = Math.min(...xs);
  const top = Math.min(...t.lines.map((l) => l.y)) - size;
  const bottom = Math.max(...t.lines.map((l) => l.y)) + (LINE_EM - 1) * size;
  return rotatedBounds({ x: left, y: top, width, height: bottom - top }, t);
}

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The scene with every edge label that meets an actor's name or an edge label drawn before it left out. */
export function withoutCrowdedEdgeLabels(scene: Scene): Scene {
  const names = scene.elements.flatMap((e) => (e.type === 'node' && e.label ? [labelBox(e.label)] : []));
  const kept: Rect[] = names.filter((b): b is Rect => b !== undefined);
  const elements: SceneElement[] = scene.elements.map((e) => {
    if (e.type !== 'edge' || !e.label) return e;
    const box = labelBox(e.label);
    if (!box) return e;
    if (kept.some((k) => overlap(k, box))) {
      const { label: _dropped, ...rest } = e;
      return rest;
    }
    kept.push(box);
    return e;
  });
  return { ...scene, elements };
}
