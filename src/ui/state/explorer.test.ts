import { describe, expect, it } from 'vitest';
import { ExplorerState } from './explorer.svelte';

/** The explorer on the curated graph, with no browser around it. */
function explorer(): ExplorerState {
  const state = new ExplorerState({ location: { search: '?g=us-iran-2023-10', pathname: '/' } });
  state.start();
  return state;
}

describe('ExplorerState.showOnly', () => {
  it('shows only one value of a filter and hides every other value the graph has', () => {
    const state = explorer();
    state.showOnly('certainties', 'denied');
    expect(state.view.filters.certainties).toEqual([
      'confirmed',
      'reported',
      'claimed',
      'assessed',
      'conditional',
    ]);
    const denied = state.graph!.file.edges.filter((e) => e.certainty === 'denied').length;
    expect(denied).toBeGreaterThan(0);
    expect(state.visible?.counts.relations.shown).toBe(denied);
    expect(state.view.filters.categories).toEqual([]);
  });

  it('asked again for the value already shown alone, shows every value again', () => {
    const state = explorer();
    state.showOnly('categories', 'material-conflict');
    expect(state.view.filters.categories).toHaveLength(3);
    state.showOnly('categories', 'material-conflict');
    expect(state.view.filters.categories).toEqual([]);
    expect(state.visible?.counts.relations.shown).toBe(state.graph!.file.edges.length);
  });

  it('moves from one value shown alone to another', () => {
    const state = explorer();
    state.showOnly('kinds', 'state');
    state.showOnly('kinds', 'person');
    expect(state.view.filters.kinds).not.toContain('person');
    expect(state.view.filters.kinds).toContain('state');
    expect(state.visible?.counts.actors.shown).toBe(10);
  });
});

describe('ExplorerState: the over-time chart', () => {
  it('opens for the selected actor, keeps a pair it already shows, and opens for a pair asked for', () => {
    const state = explorer();
    state.select({ type: 'node', id: 'united-states' });
    state.openChart();
    expect(state.panelTab).toBe('time');
    expect(state.chartActors).toEqual({ a: 'united-states' });
    state.openChart('united-states', 'iran');
    state.select({ type: 'node', id: 'iran' });
    state.openChart();
    expect(state.chartActors).toEqual({ a: 'united-states', b: 'iran' });
    state.select({ type: 'node', id: 'hezbollah' });
    state.openChart();
    expect(state.chartActors).toEqual({ a: 'hezbollah' });
  });

  it('picks claims to highlight, keeps them while one of them is read, and drops them when emptied', () => {
    const state = explorer();
    const [first, second] = state.graph!.file.edges;
    state.setHighlight([first!.id, second!.id]);
    expect(state.view.highlight).toEqual([first!.id, second!.id]);
    state.select({ type: 'edge', id: first!.id }, { keepTab: true });
    expect(state.view.highlight).toEqual([first!.id, second!.id]);
    state.setHighlight([]);
    expect(state.view).not.toHaveProperty('highlight');
  });
});

describe('ExplorerState appearance and opened graphs', () => {
  it('colours by an attribute through the view, and the address carries it', () => {
    const pushed: string[] = [];
    const state = new ExplorerState({
      location: { search: '?g=us-iran-2023-10', pathname: '/' },
      history: { pushState: (_s, _t, url) => pushed.push(String(url)), replaceState: () => undefined },
    });
    state.start();
    expect(state.appearance?.applied.nodeColour).toEqual({ by: 'kind' });
    state.setAppearance({ nodeSize: { by: 'degree' } });
    expect(pushed.at(-1)).toContain('ns=degree');
    const sizes = state.elements.filter((e) => e.group === 'nodes').map((e) => e.data.size);
    expect(sizes.every((s) => typeof s === 'number')).toBe(true);
  });

  it('keeps file= first in the address for a graph opened from a link', () => {
    const replaced: string[] = [];
    const state = new ExplorerState({
      location: { search: '?g=us-iran-2023-10', pathname: '/app/' },
      history: { pushState: () => undefined, replaceState: (_s, _t, url) => replaced.push(String(url)) },
    });
    state.start();
    const graph = state.graph!;
    state.showOpened(
      { ...graph, file: { ...graph.file, id: 'linked' } },
      { type: 'opened', name: 'linked.json', format: 'native', url: 'https://example.org/g.json' },
      { history: 'replace' },
    );
    expect(replaced.at(-1)).toBe('/app/?file=https%3A%2F%2Fexample.org%2Fg.json&g=linked');
  });
});
