import { describe, expect, it } from 'vitest';
import { defaultView } from '../../core/view/viewState';
import { HOSTILE_SAVED_VIEWS } from '../../core/fixtures/hostileViews';
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
    // Raw JSON text: 1e999 as a number parses to Infinity, which must not become a position.
    ['{"version":1,"query":"g=g-1","positions":{"iran":{"x":1e999,"y":0}}}', 'its positions are damaged'],
    ['{"version":1,"query":"g=g-1","positions":{"iran":{"x":"1","y":0}}}', 'its positions are damaged'],
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

describe('hostile saved views', () => {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(HOSTILE_SAVED_VIEWS.map((h) => [h.name, h] as const))('%s: no harm done', (_, hostile) => {
    const s = new MemoryStorage();
    s.setItem('actor-graph:view:g-1', hostile.json('g-1'));
    const saved = loadSaved(s, 'g-1');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(saved.positions)).toBeNull();
    for (const p of Object.values(saved.positions)) {
      expect(Object.keys(p)).toEqual(['x', 'y']);
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
    expect((saved.notice ?? '').length).toBeLessThan(400);
    if (hostile.outcome === 'ignored') {
      expect(saved.notice).toMatch(/^Your saved view of this graph was ignored: .+\.$/);
      expect(saved.view).toBeUndefined();
      expect(Object.keys(saved.positions)).toEqual([]);
      expect(s.length).toBe(0);
    } else {
      expect(saved.view?.graph).toBe('g-1');
      if (hostile.outcome === 'partial')
        expect(saved.notice).toMatch(/^Part of your saved view was ignored: /);
      else expect(saved.notice).toBeUndefined();
    }
  });

  it('drop positions keyed __proto__, constructor and prototype, with a notice', () => {
    const s = new MemoryStorage();
    s.setItem(
      'actor-graph:view:g-1',
      '{"version":1,"query":"g=g-1","positions":{"__proto__":{"x":1,"y":2},"iran":{"x":3,"y":4},"constructor":{"x":5,"y":6}}}',
    );
    const saved = loadSaved(s, 'g-1');
    expect(Object.keys(saved.positions)).toEqual(['iran']);
    expect(saved.positions['iran']).toEqual({ x: 3, y: 4 });
    expect(Object.getPrototypeOf(saved.positions)).toBeNull();
    expect(saved.notice).toBe(
      'Part of your saved view was ignored: the position of "__proto__", which no actor can have; the position of "constructor", which no actor can have.',
    );
  });

  it('name a version in a notice briefly, whatever it is', () => {
    const notice = (json: string) => {
      const s = new MemoryStorage();
      s.setItem('actor-graph:view:g-1', json);
      return loadSaved(s, 'g-1').notice;
    };
    expect(notice('{"version":1e999,"query":"g=g-1"}')).toContain('another version (Infinity)');
    expect(notice('{"version":"1","query":"g=g-1"}')).toContain('another version ("1")');
    expect(notice('{"version":{"toString":1},"query":"g=g-1"}')).toContain('another version (object)');
    expect(notice(`{"version":"${'9'.repeat(5000)}","query":"g=g-1"}`)).toContain(`("${'9'.repeat(60)}…")`);
  });
});
