import { describe, expect, it } from 'vitest';
import { testGraph } from '../view/testGraph';
import { indexActors } from './searchActors';

const index = indexActors(testGraph().file.nodes);

describe('actor search', () => {
  it('finds an actor by its label', () => {
    expect(index.search('Hezbollah')[0]).toEqual({ id: 'hezbollah', label: 'Hezbollah' });
  });
  it('tolerates typos', () => {
    expect(index.search('Hezbolah')[0]?.id).toBe('hezbollah');
    expect(index.search('Qods Force')[0]?.id).toBe('quds');
  });
  it('matches aliases and says which', () => {
    expect(index.search('Tehran')[0]).toEqual({ id: 'iran', label: 'Iran', matchedAlias: 'Tehran' });
  });
  it('lists each actor once, best match first, up to the limit', () => {
    const hits = index.search('Iran', 3);
    expect(hits[0]?.id).toBe('iran');
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    expect(hits.length).toBeLessThanOrEqual(3);
  });
  it('finds nothing for an empty query or gibberish', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('zzqxw')).toEqual([]);
  });
});
