// The curated fields a foreign format has no place for (evidence, certainty, who asserts, time, kind …)
// travel as attributes with an `ag:` prefix, JSON-encoded when they are not plain text, so that a
// graph saved as GEXF, GraphML, Cytoscape JSON or CSV reads back the same. Evidence carries its
// source inline, so every format keeps the sources its claims cite.
import type { ActorNode, ClaimEdge, Source } from '../model';
import type { AttributeValue } from '../schema';
import {
  certaintyOf,
  isRecord,
  kindOf,
  numberOf,
  relationOf,
  type GraphBuilder,
  type RawEdge,
  type RawEvidence,
  type RawNode,
} from './imported';
import type { Location } from './input';
import { parseEmbeddedJson } from './json';

/** Prefix of the attributes that carry curated fields. */
export const AG = 'ag:';
/** Prefix that keeps an attribute whose own name collides with a format's reserved names. */
export const ESCAPED = 'attr:';
/** Prefix of attributes whose values are written as JSON text (lists, objects, mixed columns). */
export const JSON_PREFIX = 'ag:json:';

export const NODE_FIELDS = ['kind', 'plural', 'aliases', 'parent', 'description', 'evidence'] as const;
export const EDGE_FIELDS = [
  'relation',
  'label',
  'directed',
  'certainty',
  'attributedTo',
  'summary',
  'time',
  'evidence',
  'category',
  'intensity',
] as const;
export type NodeField = (typeof NODE_FIELDS)[number];
export type EdgeField = (typeof EDGE_FIELDS)[number];

type Scalar = string | number | boolean;

/** Evidence with its source written out, as it travels in `ag:evidence`. */
function inlineEvidence(
  evidence: readonly { source: string; quote: string }[] | undefined,
  sources: ReadonlyMap<string, Source>,
): string | undefined {
  if (!evidence) return undefined;
  return JSON.stringify(
    evidence.map((ev) => ({ quote: ev.quote, source: sources.get(ev.source) ?? { id: ev.source } })),
  );
}

/**
 * The `ag:` attributes of a node for the fields in `fields` (the ones the format cannot hold itself).
 * Lists and objects are JSON text; booleans and numbers stay typed.
 */
export function nodeCurated(
  node: ActorNode,
  sources: ReadonlyMap<string, Source>,
  fields: readonly NodeField[],
): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  const put = (k: NodeField, v: Scalar | undefined) => {
    if (v !== undefined && fields.includes(k)) out[AG + k] = v;
  };
  put('kind', node.kind);
  put('plural', node.plural);
  put('aliases', node.aliases && JSON.stringify(node.aliases));
  put('parent', node.parent);
  put('description', node.description);
  put('evidence', inlineEvidence(node.evidence, sources));
  return out;
}

export type ColumnType = 'string' | 'integer' | 'double' | 'boolean' | 'json';

/** An attribute as a typed column of a table or a declared GEXF/GraphML attribute. */
export interface AttributeColumn {
  /** The attribute's name in the model. */
  name: string;
  /** The name it is written under (escaped, or with `ag:json:` when its values are JSON text). */
  written: string;
  type: ColumnType;
  /** Whether it holds a curated field (`ag:…`) rather than one of the element's own attributes. */
  curated: boolean;
}

/**
 * The attribute columns of `elements`, in order of first appearance: one scalar type when every value
 * has it, else JSON text (lists, objects, null or mixed types), so that reading back gives the values.
 */
export function attributeColumns(
  elements: readonly { attributes?: Record<string, AttributeValue> }[],
  reserved: ReadonlySet<string>,
  curated = false,
): AttributeColumn[] {
  const types = new Map<string, Set<string>>();
  for (const el of elements) {
    for (const [k, v] of Object.entries(el.attributes ?? {})) {
      let set = types.get(k);
      if (!set) types.set(k, (set = new Set()));
      set.add(
        v === null || typeof v === 'object'
          ? 'json'
          : typeof v === 'number'
            ? Number.isSafeInteger(v)
              ? 'integer'
              : 'double'
            : typeof v,
      );
    }
  }
  return [...types].map(([name, set]) => {
    let type: ColumnType;
    if (set.size === 1 && !set.has('json')) type = [...set][0] as ColumnType;
    else if (set.size === 2 && set.has('integer') && set.has('double')) type = 'double';
    else type = 'json';
    const written = curated ? name : type === 'json' ? JSON_PREFIX + name : writtenName(name, reserved);
    return { name, type, written, curated };
  });
}

/** An element with its curated fields as `ag:` values beside its own attributes. */
export interface Writable {
  curated: Record<string, Scalar>;
  attributes?: Record<string, AttributeValue>;
}

/** The columns of a table of elements: curated fields first, then the elements' own attributes. */
export function columnsOf(elements: readonly Writable[], reserved: ReadonlySet<string>): AttributeColumn[] {
  return [
    ...attributeColumns(
      elements.map((e) => ({ attributes: e.curated })),
      reserved,
      true,
    ),
    ...attributeColumns(elements, reserved),
  ];
}

/** The value of `element` in `column`, as written. */
export function cellOf(element: Writable, column: AttributeColumn): Scalar | undefined {
  // Own properties only: an attribute called "valueOf" must not find Object.prototype's.
  const from = column.curated ? element.curated : element.attributes;
  const value = from && Object.hasOwn(from, column.name) ? from[column.name] : undefined;
  return column.curated ? (value as Scalar | undefined) : columnValue(value, column);
}

/** The value of an attribute as written in its column. */
export function columnValue(value: AttributeValue | undefined, column: AttributeColumn): Scalar | undefined {
  if (value === undefined) return undefined;
  if (column.type === 'json') return JSON.stringify(value);
  return scalar(value);
}

/** The `ag:` attributes of an edge for the fields in `fields`. */
export function edgeCurated(
  edge: ClaimEdge,
  sources: ReadonlyMap<string, Source>,
  fields: readonly EdgeField[],
): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  const put = (k: EdgeField, v: Scalar | undefined) => {
    if (v !== undefined && fields.includes(k)) out[AG + k] = v;
  };
  put('relation', edge.relation);
  put('label', edge.label);
  put('directed', edge.directed);
  put('certainty', edge.certainty);
  put('attributedTo', edge.attributedTo);
  put('summary', edge.summary);
  put('time', edge.time && JSON.stringify(edge.time));
  put('evidence', inlineEvidence(edge.evidence, sources));
  put('category', edge.category);
  put('intensity', edge.intensity);
  return out;
}

/** The name an attribute is written under: escaped when it collides with `reserved` or a prefix. */
export function writtenName(name: string, reserved: ReadonlySet<string>): string {
  const norm = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
  return reserved.has(norm) || name.startsWith(AG) || name.startsWith(ESCAPED) ? ESCAPED + name : name;
}

/** The attribute's own name back from how it was written. */
export function readName(name: string): string {
  return name.startsWith(ESCAPED) ? name.slice(ESCAPED.length) : name;
}

/** Attribute values made writable as one text cell or XML attribute value: lists and objects as JSON. */
export function scalar(value: AttributeValue): Scalar | undefined {
  if (value === null) return undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Moves the `ag:` entries out of `attrs` (which it changes) into the fields of a node, and unescapes
 * the other names. Values that do not decode are kept as attributes with a warning.
 */
export function takeNodeCurated(
  attrs: Map<string, unknown>,
  b: GraphBuilder,
  at: Location,
): Partial<RawNode> {
  const out: Partial<RawNode> = {};
  const take = (k: NodeField) => {
    const v = attrs.get(AG + k);
    attrs.delete(AG + k);
    return v;
  };
  const kind = take('kind');
  if (kind !== undefined)
    out.kind = keep(attrs, 'ag:kind', kind, typeof kind === 'string' ? kindOf(kind) : undefined);
  const plural = take('plural');
  if (plural !== undefined) out.plural = keep(attrs, 'ag:plural', plural, booleanOf(plural));
  const aliases = decode(take('aliases'), b, at);
  if (aliases !== undefined) {
    const list = Array.isArray(aliases) ? aliases.flatMap((a) => b.text(a, at, 'alias') ?? []) : undefined;
    out.aliases = keep(attrs, 'ag:aliases', aliases, list && list.length > 0 ? list : undefined);
  }
  const parent = take('parent');
  if (parent !== undefined) out.parent = b.id(parent, at, 'the parent');
  const description = take('description');
  if (description !== undefined) out.description = b.longText(description, at, 'description');
  const evidence = take('evidence');
  if (evidence !== undefined) out.evidence = evidenceOf(evidence, attrs, b, at);
  unescapeNames(attrs, b, at);
  return out;
}

/** Moves the `ag:` entries out of `attrs` into the fields of an edge (see takeNodeCurated). */
export function takeEdgeCurated(
  attrs: Map<string, unknown>,
  b: GraphBuilder,
  at: Location,
): Partial<RawEdge> {
  const out: Partial<RawEdge> = {};
  const take = (k: EdgeField) => {
    const v = attrs.get(AG + k);
    attrs.delete(AG + k);
    return v;
  };
  const relation = take('relation');
  if (relation !== undefined)
    out.relation = keep(
      attrs,
      'ag:relation',
      relation,
      typeof relation === 'string' ? relationOf(relation) : undefined,
    );
  const label = take('label');
  if (label !== undefined) out.label = b.text(label, at, 'label');
  const directed = take('directed');
  if (directed !== undefined) out.directed = keep(attrs, 'ag:directed', directed, booleanOf(directed));
  const certainty = take('certainty');
  if (certainty !== undefined)
    out.certainty = keep(
      attrs,
      'ag:certainty',
      certainty,
      typeof certainty === 'string' ? certaintyOf(certainty) : undefined,
    );
  const attributedTo = take('attributedTo');
  if (attributedTo !== undefined) out.attributedTo = b.text(attributedTo, at, 'attributedTo');
  const summary = take('summary');
  if (summary !== undefined) out.summary = b.longText(summary, at, 'summary');
  const time = decode(take('time'), b, at);
  if (time !== undefined) {
    const t = isRecord(time) ? timeOf(time) : undefined;
    out.time = keep(attrs, 'ag:time', time, t);
  }
  const evidence = take('evidence');
  if (evidence !== undefined) out.evidence = evidenceOf(evidence, attrs, b, at);
  const category = take('category');
  if (category !== undefined) out.category = String(category);
  const intensity = take('intensity');
  if (intensity !== undefined) out.intensity = keep(attrs, 'ag:intensity', intensity, numberOf(intensity));
  unescapeNames(attrs, b, at);
  return out;
}

/** Escaped names back to the attribute's own, and `ag:json:` values decoded. */
function unescapeNames(attrs: Map<string, unknown>, b: GraphBuilder, at: Location): void {
  // Rebuilt rather than renamed in place: `attr:attr:x` becomes `attr:x` while `attr:x` becomes `x`.
  const entries = [...attrs].map(([name, value]): [string, unknown] =>
    name.startsWith(JSON_PREFIX)
      ? [name.slice(JSON_PREFIX.length), decode(value, b, at)]
      : [readName(name), value],
  );
  attrs.clear();
  for (const [name, value] of entries) attrs.set(name, value);
}

/** `decoded` when it is defined; otherwise the raw value goes back into the attributes. */
function keep<T>(
  attrs: Map<string, unknown>,
  name: string,
  raw: unknown,
  decoded: T | undefined,
): T | undefined {
  if (decoded === undefined) attrs.set(name, raw);
  return decoded;
}

function booleanOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return undefined;
}

/** JSON text decoded (with the depth limit); anything else as it is. */
function decode(v: unknown, b: GraphBuilder, at: Location): unknown {
  if (typeof v !== 'string') return v;
  try {
    return parseEmbeddedJson(v, b.options.limits.maxDepth);
  } catch {
    b.warn(
      'bad-curated',
      `an ag: attribute holds text that is not JSON: ${JSON.stringify(v.slice(0, 40))}`,
      at,
    );
    return v;
  }
}

function timeOf(t: Record<string, unknown>): RawEdge['time'] | undefined {
  const out: NonNullable<RawEdge['time']> = {};
  for (const k of ['date', 'start', 'end'] as const) if (typeof t[k] === 'string') out[k] = t[k];
  if (typeof t.circa === 'boolean') out.circa = t.circa;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Evidence from `ag:evidence`: each quote with its source inline (added to the graph's sources). */
function evidenceOf(
  raw: unknown,
  attrs: Map<string, unknown>,
  b: GraphBuilder,
  at: Location,
): RawEvidence[] | undefined {
  const value = decode(raw, b, at);
  if (!Array.isArray(value)) {
    attrs.set('ag:evidence', raw);
    return undefined;
  }
  const out: RawEvidence[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const quote = b.longText(item.quote, at, 'quote');
    const src = item.source;
    let id: string | undefined;
    if (typeof src === 'string') id = src;
    else if (isRecord(src) && typeof src.id === 'string') {
      id = src.id;
      if (!b.hasSource(id) && src.title !== undefined) {
        b.addSource(
          {
            id: b.id(src.id, at, 'a source'),
            title: b.text(src.title, at, 'source title') ?? '',
            publisher: b.text(src.publisher, at, 'source publisher') ?? '',
            published: typeof src.published === 'string' ? src.published : '',
            url: typeof src.url === 'string' ? src.url : undefined,
            author: b.text(src.author, at, 'source author'),
            localCopy: b.text(src.localCopy, at, 'source copy'),
          },
          at,
        );
      }
    }
    if (id !== undefined && quote !== undefined) out.push({ source: id, quote });
  }
  return out.length > 0 ? out : undefined;
}

/** The label slot of an edge: its relation, or its own wording (kept apart when it reads as one). */
export function edgeLabelSlot(edge: ClaimEdge): { label?: string; agLabel?: string } {
  if (edge.relation) return { label: edge.relation };
  if (edge.label)
    return relationOf(edge.label) ? { label: edge.label, agLabel: edge.label } : { label: edge.label };
  return {};
}
