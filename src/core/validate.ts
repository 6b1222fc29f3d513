// Reads a native graph file and reports every problem in it at once, each with where and what.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { z } from 'zod';
import {
  CATEGORY_IDS,
  CERTAINTY_IDS,
  FORMAT,
  FORMAT_VERSION,
  ID_PATTERN,
  NODE_KIND_IDS,
  PARTIAL_DATE_PATTERN,
  RELATION_IDS,
  type ActorNode,
  type ClaimEdge,
  type GraphFile,
  type Source,
} from './model';
import { DEFAULT_LIMITS, FormatError } from './formats/input';
import { parseJson } from './formats/json';
import { indexGraph as indexed } from './graphIndex';
import { formatIssue, formatLocation, formatPath } from './issues';
import { GraphFileSchema } from './schema';
import { firstUnsafe } from './text';
import { parsePartialDate } from './time/partialDate';
import { decodeView } from './view/permalink';

/** Kinds of problem a graph file can have; tests and tools match on these, not on the wording. */
export type IssueCode =
  | 'invalid-json'
  | 'unsupported-format'
  | 'unsupported-version'
  | 'missing-field'
  | 'wrong-type'
  | 'unknown-field'
  | 'invalid-value'
  | 'bad-id'
  | 'unknown-kind'
  | 'unknown-relation'
  | 'unknown-certainty'
  | 'unknown-category'
  | 'duplicate-id'
  | 'missing-node'
  | 'parent-cycle'
  | 'unknown-source'
  | 'bad-date'
  | 'bad-time'
  | 'end-before-start'
  | 'control-character'
  | 'unsafe-url'
  | 'unsourced'
  | 'unknown-claim'
  | 'bad-view'
  // Opening files of any format (src/core/formats):
  | 'too-large'
  | 'too-deep'
  | 'not-text'
  | 'unknown-format'
  | 'invalid-xml'
  | 'invalid-csv'
  | 'invalid-format'
  | 'internal-error';

export type PathSegment = string | number;

export interface GraphIssue {
  code: IssueCode;
  /** The file the problem is in, as the caller named it. */
  file: string;
  /** Where inside the file, e.g. `edges[12].target`; empty for the file as a whole. */
  path: string;
  /** 1-based line and column in the file's text, when the file was read from text. */
  line?: number;
  /** 1-based column: in the line, or in the CSV row when `row` is given. */
  column?: number;
  /** 1-based row of a CSV file (the header is row 1), for problems found in a table. */
  row?: number;
  message: string;
}

/** A valid graph with lookups by id. The file's arrays are shared, never copied or changed. */
export interface Graph {
  file: GraphFile;
  nodeById: ReadonlyMap<string, ActorNode>;
  edgeById: ReadonlyMap<string, ClaimEdge>;
  sourceById: ReadonlyMap<string, Source>;
}

export type LoadResult = { ok: true; graph: Graph } | { ok: false; issues: GraphIssue[] };

export { formatIssue, formatLocation, formatPath };

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const ENUM_CODES: Record<string, { code: IssueCode; allowed: readonly string[] }> = {
  kind: { code: 'unknown-kind', allowed: NODE_KIND_IDS },
  relation: { code: 'unknown-relation', allowed: RELATION_IDS },
  certainty: { code: 'unknown-certainty', allowed: CERTAINTY_IDS },
  category: { code: 'unknown-category', allowed: CATEGORY_IDS },
};
const DATE_KEYS = new Set(['date', 'start', 'end', 'published']);

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathSegment, unknown>)[seg];
  }
  return v;
}

function fromZod(
  issue: z.core.$ZodIssue,
  raw: unknown,
): { code: IssueCode; path: PathSegment[]; message: string } {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  const key = path[path.length - 1];
  const value = valueAt(raw, path);
  if (value === undefined && issue.code !== 'unrecognized_keys') {
    return { code: 'missing-field', path, message: `"${String(key)}" is required` };
  }
  switch (issue.code) {
    case 'custom': {
      if (typeof value === 'string' && (issue.params as { unsafe?: boolean } | undefined)?.unsafe) {
        const bad = firstUnsafe(value, true) ?? firstUnsafe(value);
        return {
          code: 'control-character',
          path,
          message: `${bad ? `contains the control character ${bad.codePoint} at character ${bad.index + 1}` : 'contains a control character'}; text may hold tabs and line breaks only in descriptions, quotes and captions`,
        };
      }
      return { code: 'invalid-value', path, message: issue.message };
    }
    case 'invalid_type':
      return { code: 'wrong-type', path, message: `expected ${issue.expected}, found ${describe(value)}` };
    case 'unrecognized_keys':
      return {
        code: 'unknown-field',
        path: [...path, issue.keys[0] ?? ''],
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      };
    case 'invalid_value': {
      const known = typeof key === 'string' ? ENUM_CODES[key] : undefined;
      if (known) {
        return {
          code: known.code,
          path,
          message: `unknown ${String(key)} ${describe(value)}; ${suggest(String(value), known.allowed)}`,
        };
      }
      return { code: 'invalid-value', path, message: `${describe(value)} is not allowed here` };
    }
    case 'invalid_format':
      if (key === 'id') {
        return {
          code: 'bad-id',
          path,
          message: `id ${describe(value)} must be lower-case words joined by hyphens, e.g. "us-strikes-syria"`,
        };
      }
      if (typeof key === 'string' && DATE_KEYS.has(key)) {
        return {
          code: 'bad-date',
          path,
          message: `${describe(value)} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`,
        };
      }
      if (issue.format === 'url') {
        const scheme =
          typeof value === 'string' ? /^([a-z][a-z0-9+.-]*):/i.exec(value.trim())?.[1] : undefined;
        if (scheme && !/^https?$/i.test(scheme)) {
          return {
            code: 'unsafe-url',
            path,
            message: `${describe(value)} is a ${scheme.toLowerCase()}: link; only http and https links are allowed`,
          };
        }
        return {
          code: 'invalid-value',
          path,
          message: `${describe(value)} is not a web address (http or https)`,
        };
      }
      return { code: 'invalid-value', path, message: `${describe(value)} is not a valid ${issue.format}` };
    case 'too_small':
      if (issue.origin === 'array')
        return {
          code: 'invalid-value',
          path,
          message: `needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`,
        };
      if (issue.origin === 'string') return { code: 'invalid-value', path, message: 'must not be empty' };
      return {
        code: 'invalid-value',
        path,
        message: `must be at least ${issue.minimum}, found ${describe(value)}`,
      };
    case 'too_big':
      return {
        code: 'invalid-value',
        path,
        message: `must be at most ${issue.maximum}, found ${describe(value)}`,
      };
    default:
      return { code: 'invalid-value', path, message: issue.message };
  }
}

/** Edit distance between two short strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function suggest(value: string, allowed: readonly string[]): string {
  const ranked = allowed
    .map((a) => ({ a, d: editDistance(value.toLowerCase(), a) }))
    .sort((x, y) => x.d - y.d);
  const best = ranked[0];
  const hint =
    best && best.d <= Math.max(2, Math.floor(value.length / 3)) ? `did you mean "${best.a}"? ` : '';
  return `${hint}expected one of: ${allowed.join(', ')}`;
}

type Report = (code: IssueCode, path: PathSegment[], message: string) => void;

interface Sound {
  nodes: ({ id: string; parent?: string; evidence: ({ source: string } | undefined)[] } | undefined)[];
  edges: (
    | {
        id: string;
        source: string;
        target: string;
        evidence: ({ source: string } | undefined)[];
        time?: Record<string, unknown>;
      }
    | undefined
  )[];
  sources: ({ id: string; published?: string } | undefined)[];
}

function checkReferences(file: Sound, report: Report): void {
  const elementIds = new Map<string, PathSegment[]>();
  const claim = (id: string, path: PathSegment[]) => {
    const first = elementIds.get(id);
    if (first) report('duplicate-id', path, `id "${id}" is already used at ${formatPath(first)}`);
    else elementIds.set(id, path);
    // Cytoscape's tree layout and fCoSE keep ids as keys of plain objects and fail on these.
    if (Object.hasOwn(Object.prototype, id)) {
      report('bad-id', path, `id "${id}" is a built-in property name of JavaScript objects; choose another`);
    }
  };
  file.nodes.forEach((n, i) => n && claim(n.id, ['nodes', i, 'id']));
  file.edges.forEach((e, i) => e && claim(e.id, ['edges', i, 'id']));

  const sourceIds = new Map<string, number>();
  file.sources.forEach((s, i) => {
    if (!s) return;
    const first = sourceIds.get(s.id);
    if (first !== undefined) {
      report(
        'duplicate-id',
        ['sources', i, 'id'],
        `source id "${s.id}" is already used at sources[${first}].id`,
      );
    } else sourceIds.set(s.id, i);
    if (
      s.published !== undefined &&
      PARTIAL_DATE_PATTERN.test(s.published) &&
      !parsePartialDate(s.published)
    ) {
      report('bad-date', ['sources', i, 'published'], `"${s.published}" is not a calendar date`);
    }
  });

  const parentOf = new Map<string, string | undefined>();
  for (const n of file.nodes) if (n) parentOf.set(n.id, n.parent);
  file.nodes.forEach((n, i) => {
    if (n?.parent !== undefined && !parentOf.has(n.parent)) {
      report('missing-node', ['nodes', i, 'parent'], `parent "${n.parent}" is not a node in this file`);
    }
  });

  const onReportedCycle = new Set<string>();
  file.nodes.forEach((n, i) => {
    if (!n) return;
    const chain: string[] = [n.id];
    let p = n.parent;
    while (p !== undefined && parentOf.has(p)) {
      if (p === n.id) {
        if (!chain.some((c) => onReportedCycle.has(c))) {
          chain.forEach((c) => onReportedCycle.add(c));
          report(
            'parent-cycle',
            ['nodes', i, 'parent'],
            `parents go round in a circle: ${[...chain, p].join(' → ')}`,
          );
        }
        break;
      }
      if (chain.includes(p)) break; // a cycle further up, reported from a node on it
      chain.push(p);
      p = parentOf.get(p);
    }
  });

  const checkEvidence = (evidence: ({ source: string } | undefined)[], path: PathSegment[]) =>
    evidence.forEach((ev, j) => {
      if (ev && !sourceIds.has(ev.source)) {
        report('unknown-source', [...path, j, 'source'], `source "${ev.source}" is not in "sources"`);
      }
    });
  file.nodes.forEach((n, i) => n && checkEvidence(n.evidence, ['nodes', i, 'evidence']));

  file.edges.forEach((e, i) => {
    if (!e) return;
    for (const end of ['source', 'target'] as const) {
      if (!parentOf.has(e[end]))
        report('missing-node', ['edges', i, end], `${end} "${e[end]}" is not a node in this file`);
    }
    checkEvidence(e.evidence, ['edges', i, 'evidence']);
    if (e.time) checkTime(e.time, ['edges', i, 'time'], report);
  });
}

function checkTime(time: Record<string, unknown>, path: PathSegment[], report: Report): void {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const t = { date: str(time.date), start: str(time.start), end: str(time.end) };
  if (t.date !== undefined && (t.start !== undefined || t.end !== undefined)) {
    report('bad-time', path, 'give either "date" or "start"/"end", not both');
    return;
  }
  if (t.date === undefined && t.start === undefined) {
    report('bad-time', path, t.end !== undefined ? '"end" needs a "start"' : 'needs a "date" or a "start"');
    return;
  }
  const parsed: Record<string, ReturnType<typeof parsePartialDate>> = {};
  for (const key of ['date', 'start', 'end'] as const) {
    const v = t[key];
    if (v === undefined) continue;
    parsed[key] = parsePartialDate(v);
    // Text not shaped like a date at all is reported by the schema; here only impossible dates.
    if (!parsed[key] && PARTIAL_DATE_PATTERN.test(v)) {
      report('bad-date', [...path, key], `"${v}" is not a calendar date`);
    }
  }
  const { start, end } = parsed;
  if (start && end && end.to <= start.from) {
    report('end-before-start', [...path, 'end'], `ends (${t.end}) before it starts (${t.start})`);
  }
}

export interface ValidateOptions {
  /** Hold the file to the curated rules even when it does not say it is strict. */
  strict?: boolean;
}

/**
 * Validates a parsed graph file (any JSON value). `file` names it in the issues. Never throws;
 * on success the returned graph shares the input's objects.
 */
export function validateGraph(
  raw: unknown,
  file: string,
  text?: string,
  options: ValidateOptions = {},
): LoadResult {
  const issues: GraphIssue[] = [];
  const tree = text === undefined ? undefined : parseTree(text);
  const report: Report = (code, path, message) => {
    const issue: GraphIssue = { code, file, path: formatPath(path), message };
    const at = tree && (findNodeAtLocation(tree, path) ?? closestNode(tree, path));
    if (at && text !== undefined) Object.assign(issue, lineColumn(text, at.offset));
    issues.push(issue);
  };

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    report('wrong-type', [], `expected a graph object, found ${describe(raw)}`);
    return { ok: false, issues };
  }
  const header = raw as { format?: unknown; version?: unknown };
  if (header.format !== FORMAT) {
    report(
      'unsupported-format',
      ['format'],
      `not an Actor Graph file: "format" is ${describe(header.format)}, expected "${FORMAT}"`,
    );
    return { ok: false, issues };
  }
  if (typeof header.version === 'number' && header.version > FORMAT_VERSION) {
    report(
      'unsupported-version',
      ['version'],
      `version ${header.version} was written by a newer Actor Graph; this one reads up to version ${FORMAT_VERSION}`,
    );
    return { ok: false, issues };
  }

  const parsed = GraphFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const { code, path, message } = fromZod(zi, raw);
      report(code, path, message);
    }
  }
  // Reference checks need the structure; run them on whatever arrays are well-formed enough.
  const shaped = structurallySound(raw);
  if (shaped) checkReferences(shaped, report);
  if (options.strict || isStrict(raw)) checkStrict(raw as Record<string, unknown>, report);
  checkAttributeNames(raw as Record<string, unknown>, report);
  checkStories(raw as Record<string, unknown>, report);
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues).sort(byPosition) };
  return { ok: true, graph: indexed(parsed.data) };
}

/**
 * `__proto__` cannot name an attribute: the schema would drop it silently (assigning it would replace
 * an object's prototype), so it is reported instead, and importers rename it.
 */
function checkAttributeNames(raw: Record<string, unknown>, report: Report): void {
  const walk = (v: unknown, path: PathSegment[], depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 64) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], depth + 1));
      return;
    }
    for (const key of Object.keys(v)) {
      if (key === '__proto__')
        report('invalid-value', [...path, key], '"__proto__" cannot be an attribute name');
      else walk((v as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  for (const list of ['nodes', 'edges'] as const) {
    const items = raw[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (item && typeof item === 'object')
        walk((item as { attributes?: unknown }).attributes, [list, i, 'attributes'], 0);
    });
  }
}

/** Whether the file is held to the curated rules: version 1 files always, later ones when they say so. */
export function isStrict(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object') return false;
  const r = raw as { version?: unknown; strict?: unknown };
  return r.version === 1 || r.strict === true;
}

/**
 * The curated rules: readable ids, a kind for every actor, and for every claim a vocabulary
 * relation, a certainty and at least one verbatim quote.
 */
function checkStrict(raw: Record<string, unknown>, report: Report): void {
  const obj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  const readable = (v: unknown, path: PathSegment[]) => {
    if (typeof v === 'string' && v !== '' && !ID_PATTERN.test(v)) {
      report(
        'bad-id',
        path,
        `id ${describe(v)} must be lower-case words joined by hyphens, e.g. "us-strikes-syria"`,
      );
    }
  };
  readable(raw.id, ['id']);
  const need = (o: Record<string, unknown>, key: string, path: PathSegment[], why: string) => {
    if (o[key] === undefined)
      report('missing-field', [...path, key], `"${key}" is required in a curated file: ${why}`);
  };
  if (Array.isArray(raw.sources))
    raw.sources.forEach((s, i) => obj(s) && readable(s.id, ['sources', i, 'id']));
  if (Array.isArray(raw.nodes)) {
    raw.nodes.forEach((n, i) => {
      if (!obj(n)) return;
      readable(n.id, ['nodes', i, 'id']);
      need(n, 'kind', ['nodes', i], 'what kind of actor this is');
    });
  }
  if (Array.isArray(raw.edges)) {
    raw.edges.forEach((e, i) => {
      if (!obj(e)) return;
      readable(e.id, ['edges', i, 'id']);
      need(e, 'relation', ['edges', i], 'a relation from the vocabulary');
      need(e, 'certainty', ['edges', i], 'how sure the claim is');
      if (e.evidence === undefined) {
        report(
          'unsourced',
          ['edges', i, 'evidence'],
          'a claim in a curated file needs evidence: at least one verbatim quote with its source',
        );
      }
      if (e.label !== undefined)
        report(
          'unknown-field',
          ['edges', i, 'label'],
          'a curated claim uses "relation" from the vocabulary, not a free "label"',
        );
      if (e.directed === false)
        report('invalid-value', ['edges', i, 'directed'], 'a curated claim always has a direction');
    });
  }
}

/** Stories: every cited claim exists, and every step's view is a permalink this build can read. */
function checkStories(raw: Record<string, unknown>, report: Report): void {
  if (!Array.isArray(raw.stories) || !Array.isArray(raw.edges)) return;
  const edgeIds = new Set(
    raw.edges.flatMap((e) =>
      e && typeof e === 'object' && typeof (e as { id?: unknown }).id === 'string'
        ? [(e as { id: string }).id]
        : [],
    ),
  );
  const storyAt = new Map<string, number>();
  raw.stories.forEach((story, i) => {
    const id = (story as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      const first = storyAt.get(id);
      if (first !== undefined)
        report('duplicate-id', ['stories', i, 'id'], `story id "${id}" is already used at stories[${first}]`);
      else storyAt.set(id, i);
    }
    const steps = (story as { steps?: unknown } | null)?.steps;
    if (!Array.isArray(steps)) return;
    steps.forEach((step, j) => {
      if (!step || typeof step !== 'object') return;
      const { cites, view } = step as { cites?: unknown; view?: unknown };
      if (Array.isArray(cites)) {
        cites.forEach((id, k) => {
          if (typeof id === 'string' && !edgeIds.has(id))
            report(
              'unknown-claim',
              ['stories', i, 'steps', j, 'cites', k],
              `claim "${id}" is not an edge in this file`,
            );
        });
      }
      if (typeof view === 'string') {
        const params = new URLSearchParams(view);
        if (!params.has('g')) params.set('g', typeof raw.id === 'string' ? raw.id : 'graph');
        const { view: decoded, problems } = decodeView(params);
        if (!decoded || problems.length > 0) {
          report(
            'bad-view',
            ['stories', i, 'steps', j, 'view'],
            `the view cannot be read: ${problems.join('; ') || 'no graph named'}`,
          );
        }
      }
    });
  });
}

function closestNode(tree: ReturnType<typeof parseTree>, path: PathSegment[]) {
  for (let n = path.length - 1; n >= 0 && tree; n--) {
    const at = findNodeAtLocation(tree, path.slice(0, n));
    if (at) return at;
  }
  return undefined;
}

function byPosition(a: GraphIssue, b: GraphIssue): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function dedupe(issues: GraphIssue[]): GraphIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.code} ${i.path}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The file's arrays with entries too malformed for reference checks replaced by `undefined`, so
 * indexes (and the paths reported) stay those of the file.
 */
function structurallySound(raw: object): Sound | undefined {
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.nodes) || !Array.isArray(r.edges)) return undefined;
  const sources: unknown[] = Array.isArray(r.sources) ? r.sources : []; // optional since version 2
  const isStr = (v: unknown): v is string => typeof v === 'string';
  const obj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  const evidence = (v: unknown) =>
    Array.isArray(v) ? v.map((ev) => (obj(ev) && isStr(ev.source) ? { source: ev.source } : undefined)) : [];
  return {
    nodes: r.nodes.map((n) =>
      obj(n) && isStr(n.id)
        ? { id: n.id, parent: isStr(n.parent) ? n.parent : undefined, evidence: evidence(n.evidence) }
        : undefined,
    ),
    edges: r.edges.map((e) =>
      obj(e) && isStr(e.id) && isStr(e.source) && isStr(e.target)
        ? {
            id: e.id,
            source: e.source,
            target: e.target,
            evidence: evidence(e.evidence),
            time: obj(e.time) ? (e.time as Record<string, unknown>) : undefined,
          }
        : undefined,
    ),
    sources: sources.map((s) =>
      obj(s) && isStr(s.id)
        ? { id: s.id, published: isStr(s.published) ? s.published : undefined }
        : undefined,
    ),
  };
}

/**
 * Parses and validates the text of a native graph file. Invalid JSON is reported with its line and
 * column, and so is nesting deeper than `DEFAULT_LIMITS.maxDepth` (refused before any recursive
 * parser runs); nothing is evaluated.
 */
export function loadGraphText(text: string, file: string, options: ValidateOptions = {}): LoadResult {
  let raw: unknown;
  try {
    raw = parseJson(text, DEFAULT_LIMITS.maxDepth);
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    return { ok: false, issues: [{ code: err.code, file, path: '', ...err.at, message: err.message }] };
  }
  return validateGraph(raw, file, text, options);
}
