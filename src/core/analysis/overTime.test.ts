import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClaimEdge, GraphFile } from '../model';
import { loadGraphText, validateGraph } from '../validate';
import { CATEGORY_KEYS } from '../model';
import { STACK_ORDER, graphEnd, overTime, type OverTime, type OverTimeOptions } from './overTime';

const claim = (id: string, source: string, target: string, extra: Partial<ClaimEdge> = {}): ClaimEdge => ({
  id,
  source,
  target,
  relation: 'attacks',
  certainty: 'confirmed',
  ...extra,
});

/** A graph of the given claims between a few actors; the US holds Biden, Iran holds the IRGC. */
function graph(edges: ClaimEdge[]): GraphFile {
  const file: GraphFile = {
    format: 'actor-graph',
    version: 2,
    id: 'over-time',
    title: 'Over time',
    sources: [],
    nodes: [
      { id: 'us', label: 'United States', kind: 'state' },
      { id: 'biden', label: 'Joe Biden', kind: 'person', parent: 'us' },
      { id: 'iran', label: 'Iran', kind: 'state' },
      { id: 'irgc', label: 'IRGC', kind: 'military-unit', parent: 'iran' },
      { id: 'russia', label: 'Russia', kind: 'state' },
    ],
    edges,
  };
  const result = validateGraph(file, 'over-time.json');
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.graph.file;
}

const run = (edges: ClaimEdge[], options: Partial<OverTimeOptions> = {}) =>
  overTime(graph(edges), { a: 'us', b: 'iran', ...options });
const period = (chart: OverTime, key: string) => chart.periods.find((p) => p.key === key);
const keys = (chart: OverTime) => chart.periods.map((p) => p.key);

describe('dates keep their precision', () => {
  const edges = [
    claim('year', 'us', 'iran', { time: { date: '2022' } }),
    claim('month', 'us', 'iran', { time: { date: '2022-03' } }),
    claim('day', 'iran', 'us', { time: { date: '2022-03-31' } }),
  ];

  it('spreads a claim dated only to its year over the twelve months of that year, not on 1 January', () => {
    const chart = run(edges, { granularity: 'month' });
    expect(keys(chart)).toEqual([...Array(12)].map((_, i) => `2022-${String(i + 1).padStart(2, '0')}`));
    for (const p of chart.periods) expect(p.claims).toContain('year');
    expect(period(chart, '2022-01')!.total).toBeCloseTo(1 / 12);
    expect(period(chart, '2022-03')!.total).toBeCloseTo(2 + 1 / 12);
    expect(chart.periods.reduce((n, p) => n + p.total, 0)).toBeCloseTo(3);
    expect(chart.spread).toEqual(['year']);
  });

  it('counts each dated claim once in its year', () => {
    const chart = run(edges, { granularity: 'year' });
    expect(keys(chart)).toEqual(['2022']);
    expect(chart.periods[0]!.total).toBe(3);
    expect(chart.spread).toEqual([]);
  });

  it('counts a span in every period it covers, and an ongoing relation until the graph’s last date', () => {
    const chart = run(
      [
        claim('span', 'us', 'iran', { relation: 'negotiates', time: { start: '2021', end: '2022-02' } }),
        claim('ongoing', 'iran', 'us', { relation: 'opposes', time: { start: '2019' } }),
        // Elsewhere in the graph: the latest date anything reaches, 27 October 2023.
        claim('latest', 'russia', 'biden', { time: { date: '2023-10-27' } }),
      ],
      { granularity: 'year' },
    );
    expect(keys(chart)).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(chart.periods.map((p) => p.total)).toEqual([1, 1, 2, 2, 1]);
    expect(period(chart, '2022')!.claims.sort()).toEqual(['ongoing', 'span']);
    expect(chart.lasting.sort()).toEqual(['ongoing', 'span']);
    expect(new Date(chart.ongoingUntil!).toISOString().slice(0, 10)).toBe('2023-10-28');

    const months = run([claim('span', 'us', 'iran', { time: { start: '2021-11', end: '2022-02' } })], {
      granularity: 'month',
    });
    expect(keys(months)).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(months.periods.map((p) => p.total)).toEqual([1, 1, 1, 1]);
  });

  it('keeps undated claims off the time axis and counts them apart', () => {
    const chart = run([
      claim('dated', 'us', 'iran', { time: { date: '2023-10-27' } }),
      claim('undated-1', 'us', 'iran'),
      claim('undated-2', 'iran', 'us'),
    ]);
    expect(chart.undated).toEqual(['undated-1', 'undated-2']);
    expect(chart.periods.flatMap((p) => p.claims)).toEqual(['dated']);
    expect(chart.claims).toHaveLength(3);
  });

  it('has no periods when nothing between the two is dated', () => {
    const chart = run([claim('undated', 'us', 'iran')]);
    expect(chart.periods).toEqual([]);
    expect(chart.undated).toEqual(['undated']);
  });
});

describe('categories, certainty and the Goldstein sum', () => {
  const at = { time: { date: '2023-10-27' } };
  const edges = [
    claim('strike', 'us', 'iran', { ...at, relation: 'strikes' }), // material conflict, −10
    claim('threat', 'us', 'iran', { ...at, relation: 'threatens', certainty: 'conditional' }), // −7
    claim('talks', 'us', 'iran', { ...at, relation: 'negotiates' }), // verbal cooperation, +7
    claim('aid', 'iran', 'us', { ...at, relation: 'sends-aid', certainty: 'denied' }), // +7.4, denied
    claim('free', 'iran', 'us', { ...at, relation: undefined, label: 'mentions', intensity: 2 }),
  ];

  it('stacks every category, the unclassified one included', () => {
    expect([...STACK_ORDER].sort()).toEqual([...CATEGORY_KEYS].sort());
  });

  it('splits a period by category, most hostile at the bottom, unclassified on top', () => {
    const p = run(edges).periods[0]!;
    expect(p.shares.map((s) => [s.category, s.shade, s.value])).toEqual([
      ['material-conflict', 'firm', 1],
      ['verbal-conflict', 'conditional', 1],
      ['verbal-cooperation', 'firm', 1],
      ['material-cooperation', 'denied', 1],
      ['unclassified', 'firm', 1],
    ]);
  });

  it('draws denied claims but leaves them out of the Goldstein sum; conditional ones count', () => {
    const chart = run(edges);
    expect(chart.periods[0]!.total).toBe(5);
    expect(chart.periods[0]!.goldstein).toBe(-10 - 7 + 7 + 2);
    expect(chart.denied).toEqual(['aid']);
  });

  it('leaves denied and conditional claims out altogether when asked, and says which', () => {
    const chart = run(edges, { certainty: 'exclude' });
    expect(chart.excluded.sort()).toEqual(['aid', 'threat']);
    expect(chart.periods[0]!.total).toBe(3);
    expect(chart.periods[0]!.shares.every((s) => s.shade === 'firm')).toBe(true);
    expect(chart.denied).toEqual([]);
  });

  it('spreads the Goldstein weight of a year-precision claim with its share', () => {
    const chart = run([claim('strike', 'us', 'iran', { relation: 'strikes', time: { date: '2020' } })], {
      granularity: 'month',
    });
    expect(chart.periods[0]!.goldstein).toBeCloseTo(-10 / 12);
    expect(chart.periods.reduce((n, p) => n + p.goldstein, 0)).toBeCloseTo(-10);
  });
});

describe('who and which way', () => {
  const at = { time: { date: '2023-10' } };
  const edges = [
    claim('us-iran', 'us', 'iran', at),
    claim('biden-irgc', 'biden', 'irgc', at),
    claim('iran-us', 'iran', 'us', at),
    claim('us-russia', 'us', 'russia', at),
    claim('russia-us', 'russia', 'us', at),
    claim('iran-russia', 'iran', 'russia', at),
    claim('biden-us', 'biden', 'us', at),
    claim('met', 'russia', 'us', { ...at, relation: undefined, label: 'met', directed: false }),
  ];
  const ids = (chart: OverTime) => [...chart.claims].sort();

  it('takes both directions by default, or only A → B or B → A', () => {
    expect(ids(run(edges))).toEqual(['biden-irgc', 'iran-us', 'us-iran']);
    expect(ids(run(edges, { flow: 'from' }))).toEqual(['biden-irgc', 'us-iran']);
    expect(ids(run(edges, { flow: 'to' }))).toEqual(['iran-us']);
  });

  it('counts members as their group unless asked not to', () => {
    expect(ids(run(edges, { members: false }))).toEqual(['iran-us', 'us-iran']);
  });

  it('takes one actor against all others, claims inside the actor left out, undirected ones both ways', () => {
    const all = run(edges, { b: undefined });
    expect(ids(all)).toEqual(['biden-irgc', 'iran-us', 'met', 'russia-us', 'us-iran', 'us-russia']);
    expect(ids(run(edges, { b: undefined, flow: 'from' }))).toEqual([
      'biden-irgc',
      'met',
      'us-iran',
      'us-russia',
    ]);
    expect(ids(run(edges, { b: undefined, flow: 'to' }))).toEqual(['iran-us', 'met', 'russia-us']);
    expect(ids(run(edges, { b: 'us' }))).toEqual(ids(all));
  });

  it('gives a member paired with its own group only its own claims', () => {
    expect(ids(run(edges, { a: 'us', b: 'biden' }))).toEqual(['biden-us']);
  });
});

describe('period length', () => {
  it('shows up to three years by month and longer spans by year, unless told', () => {
    const short = run([
      claim('x', 'us', 'iran', { time: { date: '2021-01' } }),
      claim('y', 'us', 'iran', { time: { date: '2023-12' } }),
    ]);
    expect(short.granularity).toBe('month');
    expect(short.periods).toHaveLength(36);
    const long = run([
      claim('x', 'us', 'iran', { time: { date: '2020-12' } }),
      claim('y', 'us', 'iran', { time: { date: '2023-12' } }),
    ]);
    expect(long.granularity).toBe('year');
    expect(long.autoGranularity).toBe('year');
    expect(keys(long)).toEqual(['2020', '2021', '2022', '2023']);
  });

  it('falls back to years, with a note, when months would be too many', () => {
    const chart = run(
      [
        claim('x', 'us', 'iran', { time: { date: '1800' } }),
        claim('y', 'us', 'iran', { time: { date: '2023' } }),
      ],
      { granularity: 'month' },
    );
    expect(chart.granularity).toBe('year');
    expect(chart.notes).toHaveLength(1);
  });
});

describe('from a year on', () => {
  it('counts claims over before it apart and draws relations lasting into it from it on', () => {
    const edges = [
      claim('old', 'us', 'iran', { time: { date: '2015' } }),
      claim('span', 'us', 'iran', { time: { start: '2019', end: '2021-06' } }),
      claim('ongoing', 'iran', 'us', { relation: 'opposes', time: { start: '1979' } }),
      claim('new', 'us', 'iran', { time: { date: '2021-03' } }),
      claim('undated', 'us', 'iran'),
    ];
    const all = run(edges);
    expect(all.years).toEqual({ first: 1979, last: 2021 });
    const chart = run(edges, { since: 2021 });
    expect(chart.before).toEqual(['old']);
    expect(chart.since).toBe(2021);
    expect(chart.years).toEqual({ first: 1979, last: 2021 });
    expect(chart.granularity).toBe('month');
    expect(keys(chart)[0]).toBe('2021-01');
    expect(period(chart, '2021-01')!.claims.sort()).toEqual(['ongoing', 'span']);
    expect(period(chart, '2021-03')!.total).toBe(3);
    expect(chart.undated).toEqual(['undated']);
    expect(run(edges, { since: 2030 }).periods).toEqual([]);
  });
});

describe('the curated graph', () => {
  const text = readFileSync('graph/us-iran-2023-10.json', 'utf8');
  const loaded = loadGraphText(text, 'graph/us-iran-2023-10.json');
  if (!loaded.ok) throw new Error('the curated graph does not load');
  const file = loaded.graph.file;

  it('shows the United States and Iran per year from 1979 to 2023, undated claims counted apart', () => {
    const chart = overTime(file, { a: 'united-states', b: 'iran' });
    expect(chart.granularity).toBe('year');
    expect(chart.periods[0]!.key).toBe('1979');
    expect(chart.periods.at(-1)!.key).toBe('2023');
    expect(chart.periods).toHaveLength(2023 - 1979 + 1);
    expect(chart.undated.length).toBeGreaterThan(0);
    expect(chart.claims.length).toBe(
      chart.undated.length + new Set(chart.periods.flatMap((p) => p.claims)).size,
    );
    // The latest claims are dated October 2023: ongoing relations are drawn to its end.
    expect(new Date(graphEnd(file.edges)!).toISOString().slice(0, 10)).toBe('2023-11-01');
  });
});
