// Where everything of the over-time chart goes: bars, axes with real dates, the Goldstein line,
// the legend and the notes, in pixels for a given width. Pure geometry, so the chart component only
// draws what this returns and the same picture is exported.
import { formatPartialDate } from '../time/partialDate';
import type { CategoryKey } from '../model';
import { STACK_ORDER, type Flow, type OverTime, type Period, type Shade } from './overTime';

export interface TextLine {
  x: number;
  y: number;
  text: string;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  bold?: boolean;
  muted?: boolean;
}

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
  category: CategoryKey;
  shade: Shade;
  value: number;
  claims: string[];
}

export interface Bar {
  key: string;
  label: string;
  /** Left edge and width of the period's slot (the bar sits inside it, the slot is what a click hits). */
  x: number;
  width: number;
  rects: BarRect[];
  total: number;
  goldstein: number;
  claims: string[];
}

export interface Tick {
  /** y for the value axes, x for the time axis. */
  at: number;
  label: string;
}

export interface LegendItem {
  /** Left edge of the swatch, and the baseline of the label. */
  x: number;
  y: number;
  kind: 'category' | 'shade' | 'goldstein';
  key: CategoryKey | Shade | 'goldstein';
  label: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  title: TextLine[];
  bars: Bar[];
  countTicks: Tick[];
  goldsteinTicks: Tick[];
  /** y of the Goldstein axis' zero. */
  goldsteinZero: number;
  /** One marker per period with claims that count in the sum. */
  goldsteinPoints: { x: number; y: number; key: string; value: number }[];
  /** Lines between markers of neighbouring periods (never across an empty period). */
  goldsteinLines: { x1: number; y1: number; x2: number; y2: number }[];
  xTicks: Tick[];
  axisTitles: TextLine[];
  legend: LegendItem[];
  notes: TextLine[];
}

export interface ChartText {
  title: string;
  subtitle: string;
  /** What the axis of counts is called, e.g. "claims per year". */
  countAxis: string;
  notes: string[];
  /** Category labels for the legend. */
  categoryLabels: Record<CategoryKey, string>;
}

export interface LayoutOptions {
  width: number;
  plotHeight?: number; // 220: height of the bars' area in px
  fontSize?: number; // 11: axis labels, legend and notes
  /** How the page measures text; without it, an estimate (see estimateWidth). */
  measure?: Measure;
}

/** Average advance of a character, as a share of the font size (a sans-serif, generously). */
const CHAR = 0.6;
const PAD = 12;
/** Widest bar, px. */
const MAX_BAR = 48;

/** Round tick values covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return niceTicks(min - 1, max + 1, count);
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const err = raw / mag;
  const step = mag * (err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1);
  const lo = Math.floor(min / step + 1e-9);
  const hi = Math.ceil(max / step - 1e-9);
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks: number[] = [];
  for (let i = lo; i <= hi; i++) ticks.push(Number((i * step).toFixed(digits)));
  return ticks;
}

/** A number for an axis or a table: at most two decimals, a true minus sign. */
export function formatNumber(n: number): string {
  const r = Math.round(n * 100) / 100;
  const s = Number.isInteger(r) ? String(Math.abs(r)) : Math.abs(r).toFixed(2).replace(/0$/, '');
  return r < 0 ? `\u2212${s}` : s;
}

/** How wide `text` is drawn, in px, at a font size, bold or not. */
export type Measure = (text: string, size: number, bold?: boolean) => number;

/** The estimate used without a measure: 0.6 em a character, generous for Latin text. */
export const estimateWidth: Measure = (text, size) => Array.from(text).length * size * CHAR;

const graphemes = (s: string): string[] =>
  Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (g) => g.segment);

/**
 * Breaks `text` into lines no wider than `max` px (as `width` measures them), at spaces where it can
 * and inside a word only when the word alone is too wide; at most `maxLines` lines, the last cut
 * with "…". Characters are never split (an emoji with its modifiers stays whole).
 */
export function wrapText(
  text: string,
  max: number,
  width: (s: string) => number,
  maxLines = Infinity,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= max) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const g of graphemes(word)) {
      if (line && width(line + g) > max) {
        lines.push(line);
        line = '';
      }
      line += g;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = graphemes(kept[maxLines - 1]!);
  while (last.length > 0 && width(`${last.join('')}…`) > max) last.pop();
  kept[maxLines - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}

/** Steps between labelled periods, smallest first, and how a labelled period is written. */
function timeTicks(data: OverTime, slot: number, size: number, measure: Measure): Tick[] {
  const periods = data.periods;
  if (periods.length === 0) return [];
  const fits = (label: string, step: number) => step * slot >= measure(label, size) + 8;
  const pick = (
    steps: number[],
    label: (key: string) => string,
    index: (key: string) => number,
  ): Tick[] | undefined => {
    const sample = label(periods[0]!.key);
    const step = steps.find((s) => fits(sample, s));
    if (step === undefined) return undefined;
    const ticks: Tick[] = [];
    periods.forEach((p, i) => {
      if (index(p.key) % step === 0) ticks.push({ at: (i + 0.5) * slot, label: label(p.key) });
    });
    return ticks;
  };
  const year = (key: string) => Number(key.slice(0, 4));
  let ticks: Tick[] | undefined;
  if (data.granularity === 'year') {
    ticks = pick([1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000], (k) => k, year);
  } else {
    const month = (k: string) => year(k) * 12 + Number(k.slice(5, 7)) - 1;
    const label = (k: string) => periods.find((p) => p.key === k)!.label;
    ticks =
      pick([1, 2, 3, 6], label, month) ??
      pick(
        [12, 24, 60, 120, 240, 600, 1200],
        (k) => k.slice(0, 4),
        (k) => (k.endsWith('-01') ? month(k) : -1),
      );
  }
  // Too few to label by the rule (a span shorter than one step): label the first period.
  if (!ticks || ticks.length === 0) return [{ at: 0.5 * slot, label: periods[0]!.label }];
  return ticks;
}

/** The chart laid out at `options.width` px. */
export function layoutChart(data: OverTime, text: ChartText, options: LayoutOptions): ChartLayout {
  const width = Math.max(280, Math.round(options.width));
  const size = options.fontSize ?? 11;
  const plotHeight = options.plotHeight ?? 220;
  const measure = options.measure ?? estimateWidth;
  const lineWidth = width - 2 * PAD;
  const wrap = (t: string, font: number, maxLines: number, bold = false) =>
    wrapText(t, lineWidth, (s) => measure(s, font, bold), maxLines);

  let y = PAD;
  const title: TextLine[] = [];
  for (const line of wrap(text.title, 14, 3, true)) {
    y += 16;
    title.push({ x: PAD, y, text: line, size: 14, anchor: 'start', bold: true });
    y += 3;
  }
  for (const line of wrap(text.subtitle, size + 1, 3)) {
    y += size + 3;
    title.push({ x: PAD, y, text: line, size: size + 1, anchor: 'start', muted: true });
  }

  // Value axes.
  const maxTotal = Math.max(0, ...data.periods.map((p) => p.total));
  const countTicksV = niceTicks(0, maxTotal > 0 ? maxTotal : 1);
  const scored = data.periods.filter((p) => p.shares.some((s) => s.shade !== 'denied'));
  const gs = scored.map((p) => p.goldstein);
  const gMin = Math.min(0, ...gs);
  const gMax = Math.max(0, ...gs);
  const gTicksV = niceTicks(gMin, gMax === gMin ? gMin + 1 : gMax);
  const left = PAD + Math.max(...countTicksV.map((t) => measure(formatNumber(t), size))) + 6;
  const right = PAD + Math.max(...gTicksV.map((t) => measure(formatNumber(t), size))) + 6;

  y += 10;
  const axisTitles: TextLine[] = [
    { x: left, y: y + size, text: text.countAxis, size, anchor: 'start', muted: true },
    { x: width - right, y: y + size, text: 'Goldstein sum', size, anchor: 'end', muted: true },
  ];
  y += size + 10;
  const plot = { x: left, y, width: width - left - right, height: plotHeight };
  const cTop = countTicksV[countTicksV.length - 1]!;
  const countY = (v: number) => plot.y + plot.height - (v / cTop) * plot.height;
  const g0 = gTicksV[0]!;
  const g1 = gTicksV[gTicksV.length - 1]!;
  const gY = (v: number) => plot.y + plot.height - ((v - g0) / (g1 - g0)) * plot.height;

  const n = Math.max(1, data.periods.length);
  const slot = plot.width / n;
  // Bars keep a gap between them and stay slender when there are few periods.
  const gap = slot >= 4 ? Math.max(Math.min(slot * 0.2, 6), slot - MAX_BAR) : 0;
  const bars: Bar[] = data.periods.map((p, i) => {
    const x = plot.x + i * slot;
    let base = 0;
    const rects = p.shares.map((s) => {
      const top = countY(base + s.value);
      const rect: BarRect = {
        x: x + gap / 2,
        y: top,
        width: slot - gap,
        height: countY(base) - top,
        category: s.category,
        shade: s.shade,
        value: s.value,
        claims: s.claims,
      };
      base += s.value;
      return rect;
    });
    return {
      key: p.key,
      label: p.label,
      x,
      width: slot,
      rects,
      total: p.total,
      goldstein: p.goldstein,
      claims: p.claims,
    };
  });

  const goldsteinPoints: ChartLayout['goldsteinPoints'] = [];
  const goldsteinLines: ChartLayout['goldsteinLines'] = [];
  let previous: { i: number; x: number; y: number } | undefined;
  data.periods.forEach((p, i) => {
    if (!p.shares.some((s) => s.shade !== 'denied')) return;
    const point = { x: plot.x + (i + 0.5) * slot, y: gY(p.goldstein) };
    goldsteinPoints.push({ ...point, key: p.key, value: p.goldstein });
    if (previous && previous.i === i - 1)
      goldsteinLines.push({ x1: previous.x, y1: previous.y, x2: point.x, y2: point.y });
    previous = { i, ...point };
  });

  const xTicks = timeTicks(data, slot, size, measure).map((t) => ({ ...t, at: plot.x + t.at }));
  y = plot.y + plot.height + size + 8;

  // Legend: what is drawn, in the stack's order from the top.
  y += 12;
  const legend: LegendItem[] = [];
  const present = new Set(data.periods.flatMap((p) => p.shares.map((s) => s.category)));
  const shades = new Set(data.periods.flatMap((p) => p.shares.map((s) => s.shade)));
  const items: Omit<LegendItem, 'x' | 'y'>[] = [
    ...[...STACK_ORDER]
      .reverse()
      .filter((c) => c !== 'unclassified' || present.has(c))
      .map((c) => ({ kind: 'category' as const, key: c, label: text.categoryLabels[c] })),
    ...(['conditional', 'denied'] as const)
      .filter((s) => shades.has(s))
      .map((s) => ({ kind: 'shade' as const, key: s, label: s === 'denied' ? 'Denied' : 'Conditional' })),
    { kind: 'goldstein', key: 'goldstein', label: 'Goldstein sum (denied claims excluded)' },
  ];
  let x = PAD;
  for (const item of items) {
    const w = 18 + measure(item.label, size) + 14;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += size + 8;
    }
    legend.push({ ...item, x, y });
    x += w;
  }
  y += size + 6;

  const notes: TextLine[] = [];
  for (const note of text.notes) {
    for (const line of wrap(note, size, 4)) {
      y += size + 4;
      notes.push({ x: PAD, y, text: line, size, anchor: 'start', muted: true });
    }
  }
  const height = Math.ceil(y + PAD);

  return {
    width,
    height,
    plot,
    title,
    bars,
    countTicks: countTicksV.map((v) => ({ at: countY(v), label: formatNumber(v) })),
    goldsteinTicks: gTicksV.map((v) => ({ at: gY(v), label: formatNumber(v) })),
    goldsteinZero: gY(0),
    goldsteinPoints,
    goldsteinLines,
    xTicks,
    axisTitles,
    legend,
    notes,
  };
}

/** Bidirectional text and marks stay inside their label: wrapped in an isolate (FSI … PDI). */
function isolate(label: string): string {
  return /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(label) ? `\u2068${label}\u2069` : label;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The first and last period as people write them: "1979–2023", "Oct 2023". */
function range(data: OverTime): string {
  const first = data.periods[0];
  const last = data.periods[data.periods.length - 1];
  if (!first || !last) return '';
  return first === last ? first.label : `${first.label}\u2013${last.label}`;
}

export interface Who {
  /** Labels of the actor and of the other one (none: all others). */
  a: string;
  b?: string;
  flow: Flow;
  /** Whether members' claims count as their group's; undefined when neither actor has members. */
  members?: boolean;
  graphTitle: string;
  categoryLabels: Record<CategoryKey, string>;
}

/** Who the chart is about, in the direction chosen: "United States → Iran", "Others → Iran". */
export function pairName(who: Pick<Who, 'a' | 'b' | 'flow'>): string {
  const a = isolate(who.a);
  const b = who.b === undefined ? undefined : isolate(who.b);
  if (who.flow === 'from') return `${a} \u2192 ${b ?? 'all others'}`;
  if (who.flow === 'to') return `${b ?? 'All others'} \u2192 ${a}`;
  return b === undefined ? `${a} and all others` : `${a} and ${b}`;
}

/** The chart's title, subtitle and notes: everything a reader of the exported picture must know. */
export function chartText(data: OverTime, who: Who): ChartText {
  const per = data.granularity;
  const span = range(data);
  const notes: string[] = [];
  if (data.undated.length > 0) notes.push(`${plural(data.undated.length, 'undated claim')} not shown.`);
  if (data.before.length > 0)
    notes.push(`${plural(data.before.length, 'claim')} before ${data.since} not shown.`);
  if (data.excluded.length > 0)
    notes.push(`${plural(data.excluded.length, 'denied or conditional claim')} left out.`);
  if (data.denied.length > 0)
    notes.push(
      `${plural(data.denied.length, 'denied claim')} drawn outlined, not counted in the Goldstein sum.`,
    );
  if (data.spread.length > 0)
    notes.push(`${plural(data.spread.length, 'claim')} dated only to a year spread over its twelve months.`);
  if (data.lasting.length > 0) {
    const until =
      data.ongoingUntil !== undefined
        ? `; ongoing ones up to ${formatPartialDate(new Date(data.ongoingUntil - 1).toISOString().slice(0, 10))}`
        : '';
    notes.push(
      `${plural(data.lasting.length, 'lasting relation')} counted in every ${per} ${data.lasting.length === 1 ? 'it covers' : 'they cover'}${until}.`,
    );
  }
  notes.push(...data.notes);
  notes.push(
    `Graph: ${isolate(who.graphTitle)}. Goldstein scale: \u221210 most hostile, +10 most cooperative.`,
  );
  return {
    title: `Conflict and cooperation: ${pairName(who)}`,
    subtitle: [
      `Claims per ${per} by category`,
      span,
      who.members === undefined ? '' : who.members ? "members' claims included" : 'members not included',
    ]
      .filter(Boolean)
      .join(', '),
    countAxis: `Claims per ${per}`,
    notes,
    categoryLabels: who.categoryLabels,
  };
}

/** One period in words, for screen readers and the table: "2023: 24 claims — 2 Material conflict, …". */
export function describePeriod(period: Period, labels: Record<CategoryKey, string>): string {
  if (period.total === 0) return `${period.label}: no claims`;
  const parts: string[] = [];
  for (const category of [...STACK_ORDER].reverse()) {
    const shares = period.shares.filter((s) => s.category === category);
    if (shares.length === 0) continue;
    const total = shares.reduce((n, s) => n + s.value, 0);
    const marked = shares.filter((s) => s.shade !== 'firm').map((s) => `${formatNumber(s.value)} ${s.shade}`);
    parts.push(
      `${formatNumber(total)} ${labels[category].toLowerCase()}${marked.length ? ` (${marked.join(', ')})` : ''}`,
    );
  }
  const scored = period.shares.some((s) => s.shade !== 'denied');
  return `${period.label}: ${formatNumber(period.total)} ${period.total === 1 ? 'claim' : 'claims'} \u2014 ${parts.join(', ')}${scored ? `; Goldstein sum ${formatNumber(period.goldstein)}` : ''}`;
}
