import { describe, expect, it } from 'vitest';
import type { SceneEdge, SceneText } from '../render/scene';
import { labelBox, withoutCrowdedEdgeLabels } from './declutter';
import { sampleScene } from './fixtures/scene';

const text = (words: string, x: number, y: number, extra: Partial<SceneText> = {}): SceneText => ({
  lines: [{ text: words, x, y }],
  anchor: 'middle',
  font: { family: 'Arial', size: 10, weight: '400', style: 'normal' },
  colour: '#000',
  opacity: 1,
  ...extra,
});
const edge = (id: string, label?: SceneText): SceneEdge => ({
  type: 'edge',
  id,
  path: { type: 'polyline', points: [0, 0, 100, 0] },
  line: { width: 2, colour: '#000', opacity: 1, dash: [], cap: 'butt' },
  opacity: 1,
  arrows: [],
  ...(label ? { label } : {}),
  claims: [id],
});
const labelled = (scene: ReturnType<typeof sampleScene>) =>
  scene.elements.filter((e) => e.label).map((e) => e.id);

describe('leaving out crowded relation labels', () => {
  it('estimates a label box from its font, anchor and lines', () => {
    expect(labelBox(text('abcde', 100, 50))).toEqual({ x: 85, y: 40, width: 30, height: 12 });
    const start = labelBox(text('abcde', 100, 50, { anchor: 'start' }))!;
    expect(start.x).toBe(100);
    // A quarter turn: the box stands upright.
    const turned = labelBox(text('abcde', 100, 50, { rotation: { angle: Math.PI / 2, x: 100, y: 50 } }))!;
    expect(turned.width).toBeCloseTo(12);
    expect(turned.height).toBeCloseTo(30);
    // A rotated label's lines sit relative to its rotation point, as captured and drawn: the box is there.
    const placed = labelBox(text('abcde', 0, 0, { rotation: { angle: Math.PI / 2, x: 100, y: 50 } }))!;
    expect(placed.x).toBeCloseTo(98);
    expect(placed.y).toBeCloseTo(35);
    expect(placed.width).toBeCloseTo(12);
    expect(placed.height).toBeCloseTo(30);
  });

  it('keeps labels that stand apart, and every actor name', () => {
    // The sample's relation label, with its line placed relative to its rotation point as captured.
    const scene = sampleScene({
      elements: sampleScene().elements.map((e) =>
        e.type === 'edge' && e.label
          ? { ...e, label: { ...e.label, lines: e.label.lines.map((l) => ({ ...l, x: 0, y: 0 })) } }
          : e,
      ),
    });
    const out = withoutCrowdedEdgeLabels(scene);
    expect(labelled(out)).toEqual(labelled(scene));
    expect(out).not.toBe(scene);
  });

  it('drops the later of two relation labels drawn over each other', () => {
    const scene = sampleScene({
      elements: [
        ...sampleScene().elements,
        edge('a', text('seeks to avoid conflict with', 500, 300)),
        edge('b', text('warns', 505, 302)),
        edge('c', text('far away', 900, 600)),
      ],
    });
    const out = withoutCrowdedEdgeLabels(scene);
    const ids = labelled(out);
    expect(ids).toContain('a');
    expect(ids).not.toContain('b');
    expect(ids).toContain('c');
    // The line itself stays.
    expect(out.elements.map((e) => e.id)).toEqual(scene.elements.map((e) => e.id));
  });

  it('drops a relation label that would cover an actor’s name, never the name', () => {
    const us = sampleScene().elements[0]!; // "United States" under (0, 40)
    const scene = sampleScene({
      elements: [...sampleScene().elements, edge('over-name', text('funds', 2, 38))],
    });
    const out = withoutCrowdedEdgeLabels(scene);
    expect(labelled(out)).not.toContain('over-name');
    expect(out.elements.find((e) => e.id === us.id)?.label).toEqual(us.label);
  });
});
