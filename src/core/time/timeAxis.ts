// A time axis for the timeline: monotonic and continuous, with every claim's date marked on it.
// Claims cluster (a week in October 2023) after long quiet spans (1979 … 2015), so the axis gives
// each gap between consecutive dates room that grows with the logarithm of its length, and time
// runs linearly inside each gap. Gaps squeezed below half their linear share are drawn as breaks
// that say how long they are ("36 years"), so no stretch of the track pretends to be a span it is not.

export interface AxisTick {
  /** ms since the epoch (UTC). */
  at: number;
  /** 0 … 1 along the track. */
  x: number;
  label: string;
}

export interface AxisBreak {
  /** Where the squeezed gap starts and ends on the track, 0 … 1. */
  x0: number;
  x1: number;
  /** How long the gap really is: "36 years", "5 months", "20 days". */
  label: string;
}

export interface TimeAxis {
  /** First and last instant the axis covers. */
  min: number;
  max: number;
  /** Position (0 … 1) of an instant; instants outside the axis are clamped. */
  toX(at: number): number;
  /** The instant at a position (0 … 1). */
  fromX(x: number): number;
  /**
   * A labelled tick at each date the claims start on, thinned so labels do not crowd: neighbours are
   * at least `minSpacing` apart, and (labels being centred on their tick) at least half of both
   * labels' widths plus `minSpacing / 4`, a label being `charWidth` wide per character.
   */
  ticks(minSpacing: number, charWidth?: number): AxisTick[];
  breaks: AxisBreak[];
}

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "36 years", "1 year", "5 months", "20 days". */
export function durationLabel(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= YEAR * 0.95) return plural(Math.round(ms / YEAR), 'year');
  if (ms >= 30 * DAY) return plural(Math.round(ms / (YEAR / 12)), 'month');
  return plural(Math.max(1, Math.round(ms / DAY)), 'day');
}

/**
 * The axis through `points` (ms, any order, duplicates allowed) and up to `max`. A gap of length g
 * takes room proportional to log(1 + g / unit), unit being the span / 2000 clamped to one day … one
 * year; a gap drawn at less than half its linear share is a break.
 */
export function timeAxis(points: readonly number[], max?: number): TimeAxis | undefined {
  const stops = [...new Set(points)].sort((a, b) => a - b);
  if (max !== undefined && (stops.length === 0 || max > stops[stops.length - 1]!)) stops.push(max);
  if (stops.length === 0) return undefined;
  if (stops.length === 1) stops.push(stops[0]! + DAY);
  const min = stops[0]!;
  const end = stops[stops.length - 1]!;
  const span = end - min;
  const unit = Math.min(YEAR, Math.max(DAY, span / 2000));
  const room = stops.slice(1).map((s, i) => Math.log1p((s - stops[i]!) / unit));
  const total = room.reduce((a, b) => a + b, 0);
  const xs = [0];
  for (const r of room) xs.push(xs[xs.length - 1]! + r / total);
  xs[xs.length - 1] = 1;

  const segment = (at: number) => {
    let lo = 0;
    let hi = stops.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (stops[mid]! <= at) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const toX = (at: number) => {
    if (at <= min) return 0;
    if (at >= end) return 1;
    const i = segment(at);
    const a = stops[i]!;
    const b = stops[i + 1]!;
    return xs[i]! + ((at - a) / (b - a)) * (xs[i + 1]! - xs[i]!);
  };
  const fromX = (x: number) => {
    if (x <= 0) return min;
    if (x >= 1) return end;
    let i = 0;
    while (i < xs.length - 2 && xs[i + 1]! <= x) i++;
    const w = xs[i + 1]! - xs[i]!;
    return stops[i]! + (w === 0 ? 0 : ((x - xs[i]!) / w) * (stops[i + 1]! - stops[i]!));
  };
  const breaks: AxisBreak[] = [];
  stops.slice(1).forEach((s, i) => {
    const linearShare = (s - stops[i]!) / span;
    const drawn = xs[i + 1]! - xs[i]!;
    if (linearShare > 0 && drawn < linearShare / 2) {
      breaks.push({ x0: xs[i]!, x1: xs[i + 1]!, label: durationLabel(s - stops[i]!) });
    }
  });
  const ticks = (minSpacing: number, charWidth = 0): AxisTick[] => {
    const out: AxisTick[] = [];
    const dated = stops.slice(0, max !== undefined ? stops.length - 1 : stops.length);
    for (let i = 0; i < dated.length; i++) {
      const at = dated[i]!;
      const x = xs[i]!;
      const prev = out[out.length - 1];
      if (prev && x - prev.x < minSpacing) continue;
      const label = tickLabel(at, prev?.at);
      if (prev && x - prev.x < ((prev.label.length + label.length) / 2) * charWidth + minSpacing / 4)
        continue;
      out.push({ at, x, label });
    }
    return out;
  };
  return { min, max: end, toX, fromX, ticks, breaks };
}

/** "1979", "Oct 2023", "27 Oct": the year alone on 1 January, the day within a year already shown. */
function tickLabel(at: number, previous: number | undefined): string {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  if (m === 0 && day === 1) return String(y);
  const sameYear = previous !== undefined && new Date(previous).getUTCFullYear() === y;
  if (day === 1) return sameYear ? MONTHS[m]! : `${MONTHS[m]} ${y}`;
  return sameYear ? `${day} ${MONTHS[m]}` : `${day} ${MONTHS[m]} ${y}`;
}
