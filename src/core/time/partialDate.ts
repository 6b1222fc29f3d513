// Dates known to a precision (year, month or day), and the time spans of relations built from them.
import { PARTIAL_DATE_PATTERN, type DatePrecision, type TimeSpec } from '../model';

export interface PartialDate {
  text: string;
  precision: DatePrecision;
  /** First instant covered, in ms since the epoch (UTC). */
  from: number;
  /** First instant after the period covered, in ms since the epoch (UTC). */
  to: number;
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Returns undefined for text that is not such a date,
 * or names a month or day that does not exist (2023-02-30).
 */
export function parsePartialDate(text: string): PartialDate | undefined {
  const m = PARTIAL_DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) {
    return { text, precision: 'year', from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) {
    return {
      text,
      precision: 'month',
      from: Date.UTC(year, month - 1, 1),
      to: Date.UTC(year, month, 1),
    };
  }
  const day = Number(m[3]);
  const from = Date.UTC(year, month - 1, day);
  if (day < 1 || new Date(from).getUTCMonth() !== month - 1) return undefined;
  return { text, precision: 'day', from, to: Date.UTC(year, month - 1, day + 1) };
}

export interface TimeSpan {
  /** Earliest instant the relation may have held (ms, UTC). */
  from: number;
  /** Instant after which it no longer held; `Infinity` while ongoing. */
  to: number;
  ongoing: boolean;
  circa: boolean;
}

/** The span a time spec covers, or undefined when it is missing or any of its dates is invalid. */
export function timeSpan(time: TimeSpec | undefined): TimeSpan | undefined {
  if (!time) return undefined;
  const circa = time.circa === true;
  if ('date' in time && time.date !== undefined) {
    const d = parsePartialDate(time.date);
    return d && { from: d.from, to: d.to, ongoing: false, circa };
  }
  if (!('start' in time) || time.start === undefined) return undefined;
  const start = parsePartialDate(time.start);
  if (!start) return undefined;
  if (time.end === undefined) return { from: start.from, to: Infinity, ongoing: true, circa };
  const end = parsePartialDate(time.end);
  return end && { from: start.from, to: end.to, ongoing: false, circa };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A partial date for people: "2023", "Oct 2023", "27 Oct 2023". Invalid text is returned as is. */
export function formatPartialDate(text: string): string {
  const d = parsePartialDate(text);
  if (!d) return text;
  const dt = new Date(d.from);
  const month = MONTHS[dt.getUTCMonth()];
  if (d.precision === 'year') return String(dt.getUTCFullYear());
  if (d.precision === 'month') return `${month} ${dt.getUTCFullYear()}`;
  return `${dt.getUTCDate()} ${month} ${dt.getUTCFullYear()}`;
}

/** A time spec for people: "27 Oct 2023", "2015 – 2018", "since Oct 2023", "c. 2015". */
export function formatTime(time: TimeSpec | undefined): string {
  if (!time) return 'undated';
  const c = time.circa ? 'c. ' : '';
  if ('date' in time && time.date !== undefined) return c + formatPartialDate(time.date);
  if (!('start' in time) || time.start === undefined) return 'undated';
  if (time.end === undefined) return `${c}since ${formatPartialDate(time.start)}`;
  return `${c}${formatPartialDate(time.start)} – ${formatPartialDate(time.end)}`;
}
