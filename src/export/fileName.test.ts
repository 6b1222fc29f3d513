import { describe, expect, it } from 'vitest';
import { defaultView } from '../core/view/viewState';
import { chartFileName, exportFileName } from './fileName';

const day = new Date(2026, 10, 25, 12);

describe('exportFileName', () => {
  it('names the graph and the date when nothing is chosen', () => {
    expect(exportFileName('us-iran-2023-10', defaultView('us-iran-2023-10'), 'graph', 'png', day)).toBe(
      'us-iran-2023-10_2026-11-25.png',
    );
  });
  it('names the focused actor', () => {
    const view = { ...defaultView('us-iran-2023-10'), selected: { type: 'node' as const, id: 'iran' } };
    expect(exportFileName('us-iran-2023-10', view, 'graph', 'png', day)).toBe(
      'us-iran-2023-10_focus-iran_2026-11-25.png',
    );
  });
  it('names a path, a time, filters and the scope', () => {
    const view = {
      ...defaultView('g'),
      path: { from: 'iran', to: 'united-states', directed: false },
      time: { mode: 'asOf' as const, to: '2023-10-20', undated: 'show' as const },
      filters: { ...defaultView('g').filters, kinds: ['person' as const] },
    };
    expect(exportFileName('g', view, 'viewport', 'pdf', day)).toBe(
      'g_path-iran-united-states_asof-2023-10-20_filtered_viewport_2026-11-25.pdf',
    );
  });
  it('keeps only safe characters', () => {
    expect(exportFileName('Ünïcode / ../graph', undefined, 'graph', 'svg', day)).toBe(
      'unicode-graph_2026-11-25.svg',
    );
  });
});

describe('chartFileName', () => {
  it('names the graph, the pair or "all", and the date, with only safe characters', () => {
    expect(chartFileName('us-iran-2023-10', 'united-states', 'iran', 'svg', day)).toBe(
      'us-iran-2023-10_over-time_united-states-iran_2026-11-25.svg',
    );
    expect(chartFileName('g', '<script>/../x', undefined, 'png', day)).toBe(
      'g_over-time_script-x-all_2026-11-25.png',
    );
    expect(chartFileName('g', '🚀', '', 'png', day)).toBe('g_over-time_actor-actor_2026-11-25.png');
  });
});
