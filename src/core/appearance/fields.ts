// What each imported attribute holds, inferred from its values (after Gephi Lite's field model), so
// appearance can offer a ranking (size or colour scale) for numbers and dates and a partition (one
// colour per value) for categories, without anyone declaring a schema.
import type { GraphFile } from '../model';
import type { AttributeValue } from '../schema';
import { isWebUrl } from '../text';

export type FieldType =
  | 'number' // every value a number (or numeric text)
  | 'date' // every value a date: YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time
  | 'boolean'
  | 'colour' // #rgb, #rrggbb or rgb(…)
  | 'url' // http or https links
  | 'keywords' // lists, or text holding several values split by a separator
  | 'category' // text with few distinct values, repeated
  | 'text'; // anything else: names, descriptions, mixed values

export interface FieldModel {
  name: string;
  type: FieldType;
  /** Elements that have a value (null and empty text do not count). */
  count: number;
  /** Distinct values (for keywords: distinct keywords). */
  distinct: number;
  /** Ranking applies: numbers and dates (min and max given). */
  quantitative: boolean;
  /** Partition applies: few distinct values (or keywords), listed in `values`. */
  qualitative: boolean;
  min?: number;
  max?: number;
  /** Earliest and latest, for dates. */
  from?: string;
  to?: string;
  /** For keywords in text: the separator that splits them. Lists need none. */
  separator?: string;
  /** For qualitative fields: each value (or keyword) with how many elements have it, most first. */
  values?: { value: string; count: number }[];
}

export interface FieldOptions {
  /** Most distinct values a partition offers before the field counts as free text. */
  maxCategories?: number; // default 50
}

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const COLOUR =
  /^(?:#[0-9a-f]{3}|#[0-9a-f]{6}|#[0-9a-f]{8}|rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(?:,\s*[\d.]+\s*)?\))$/i;
const SEPARATORS = ['|', ';', ','] as const;

const isNumeric = (v: AttributeValue) =>
  typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.trim())));

function tally(items: Iterable<string>): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The model of one attribute from its values (one per element that has the attribute). */
export function inferField(
  name: string,
  raw: readonly AttributeValue[],
  options: FieldOptions = {},
): FieldModel {
  const maxCategories = options.maxCategories ?? 50;
  const values = raw.filter((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
  const base = { name, count: values.length };
  const few = (distinct: number) =>
    distinct <= maxCategories && (distinct < values.length || values.length <= 3);

  if (values.length === 0)
    return { ...base, type: 'text', distinct: 0, quantitative: false, qualitative: false };

  if (values.every((v) => typeof v === 'boolean')) {
    const t = tally(values.map(String));
    return {
      ...base,
      type: 'boolean',
      distinct: t.length,
      quantitative: false,
      qualitative: true,
      values: t,
    };
  }

  if (values.every(isNumeric)) {
    const nums = values.map(Number);
    const t = tally(nums.map(String));
    const integers = nums.every(Number.isInteger);
    return {
      ...base,
      type: 'number',
      distinct: t.length,
      quantitative: true,
      // Few distinct integers (a modularity class, a group number) also make a partition.
      qualitative: integers && few(t.length),
      min: Math.min(...nums),
      max: Math.max(...nums),
      ...(integers && few(t.length) ? { values: t } : {}),
    };
  }

  if (values.every((v) => Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null))) {
    const t = tally((values as AttributeValue[][]).flatMap((v) => v.map(String)));
    return {
      ...base,
      type: 'keywords',
      distinct: t.length,
      quantitative: false,
      qualitative: t.length <= maxCategories,
      values: t,
    };
  }

  if (!values.every((v) => typeof v === 'string')) {
    const t = tally(values.map((v) => JSON.stringify(v)));
    return { ...base, type: 'text', distinct: t.length, quantitative: false, qualitative: false };
  }

  const texts = (values as string[]).map((v) => v.trim());
  const t = tally(texts);
  if (texts.every((v) => COLOUR.test(v))) {
    return {
      ...base,
      type: 'colour',
      distinct: t.length,
      quantitative: false,
      qualitative: few(t.length),
      values: t,
    };
  }
  if (texts.every((v) => isWebUrl(v))) {
    return { ...base, type: 'url', distinct: t.length, quantitative: false, qualitative: false };
  }
  if (texts.every((v) => DATE.test(v))) {
    const sorted = [...texts].sort();
    const years = texts.map((v) => Number(v.slice(0, 4)));
    return {
      ...base,
      type: 'date',
      distinct: t.length,
      quantitative: true,
      qualitative: false,
      from: sorted[0],
      to: sorted[sorted.length - 1],
      min: Math.min(...years),
      max: Math.max(...years),
    };
  }
  if (few(t.length)) {
    return {
      ...base,
      type: 'category',
      distinct: t.length,
      quantitative: false,
      qualitative: true,
      values: t,
    };
  }
  // Keywords: a separator that most values hold, splitting them into pieces that repeat.
  for (const sep of SEPARATORS) {
    const holding = texts.filter((v) => v.includes(sep)).length;
    if (holding < texts.length * 0.3) continue;
    const pieces = tally(
      texts.flatMap((v) =>
        v
          .split(sep)
          .map((p) => p.trim())
          .filter((p) => p !== ''),
      ),
    );
    const total = pieces.reduce((n, p) => n + p.count, 0);
    if (pieces.length <= maxCategories && pieces.length < total / 1.5) {
      return {
        ...base,
        type: 'keywords',
        distinct: pieces.length,
        quantitative: false,
        qualitative: true,
        separator: sep,
        values: pieces,
      };
    }
  }
  return { ...base, type: 'text', distinct: t.length, quantitative: false, qualitative: false };
}

/** The attributes of a graph's nodes and of its edges, each with its inferred model, in order of first appearance. */
export function inferFields(
  file: Pick<GraphFile, 'nodes' | 'edges'>,
  options: FieldOptions = {},
): { nodes: FieldModel[]; edges: FieldModel[] } {
  const fields = (elements: readonly { attributes?: Record<string, AttributeValue> }[]) => {
    const byName = new Map<string, AttributeValue[]>();
    for (const el of elements) {
      for (const [k, v] of Object.entries(el.attributes ?? {})) {
        let list = byName.get(k);
        if (!list) byName.set(k, (list = []));
        list.push(v);
      }
    }
    return [...byName].map(([name, values]) => inferField(name, values, options));
  };
  return { nodes: fields(file.nodes), edges: fields(file.edges) };
}

/** The keywords of one value of a keywords field: its items, or its text split by the separator. */
export function keywordsOf(
  value: AttributeValue | undefined,
  field: Pick<FieldModel, 'separator'>,
): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  const s = String(value);
  return field.separator
    ? s
        .split(field.separator)
        .map((p) => p.trim())
        .filter((p) => p !== '')
    : [s];
}
