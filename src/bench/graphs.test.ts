// The benchmark's graphs are valid native files with the structure the benchmark relies on.
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../core/validate';
import { generateGraph } from './generateGraph';
import { GRAPHS } from './graphs';

describe('generateGraph', () => {
  const graph = generateGraph({ nodes: 1000, seed: 7 });

  it('gives the same graph for the same seed and another for another seed', () => {
    expect(JSON.stringify(generateGraph({ nodes: 1000, seed: 7 }))).toBe(JSON.stringify(graph));
    expect(JSON.stringify(generateGraph({ nodes: 1000, seed: 8 }))).not.toBe(JSON.stringify(graph));
  });

  it('makes about 1.5 claims per actor, with a few actors far above the mean degree', () => {
    expect(graph.nodes).toHaveLength(1000);
    expect(graph.edges.length / graph.nodes.length).toBeGreaterThan(1.35);
    expect(graph.edges.length / graph.nodes.length).toBeLessThan(1.65);
    const degree = new Map<string, number>();
    for (const e of graph.edges)
      for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const highest = Math.max(...degree.values());
    expect(highest).toBeGreaterThan((10 * (2 * graph.edges.length)) / graph.nodes.length);
  });

  it('nests actors in groups, and some groups in other groups', () => {
    const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
    const members = graph.nodes.filter((n) => n.parent !== undefined);
    expect(members.length).toBeGreaterThan(200);
    expect(members.some((n) => parentOf.get(n.parent!) !== undefined)).toBe(true);
  });

  it('uses kinds, relations, free wordings, undirected claims, certainties, dates and evidence', () => {
    expect(new Set(graph.nodes.map((n) => n.kind)).size).toBeGreaterThan(8);
    expect(new Set(graph.edges.map((e) => e.relation).filter(Boolean)).size).toBeGreaterThan(20);
    expect(graph.edges.some((e) => e.label && !e.relation)).toBe(true);
    expect(graph.edges.some((e) => e.directed === false)).toBe(true);
    expect(new Set(graph.edges.map((e) => e.certainty).filter(Boolean)).size).toBe(6);
    expect(graph.edges.some((e) => e.time?.date)).toBe(true);
    expect(graph.edges.some((e) => e.evidence)).toBe(true);
    expect(graph.edges.some((e) => !e.evidence)).toBe(true);
  });
});

describe('the benchmark graphs', () => {
  // The generated 5k and 20k graphs come from the same code as the 1k one, checked above.
  for (const g of GRAPHS.filter((g) => g.name !== '5k' && g.name !== '20k')) {
    it(`${g.name} passes validation`, () => {
      const file = g.load();
      const result = validateGraph(JSON.parse(JSON.stringify(file)), g.name);
      expect(result.ok ? [] : result.issues.slice(0, 5)).toEqual([]);
      expect(file.nodes.length).toBeGreaterThan(0);
    });
  }
});
