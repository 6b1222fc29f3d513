import { describe, expect, it } from 'vitest';
import { defaultView } from '../../core/view/viewState';
import { loadSaved, saveView } from './savedView';

class MemoryStorage implements Storage {
  #m = new Map<string, string>();
  get length() {
    return this.#m.size;
  }
  clear() {
    this.#m.clear();
  }
  getItem(k: string) {
    return this.#m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.#m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.#m.delete(k);
  }
  setItem(k: string, v: string) {
    this.#m.set(k, v);
  }
}

describe('saved views', () => {
  it('round-trip the view and the arrangement', () => {
    const s = new MemoryStorage();
    const view = { ...defaultView('g-1'), layout: 'manual' as const, collapsed: ['iran'] };
    saveView(s, view, { iran: { x: 1, y: 2 } }, false);
    expect(loadSaved(s, 'g-1')).toEqual({ view, positions: { iran: { x: 1, y: 2 } }, nested: false });
  });

  it('return nothing, quietly, when nothing was saved', () => {
    expect(loadSaved(new MemoryStorage(), 'g-1')).toEqual({ positions: {}, nested: true });
  });

  it.each([
    ['{not json', 'it is not valid JSON'],
    ['{"version":0,"query":"g=g-1"}', 'it was saved by another version (0)'],
    ['{"version":1}', 'it has no view'],
    ['{"version":1,"query":"g=other"}', 'it belongs to another graph'],
    ['{"version":1,"query":"g=g-1","positions":{"iran":{"x":"1e999"}}}', 'its positions are damaged'],
  ])('ignore %s with a notice and forget it', (stored, why) => {
    const s = new MemoryStorage();
    s.setItem('actor-graph:view:g-1', stored);
    expect(loadSaved(s, 'g-1')).toEqual({
      positions: {},
      nested: true,
      notice: `Your saved view of this graph was ignored: ${why}.`,
    });
    expect(s.length).toBe(0);
  });
});
