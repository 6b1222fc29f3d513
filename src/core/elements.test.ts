import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphElements, layoutFingerprint, type EdgeElement, type NodeElement } from './elements';
import { loadGraphText, type Graph } from './validate';

function load(text: string): Graph {
  const result = loadGraphText(text, 'test.json');
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.graph;
}
const minimal = () => load(readFileSync(join(import.meta.dirname, 'fixtures/valid-minimal.json'), 'utf8'));

describe('graphElements', () => {
  it('gives one node element per actor, with kind class and parent', () => {
    const nodes = graphElements(minimal()).filter((e): e is NodeElement => e.group === 'nodes');
    expect(nodes.map((n) => n.data.id)).toEqual(['united-states', 'iran', 'irgc']);
    const irgc = nodes[2]!;
    expect(irgc.data).toEqual({
      id: 'irgc',
      label: 'IRGC',
      kind: 'military-unit',
      parent: 'iran',
      degree: 0,
    });
    expect(nodes[0]!.data.degree).toBe(1);
    expect(irgc.classes).toEqual(['kind-military-unit']);
    expect(nodes[0]!.data).not.toHaveProperty('parent');
  });

  it('gives each claim its verb, category, intensity and certainty', () => {
    const [edge] = graphElements(minimal()).filter((e): e is EdgeElement => e.group === 'edges');
    expect(edge!.data).toMatchObject({
      source: 'united-states',
      target: 'iran',
      label: 'deters',
      category: 'verbal-conflict',
      intensity: -6,
      weight: 6,
      certainty: 'confirmed',
    });
    expect(edge!.classes).toEqual(['cat-verbal-conflict', 'certainty-confirmed']);
  });

  it('honours per-edge overrides of category and intensity', () => {
    const g = minimal();
    const file = structuredClone(g.file);
    file.edges[0] = { ...file.edges[0]!, category: 'material-conflict', intensity: -9 };
    const [edge] = graphElements(load(JSON.stringify(file))).filter(
      (e) => e.group === 'edges',
    ) as EdgeElement[];
    expect(edge!.data.category).toBe('material-conflict');
    expect(edge!.data.weight).toBe(9);
    expect(edge!.classes).toContain('cat-material-conflict');
  });

  it('does not change the curated data', () => {
    const g = minimal();
    const before = JSON.stringify(g.file);
    graphElements(g).forEach((e) => (e.classes.push('x'), Object.assign(e.data, { label: 'changed' })));
    expect(JSON.stringify(g.file)).toBe(before);
  });
});

describe('layoutFingerprint', () => {
  it('is the same for the same graph and differs when actors or links differ', () => {
    const file = {
      nodes: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B', parent: 'a' },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b' }],
    };
    expect(layoutFingerprint(file)).toBe(layoutFingerprint(structuredClone(file)));
    expect(layoutFingerprint({ ...file, edges: [{ id: 'e', source: 'b', target: 'a' }] })).not.toBe(
      layoutFingerprint(file),
    );
    expect(layoutFingerprint({ ...file, nodes: [file.nodes[0]!, { id: 'b', label: 'B' }] })).not.toBe(
      layoutFingerprint(file),
    );
  });
});
