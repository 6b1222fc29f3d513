// A small graph for the view tests: two states with members, a proxy, an ally, dated and undated claims.
import type { ClaimEdge, GraphFile } from '../model';
import { validateGraph, type Graph } from '../validate';

const claim = (
  id: string,
  source: string,
  target: string,
  relation: ClaimEdge['relation'],
  extra: Partial<ClaimEdge> = {},
): ClaimEdge => ({
  id,
  source,
  target,
  relation,
  certainty: 'confirmed',
  evidence: [{ source: 'src', quote: `quote for ${id}` }],
  ...extra,
});

export function testGraph(): Graph {
  const file: GraphFile = {
    format: 'actor-graph',
    version: 1,
    id: 'test',
    title: 'Test',
    sources: [{ id: 'src', title: 'T', publisher: 'P', published: '2023-10-27' }],
    nodes: [
      { id: 'us', label: 'United States', kind: 'state', aliases: ['America'] },
      { id: 'biden', label: 'Joe Biden', kind: 'person', parent: 'us' },
      { id: 'us-forces', label: 'U.S. forces', kind: 'military-unit', parent: 'us' },
      { id: 'iran', label: 'Iran', kind: 'state', aliases: ['Tehran'] },
      { id: 'irgc', label: 'IRGC', kind: 'military-unit', parent: 'iran' },
      { id: 'quds', label: 'Quds Force', kind: 'military-unit', parent: 'irgc' },
      { id: 'militias', label: 'Militias', kind: 'armed-group' },
      { id: 'hezbollah', label: 'Hezbollah', kind: 'armed-group' },
      { id: 'israel', label: 'Israel', kind: 'state' },
      { id: 'russia', label: 'Russia', kind: 'state' },
    ],
    edges: [
      claim('iran-backs-militias', 'iran', 'militias', 'backs', { time: { start: '2019' } }),
      claim('quds-supplies-militias', 'quds', 'militias', 'supplies-weapons', {
        certainty: 'assessed',
        attributedTo: 'U.S. officials',
      }),
      claim('militias-attack-us-forces', 'militias', 'us-forces', 'attacks', {
        time: { date: '2023-10-17' },
      }),
      claim('us-strikes-irgc', 'us', 'irgc', 'strikes', { time: { date: '2023-10-27' } }),
      claim('us-deters-iran', 'us', 'iran', 'deters', { time: { date: '2023-10-27' } }),
      claim('us-threatens-iran', 'us', 'iran', 'threatens', {
        time: { date: '2023-10-27' },
        certainty: 'conditional',
      }),
      claim('biden-negotiates-iran', 'biden', 'iran', 'negotiates', { time: { start: '2021', end: '2022' } }),
      claim('iran-backs-hezbollah', 'iran', 'hezbollah', 'backs'),
      claim('hezbollah-attacks-israel', 'hezbollah', 'israel', 'attacks', { time: { start: '2023-10-08' } }),
      claim('iran-supplies-russia', 'iran', 'russia', 'supplies-weapons', { time: { start: '2022' } }),
    ],
  };
  const result = validateGraph(file, 'test.json');
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.graph;
}
