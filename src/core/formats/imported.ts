// Builds a native graph (format version 2, not strict) from what a reader found in a file: cleans
// text (control characters replaced, never passed through), renames attribute names validation
// refuses, generates missing edge ids, matches free text to the vocabulary, and remembers where in
// the file each node and edge came from so validation problems can be located there.
import {
  CERTAINTIES,
  CERTAINTY_IDS,
  FORMAT,
  FORMAT_VERSION,
  ID_PATTERN,
  NODE_KIND_IDS,
  NODE_KINDS,
  RELATION_IDS,
  RELATIONS,
  type Certainty,
  type NodeKind,
  type Relation,
} from '../model';
import { MAX_ID_LENGTH, type AttributeValue } from '../schema';
import { UNSAFE_LONG_TEXT, UNSAFE_TEXT, firstUnsafe } from '../text';
import { validateGraph, type Graph, type GraphIssue } from '../validate';
import { FormatError, tooManyElements, type LoadLimits, type LoadWarning, type Location } from './input';

export type Attributes = Record<string, AttributeValue>;

export interface RawSource {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url?: string;
  author?: string;
  localCopy?: string;
}
export interface RawEvidence {
  source: string;
  quote: string;
}
export interface RawNode {
  id: string;
  label: string;
  kind?: NodeKind;
  plural?: boolean;
  aliases?: string[];
  parent?: string;
  description?: string;
  evidence?: RawEvidence[];
  position?: { x: number; y: number };
  colour?: string;
  size?: number;
  attributes?: Attributes;
}
export interface RawEdge {
  id?: string;
  source: string;
  target: string;
  relation?: Relation;
  label?: string;
  directed?: boolean;
  category?: string;
  intensity?: number;
  weight?: number;
  time?: { date?: string; start?: string; end?: string; circa?: boolean };
  certainty?: Certainty;
  attributedTo?: string;
  summary?: string;
  evidence?: RawEvidence[];
  colour?: string;
  attributes?: Attributes;
}

/** A native graph file as plain data, before validation. */
export interface RawGraph {
  format: typeof FORMAT;
  version: number;
  id: string;
  title: string;
  description?: string;
  sources: RawSource[];
  nodes: RawNode[];
  edges: (RawEdge & { id: string })[];
}

/** What a reader hands back: the graph, where its parts came from, and what it changed or dropped. */
export interface Imported {
  graph: RawGraph;
  /** Where `nodes[i]`, `edges[i]` or `sources[i]` (a validation path) came from in the file. */
  locate(path: string): Location | undefined;
  warnings: LoadWarning[];
}

export interface ImportOptions {
  limits: LoadLimits;
  /** Add nodes that edges name but the file does not declare, instead of refusing the file. */
  addMissingNodes: boolean;
  /** Today as YYYY-MM-DD: the `published` date of sources made from a CSV's source URLs. */
  today: string;
}

/** Warnings of one kind beyond this many are summed up in one line. */
const WARNINGS_PER_KIND = 5;

export class GraphBuilder {
  readonly nodes: RawNode[] = [];
  readonly edges: RawEdge[] = [];
  readonly sources: RawSource[] = [];
  title: string;
  description?: string;
  private readonly nodeAt: Location[] = [];
  private readonly edgeAt: Location[] = [];
  private readonly sourceAt: Location[] = [];
  private readonly sourceIndex = new Map<string, number>();
  private readonly warnings: LoadWarning[] = [];
  private readonly warned = new Map<string, number>();

  constructor(
    readonly file: string,
    readonly options: ImportOptions,
  ) {
    this.title = titleFromName(file);
  }

  /** Records a warning; after a few of the same `kind`, only counts them. */
  warn(kind: string, message: string, at: Location = {}): void {
    const n = (this.warned.get(kind) ?? 0) + 1;
    this.warned.set(kind, n);
    if (n <= WARNINGS_PER_KIND) this.warnings.push({ ...at, kind, file: at.file ?? this.file, message });
  }

  /** One line of text, trimmed; control characters (line breaks included) replaced. Empty gives undefined. */
  text(value: unknown, at: Location, what: string): string | undefined {
    return this.clean(value, at, what, false);
  }

  /** Running text: tab and line breaks kept, other control characters replaced. */
  longText(value: unknown, at: Location, what: string): string | undefined {
    return this.clean(value, at, what, true);
  }

  private clean(value: unknown, at: Location, what: string, long: boolean): string | undefined {
    if (value === undefined || value === null) return undefined;
    let s = typeof value === 'string' ? value : String(value);
    const pattern = long ? UNSAFE_LONG_TEXT : UNSAFE_TEXT;
    if (pattern.test(s)) {
      const bad = firstUnsafe(s, long);
      s = long ? replaceUnsafe(s, true) : replaceUnsafe(s.replace(/[\t\n\r]+/g, ' '), false);
      if (bad && pattern.test(value as string)) {
        this.warn(
          'control-character',
          `${what}: the control character ${bad.codePoint} at character ${bad.index + 1} was replaced by U+FFFD`,
          at,
        );
      }
    }
    s = s.trim();
    return s === '' ? undefined : s;
  }

  /** An element id as the file wrote it; refuses (located) empty ids, overlong ones and control characters. */
  id(value: unknown, at: Location, what: string): string {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      throw new FormatError('missing-field', `${what} has no id`, at);
    }
    if (typeof value === 'object')
      throw new FormatError('wrong-type', `${what}: the id is not text or a number`, at);
    const s = String(value);
    const bad = firstUnsafe(s);
    if (bad) {
      throw new FormatError(
        'control-character',
        `${what}: the id ${JSON.stringify(s.slice(0, 40))} holds the control character ${bad.codePoint} at character ${bad.index + 1}`,
        at,
      );
    }
    if (s.length > MAX_ID_LENGTH) {
      throw new FormatError(
        'bad-id',
        `${what}: the id is ${s.length} characters long; at most ${MAX_ID_LENGTH} are allowed`,
        at,
      );
    }
    return s;
  }

  /** Attribute values made safe: names validation refuses renamed, text cleaned, nesting kept. */
  attributes(input: Record<string, unknown> | Map<string, unknown>, at: Location): Attributes | undefined {
    const entries = input instanceof Map ? [...input.entries()] : Object.entries(input);
    if (entries.length === 0) return undefined;
    const out: Attributes = {};
    for (const [name, value] of entries) {
      if (value === undefined) continue;
      const key = this.attributeName(name, at);
      out[key] = this.attributeValue(value, at, key, 0);
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  private attributeName(name: string, at: Location): string {
    let key = replaceUnsafe(name, false);
    if (key === '__proto__') {
      key = '__proto__ (renamed)';
      this.warn('renamed-attribute', 'an attribute named "__proto__" was renamed "__proto__ (renamed)"', at);
    }
    return key;
  }

  private attributeValue(value: unknown, at: Location, name: string, depth: number): AttributeValue {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'string') {
      return UNSAFE_LONG_TEXT.test(value) ? (this.longText(value, at, `attribute "${name}"`) ?? '') : value;
    }
    if (depth > this.options.limits.maxDepth) return JSON.stringify(value) ?? null;
    if (Array.isArray(value)) return value.map((v) => this.attributeValue(v, at, name, depth + 1));
    if (typeof value === 'object') {
      const out: Record<string, AttributeValue> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== undefined) out[this.attributeName(k, at)] = this.attributeValue(v, at, name, depth + 1);
      }
      return out;
    }
    return String(value);
  }

  private count(at: Location): void {
    const n = this.nodes.length + this.edges.length;
    if (n >= this.options.limits.maxElements) throw tooManyElements(n + 1, this.options.limits, at);
  }

  addNode(node: RawNode, at: Location): void {
    this.count(at);
    this.nodes.push(compact(node));
    this.nodeAt.push(at);
  }

  addEdge(edge: RawEdge, at: Location): void {
    this.count(at);
    this.edges.push(compact(edge));
    this.edgeAt.push(at);
  }

  /** Adds a source (or returns the id of the one already there with that id). */
  addSource(source: RawSource, at: Location): string {
    const known = this.sourceIndex.get(source.id);
    if (known !== undefined) return source.id;
    this.sourceIndex.set(source.id, this.sources.length);
    this.sources.push(compact(source));
    this.sourceAt.push(at);
    return source.id;
  }

  hasSource(id: string): boolean {
    return this.sourceIndex.has(id);
  }

  /**
   * The graph: edges that clash with a node id are renamed, edges without an id get one, nodes that
   * edges name are added when `addMissingNodes` (else left for validation to report, located).
   */
  finish(): Imported {
    const nodeIds = new Set(this.nodes.map((n) => n.id));
    if (this.options.addMissingNodes) {
      this.edges.forEach((e, i) => {
        for (const end of [e.source, e.target]) {
          if (!nodeIds.has(end)) {
            nodeIds.add(end);
            this.addNode({ id: end, label: end }, this.edgeAt[i] ?? {});
            this.warn(
              'added-node',
              `node "${end}" is named by an edge but not declared; it was added`,
              this.edgeAt[i],
            );
          }
        }
      });
    }
    const used = new Set<string>(nodeIds);
    for (const e of this.edges) if (e.id !== undefined && !nodeIds.has(e.id)) used.add(e.id);
    const fresh = (base: string) => {
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      return id;
    };
    let generated = 0;
    const edges = this.edges.map((e, i) => {
      if (e.id === undefined) {
        generated++;
        return { ...e, id: fresh(`e${i}`) };
      }
      if (nodeIds.has(e.id)) {
        const id = fresh(`e-${e.id}`);
        this.warn(
          'renamed-edge',
          `edge id "${e.id}" is also a node id; the edge was renamed "${id}"`,
          this.edgeAt[i],
        );
        return { ...e, id };
      }
      return e as RawEdge & { id: string };
    });
    if (generated > 0) {
      this.warnings.push({
        kind: 'generated-id',
        file: this.file,
        message: `${generated} edge${generated === 1 ? '' : 's'} had no id and got one (e0, e1 …)`,
      });
    }
    for (const [kind, n] of this.warned) {
      if (n > WARNINGS_PER_KIND) {
        this.warnings.push({
          kind,
          file: this.file,
          message: `… and ${n - WARNINGS_PER_KIND} more like these`,
        });
      }
    }
    const graph: RawGraph = compact({
      format: FORMAT,
      version: FORMAT_VERSION,
      id: slugify(this.file),
      title: this.title,
      description: this.description,
      sources: this.sources,
      nodes: this.nodes,
      edges,
    });
    const lists: Record<string, Location[]> = {
      nodes: this.nodeAt,
      edges: this.edgeAt,
      sources: this.sourceAt,
    };
    return {
      graph,
      warnings: this.warnings,
      locate: (path) => {
        const m = /^(nodes|edges|sources)\[(\d+)\]/.exec(path);
        return m ? lists[m[1]!]?.[Number(m[2])] : undefined;
      },
    };
  }
}

const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'g');
const UNSAFE_LONG_TEXT_ALL = new RegExp(UNSAFE_LONG_TEXT.source, 'g');

/** `s` with unsafe characters replaced by U+FFFD (one-line text: any control character). */
export function replaceUnsafe(s: string, long: boolean): string {
  if (!(long ? UNSAFE_LONG_TEXT : UNSAFE_TEXT).test(s)) return s;
  return s.replace(long ? UNSAFE_LONG_TEXT_ALL : UNSAFE_TEXT_ALL, '\ufffd');
}

/** A copy of `o` without undefined fields. */
export function compact<T extends object>(o: T): T {
  const out = {} as T;
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] !== undefined) out[key] = o[key];
  return out;
}

/** A graph id (ID_PATTERN) from a file name: `Les Misérables.gexf` → `les-miserables`. */
export function slugify(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ID_PATTERN.test(slug) ? slug : 'imported';
}

/** A title from a file name: `us_iran.gexf` → `us_iran`. */
export function titleFromName(name: string): string {
  const base = replaceUnsafe(name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), false).trim();
  return base === '' ? 'Imported graph' : base.slice(0, 200);
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
const RELATION_BY_TEXT = new Map<string, Relation>();
for (const id of RELATION_IDS) {
  const def = RELATIONS[id];
  for (const t of [id, id.replace(/-/g, ' '), def.verb, def.verbPlural]) RELATION_BY_TEXT.set(norm(t), id);
}
const CERTAINTY_BY_TEXT = new Map<string, Certainty>();
for (const id of CERTAINTY_IDS) {
  CERTAINTY_BY_TEXT.set(id, id);
  CERTAINTY_BY_TEXT.set(norm(CERTAINTIES[id].label), id);
}
const KIND_BY_TEXT = new Map<string, NodeKind>();
for (const id of NODE_KIND_IDS) {
  KIND_BY_TEXT.set(norm(id.replace(/-/g, ' ')), id);
  KIND_BY_TEXT.set(norm(NODE_KINDS[id].label), id);
}

/** The vocabulary relation a text names (its id or verb, any case), if any. */
export function relationOf(text: string): Relation | undefined {
  return RELATION_BY_TEXT.get(norm(text.replace(/-/g, ' '))) ?? RELATION_BY_TEXT.get(norm(text));
}

/** The certainty a text names (id or label, any case), if any. */
export function certaintyOf(text: string): Certainty | undefined {
  return CERTAINTY_BY_TEXT.get(norm(text));
}

/** The actor kind a text names (id or label, any case), if any. */
export function kindOf(text: string): NodeKind | undefined {
  return KIND_BY_TEXT.get(norm(text.replace(/-/g, ' ')));
}

/**
 * A partial date (YYYY, YYYY-MM or YYYY-MM-DD) from a date or date-time text, or undefined when the
 * text is not one (numbers such as GEXF time steps are not dates).
 */
export function partialDateOf(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(t)) return t;
  const m = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(t);
  return m ? m[1] : undefined;
}

/** A colour as #rrggbb from `#rgb`, `#rrggbb` or `rgb(r, g, b)`, or undefined. */
export function colourOf(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(t)) return t;
  if (/^#[0-9a-f]{3}$/.test(t)) return `#${[...t.slice(1)].map((c) => c + c).join('')}`;
  const m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)$/.exec(t);
  return m ? rgbColour(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** #rrggbb from red, green and blue 0…255, or undefined when one is out of range. */
export function rgbColour(r: number, g: number, b: number): string | undefined {
  const parts = [r, g, b];
  if (!parts.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)) return undefined;
  return `#${parts.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A finite number from a number or numeric text, or undefined. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Validates an imported graph and places each problem and warning where its element came from in
 * the file (`place` turns a JSON path into a line and column; other locations pass as they are).
 */
export function validateImported(
  imported: Imported,
  file: string,
  strict: boolean | undefined,
  place: (at: Location) => Location = (at) => at,
): { ok: true; graph: Graph; warnings: LoadWarning[] } | { ok: false; issues: GraphIssue[] } {
  const result = validateGraph(imported.graph, file, undefined, { strict });
  const warnings = imported.warnings.map((w) => {
    const { jsonPath: _, ...rest } = { ...w, ...place(w) };
    return rest;
  });
  if (result.ok) return { ok: true, graph: result.graph, warnings };
  const located = (i: GraphIssue): GraphIssue => {
    if (i.line !== undefined || i.row !== undefined) return i;
    const at = imported.locate(i.path);
    if (!at) return i;
    const { file: where, jsonPath: _, ...rest } = place(at);
    return { ...i, ...rest, ...(where ? { file: where } : {}) };
  };
  return { ok: false, issues: result.issues.map(located) };
}
