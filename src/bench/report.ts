// Turns the runs of the speed benchmark into medians and prints them as Markdown tables.
import type { Measured, RunResult } from './measureRun';
import type { SubjectDef, SubjectKey } from './subjects';

export interface GraphReport {
  graph: string;
  nodes: number;
  edges: number;
  runs: Partial<Record<SubjectKey, RunResult[]>>;
  skipped: Partial<Record<SubjectKey, string>>; // why a subject was not run on this graph
}

type Row = { label: string; unit: 'ms' | 'bytes'; pick: (r: RunResult) => Measured | Measured[] };

export const ROWS: Row[] = [
  { label: 'first drawn picture', unit: 'ms', pick: (r) => r.firstPicture },
  { label: 'picture with its final layout', unit: 'ms', pick: (r) => r.finalPicture },
  { label: 'longest task while the layout runs', unit: 'ms', pick: (r) => r.longestLayout },
  {
    label: 'longest task after the first picture, while a worker lays out',
    unit: 'ms',
    pick: (r) => r.longestBackground,
  },
  { label: 'longest task, load to end of interactions', unit: 'ms', pick: (r) => r.longestAll },
  { label: 'wheel zoom → next frame', unit: 'ms', pick: (r) => r.zoom },
  { label: 'select an actor → highlight drawn', unit: 'ms', pick: (r) => r.select },
  { label: 'toggle a filter → redrawn', unit: 'ms', pick: (r) => r.filter },
  { label: 'JS heap after the layout', unit: 'bytes', pick: (r) => r.heap },
];

export function median(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The median of a measure over runs (interaction samples are pooled over all runs), or why there is
 * none: a run that timed out makes the whole cell "timeout", since the other runs' median would hide it.
 */
export function cell(runs: RunResult[] | undefined, row: Row): number | string {
  if (!runs || runs.length === 0) return '–';
  const values: number[] = [];
  for (const r of runs) {
    const v = row.pick(r);
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === 'number') values.push(x);
      else if (x === 'timeout' || x === 'error') return x;
    }
  }
  return median(values) ?? '–';
}

export function formatMs(ms: number): string {
  if (ms < 1) return '< 1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`;
}

function format(v: number | string, unit: Row['unit']): string {
  if (typeof v === 'string') return v;
  if (unit === 'bytes') return formatBytes(v);
  return formatMs(v);
}

function ratio(a: number | string, b: number | string): string {
  if (typeof a !== 'number' || typeof b !== 'number' || b <= 0) return '';
  const x = a / b;
  return `${x.toFixed(x < 10 ? 2 : 0)}×`;
}

/** One graph's table: a row per measure, a column per subject, then app ÷ each other subject. */
export function graphTable(report: GraphReport, subjects: SubjectDef[]): string {
  const others = subjects.filter((s) => s.key !== 'app');
  const hasApp = subjects.some((s) => s.key === 'app');
  const head = [
    'measure',
    ...subjects.map((s) => s.title),
    ...(hasApp ? others.map((s) => `app ÷ ${s.title}`) : []),
  ];
  const lines = [
    `| ${head.join(' | ')} |`,
    `| --- | ${head
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
  ];
  for (const row of ROWS) {
    const cells = subjects.map((s) => (report.skipped[s.key] ? 'skipped' : cell(report.runs[s.key], row)));
    const app = hasApp ? cell(report.runs.app, row) : '';
    const ratios = hasApp ? others.map((s) => ratio(app, cell(report.runs[s.key], row))) : [];
    lines.push(`| ${[row.label, ...cells.map((c) => format(c, row.unit)), ...ratios].join(' | ')} |`);
  }
  return lines.join('\n');
}

/** How many runs each subject had, and what went wrong in them. */
export function graphNotes(report: GraphReport, subjects: SubjectDef[]): string[] {
  const notes: string[] = [];
  for (const s of subjects) {
    const skipped = report.skipped[s.key];
    if (skipped) {
      notes.push(`${s.title}: skipped (${skipped})`);
      continue;
    }
    const runs = report.runs[s.key] ?? [];
    const layout = [...new Set(runs.flatMap((r) => (r.layoutNote ? [r.layoutNote] : [])))];
    const problems = [...new Set(runs.flatMap((r) => [...(r.error ? [r.error] : []), ...r.misses]))];
    const parts = [`${runs.length} run${runs.length === 1 ? '' : 's'}`, ...layout, ...problems.slice(0, 3)];
    if (problems.length > 3) parts.push(`${problems.length - 3} more problems (see --json)`);
    notes.push(`${s.title}: ${parts.join('; ')}`);
  }
  return notes;
}

/** Start-up of each page: navigation to ready, and the JavaScript it loads (gzip). */
export function startupTable(reports: GraphReport[], subjects: SubjectDef[]): string {
  const lines = ['| start-up | ' + subjects.map((s) => s.title).join(' | ') + ' |'];
  lines.push(`| --- | ${subjects.map(() => '---:').join(' | ')} |`);
  const all = (k: SubjectKey) => reports.flatMap((g) => g.runs[k] ?? []);
  const ready = subjects.map((s) => {
    const m = median(all(s.key).flatMap((r) => (typeof r.startup === 'number' ? [r.startup] : [])));
    return m === undefined ? '–' : formatMs(m);
  });
  lines.push(`| navigation → first picture of the curated graph | ${ready.join(' | ')} |`);
  const js = subjects.map((s) => {
    const scripts = all(s.key).find((r) => r.scripts)?.scripts;
    return scripts ? formatBytes(scripts.reduce((n, x) => n + x.gzip, 0)) : '–';
  });
  lines.push(`| JavaScript loaded at start (gzip) | ${js.join(' | ')} |`);
  return lines.join('\n');
}
