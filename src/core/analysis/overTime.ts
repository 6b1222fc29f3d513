// Conflict and cooperation over time: the claims between two actors (or one actor and all others),
// bucketed per month or year by conflict–cooperation category, with the Goldstein sum per period.
// Dates keep their precision: a claim dated only to its year is spread over the months of that year,
// and a relation that lasts (a span, or ongoing) counts in every period it covers.
import { descendants } from '../groups/collapse';
import {
  UNCLASSIFIED,
  edgeCategory,
  edgeCertainty,
  edgeIntensity,
  isDirected,
  type Category,
  type CategoryKey,
  type ClaimEdge,
  type GraphFile,
} from '../model';
import { parsePartialDate, timeSpan } from '../time/partialDate';

export type Granularity = 'month' | 'year';
/** Which claims count: both ways, only those made by A (A → B), or only those made on A (B → A). */
export type Flow = 'both' | 'from' | 'to';
/** Denied and conditional claims: drawn apart from the others, or left out of the chart. */
export type CertaintyMode = 'apart' | 'exclude';
/** How a share of a bar is drawn: plainly, or marked as conditional or denied. */
export type Shade = 'firm' | 'conditional' | 'denied';

export interface OverTimeOptions {
  /** The actor the chart is about. */
  a: string;
  /** The other actor of the pair; undefined (or `a` itself) means all other actors. */
  b?: string;
  flow?: Flow; // 'both': claims in either direction
  granularity?: Granularity | 'auto'; // 'auto': months for up to three years, else years
  certainty?: CertaintyMode; // 'apart': denied and conditional claims drawn marked
  /** Whether the claims of an actor's members (Biden in the United States) count as the actor's. */
  members?: boolean; // true
  /**
   * First year drawn: claims over before it are counted apart, relations lasting into it are drawn
   * from it on. Undefined: from the first claim.
   */
  since?: number;
}

/** One coloured part of a bar: the claims of one category and shade in one period. */
export interface Share {
  category: CategoryKey;
  shade: Shade;
  /** Height in claims: 1 per claim dated within the period, 1/n for a date spread over n periods. */
  value: number;
  claims: string[];
}

export interface Period {
  /** `YYYY` or `YYYY-MM`. */
  key: string;
  /** "2023", "Oct 2023". */
  label: string;
  /** First instant (ms, UTC) and the first instant after it. */
  from: number;
  to: number;
  /** Bottom to top: categories from most hostile to most cooperative, unclassified last. */
  shares: Share[];
  /** Sum of the shares' values. */
  total: number;
  /** Sum of intensity × value over the shares, denied claims left out. */
  goldstein: number;
  /** Claims that touch the period (each once). */
  claims: string[];
}

export interface OverTime {
  granularity: Granularity;
  /** What 'auto' picks for these claims. */
  autoGranularity: Granularity;
  /** Every period from the first claim's to the last's, empty ones included. */
  periods: Period[];
  /** Every claim between the sides in the chosen direction, dated or not, shown or left out. */
  claims: string[];
  /** Claims between the sides without a (valid) date: not on the time axis. */
  undated: string[];
  /** Denied and conditional claims left out because the certainty mode says so. */
  excluded: string[];
  /** The first year drawn, when asked for (`since`), and the claims over before it. */
  since?: number;
  before: string[];
  /** The years the dated claims span (first and last), whatever `since` says: what `since` can choose. */
  years?: { first: number; last: number };
  /** Denied claims drawn: they count in the bars but not in the Goldstein sum. */
  denied: string[];
  /** Claims dated only to a year, spread over its months (month periods only). */
  spread: string[];
  /** Claims that last over several periods (spans) and count in each. */
  lasting: string[];
  /** Where ongoing relations are drawn to: the latest date of the graph (exclusive, ms), if any are drawn. */
  ongoingUntil?: number;
  /** Things the reader should know, e.g. months asked for over too long a span. */
  notes: string[];
}

/** Periods of 'auto' months at most; longer spans are shown per year. */
export const AUTO_MONTHS = 36;
/** Most month periods drawn; longer spans are shown per year. */
export const MAX_MONTHS = 1200;

/**
 * Bottom-to-top order of the categories in a bar: from material conflict through the verbal ones to
 * material cooperation, so conflict and cooperation meet in the middle; unclassified on top.
 */
export const STACK_ORDER: readonly CategoryKey[] = [
  'material-conflict',
  'verbal-conflict',
  'verbal-cooperation',
  'material-cooperation',
  UNCLASSIFIED,
] satisfies readonly (Category | typeof UNCLASSIFIED)[];
const SHADES: readonly Shade[] = ['firm', 'conditional', 'denied'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ms of the first instant of month `m` (0-based, may overflow into later years) of `year`, UTC. */
function utc(year: number, month = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 1);
  return d.getTime();
}

/** Index of the period holding instant `ms`: a year number, or year × 12 + month. */
function periodIndex(ms: number, g: Granularity): number {
  const d = new Date(ms);
  return g === 'year' ? d.getUTCFullYear() : d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function periodOf(index: number, g: Granularity): Omit<Period, 'shares' | 'total' | 'goldstein' | 'claims'> {
  if (g === 'year') {
    const y = String(index).padStart(4, '0');
    return { key: y, label: y, from: utc(index), to: utc(index + 1) };
  }
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const y = String(year).padStart(4, '0');
  return {
    key: `${y}-${String(month + 1).padStart(2, '0')}`,
    label: `${MONTHS[month]} ${y}`,
    from: utc(year, month),
    to: utc(year, month + 1),
  };
}

/** The actors on each side: the actor and (with `members`) everyone inside it, a nested other side excluded. */
function sides(file: GraphFile, a: string, b: string | undefined, members: boolean) {
  const side = (id: string) => new Set([id, ...(members ? descendants(file.nodes, id) : [])]);
  const sideA = side(a);
  const sideB = b === undefined ? undefined : side(b);
  if (sideB) {
    // A pair of a group and one of its members: the member's part belongs to the member alone.
    if (sideA.has(b!)) for (const id of sideB) sideA.delete(id);
    else if (sideB.has(a)) for (const id of sideA) sideB.delete(id);
  }
  return { sideA, sideB };
}

/** The last instant (exclusive, ms) any dated claim of the graph reaches: where ongoing ones stop. */
export function graphEnd(edges: readonly ClaimEdge[]): number | undefined {
  let end: number | undefined;
  for (const e of edges) {
    const span = timeSpan(e.time);
    if (!span) continue;
    let to = span.to;
    if (span.ongoing) {
      const start = e.time && 'start' in e.time && e.time.start ? parsePartialDate(e.time.start) : undefined;
      to = start?.to ?? span.from;
    }
    end = end === undefined ? to : Math.max(end, to);
  }
  return end;
}

/**
 * The chart's data for `options.a` against `options.b` (or all others). Claims between members of
 * one side are not counted; an undirected claim counts in both directions. Unclassified claims
 * (relations outside the vocabulary) are shown as a category of their own, on top of the bars.
 */
export function overTime(file: GraphFile, options: OverTimeOptions): OverTime {
  const { a, flow = 'both', certainty = 'apart', members = true } = options;
  const b = options.b === a ? undefined : options.b;
  const { sideA, sideB } = sides(file, a, b, members);
  const inB = (id: string) => (sideB ? sideB.has(id) : !sideA.has(id));

  const claims: ClaimEdge[] = [];
  for (const e of file.edges) {
    const fromA = sideA.has(e.source) && inB(e.target);
    const toA = inB(e.source) && sideA.has(e.target);
    if (!fromA && !toA) continue;
    const either = !isDirected(e);
    if (flow === 'both' || (flow === 'from' && (fromA || either)) || (flow === 'to' && (toA || either)))
      claims.push(e);
  }

  const undated: string[] = [];
  const excluded: string[] = [];
  const before: string[] = [];
  const start = options.since === undefined ? -Infinity : utc(options.since);
  const placed: { edge: ClaimEdge; from: number; to: number; point: boolean; ongoing: boolean }[] = [];
  const end = graphEnd(file.edges);
  for (const e of claims) {
    const span = timeSpan(e.time);
    if (!span) {
      undated.push(e.id);
      continue;
    }
    const c = edgeCertainty(e);
    if (certainty === 'exclude' && (c === 'denied' || c === 'conditional')) {
      excluded.push(e.id);
      continue;
    }
    const point = e.time !== undefined && 'date' in e.time && e.time.date !== undefined;
    const to = span.ongoing ? Math.max(end ?? span.from + 1, span.from + 1) : span.to;
    placed.push({ edge: e, from: span.from, to, point, ongoing: span.ongoing });
  }
  let years: OverTime['years'];
  if (placed.length > 0) {
    years = {
      first: new Date(Math.min(...placed.map((p) => p.from))).getUTCFullYear(),
      last: new Date(Math.max(...placed.map((p) => p.to - 1))).getUTCFullYear(),
    };
  }
  // From `since` on: what ended before is counted apart, what lasts into it is drawn from it.
  // Dates never straddle a year's start, so a dated claim is either wholly before or wholly after.
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i]!;
    if (p.to <= start) {
      before.unshift(p.edge.id);
      placed.splice(i, 1);
    } else if (p.from < start) p.from = start;
  }

  let first = Infinity;
  let last = -Infinity;
  for (const p of placed) {
    first = Math.min(first, p.from);
    last = Math.max(last, p.to - 1);
  }
  const months = placed.length === 0 ? 0 : periodIndex(last, 'month') - periodIndex(first, 'month') + 1;
  const autoGranularity: Granularity = months <= AUTO_MONTHS ? 'month' : 'year';
  const notes: string[] = [];
  let granularity =
    options.granularity === undefined || options.granularity === 'auto'
      ? autoGranularity
      : options.granularity;
  if (granularity === 'month' && months > MAX_MONTHS) {
    granularity = 'year';
    notes.push(`Shown per year: ${months} months are more than the ${MAX_MONTHS} a chart draws.`);
  }

  const periods: Period[] = [];
  const spread: string[] = [];
  const lasting: string[] = [];
  const denied: string[] = [];
  if (placed.length > 0) {
    const i0 = periodIndex(first, granularity);
    const i1 = periodIndex(last, granularity);
    const cells = new Map<string, Share>();
    const touching: Set<string>[] = [];
    for (let i = i0; i <= i1; i++) {
      periods.push({ ...periodOf(i, granularity), shares: [], total: 0, goldstein: 0, claims: [] });
      touching.push(new Set());
    }
    for (const p of placed) {
      const s = periodIndex(p.from, granularity) - i0;
      const t = periodIndex(p.to - 1, granularity) - i0;
      const n = t - s + 1;
      // A date is one event somewhere in its period: spread evenly. A span held all along: whole in each.
      const value = p.point ? 1 / n : 1;
      if (n > 1) (p.point ? spread : lasting).push(p.edge.id);
      const category = edgeCategory(p.edge);
      const c = edgeCertainty(p.edge);
      const shade: Shade = c === 'denied' || c === 'conditional' ? c : 'firm';
      if (shade === 'denied') denied.push(p.edge.id);
      const intensity = shade === 'denied' ? 0 : edgeIntensity(p.edge);
      for (let i = s; i <= t; i++) {
        const key = `${i}\u0000${category}\u0000${shade}`;
        let share = cells.get(key);
        if (!share) {
          share = { category, shade, value: 0, claims: [] };
          cells.set(key, share);
          periods[i]!.shares.push(share);
        }
        share.value += value;
        share.claims.push(p.edge.id);
        periods[i]!.total += value;
        periods[i]!.goldstein += intensity * value;
        touching[i]!.add(p.edge.id);
      }
    }
    const rank = (s: Share) => STACK_ORDER.indexOf(s.category) * SHADES.length + SHADES.indexOf(s.shade);
    periods.forEach((period, i) => {
      period.shares.sort((x, y) => rank(x) - rank(y));
      period.claims = [...touching[i]!];
      // Sums of thirds and twelfths: round away the float dust so 12 × 1/12 reads 1.
      period.total = round(period.total);
      period.goldstein = round(period.goldstein);
      for (const share of period.shares) share.value = round(share.value);
    });
  }

  return {
    granularity,
    autoGranularity,
    periods,
    claims: claims.map((e) => e.id),
    undated,
    excluded,
    ...(options.since !== undefined ? { since: options.since } : {}),
    before,
    ...(years ? { years } : {}),
    denied,
    spread,
    lasting,
    ...(placed.some((p) => p.ongoing) && end !== undefined ? { ongoingUntil: end } : {}),
    notes,
  };
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}
