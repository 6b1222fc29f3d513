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
