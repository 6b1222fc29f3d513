// CSV (and TSV) tables read into the native model with papaparse, and written as a nodes file plus an
// edges file. An edges file alone is an edge list; a nodes file adds labels, kinds and parents. A
// mapping says which column plays which role; `guessCsvMapping` recognises Gephi's headers (Id,
// Label / Source, Target, Type, Label, Weight), Kumu's (From, To, Type) and this project's own, in
// any case. Columns without a role become attributes, as numbers when the whole column is numeric.
import Papa from 'papaparse';
import type { GraphFile, Source } from '../model';
import { isWebUrl } from '../text';
import {
  AG,
  JSON_PREFIX,
  cellOf,
  columnsOf,
  edgeCurated,
  nodeCurated,
  takeEdgeCurated,
  takeNodeCurated,
  type AttributeColumn,
  type Writable,
} from './curated';
import {
  GraphBuilder,
  certaintyOf,
  colourOf,
  compact,
  kindOf,
  numberOf,
  partialDateOf,
  relationOf,
  replaceUnsafe,
  validateImported,
  type RawEdge,
  type RawNode,
} from './imported';
import {
  DEFAULT_LIMITS,
  FormatError,
  inputText,
  issueAt,
  tooManyElements,
  type FileInput,
  type LoadLimits,
  type LoadWarning,
  type Location,
} from './input';
import type { Graph, GraphIssue } from '../validate';
import {
  DIRECTIONS,
  EDGE_SYNONYMS,
  NODE_SYNONYMS,
  guessCsvMapping,
  isEdgeTable,
  type CsvMapping,
  type CsvRole,
} from './csvMapping';

export {
  EDGE_ROLES,
  NODE_ROLES,
  guessCsvMapping,
  isEdgeTable,
  type CsvMapping,
  type CsvRole,
} from './csvMapping';

interface Table {
  headers: string[];
  rows: string[][];
  delimiter: string;
}

/** Parses CSV text into headers and rows (papaparse: delimiter detected, quotes and CRLF handled). */
export function parseTable(text: string, limits: LoadLimits, file: string): Table {
  const result = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    preview: limits.maxElements + 2,
  });
  const quote = result.errors.find((e) => e.type === 'Quotes');
  if (quote) {
    const row = (quote.row ?? 0) + 1;
    const err = new FormatError(
      'invalid-csv',
      `a quoted cell is not closed or has a stray quote (${quote.code}); quotes inside a quoted cell are written twice ("")`,
      { row },
    );
    err.file = file;
    throw err;
  }
  const [head, ...rows] = result.data;
  if (!head || head.every((h) => h.trim() === '')) {
    const err = new FormatError(
      'invalid-csv',
      'the file has no header row: the first row must name the columns',
      { row: 1 },
    );
    err.file = file;
    throw err;
  }
  if (rows.length > limits.maxElements) throw tooManyElements(rows.length, limits, { row: rows.length + 1 });
  const seen = new Map<string, number>();
  const headers = head.map((h, i) => {
    let name = replaceUnsafe(h, false);
    if (name.trim() === '') name = `column ${i + 1}`;
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });
  return { headers, rows, delimiter: result.meta.delimiter };
}

export type CsvPreview =
  | {
      ok: true;
      headers: string[];
      rows: string[][];
      delimiter: string;
      mapping: CsvMapping;
      table: 'nodes' | 'edges';
    }
  | { ok: false; issues: GraphIssue[] };

/**
 * The headers, the first `rows` rows and the guessed mapping of a CSV file, for a mapping dialog.
 * Decoding, size and syntax problems come back as located issues.
 */
export function csvPreview(input: FileInput, rows = 5, limits: LoadLimits = DEFAULT_LIMITS): CsvPreview {
  try {
    const table = parseTable(inputText(input, limits), limits, input.name);
    const kind = isEdgeTable(table.headers) ? 'edges' : 'nodes';
    return {
      ok: true,
      headers: table.headers,
      rows: table.rows.slice(0, rows),
      delimiter: table.delimiter,
      table: kind,
      mapping: guessCsvMapping(table.headers, kind, table.rows.slice(0, 200)),
    };
  } catch (err) {
    if (err instanceof FormatError)
      return { ok: false, issues: [issueAt(err.code, input.name, err.message, err.at)] };
    throw err;
  }
}

/**
 * A CSV edges file (and its nodes file) as a validated graph, for callers that hold the text and the
 * mappings (default: guessed from the headers). The same as `loadGraphFile` with `format: 'csv'`.
 */
export function parseCsv(
  text: string,
  mapping?: CsvMapping,
  nodesText?: string,
  nodesMapping?: CsvMapping,
  options: {
    name?: string;
    nodesName?: string;
    limits?: Partial<LoadLimits>;
    strict?: boolean;
    today?: string;
  } = {},
): { ok: true; graph: Graph; warnings: LoadWarning[] } | { ok: false; issues: GraphIssue[] } {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const name = options.name ?? 'edges.csv';
  const nodesName = options.nodesName ?? 'nodes.csv';
  const b = new GraphBuilder(name, {
    limits,
    addMissingNodes: false,
    today: options.today ?? new Date().toISOString().slice(0, 10),
  });
  try {
    readCsv(
      { name, text: inputText({ name, text }, limits), mapping },
      nodesText === undefined
        ? undefined
        : {
            name: nodesName,
            text: inputText({ name: nodesName, text: nodesText }, limits),
            mapping: nodesMapping,
          },
      b,
    );
  } catch (err) {
    if (err instanceof FormatError)
      return { ok: false, issues: [issueAt(err.code, err.file ?? name, err.message, err.at)] };
    throw err;
  }
  return validateImported(b.finish(), name, options.strict);
}

/**
 * Values of a column without a role: numbers when every filled cell is one, booleans likewise, else
 * the text as written (surrounding spaces kept).
 */
function columnParser(rows: readonly string[][], i: number): (cell: string) => string | number | boolean {
  return cellParser(rows.map((r) => r[i] ?? ''));
}

function cellParser(cells: readonly string[]): (cell: string) => string | number | boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length > 0 && filled.every((c) => numberOf(c) !== undefined && !/^0\d/.test(c))) {
    return (c) => numberOf(c)!;
  }
  if (filled.length > 0 && filled.every((c) => /^(true|false)$/i.test(c)))
    return (c) => c.trim().toLowerCase() === 'true';
  return (c) => c;
}

function checkMapping(mapping: CsvMapping, headers: readonly string[], file: string): void {
  for (const [role, col] of Object.entries(mapping)) {
    if (col !== undefined && !headers.includes(col)) {
      const err = new FormatError(
        'invalid-csv',
        `the mapping reads ${role} from column "${col}", which the file does not have`,
        {
          row: 1,
        },
      );
      err.file = file;
      throw err;
    }
  }
}

/**
 * Reads a CSV edges file (and optionally its nodes file) into `b`. Mappings default to
 * `guessCsvMapping`. Problems are located by row and column.
 */
export function readCsv(
  edges: { name: string; text: string; mapping?: CsvMapping },
  nodes: { name: string; text: string; mapping?: CsvMapping } | undefined,
  b: GraphBuilder,
): void {
  const limits = b.options.limits;
  const declared = new Set<string>();
  if (nodes) {
    try {
      const table = parseTable(nodes.text, limits, nodes.name);
      readNodes(
        table,
        nodes.mapping ?? guessCsvMapping(table.headers, 'nodes', table.rows.slice(0, 200)),
        b,
        declared,
        nodes.name,
      );
    } catch (err) {
      if (err instanceof FormatError) err.file ??= nodes.name;
      throw err;
    }
  }
  const table = parseTable(edges.text, limits, edges.name);
  const mapping = edges.mapping ?? guessCsvMapping(table.headers, 'edges', table.rows.slice(0, 200));
  checkMapping(mapping, table.headers, edges.name);
  if (mapping.source === undefined || mapping.target === undefined) {
    throw new FormatError(
      'invalid-csv',
      `no column says where edges start and end: name them Source and Target (or From and To), or map them (columns: ${table.headers.join(', ')})`,
      { row: 1 },
    );
  }
  const col = (role: CsvRole) => (mapping[role] === undefined ? -1 : table.headers.indexOf(mapping[role]!));
  const roles = new Set(Object.values(mapping).map((c) => table.headers.indexOf(c!)));
  const others = table.headers.flatMap((h, i) =>
    roles.has(i) ? [] : [{ name: h, i, parse: columnParser(table.rows, i) }],
  );
  const urlSources = new Map<string, string>();
  const usedSourceIds = new Set<string>();
  const sourceIdFor = (url: URL) => {
    const known = urlSources.get(url.href);
    if (known) return known;
    const base =
      url.hostname
        .replace(/^www\./, '')
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase() || 'source';
    let id = base;
    for (let n = 2; usedSourceIds.has(id); n++) id = `${base}-${n}`;
    usedSourceIds.add(id);
    urlSources.set(url.href, id);
    return id;
  };

  table.rows.forEach((cells, r) => {
    const row = r + 2;
    const cell = (role: CsvRole) => {
      const i = col(role);
      return i === -1 ? '' : (cells[i] ?? '').trim();
    };
    const where = (role?: CsvRole): Location =>
      role && col(role) !== -1 ? { row, column: col(role) + 1 } : { row };
    const edge: RawEdge = {
      source: b.id(cell('source'), where('source'), 'the edge source'),
      target: b.id(cell('target'), where('target'), 'the edge target'),
    };
    if (cell('id') !== '') edge.id = b.id(cell('id'), where('id'), 'the edge');
    const attrs = new Map<string, unknown>();
    const relation = cell('relation');
    if (relation !== '') {
      const r = relationOf(relation);
      if (r) edge.relation = r;
      else edge.label = b.text(relation, where('relation'), 'relation');
    }
    const direction = cell('direction').toLowerCase();
    if (['undirected', 'mutual', 'false', 'no'].includes(direction)) edge.directed = false;
    else if (!DIRECTIONS.has(direction)) {
      b.warn(
        'bad-direction',
        `"${cell('direction')}" is not a direction (Directed or Undirected); kept as an attribute`,
        where('direction'),
      );
      attrs.set(mapping.direction!, cell('direction'));
    }
    const weight = cell('weight');
    if (weight !== '') {
      const w = numberOf(weight);
      if (w === undefined) {
        throw new FormatError('invalid-value', `the weight "${weight}" is not a number`, where('weight'));
      }
      edge.weight = w;
    }
    const date = (role: 'date' | 'start' | 'end') => {
      const v = cell(role);
      if (v === '') return undefined;
      const d = partialDateOf(v);
      if (d === undefined) {
        throw new FormatError(
          'bad-date',
          `"${v}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`,
          where(role),
        );
      }
      return d;
    };
    const time = compact({ date: date('date'), start: date('start'), end: date('end') });
    if (Object.keys(time).length > 0) edge.time = time;
    const certainty = cell('certainty');
    if (certainty !== '') {
      const c = certaintyOf(certainty);
      if (c) edge.certainty = c;
      else {
        b.warn(
          'unknown-certainty',
          `certainty "${certainty}" is not one of the vocabulary's; kept as an attribute`,
          where('certainty'),
        );
        attrs.set(mapping.certainty!, certainty);
      }
    }
    edge.attributedTo = b.text(cell('attributedTo'), where('attributedTo'), 'attributed to');
    edge.summary = b.longText(cell('summary'), where('summary'), 'summary');
    const colour = cell('colour');
    if (colour !== '') {
      edge.colour = colourOf(colour);
      if (!edge.colour) attrs.set(mapping.colour!, colour);
    }
    const quote = b.longText(cell('quote'), where('quote'), 'quote');
    const link = cell('sourceUrl');
    if (quote !== undefined && link !== '') {
      const shown = link.slice(0, 60);
      if (!isWebUrl(link)) {
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(shown)?.[1];
        throw new FormatError(
          scheme && !/^https?$/i.test(scheme) ? 'unsafe-url' : 'invalid-value',
          scheme && !/^https?$/i.test(scheme)
            ? `"${shown}" is a ${scheme.toLowerCase()}: link; only http and https links are allowed`
            : `"${shown}" is not a web address (http or https)`,
          where('sourceUrl'),
        );
      }
      const url = new URL(link);
      const id = sourceIdFor(url);
      b.addSource(
        {
          id,
          title: b.text(url.href, where('sourceUrl'), 'source URL') ?? url.hostname,
          publisher: url.hostname.replace(/^www\./, ''),
          published: b.options.today,
          url: url.href,
        },
        where('sourceUrl'),
      );
      edge.evidence = [{ source: id, quote }];
    } else {
      if (quote !== undefined) attrs.set(mapping.quote!, quote);
      if (link !== '') attrs.set(mapping.sourceUrl!, link);
    }
    for (const o of others) {
      const v = cells[o.i] ?? '';
      if (v.trim() !== '') attrs.set(o.name, o.name.startsWith(AG) ? v.trim() : o.parse(v));
    }
    Object.assign(edge, compact(takeEdgeCurated(attrs, b, { row })));
    if (edge.label !== undefined && edge.relation !== undefined && relationOf(edge.label) === edge.relation)
      delete edge.relation;
    edge.attributes = b.attributes(attrs, { row });
    b.addEdge(edge, { row });
  });

  if (nodes) {
    let added = 0;
    b.edges.forEach((e) => {
      for (const end of [e.source, e.target]) {
        if (!declared.has(end)) {
          declared.add(end);
          added++;
          b.addNode({ id: end, label: end }, {});
        }
      }
    });
    if (added > 0) {
      b.warn(
        'added-node',
        `${added} node${added === 1 ? ' is' : 's are'} named by edges but not in ${nodes.name}; added with their id as label`,
      );
    }
  } else {
    const seen = new Set<string>();
    for (const e of [...b.edges]) {
      for (const end of [e.source, e.target]) {
        if (!seen.has(end)) {
          seen.add(end);
          b.addNode({ id: end, label: end }, {});
        }
      }
    }
  }
}

function readNodes(
  table: Table,
  mapping: CsvMapping,
  b: GraphBuilder,
  declared: Set<string>,
  file: string,
): void {
  checkMapping(mapping, table.headers, file);
  if (mapping.id === undefined) {
    throw new FormatError(
      'invalid-csv',
      `no column holds the node ids: name one Id (or map it) (columns: ${table.headers.join(', ')})`,
      {
        row: 1,
      },
    );
  }
  const col = (role: CsvRole) => (mapping[role] === undefined ? -1 : table.headers.indexOf(mapping[role]!));
  const roles = new Set(Object.values(mapping).map((c) => table.headers.indexOf(c!)));
  const others = table.headers.flatMap((h, i) =>
    roles.has(i) ? [] : [{ name: h, i, parse: columnParser(table.rows, i) }],
  );
  table.rows.forEach((cells, r) => {
    const row = r + 2;
    const cell = (role: CsvRole) => {
      const i = col(role);
      return i === -1 ? '' : (cells[i] ?? '').trim();
    };
    const where = (role: CsvRole): Location =>
      col(role) !== -1 ? { file, row, column: col(role) + 1 } : { file, row };
    const id = b.id(cell('id'), where('id'), 'the node');
    declared.add(id);
    const node: RawNode = { id, label: b.text(cell('label'), where('label'), 'label') ?? id };
    const attrs = new Map<string, unknown>();
    const kind = cell('kind');
    if (kind !== '') {
      const k = kindOf(kind);
      if (k) node.kind = k;
      else attrs.set(mapping.kind!, kind);
    }
    if (cell('parent') !== '') node.parent = b.id(cell('parent'), where('parent'), 'the parent');
    node.description = b.longText(cell('description'), where('description'), 'description');
    const x = numberOf(cell('x'));
    const y = numberOf(cell('y'));
    if (x !== undefined && y !== undefined) node.position = { x, y };
    const size = numberOf(cell('size'));
    if (size !== undefined && size > 0) node.size = size;
    const colour = cell('colour');
    if (colour !== '') {
      node.colour = colourOf(colour);
      if (!node.colour) attrs.set(mapping.colour!, colour);
    }
    for (const o of others) {
      const v = cells[o.i] ?? '';
      if (v.trim() !== '') attrs.set(o.name, o.name.startsWith(AG) ? v.trim() : o.parse(v));
    }
    Object.assign(node, compact(takeNodeCurated(attrs, b, { file, row })));
    node.attributes = b.attributes(attrs, { file, row });
    b.addNode(node, { file, row });
  });
}

/**
 * The columns with those that would read back differently (text that looks like numbers, empty or
 * blank text) switched to JSON text, so a CSV round trip keeps every attribute value as it was.
 */
function readableColumns(columns: AttributeColumn[], elements: readonly Writable[]): AttributeColumn[] {
  return columns.map((c) => {
    if (c.curated || c.type === 'json') return c;
    const cells = elements.map((e) => cellOf(e, c));
    const written = cells.map((v) => (v === undefined ? '' : String(v)));
    const parse = cellParser(written);
    const same = cells.every(
      (v, i) => v === undefined || (written[i]!.trim() !== '' && parse(written[i]!) === v),
    );
    return same ? c : { ...c, type: 'json', written: JSON_PREFIX + c.name };
  });
}

const allSynonyms = (s: Record<string, string[]>) => new Set(Object.values(s).flat());
const NODE_RESERVED = allSynonyms(NODE_SYNONYMS);
const EDGE_RESERVED = new Set([...allSynonyms(EDGE_SYNONYMS), 'type', 'edge type']);

/**
 * The graph as two CSV texts, a nodes file and an edges file, with Gephi's headers (Id, Label /
 * Source, Target, Type, Label as the relation, Weight) and this project's (Kind, Parent, Certainty …);
 * curated fields the columns cannot hold travel as `ag:` JSON columns. Attributes whose names
 * collide with a recognised header are written as `attr:<name>`.
 */
export function writeCsv(file: GraphFile): { nodes: string; edges: string } {
  const sources = new Map<string, Source>(file.sources.map((s) => [s.id, s]));
  const nodes = file.nodes.map((n) => ({
    ...n,
    curated: nodeCurated(n, sources, ['plural', 'aliases', 'evidence']),
  }));
  const edges = file.edges.map((e) => ({
    ...e,
    curated: {
      ...edgeCurated(e, sources, ['time', 'evidence', 'category', 'intensity']),
      ...(e.label !== undefined && relationOf(e.label) ? { 'ag:label': e.label } : {}),
    },
  }));
  const nodeColumns = readableColumns(columnsOf(nodes, NODE_RESERVED), nodes);
  const edgeColumns = readableColumns(columnsOf(edges, EDGE_RESERVED), edges);
  const nodeRows = nodes.map((n) => [
    n.id,
    n.label,
    n.kind ?? '',
    n.parent ?? '',
    n.description ?? '',
    n.position?.x ?? '',
    n.position?.y ?? '',
    n.size ?? '',
    n.colour ?? '',
    ...nodeColumns.map((c) => cellOf(n, c) ?? ''),
  ]);
  const edgeRows = edges.map((e) => [
    e.id,
    e.source,
    e.target,
    e.relation ?? e.label ?? '',
    e.directed === false ? 'Undirected' : 'Directed',
    e.weight ?? '',
    e.certainty ?? '',
    e.attributedTo ?? '',
    e.summary ?? '',
    e.colour ?? '',
    ...edgeColumns.map((c) => cellOf(e, c) ?? ''),
  ]);
  const unparse = (fields: string[], data: unknown[][]) =>
    Papa.unparse({ fields, data }, { newline: '\r\n' }) + '\r\n';
  return {
    nodes: unparse(
      [
        'Id',
        'Label',
        'Kind',
        'Parent',
        'Description',
        'X',
        'Y',
        'Size',
        'Colour',
        ...nodeColumns.map((c) => c.written),
      ],
      nodeRows,
    ),
    edges: unparse(
      [
        'Id',
        'Source',
        'Target',
        'Label',
        'Type',
        'Weight',
        'Certainty',
        'Attributed to',
        'Summary',
        'Colour',
        ...edgeColumns.map((c) => c.written),
      ],
      edgeRows,
    ),
  };
}
