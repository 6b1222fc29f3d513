// The benchmark's tables: medians over runs, timeouts shown rather than hidden, ratios of medians.
import { describe, expect, it } from 'vitest';
import type { RunResult } from './measureRun';
import { graphTable, median, type GraphReport } from './report';
import type { SubjectDef, SubjectKey } from './subjects';

const subject = (key: SubjectKey, title: string): SubjectDef => ({
  key,
  title,
  server: 'pages',
  path: '',
  initScripts: [],
  opensFirstGraph: false,
});
const SUBJECTS = [
  subject('app', 'app'),
  subject('grid', 'bare grid'),
  subject('fcose', 'bare fCoSE'),
  subject('sigma', 'sigma.js'),
];

const run = (patch: Partial<RunResult>): RunResult => ({
  startup: 100,
  firstPicture: 1000,
  finalPicture: 2000,
  longestLayout: 500,
  longestAll: 600,
  longestBackground: 'n/a',
  zoom: [50, 60],
  select: [80],
  filter: [90],
  heap: 12e6,
  misses: [],
  ...patch,
});

const rowOf = (table: string, label: string) =>
  table
    .split('\n')
    .find((l) => l.startsWith(`| ${label} |`))!
    .split('|')
    .slice(2, -1)
    .map((c) => c.trim());

describe('the benchmark report', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('prints medians per subject and the app divided by each other subject', () => {
    const report: GraphReport = {
      graph: 'g',
      nodes: 10,
      edges: 15,
      runs: {
        app: [run({ firstPicture: 3000 }), run({ firstPicture: 5000 }), run({ firstPicture: 4000 })],
        grid: [run({ firstPicture: 1000 })],
        fcose: [run({ firstPicture: 2000 })],
        sigma: [run({ firstPicture: 500 })],
      },
      skipped: {},
    };
    const table = graphTable(report, SUBJECTS);
    expect(rowOf(table, 'first drawn picture')).toEqual([
      '4.00 s',
      '1.00 s',
      '2.00 s',
      '500 ms',
      '4.00×',
      '2.00×',
      '8.00×',
    ]);
    // Interaction samples are pooled over runs: [50, 60] from each run.
    expect(rowOf(table, 'wheel zoom → next frame')[0]).toBe('55 ms');
    expect(rowOf(table, 'JS heap after the layout')[0]).toBe('12.0 MB');
  });

  it('shows a timeout in any run instead of the median of the others, and skipped subjects', () => {
    const report: GraphReport = {
      graph: 'g',
      nodes: 10,
      edges: 15,
      runs: {
        app: [run({}), run({ firstPicture: 'timeout', zoom: [] }), run({ zoom: [40, 'timeout'] })],
        grid: [run({})],
      },
      skipped: { fcose: 'its first picture timed out on 1k' },
    };
    const table = graphTable(report, SUBJECTS);
    expect(rowOf(table, 'first drawn picture').slice(0, 4)).toEqual(['timeout', '1.00 s', 'skipped', '–']);
    expect(rowOf(table, 'first drawn picture')[4]).toBe('');
    expect(rowOf(table, 'wheel zoom → next frame')[0]).toBe('timeout');
  });
});
