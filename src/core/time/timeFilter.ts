// Which relations a time filter keeps, and the time range and event marks of a graph for the slider.
import type { ClaimEdge } from '../model';
import type { TimeFilter } from '../view/viewState';
import { parsePartialDate, timeSpan } from './partialDate';

/**
 * True when the edge passes the time filter. "As of D" keeps relations that had begun by the end of
 * day D (past events stay: the picture as it stood then); a window keeps relations overlapping it;
 * ongoing relations run on without end. Undated relations follow `time.undated`.
 */
export function edgeInTime(edge: ClaimEdge, time: TimeFilter): boolean {
  if (time.mode === 'all') return true;
  const span = timeSpan(edge.time);
  if (!span) return time.undated === 'show';
  const to = time.to ? parsePartialDate(time.to) : undefined;
  if (time.mode === 'asOf') return to ? span.from < to.to : true;
  const from = time.from ? parsePartialDate(time.from) : undefined;
  if (!from || !to) return true;
  return span.from < to.to && span.to > from.from;
}

export interface TimeMark {
  /** ms since the epoch (UTC) of the start of the event. */
  at: number;
  edgeId: string;
  /** The date as written, e.g. "2023-10-27" or "2015". */
  text: string;
}

export interface TimeExtent {
  /** First day (ms, UTC) of the earliest dated relation. */
  min: number;
  /** Last instant (ms, UTC) of the latest dated relation's start or end. */
  max: number;
  /** One mark per dated relation, at the day or period it starts, sorted by time. */
  marks: TimeMark[];
  undated: number;
  ongoing: number;
}

/** The range the time slider spans, or undefined when no relation is dated. */
export function timeExtent(edges: readonly ClaimEdge[]): TimeExtent | undefined {
  let min = Infinity;
  let max = -Infinity;
  let undated = 0;
  let ongoing = 0;
  const marks: TimeMark[] = [];
  for (const e of edges) {
    const span = timeSpan(e.time);
    if (!span) {
      undated++;
      continue;
    }
    if (span.ongoing) ongoing++;
    const text = e.time && ('date' in e.time ? e.time.date : e.time.start);
    marks.push({ at: span.from, edgeId: e.id, text: text ?? '' });
    min = Math.min(min, span.from);
    max = Math.max(max, Number.isFinite(span.to) ? span.to - 1 : span.from);
  }
  if (marks.length === 0) return undefined;
  marks.sort((a, b) => a.at - b.at || a.edgeId.localeCompare(b.edgeId));
  return { min, max, marks, undated, ongoing };
}

/** `YYYY-MM-DD` of a UTC instant. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
