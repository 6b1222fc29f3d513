import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphElements } from '../../core/elements';
import { loadGraphText } from '../../core/validate';
import { generateGraph } from '../../bench/generateGraph';
import { computeLayout, GROUP_PADDING, type ComputedLayoutName, type LayoutNode } from './withFcose';
import { layoutEdges, layoutNodes } from './measureLabels';

// A stand-in for canvas text measurement in Node: a fixed width per character.
const measure = (text: string, font: string) =>
  text.length * Number(/(\d+(?:\.\d+)?)px/.exec(font)![1]) * 0.56;

function curated() {
  const result = loadGraphText(readFileSync('graph/us-iran-2023-10.json', 'utf8'), 'x');
  if (!result.ok) throw new Error('curated graph invalid');
  const elements = graphElements(result.graph);
  return { nodes: layoutNodes(elements, measure), edges: layoutEdges(elements) };
}

/** The box an actor and its label take, given where the actor's centre is. */
function box(n: LayoutNode, p: { x: number; y: number }) {
  const cy = p.y + n.labelDrop;
  return { x1: p.x - n.width / 2, x2: p.x + n.width / 2, y1: cy - n.height / 2, y2: cy + n.height / 2 };
}

function overlaps(nodes: LayoutNode[], pos: Record<string, { x: number; y: number }>): string[] {
  const leaves = nodes.filter((n) => !nodes.some((m) => m.parent === n.id));
  const out: string[] = [];
  for (let i = 0; i < leaves.length; i++) {
    for (let j = i + 1; j < leaves.length; j++) {
      const a = box(leaves[i]!, pos[leaves[i]!.id]!);
      const b = box(leaves[j]!, pos[leaves[j]!.id]!);
      const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (ox > 2 && oy > 2) out.push(`${leaves[i]!.id} × ${leaves[j]!.id}`);
    }
  }
  return out;
}

describe('computeLayout on the curated graph', () => {
  const { nodes, edges } = curated();
  const layouts: ComputedLayoutName[] = ['fcose', 'circle', 'concentric', 'breadthfirst'];

  it.each(layouts)('%s places every actor without overlapping another, labels included', (name) => {
    const pos = computeLayout({ name, nodes, edges, aspect: 1.4 });
    expect(Object.keys(pos).sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(overlaps(nodes, pos)).toEqual([]);
  });

  it.each(layouts)('%s keeps each group’s members inside the group’s box, clear of its title', (name) => {
    const pos = computeLayout({ name, nodes, edges, aspect: 1.4 });
    const iranMembers = nodes.filter((n) => n.parent === 'iran' && !nodes.some((m) => m.parent === n.id));
    const others = nodes.filter((n) => !n.parent && !nodes.some((m) => m.parent === n.id));
    const inside = (n: LayoutNode) => box(n, pos[n.id]!);
    const members = iranMembers.map(inside);
    const group = {
      x1: Math.min(...members.map((b) => b.x1)) - GROUP_PADDING,
      x2: Math.max(...members.map((b) => b.x2)) + GROUP_PADDING,
      y1: Math.min(...members.map((b) => b.y1)) - GROUP_PADDING,
      y2: Math.max(...members.map((b) => b.y2)) + GROUP_PADDING,
    };
    // No actor outside Iran sits inside Iran's box.
    const intruders = others.filter((n) => {
      const b = inside(n);
      return b.x2 > group.x1 && b.x1 < group.x2 && b.y2 > group.y1 && b.y1 < group.y2;
    });
    expect(intruders.map((n) => n.id)).toEqual([]);
  });

  it.each(['fcose', ...layouts])(
    '%s stays compact: the picture is at most 20 times the area of its actors',
    (name) => {
      const pos = computeLayout({ name: name as ComputedLayoutName, nodes, edges, aspect: 1.4 });
      const leaves = nodes.filter((n) => !nodes.some((m) => m.parent === n.id));
      const boxes = leaves.map((n) => box(n, pos[n.id]!));
      const w = Math.max(...boxes.map((b) => b.x2)) - Math.min(...boxes.map((b) => b.x1));
      const h = Math.max(...boxes.map((b) => b.y2)) - Math.min(...boxes.map((b) => b.y1));
      const area = leaves.reduce((sum, n) => sum + n.width * n.height, 0);
      expect(w * h).toBeLessThan(20 * area);
    },
  );

  it('grows the tree from the actor asked for', () => {
    const pos = computeLayout({ name: 'breadthfirst', nodes, edges, root: 'hezbollah' });
    expect(pos.hezbollah).toBeDefined();
  });

  it('gives the same picture every time', () => {
    const a = computeLayout({ name: 'fcose', nodes, edges, aspect: 1.5 });
    const b = computeLayout({ name: 'fcose', nodes, edges, aspect: 1.5 });
    expect(b).toEqual(a);
  });

  it('stretches the force-directed picture towards the shape of a wide canvas, at most 1.6 times', () => {
    const ratio = (aspect?: number) => {
      const pos = computeLayout({ name: 'fcose', nodes, edges, ...(aspect ? { aspect } : {}) });
      const xs = nodes.map((n) => pos[n.id]!.x);
      const ys = nodes.map((n) => pos[n.id]!.y);
      return (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
    };
    const plain = ratio();
    const wide = ratio(3);
    expect(wide).toBeGreaterThan(plain * 1.2);
    expect(wide).toBeLessThan(plain * 1.7);
  });
});

describe('computeLayout on a large graph (fCoSE at draft quality)', () => {
  it('leaves its actors room: under two overlapping pairs per actor (the draft alone packs them 30 deep)', () => {
    const loaded = loadGraphText(JSON.stringify(generateGraph({ nodes: 3200, seed: 3 })), 'large.json');
    if (!loaded.ok) throw new Error('generated graph invalid');
    const elements = graphElements(loaded.graph);
    const nodes = layoutNodes(elements, measure);
    const pos = computeLayout({ name: 'fcose', nodes, edges: layoutEdges(elements), aspect: 1.6 });
    const leaves = nodes.filter((n) => !nodes.some((m) => m.parent === n.id)).length;
    const overlapping = overlaps(nodes, pos).length;
    console.log(`${leaves} actors, ${overlapping} overlapping pairs`);
    expect(overlapping).toBeLessThan(2 * leaves);
  }, 60_000);
});
