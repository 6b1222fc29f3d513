import { describe, expect, it } from 'vitest';
import { validateGraph } from '../validate';
import type { EdgeElement, GraphElement } from '../elements';
import { testGraph } from './testGraph';
import { defaultView, type ViewState } from './viewState';
import { bundleId, visibleGraph } from './visibleGraph';

const graph = testGraph();
const view = (patch: Partial<ViewState> = {}): ViewState => ({ ...defaultView('test'), ...patch });
const ids = (els: GraphElement[], group: 'nodes' | 'edges') =>
  els
    .filter((e) => e.group === group)
    .map((e) => e.data.id)
    .sort();
const withClass = (els: GraphElement[], cls: string) =>
  els
    .filter((e) => e.classes.includes(cls))
    .map((e) => e.data.id)
    .sort();

describe('visibleGraph', () => {
  it('draws everything by default, bundling the two claims from the US to Iran', () => {
    const v = visibleGraph(graph, view());
    expect(ids(v.elements, 'nodes')).toHaveLength(10);
    expect(v.counts).toEqual({ actors: { shown: 10, total: 10 }, relations: { shown: 10, total: 10 } });
    const bundle = v.elements.find((e) => e.data.id === bundleId('us', 'iran')) as EdgeElement;
    expect(bundle.data.label).toBe('threatens +1');
    expect(bundle.classes).toContain('bundle');
    expect(v.bundles.get(bundle.data.id)).toEqual(['us-deters-iran', 'us-threatens-iran']);
    expect(v.drawnAs.get('us-deters-iran')).toBe(bundle.data.id);
  });

  it('draws parallel claims one by one when bundling is off', () => {
    const v = visibleGraph(graph, view({ bundle: false }));
    expect(ids(v.elements, 'edges')).toContain('us-deters-iran');
    expect(v.bundles.size).toBe(0);
  });

  it('hides actors of a hidden kind and their claims, keeping their members', () => {
    const v = visibleGraph(graph, view({ filters: { ...defaultView('t').filters, kinds: ['state'] } }));
    expect(ids(v.elements, 'nodes')).toEqual(['biden', 'hezbollah', 'irgc', 'militias', 'quds', 'us-forces']);
    const biden = v.elements.find((e) => e.data.id === 'biden')!;
    expect(biden.data).not.toHaveProperty('parent');
    expect(ids(v.elements, 'edges')).toEqual(['militias-attack-us-forces', 'quds-supplies-militias']);
  });

  it('filters claims by category, certainty and asserter, and hides actors left alone', () => {
    const v = visibleGraph(
      graph,
      view({
        filters: { ...defaultView('t').filters, categories: ['material-conflict', 'verbal-conflict'] },
      }),
    );
    expect(ids(v.elements, 'edges')).toEqual([
      'biden-negotiates-iran',
      'iran-backs-hezbollah',
      'iran-backs-militias',
      'iran-supplies-russia',
      'quds-supplies-militias',
    ]);
    expect(ids(v.elements, 'nodes')).not.toContain('israel');
    expect(ids(v.elements, 'nodes')).not.toContain('us-forces');
    expect(ids(v.elements, 'nodes')).toContain('us'); // Biden's group still contains him
    const byAsserter = visibleGraph(
      graph,
      view({ filters: { ...defaultView('t').filters, asserters: ['U.S. officials'] } }),
    );
    expect(ids(byAsserter.elements, 'edges')).not.toContain('quds-supplies-militias');
  });

  it('shows the graph as of a date: later relations disappear, earlier and ongoing ones stay', () => {
    const asOf = (to: string, undated: 'show' | 'hide' = 'show') =>
      ids(visibleGraph(graph, view({ time: { mode: 'asOf', to, undated } })).elements, 'edges');
    expect(asOf('2023-10-06')).toEqual([
      'biden-negotiates-iran',
      'iran-backs-hezbollah',
      'iran-backs-militias',
      'iran-supplies-russia',
      'quds-supplies-militias',
    ]);
    expect(asOf('2023-10-06', 'hide')).toEqual([
      'biden-negotiates-iran',
      'iran-backs-militias',
      'iran-supplies-russia',
    ]);
    expect(asOf('2023-10-27')).toContain(bundleId('us', 'iran'));
  });

  it('shows relations overlapping a window', () => {
    const v = visibleGraph(
      graph,
      view({ time: { mode: 'window', from: '2023-01-01', to: '2023-10-20', undated: 'hide' } }),
    );
    expect(ids(v.elements, 'edges')).toEqual([
      'hezbollah-attacks-israel',
      'iran-backs-militias',
      'iran-supplies-russia',
      'militias-attack-us-forces',
    ]);
  });

  it('focuses on a selected actor: neighbours highlighted, the rest dimmed', () => {
    const v = visibleGraph(graph, view({ selected: { type: 'node', id: 'hezbollah' } }));
    expect(withClass(v.elements, 'focus')).toEqual([
      'hezbollah',
      'hezbollah-attacks-israel',
      'iran',
      'iran-backs-hezbollah',
      'israel',
    ]);
    expect(withClass(v.elements, 'focus-root')).toEqual(['hezbollah']);
    expect(withClass(v.elements, 'faded')).toContain('russia');
    expect(withClass(v.elements, 'faded')).not.toContain('iran');
  });

  it('widens the focus with depth and narrows it by direction', () => {
    const depth2 = visibleGraph(
      graph,
      view({
        selected: { type: 'node', id: 'hezbollah' },
        focus: { depth: 2, direction: 'both' },
      }),
    );
    expect(withClass(depth2.elements, 'focus')).toContain('russia');
    const outOnly = visibleGraph(
      graph,
      view({
        selected: { type: 'node', id: 'hezbollah' },
        focus: { depth: 3, direction: 'out' },
      }),
    );
    expect(withClass(outOnly.elements, 'focus').filter((id) => !id.includes('-'))).toEqual([
      'hezbollah',
      'israel',
    ]);
  });

  it('isolates the neighbourhood, keeping the groups that contain it', () => {
    const v = visibleGraph(
      graph,
      view({
        selected: { type: 'node', id: 'quds' },
        focus: { depth: 1, direction: 'both', isolate: 'quds' },
      }),
    );
    expect(ids(v.elements, 'nodes')).toEqual(['iran', 'irgc', 'militias', 'quds']);
    expect(ids(v.elements, 'edges')).toEqual(['quds-supplies-militias']);
    expect(v.isolated).toEqual({ root: 'quds', actors: 2 });
  });

  it('keeps the isolation of its actor when a relation inside it is selected', () => {
    const v = visibleGraph(
      graph,
      view({
        selected: { type: 'edge', id: 'quds-supplies-militias' },
        focus: { depth: 1, direction: 'both', isolate: 'quds' },
      }),
    );
    expect(ids(v.elements, 'nodes')).toEqual(['iran', 'irgc', 'militias', 'quds']);
    expect(withClass(v.elements, 'focus')).toEqual(['militias', 'quds', 'quds-supplies-militias']);
  });

  it("marks the claims the timeline's latest step added, and only those", () => {
    const asOf = (to: string) =>
      visibleGraph(graph, view({ time: { mode: 'asOf', to, undated: 'hide' }, bundle: false }));
    expect(asOf('2023-10-17').addedAtStep).toEqual(['militias-attack-us-forces']);
    expect(withClass(asOf('2023-10-17').elements, 'added')).toEqual(['militias-attack-us-forces']);
    // Between steps, the last step passed is still the one marked.
    expect(asOf('2023-10-20').addedAtStep).toEqual(['militias-attack-us-forces']);
    expect(asOf('2023-10-27').addedAtStep.sort()).toEqual([
      'us-deters-iran',
      'us-strikes-irgc',
      'us-threatens-iran',
    ]);
    expect(visibleGraph(graph, view()).addedAtStep).toEqual([]);
  });

  it('hides undated claims in a dated view unless asked to show them', () => {
    const dated = visibleGraph(graph, view({ time: { mode: 'asOf', to: '2023-10-27', undated: 'hide' } }));
    expect(ids(dated.elements, 'edges')).not.toContain('iran-backs-hezbollah');
    expect(defaultView('x').time.undated).toBe('hide');
  });

  it('does not isolate anything for a selected actor alone', () => {
    const v = visibleGraph(graph, view({ selected: { type: 'node', id: 'quds' } }));
    expect(v.isolated).toBeUndefined();
    expect(ids(v.elements, 'nodes').length).toBeGreaterThan(4);
  });

  it('collapses a group: members vanish and their relations re-route to it', () => {
    const v = visibleGraph(graph, view({ collapsed: ['iran'], bundle: false }));
    expect(ids(v.elements, 'nodes')).not.toContain('irgc');
    const iran = v.elements.find((e) => e.data.id === 'iran')!;
    expect(iran.data.label).toBe('Iran (+2)');
    expect(iran.classes).toContain('collapsed');
    const supplies = v.elements.find((e) => e.data.id === 'quds-supplies-militias') as EdgeElement;
    expect([supplies.data.source, supplies.data.target]).toEqual(['iran', 'militias']);
    expect(supplies.classes).toContain('rerouted');
    const strikes = v.elements.find((e) => e.data.id === 'us-strikes-irgc') as EdgeElement;
    expect(strikes.data.target).toBe('iran');
    expect(v.counts.actors.shown).toBe(10);
  });

  it('marks a claim between a group and its own member, so it is not drawn as a loop round the box', () => {
    const file = structuredClone(graph.file);
    const quote = (id: string) => [{ source: 'src', quote: `quote for ${id}` }];
    file.edges.push(
      {
        id: 'iran-backs-quds',
        source: 'iran',
        target: 'quds',
        relation: 'backs',
        certainty: 'confirmed',
        evidence: quote('a'),
      },
      {
        id: 'quds-deters-iran',
        source: 'quds',
        target: 'iran',
        relation: 'deters',
        certainty: 'confirmed',
        evidence: quote('b'),
      },
    );
    const result = validateGraph(file, 'x.json');
    if (!result.ok) throw new Error('invalid');
    const v = visibleGraph(result.graph, view({ bundle: false }));
    expect(withClass(v.elements, 'to-member')).toEqual(['iran-backs-quds']);
    expect(withClass(v.elements, 'to-group')).toEqual(['quds-deters-iran']);
    expect(withClass(v.elements, 'to-member')).not.toContain('iran-backs-militias');
  });

  it('draws members inside their group in every layout', () => {
    const parentOf = (layout: ViewState['layout']) =>
      visibleGraph(graph, view({ layout })).elements.find((e) => e.data.id === 'irgc')!.data;
    for (const layout of ['curated', 'fcose', 'manual', 'circle', 'concentric', 'breadthfirst'] as const) {
      expect(parentOf(layout), layout).toHaveProperty('parent', 'iran');
    }
  });

  it('keeps the nesting of the layout an arrangement was made from', () => {
    const manualFlat = visibleGraph(graph, view({ layout: 'manual' }), { manualNested: false });
    expect(manualFlat.elements.find((e) => e.data.id === 'irgc')!.data).not.toHaveProperty('parent');
  });

  it('says which actor draws a member of a collapsed group, and ignores unknown groups', () => {
    const v = visibleGraph(graph, view({ collapsed: ['iran', 'atlantis'] }));
    expect(v.drawnAs.get('quds')).toBe('iran');
    expect(v.drawnAs.get('israel')).toBe('israel');
    expect(v.notices).toEqual(['Groups to collapse that are not in this graph were ignored: atlantis.']);
  });

  it('drops relations inside a collapsed group', () => {
    const v = visibleGraph(graph, view({ collapsed: ['us'] }));
    expect(ids(v.elements, 'edges')).toContain('militias-attack-us-forces');
    const e = v.elements.find((x) => x.data.id === 'militias-attack-us-forces') as EdgeElement;
    expect(e.data.target).toBe('us');
  });

  it('highlights the shortest paths between two actors and dims the rest', () => {
    const v = visibleGraph(
      graph,
      view({ path: { from: 'hezbollah', to: 'us-forces', directed: false }, bundle: false }),
    );
    expect(v.path?.length).toBe(3);
    expect(v.path?.paths.map((p) => p.map((h) => h.to))).toEqual([['iran', 'militias', 'us-forces']]);
    expect(withClass(v.elements, 'on-path')).toEqual([
      'hezbollah',
      'iran',
      'iran-backs-hezbollah',
      'iran-backs-militias',
      'militias',
      'militias-attack-us-forces',
      'us-forces',
    ]);
    expect(withClass(v.elements, 'faded')).toContain('israel');
  });

  it('highlights picked claims and their actors over the focus and the path, the rest dimmed', () => {
    const v = visibleGraph(
      graph,
      view({
        selected: { type: 'node', id: 'hezbollah' },
        path: { from: 'hezbollah', to: 'us-forces', directed: false },
        highlight: ['iran-supplies-russia', 'us-threatens-iran'],
      }),
    );
    // The threat is bundled with the deterrence: the bundle is drawn highlighted.
    expect(withClass(v.elements, 'focus')).toEqual([
      bundleId('us', 'iran'),
      'iran',
      'iran-supplies-russia',
      'russia',
      'us',
    ]);
    expect(withClass(v.elements, 'on-path')).toEqual([]);
    expect(withClass(v.elements, 'faded')).toContain('hezbollah-attacks-israel');
    expect(withClass(v.elements, 'focus-root')).toEqual(['hezbollah']);
    expect(v.notices).toEqual([]);
  });

  it('says when picked claims are hidden or unknown, and highlights as without them when none is drawn', () => {
    const hidden = visibleGraph(
      graph,
      view({
        highlight: ['us-threatens-iran', 'iran-supplies-russia', 'atlantis-sinks'],
        filters: { ...defaultView('t').filters, certainties: ['conditional'] },
      }),
    );
    expect(hidden.notices).toEqual([
      '1 of the picked relations is not in this graph.',
      '1 of the 3 picked relations is hidden by the current filters.',
    ]);
    expect(withClass(hidden.elements, 'focus')).toEqual(['iran', 'iran-supplies-russia', 'russia']);
    const none = visibleGraph(
      graph,
      view({
        highlight: ['us-threatens-iran'],
        filters: { ...defaultView('t').filters, certainties: ['conditional'] },
      }),
    );
    expect(withClass(none.elements, 'faded')).toEqual([]);
  });

  it('says when no path follows the direction of relations', () => {
    const v = visibleGraph(graph, view({ path: { from: 'israel', to: 'iran', directed: true } }));
    expect(v.path?.length).toBeUndefined();
    expect(v.notices).toEqual([
      'No path from Israel to Iran following the direction of relations with what is shown.',
    ]);
  });

  it('reports selections the graph does not have instead of failing', () => {
    const v = visibleGraph(graph, view({ selected: { type: 'node', id: 'atlantis' } }));
    expect(v.notices).toEqual(['The selected actor "atlantis" is not in this graph.']);
    expect(withClass(v.elements, 'faded')).toEqual([]);
  });

  it('never changes the curated data', () => {
    const before = JSON.stringify(graph.file);
    visibleGraph(
      graph,
      view({
        collapsed: ['iran', 'us'],
        selected: { type: 'node', id: 'iran' },
        path: { from: 'us', to: 'russia', directed: false },
      }),
    );
    expect(JSON.stringify(graph.file)).toBe(before);
  });
});
