// Appearance by attribute (as in Gephi Lite and Kumu): which colour and size each actor gets and which
// colour each line gets, from the view's mapping — by kind and category as curated graphs are drawn,
// as the file says (GEXF viz colours and sizes), a partition of a categorical attribute, or a
// ranking of a numeric one (or of degree) — with the legend that explains it. Pure: the stylesheet
// draws `data(colour)` and `data(size)` where these set them and falls back to kind and category.
import type { ActorNode, ClaimEdge, GraphFile } from '../model';
import type { AttributeValue } from '../schema';
import type { GraphElement } from '../elements';
import { degrees } from '../view/tallies';
import { inferFields, type FieldModel } from './fields';

/** How actors are coloured. `default`: as in the file when it gives colours, else by kind. */
export type NodeColourMapping =
  | { by: 'default' }
  | { by: 'kind' }
  | { by: 'file' }
  | { by: 'partition'; attribute: string }
  | { by: 'ranking'; attribute: string };

/** How actors are sized. `default`: as in the file when it gives sizes, else by kind. */
export type NodeSizeMapping =
  | { by: 'default' }
  | { by: 'kind' }
  | { by: 'file' }
  | { by: 'degree' }
  | { by: 'ranking'; attribute: string };

/** How lines are coloured. `default`: as in the file when it gives colours, else by category. */
export type EdgeColourMapping =
  | { by: 'default' }
  | { by: 'category' }
  | { by: 'file' }
  | { by: 'partition'; attribute: string }
  | { by: 'ranking'; attribute: string };

export interface Appearance {
  nodeColour: NodeColourMapping;
  nodeSize: NodeSizeMapping;
  edgeColour: EdgeColourMapping;
}

export function defaultAppearance(): Appearance {
  return { nodeColour: { by: 'default' }, nodeSize: { by: 'default' }, edgeColour: { by: 'default' } };
}

/**
 * Colours for a partition: Okabe and Ito's colour-blind-safe palette without its black (which the
 * dark theme would swallow), most distinct first. Values beyond these share OTHER_COLOUR.
 */
export const PARTITION_PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
] as const;
/** Values of a partition beyond the palette ("other"). */
export const OTHER_COLOUR = '#8A8F98';
/** Elements without a value for the mapped attribute. */
export const NO_VALUE_COLOUR = '#C4C8CE';
/**
 * The ranking scale, low to high: viridis (perceptually even and colour-blind safe), without its
 * darkest end, which would vanish on the dark theme.
 */
export const RANKING_SCALE = ['#46327E', '#365C8D', '#277F8E', '#1FA187', '#4AC16D', '#A0DA39', '#FDE725'];
/** Actor sizes (px at zoom 1) a size ranking spreads its values over. */
export const SIZE_RANGE = { min: 16, max: 64 } as const;

export interface PartitionLegend {
  type: 'partition';
  /** What is mapped, e.g. "Colour: Modularity Class". */
  attribute: string;
  entries: { value: string; colour: string; count: number }[];
  /** Values beyond the palette, drawn in OTHER_COLOUR. */
  other?: { count: number; values: number };
  /** Elements without a value, drawn in NO_VALUE_COLOUR. */
  missing?: number;
}

export interface RankingLegend {
  type: 'ranking';
  attribute: string;
  /** Lowest and highest value, as written (numbers, or dates for a date attribute). */
  min: string;
  max: string;
  /** Colours from low to high (colour rankings), or sizes (size rankings). */
  colours?: readonly string[];
  sizes?: { min: number; max: number };
  missing?: number;
}

export interface FileLegend {
  type: 'file';
  /** How many elements carry their own colour or size, and how many fall back to the default. */
  given: number;
  missing: number;
}

export type MappingLegend = PartitionLegend | RankingLegend | FileLegend;

/** What a mapping resolved to for one graph: per-element values and the legend, or nothing (defaults). */
export interface ResolvedAppearance {
  /** The mappings actually applied (`default` resolved; an attribute the graph lacks falls back). */
  applied: Appearance;
  nodeColour?: Map<string, string>;
  nodeSize?: Map<string, number>;
  edgeColour?: Map<string, string>;
  legend: { nodeColour?: MappingLegend; nodeSize?: MappingLegend; edgeColour?: MappingLegend };
  /** Mappings that could not be applied (an attribute this graph does not have), for the user. */
  notices: string[];
}

type Element = { id: string; attributes?: Record<string, AttributeValue> };

/** The text of a value a partition sorts by: numbers and booleans as written, lists as "a, b", objects as JSON. */
export function partitionKey(value: AttributeValue | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', ');
  }
  return JSON.stringify(value);
}

/** A number for a ranking: numbers, numeric text, or a date (its time in ms). */
function rankValue(value: AttributeValue | undefined, type: FieldModel['type']): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (type === 'date' && typeof value === 'string') {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value.trim());
    if (!m) return undefined;
    return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return typeof value === 'string' && value.trim() === '' ? undefined : Number.isFinite(n) ? n : undefined;
}

function hex(c: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
}

/** The ranking scale's colour at `t` (0 … 1), interpolated between its stops. */
export function rankingColour(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (RANKING_SCALE.length - 1);
  const i = Math.min(RANKING_SCALE.length - 2, Math.floor(x));
  const a = hex(RANKING_SCALE[i]!);
  const b = hex(RANKING_SCALE[i + 1]!);
  const f = x - i;
  return `#${a
    .map((v, k) => Math.round(v + (b[k]! - v) * f))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

function sizeAt(t: number): number {
  return SIZE_RANGE.min + Math.min(1, Math.max(0, t)) * (SIZE_RANGE.max - SIZE_RANGE.min);
}

function partition(
  elements: readonly Element[],
  attribute: string,
): { colours: Map<string, string>; legend: PartitionLegend } {
  const keyOf = new Map<string, string | undefined>();
  const counts = new Map<string, number>();
  for (const el of elements) {
    const key = partitionKey(el.attributes?.[attribute]);
    keyOf.set(el.id, key);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ordered = [...counts].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en', { numeric: true }),
  );
  const colourOf = new Map(
    ordered.slice(0, PARTITION_PALETTE.length).map(([v], i) => [v, PARTITION_PALETTE[i]!]),
  );
  const colours = new Map<string, string>();
  let missing = 0;
  for (const [id, key] of keyOf) {
    if (key === undefined) missing++;
    colours.set(id, key === undefined ? NO_VALUE_COLOUR : (colourOf.get(key) ?? OTHER_COLOUR));
  }
  const rest = ordered.slice(PARTITION_PALETTE.length);
  const legend: PartitionLegend = {
    type: 'partition',
    attribute,
    entries: ordered.slice(0, PARTITION_PALETTE.length).map(([value, count]) => ({
      value,
      colour: colourOf.get(value)!,
      count,
    })),
  };
  if (rest.length > 0) legend.other = { count: rest.reduce((n, [, c]) => n + c, 0), values: rest.length };
  if (missing > 0) legend.missing = missing;
  return { colours, legend };
}

function formatRank(n: number, type: FieldModel['type']): string {
  if (type === 'date')
    return new Date(n)
      .toISOString()
      .slice(0, 10)
      .replace(/-01-01$/, '');
  // Four-digit integers are often years: no thousands separator for them.
  if (Number.isInteger(n)) return Math.abs(n) < 10_000 ? String(n) : n.toLocaleString('en');
  return Number(n.toPrecision(4)).toLocaleString('en');
}

function ranking<T>(
  elements: readonly Element[],
  valueOf: (el: Element) => number | undefined,
  type: FieldModel['type'],
  attribute: string,
  at: (t: number) => T,
  missingValue: T,
): { values: Map<string, T>; legend: RankingLegend } | undefined {
  const raw = new Map<string, number | undefined>();
  let min = Infinity;
  let max = -Infinity;
  for (const el of elements) {
    const v = valueOf(el);
    raw.set(el.id, v);
    if (v !== undefined) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (!Number.isFinite(min)) return undefined;
  const values = new Map<string, T>();
  let missing = 0;
  for (const [id, v] of raw) {
    if (v === undefined) missing++;
    values.set(id, v === undefined ? missingValue : at(max === min ? 0.5 : (v - min) / (max - min)));
  }
  const legend: RankingLegend = {
    type: 'ranking',
    attribute,
    min: formatRank(min, type),
    max: formatRank(max, type),
  };
  if (missing > 0) legend.missing = missing;
  return { values, legend };
}

function fieldOf(fields: readonly FieldModel[], name: string): FieldModel | undefined {
  return fields.find((f) => f.name === name);
}

/** The mapped colours of elements, or why the mapping cannot apply. */
function colourMapping(
  mapping: { by: 'partition' | 'ranking'; attribute: string },
  elements: readonly Element[],
  fields: readonly FieldModel[],
): { colours: Map<string, string>; legend: MappingLegend } | string {
  const field = fieldOf(fields, mapping.attribute);
  if (!field || field.count === 0) return `there is no attribute "${mapping.attribute}"`;
  if (mapping.by === 'partition') {
    const p = partition(elements, mapping.attribute);
    return { colours: p.colours, legend: p.legend };
  }
  if (!field.quantitative) return `"${mapping.attribute}" has no numbers or dates to rank`;
  const r = ranking(
    elements,
    (el) => rankValue(el.attributes?.[mapping.attribute], field.type),
    field.type,
    mapping.attribute,
    rankingColour,
    NO_VALUE_COLOUR,
  );
  if (!r) return `"${mapping.attribute}" has no numbers or dates to rank`;
  return { colours: r.values, legend: { ...r.legend, colours: RANKING_SCALE } };
}

function fileColours(elements: readonly { id: string; colour?: string }[]): {
  colours: Map<string, string>;
  legend: FileLegend;
} {
  const colours = new Map<string, string>();
  for (const el of elements) if (el.colour) colours.set(el.id, el.colour);
  return { colours, legend: { type: 'file', given: colours.size, missing: elements.length - colours.size } };
}

/**
 * Resolves `appearance` for `file`: per-element colours and sizes (only for mappings other than
 * kind and category, which the stylesheet draws itself) and their legends. An attribute the graph
 * does not have falls back to the default, with a notice.
 */
export function resolveAppearance(
  file: Pick<GraphFile, 'nodes' | 'edges'>,
  appearance: Appearance,
  fields: { nodes: readonly FieldModel[]; edges: readonly FieldModel[] } = inferFields(file),
): ResolvedAppearance {
  const notices: string[] = [];
  const out: ResolvedAppearance = { applied: { ...appearance }, legend: {}, notices };
  const nodes: readonly ActorNode[] = file.nodes;
  const edges: readonly ClaimEdge[] = file.edges;
  const anyNodeColour = nodes.some((n) => n.colour);
  const anyNodeSize = nodes.some((n) => n.size !== undefined);
  const anyEdgeColour = edges.some((e) => e.colour);

  // Actors' colour.
  let nc = appearance.nodeColour;
  if (nc.by === 'default') nc = anyNodeColour ? { by: 'file' } : { by: 'kind' };
  if (nc.by === 'file') {
    const f = fileColours(nodes);
    out.nodeColour = f.colours;
    out.legend.nodeColour = f.legend;
  } else if (nc.by === 'partition' || nc.by === 'ranking') {
    const m = colourMapping(nc, nodes, fields.nodes);
    if (typeof m === 'string') {
      notices.push(`Actors could not be coloured by "${nc.attribute}": ${m}; they are coloured by kind.`);
      nc = { by: 'kind' };
    } else {
      out.nodeColour = m.colours;
      out.legend.nodeColour = m.legend;
    }
  }
  out.applied.nodeColour = nc;

  // Actors' size.
  let ns = appearance.nodeSize;
  if (ns.by === 'default') ns = anyNodeSize ? { by: 'file' } : { by: 'kind' };
  if (ns.by === 'file') {
    const r = ranking(
      nodes,
      (n) => (n as ActorNode).size ?? undefined,
      'number',
      'size in the file',
      sizeAt,
      SIZE_RANGE.min,
    );
    if (r) {
      out.nodeSize = r.values;
      out.legend.nodeSize = { ...r.legend, sizes: SIZE_RANGE };
    } else ns = { by: 'kind' };
  } else if (ns.by === 'degree') {
    const d = degrees(file);
    const r = ranking(nodes, (n) => d.get(n.id) ?? 0, 'number', 'relations', sizeAt, SIZE_RANGE.min)!;
    out.nodeSize = r.values;
    out.legend.nodeSize = { ...r.legend, sizes: SIZE_RANGE };
  } else if (ns.by === 'ranking') {
    const field = fieldOf(fields.nodes, ns.attribute);
    const attribute = ns.attribute;
    const r =
      field?.quantitative === true
        ? ranking(
            nodes,
            (n) => rankValue(n.attributes?.[attribute], field.type),
            field.type,
            attribute,
            sizeAt,
            SIZE_RANGE.min,
          )
        : undefined;
    if (!r) {
      notices.push(
        `Actors could not be sized by "${attribute}": it holds no numbers or dates; they are sized by kind.`,
      );
      ns = { by: 'kind' };
    } else {
      out.nodeSize = r.values;
      out.legend.nodeSize = { ...r.legend, sizes: SIZE_RANGE };
    }
  }
  out.applied.nodeSize = ns;

  // Lines' colour.
  let ec = appearance.edgeColour;
  if (ec.by === 'default') ec = anyEdgeColour ? { by: 'file' } : { by: 'category' };
  if (ec.by === 'file') {
    const f = fileColours(edges);
    out.edgeColour = f.colours;
    out.legend.edgeColour = f.legend;
  } else if (ec.by === 'partition' || ec.by === 'ranking') {
    const m = colourMapping(ec, edges, fields.edges);
    if (typeof m === 'string') {
      notices.push(
        `Relations could not be coloured by "${ec.attribute}": ${m}; they are coloured by category.`,
      );
      ec = { by: 'category' };
    } else {
      out.edgeColour = m.colours;
      out.legend.edgeColour = m.legend;
    }
  }
  out.applied.edgeColour = ec;
  return out;
}

/**
 * The elements with the resolved colours and sizes as `colour` and `size` data. Every element gets
 * both keys (undefined where the stylesheet's own kind or category style applies), so a renderer that
 * merges data replaces an old value rather than keeping it. A bundled line takes the colour most of
 * its claims have (`bundles`: the claims each bundle element draws).
 */
export function withAppearance(
  elements: readonly GraphElement[],
  resolved: ResolvedAppearance,
  bundles: ReadonlyMap<string, readonly string[]> = new Map(),
): GraphElement[] {
  const { nodeColour, nodeSize, edgeColour } = resolved;
  return elements.map((el) => {
    if (el.group === 'nodes') {
      return {
        ...el,
        data: { ...el.data, colour: nodeColour?.get(el.data.id), size: nodeSize?.get(el.data.id) },
      };
    }
    const members = bundles.get(el.data.id);
    let colour = edgeColour?.get(el.data.id);
    if (edgeColour && members) colour = mostCommon(members.map((id) => edgeColour.get(id)));
    return { ...el, data: { ...el.data, colour } };
  });
}

function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string | undefined, number>();
  let best: string | undefined;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) [best, bestN] = [v, n];
  }
  return best;
}

/** The attributes a mapping can use: partitions (qualitative) and rankings (numbers, dates). */
export function mappableFields(fields: readonly FieldModel[]): {
  partitions: FieldModel[];
  rankings: FieldModel[];
} {
  return {
    partitions: fields.filter((f) => f.qualitative || (f.type === 'category' && f.count > 0)),
    rankings: fields.filter((f) => f.quantitative),
  };
}
