import { describe, expect, it } from 'vitest';
import type { Link } from '../paths/shortestPaths';
import { neighbourhood } from './neighbourhood';

const L = (id: string, source: string, target: string): Link => ({ id, source, target });
const chain = [L('ab', 'a', 'b'), L('bc', 'b', 'c'), L('cd', 'c', 'd'), L('xb', 'x', 'b')];

describe('neighbourhood', () => {
  it('reaches further with depth', () => {
    expect([...neighbourhood(chain, 'a', 1, 'both').nodes.keys()].sort()).toEqual(['a', 'b']);
    expect(Object.fromEntries(neighbourhood(chain, 'a', 2, 'both').nodes)).toEqual({
      a: 0,
      b: 1,
      c: 2,
      x: 2,
    });
    expect([...neighbourhood(chain, 'a', 3, 'both').nodes.keys()]).toContain('d');
  });

  it('follows only outgoing or incoming relations when asked', () => {
    expect([...neighbourhood(chain, 'b', 3, 'out').nodes.keys()].sort()).toEqual(['b', 'c', 'd']);
    expect([...neighbourhood(chain, 'b', 3, 'in').nodes.keys()].sort()).toEqual(['a', 'b', 'x']);
  });

  it('keeps the claims walked, not those leading beyond the depth', () => {
    expect([...neighbourhood(chain, 'a', 2, 'out').links].sort()).toEqual(['ab', 'bc']);
    expect([...neighbourhood(chain, 'c', 1, 'both').links].sort()).toEqual(['bc', 'cd']);
  });
});
