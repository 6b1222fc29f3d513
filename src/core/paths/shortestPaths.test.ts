import { describe, expect, it } from 'vitest';
import { shortestPaths, type Link } from './shortestPaths';

const L = (id: string, source: string, target: string): Link => ({ id, source, target });
// a → b → d, a → c → d, plus a parallel claim b → d and a longer way round via e.
const links = [
  L('ab', 'a', 'b'),
  L('bd', 'b', 'd'),
  L('bd2', 'b', 'd'),
  L('ac', 'a', 'c'),
  L('cd', 'c', 'd'),
  L('ae', 'a', 'e'),
  L('ef', 'e', 'f'),
  L('fd', 'f', 'd'),
];

describe('shortestPaths', () => {
  it('finds every shortest path, each hop with all its claims', () => {
    const r = shortestPaths(links, 'a', 'd', true);
    expect(r.length).toBe(2);
    expect(r.paths.map((p) => p.map((h) => `${h.from}>${h.to}`).join(' '))).toEqual(['a>b b>d', 'a>c c>d']);
    expect(r.paths[0]![1]!.links).toEqual([
      { id: 'bd', forward: true },
      { id: 'bd2', forward: true },
    ]);
  });

  it('follows claims against their direction only when direction does not matter', () => {
    expect(shortestPaths(links, 'd', 'a', true).length).toBeUndefined();
    const r = shortestPaths(links, 'd', 'a', false);
    expect(r.length).toBe(2);
    expect(r.paths[0]![0]!.links[0]!.forward).toBe(false);
  });

  it('stops at the limit and says so', () => {
    const r = shortestPaths(links, 'a', 'd', true, 1);
    expect(r.paths).toHaveLength(1);
    expect(r.truncated).toBe(true);
  });

  it('reports unconnected actors as having no path', () => {
    expect(shortestPaths([...links, L('xy', 'x', 'y')], 'a', 'x', false)).toEqual({
      length: undefined,
      paths: [],
      truncated: false,
    });
  });
});
