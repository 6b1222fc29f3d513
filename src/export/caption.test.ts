import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphText, type Graph } from '../core/validate';
import { captionText, dateStamp, sourcesOf } from './caption';

function sample(): Graph {
  const path = 'graph/sample-abu-kamal-strikes.json';
  const result = loadGraphText(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error('sample graph does not load');
  return result.graph;
}

describe('captionText', () => {
  it('cites the one source of the shown claims in full', () => {
    const g = sample();
    expect(captionText(g, [g.file.edges[0]!.id])).toBe(
      'Source: The New York Times, 27 Oct 2023, “U.S. Airstrikes Contain Twin Messages to Iran, American Officials Say”.',
    );
  });
  it('is empty when no shown claim has a source', () => {
    expect(captionText(sample(), ['no-such-claim'])).toBe('');
  });
  it('lists several sources, most cited first', () => {
    const g = sample();
    const second = { ...g.file.sources[0]!, id: 'reuters', publisher: 'Reuters', published: '2023-10-28' };
    const edges = g.file.edges.map((e, i) =>
      i === 0 ? { ...e, evidence: [{ source: 'reuters', quote: 'q' }] } : e,
    );
    const graph: Graph = {
      ...g,
      file: { ...g.file, edges, sources: [...g.file.sources, second] },
      edgeById: new Map(edges.map((e) => [e.id, e])),
      sourceById: new Map([...g.sourceById, ['reuters', second]]),
    };
    expect(
      sourcesOf(
        graph,
        edges.map((e) => e.id),
      ).map((s) => s.id),
    ).toEqual(['nyt-2023-10-27-twin-messages', 'reuters']);
    expect(
      captionText(
        graph,
        edges.map((e) => e.id),
      ),
    ).toBe('Sources: The New York Times, 27 Oct 2023; Reuters, 28 Oct 2023.');
  });
});

describe('dateStamp', () => {
  it('says when the image was made', () => {
    expect(dateStamp(new Date('2026-11-25T10:00:00Z'))).toBe('Exported 25 Nov 2026');
  });
});
