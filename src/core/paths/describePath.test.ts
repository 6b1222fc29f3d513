import { describe, expect, it } from 'vitest';
import type { ClaimEdge } from '../model';
import { validateGraph, type Graph } from '../validate';
import { testGraph } from '../view/testGraph';
import { describePath, stepText } from './describePath';
import { shortestPaths, type Link } from './shortestPaths';

const links = (graph: Graph): Link[] =>
  graph.file.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

/** The test graph with more claims added. */
function withClaims(...extra: Partial<ClaimEdge>[]): Graph {
  const base = testGraph().file;
  const edges = [
    ...base.edges,
    ...extra.map(
      (e) =>
        ({
          certainty: 'reported',
          evidence: [{ source: 'src', quote: `quote for ${e.id}` }],
          ...e,
        }) as ClaimEdge,
    ),
  ];
  const result = validateGraph({ ...base, edges }, 'test.json');
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.graph;
}

describe('describePath', () => {
  it('heads a path with its actors in order and writes each step as it was claimed', () => {
    const graph = testGraph();
    // Direction ignored: Israel is reached from the United States against every claim's direction.
    const found = shortestPaths(links(graph), 'israel', 'us', false);
    expect(found.paths).toHaveLength(1);
    const path = describePath(graph, found.paths[0]!);
    expect(path.heading).toBe('Israel → Hezbollah → Iran → United States');
    expect(path.actors).toEqual(['israel', 'hezbollah', 'iran', 'us']);
    expect(path.steps.map(stepText)).toEqual([
      'Hezbollah attacks Israel',
      'Iran backs Hezbollah',
      'United States deters Iran; also United States threatens Iran',
    ]);
    expect(path.steps[2]!.claimCount).toBe(2);
  });

  it('lists claims that read the same once, with their count, never repeating the lead', () => {
    const graph = withClaims(
      { id: 'iran-encourages-hezbollah', source: 'iran', target: 'hezbollah', relation: 'encourages' },
      { id: 'iran-backs-hezbollah-2', source: 'iran', target: 'hezbollah', relation: 'backs' },
    );
    const found = shortestPaths(links(graph), 'iran', 'hezbollah', true);
    const [step] = describePath(graph, found.paths[0]!).steps;
    expect(stepText(step!)).toBe('Iran backs Hezbollah (2 claims); also Iran encourages Hezbollah');
    expect(step!.lead.claimIds).toEqual(['iran-backs-hezbollah', 'iran-backs-hezbollah-2']);
    expect(step!.others.map((s) => s.text)).toEqual(['Iran encourages Hezbollah']);
    expect(step!.claimCount).toBe(3);
  });

  it('leads a step with a claim made in the path’s direction', () => {
    // Hezbollah → Iran, going against "Iran backs Hezbollah" but along "Hezbollah pressures Iran".
    const graph = withClaims({
      id: 'hezbollah-pressures-iran',
      source: 'hezbollah',
      target: 'iran',
      relation: 'pressures',
    });
    const found = shortestPaths(links(graph), 'hezbollah', 'iran', false);
    const [step] = describePath(graph, found.paths[0]!).steps;
    expect(step!.lead.text).toBe('Hezbollah pressures Iran');
    expect(step!.others.map((s) => s.text)).toEqual(['Iran backs Hezbollah']);
  });

  it('makes the verb agree with a plural subject', () => {
    const base = testGraph().file;
    const nodes = base.nodes.map((n) => (n.id === 'militias' ? { ...n, plural: true } : n));
    const result = validateGraph({ ...base, nodes }, 'test.json');
    if (!result.ok) throw new Error('invalid');
    const found = shortestPaths(links(result.graph), 'militias', 'us-forces', true);
    expect(stepText(describePath(result.graph, found.paths[0]!).steps[0]!)).toBe(
      'Militias attack U.S. forces',
    );
  });

  it('says which claim it cannot find', () => {
    expect(() =>
      describePath(testGraph(), [{ from: 'iran', to: 'us', links: [{ id: 'nope', forward: true }] }]),
    ).toThrow(/"nope"/);
  });
});
