/**
 * Opening a graph file of any supported format: the one loader every way of opening ends in.
 *
 *     bytes | text  →  limits and encoding  →  sniff the format  →  parse  →  native model  →  validate
 *
 * `loadGraphFile({ name, bytes | text }, options)` returns `{ ok: true, graph, format, warnings }` or
 * `{ ok: false, issues }`. It never throws and never evaluates anything from the file. Every issue
 * says where (line and column, or row and column for CSV) and what; `formatIssue` (validate.ts)
 * prints one. Warnings say what was changed on the way (replaced control characters, renamed
 * attributes, generated edge ids …); the graph opens regardless.
 *
 * Formats (`FormatId`): native actor-graph JSON, Cytoscape JSON (`.cyjs`, `cy.json()`, element
 * lists), GEXF 1.1–1.3, GraphML (yEd, networkx, igraph, Gephi), and CSV (an edge list, with an
 * optional nodes file in `options.nodes`). The file name's extension picks the format, the content
 * confirms it (`sniffFormat`); `options.format` overrides both.
 *
 * Limits (`DEFAULT_LIMITS`, `options.limits`): the size is checked before decoding, the nesting depth
 * of JSON and XML before any recursive parser runs, and the number of nodes and edges while XML and
 * CSV are read and straight after JSON is parsed, before anything is converted.
 *
 * Imported graphs are not strict: claims may be unsourced, relations outside the vocabulary keep
 * their wording as `label`, attributes are kept as they were. `options.strict` holds a file to the
 * curated rules.
 *
 * For the UI (everything here is pure and framework-free):
 * - `loadGraphFile(input, options)`: open bytes (a picked, dropped or fetched file) or text (a paste).
 *   A bad file returns issues and changes nothing, so the graph on screen stays. Show each with
 *   `formatIssue` (validate.ts) and each warning with `formatWarning`.
 * - `FORMATS`: labels, extensions and MIME types, e.g. for the file picker's `accept`.
 * - `sniffFormat(name, text)`: the format before loading, e.g. to decide whether a CSV needs the
 *   mapping step.
 * - CSV (csv.ts): `csvPreview(input)` gives headers, first rows, the delimiter and
 *   `guessCsvMapping(headers)`'s mapping for the dialog; pass the chosen mappings as
 *   `options.csv = { edges, nodes }` and the nodes file as `options.nodes`. A `CsvMapping` names a
 *   column per role (`NODE_ROLES`, `EDGE_ROLES`); remember it per set of headers if you like.
 * - Saving (save.ts): `saveGraph(graph.file, format, { nodeIds, edgeIds })` returns the files (two
 *   for CSV) to download; pass the visible ids to save what the view shows.
 * - Appearance (../appearance/fields.ts): `inferFields(graph.file)` says which attributes rank
 *   (numbers, dates) and which partition (categories, keywords, booleans).
 * - Large files: run `loadGraphFile` in a Web Worker; the module needs no DOM (no DOMParser), only
 *   TextDecoder. Cancelling is terminating the worker. The result is structured-clone safe (the
 *   graph's lookup maps included, sharing the file's objects after the copy as before it).
 */
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { Graph, GraphIssue } from '../validate';
import { readCsv, type CsvMapping } from './csv';
import { isCytoscapeJson, readCytoscape } from './cytoscapeJson';
import { readGexf } from './gexf';
import { readGraphml } from './graphml';
import { GraphBuilder, isRecord, validateImported } from './imported';
import { readNative } from './native';
import {
  DEFAULT_LIMITS,
  FormatError,
  inputText,
  issueAt,
  lineColumn,
  type FileInput,
  type LoadLimits,
  type LoadWarning,
  type Location,
} from './input';
import { parseJson } from './json';
import { parseXml } from './xml';

export { DEFAULT_LIMITS, type FileInput, type LoadLimits, type LoadWarning } from './input';

import { sniffFormat, type FormatId } from './formatInfo';

export { FORMATS, formatWarning, sniffFormat, type FormatId } from './formatInfo';

export interface LoadOptions {
  /** Skip sniffing: read the file as this format. */
  format?: FormatId;
  /** Override some of DEFAULT_LIMITS. */
  limits?: Partial<LoadLimits>;
  /** Hold the graph to the curated rules (evidence, vocabulary, readable ids). */
  strict?: boolean;
  /** Add nodes that edges name but the file does not declare, with a warning, instead of refusing it. */
  addMissingNodes?: boolean;
  /** A CSV's nodes file, when the input is its edges file. */
  nodes?: FileInput;
  /** CSV column mappings; guessed from the headers when left out. */
  csv?: { edges?: CsvMapping; nodes?: CsvMapping };
  /** Today as YYYY-MM-DD, for sources made from a CSV's source URLs (default: the clock's). */
  today?: string;
}

export type LoadFileResult =
  | { ok: true; graph: Graph; format: FormatId; warnings: LoadWarning[] }
  | { ok: false; format?: FormatId; issues: GraphIssue[] };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Opens a graph file of any supported format; see the module comment. Never throws. */
export function loadGraphFile(input: FileInput, options: LoadOptions = {}): LoadFileResult {
  try {
    return load(input, options);
  } finally {
    lastTree = undefined; // never keep a file's text alive between calls
  }
}

function load(input: FileInput, options: LoadOptions): LoadFileResult {
  const limits: LoadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  let text = '';
  let format: FormatId | undefined;
  let texts: Record<string, string> = {};
  const issue = (err: FormatError, file: string): GraphIssue =>
    issueAt(err.code, file, err.message, resolve(err.at, texts[file]));
  try {
    text = inputText(input, limits);
    texts = { [input.name]: text };
    const sniffed = options.format ?? sniffFormat(input.name, text);
    if (sniffed === undefined) {
      const root = /<([\w.:-]+)/.exec(text.replace(/<\?[^]*?\?>|<!--[^]*?-->|<![^>]*>/g, ''))?.[1] ?? '?';
      throw new FormatError(
        'unknown-format',
        `XML, but neither GEXF nor GraphML: the root element is <${root}>`,
        { line: 1, column: 1 },
      );
    }
    format = sniffed;
    const builder = new GraphBuilder(input.name, {
      limits,
      addMissingNodes: options.addMissingNodes ?? false,
      today: options.today ?? today(),
    });
    if (format === 'native' || format === 'cytoscape') {
      const value = parseJson(text, limits.maxDepth);
      if (isRecord(value) && (value.format !== undefined || options.format === 'native')) {
        format = 'native';
        return { ...readNative(value, input.name, text, limits, options.strict), format: 'native' };
      }
      if (!isCytoscapeJson(value)) {
        throw new FormatError(
          'unknown-format',
          'JSON, but neither an Actor Graph file ("format": "actor-graph") nor Cytoscape JSON (elements, or nodes and edges)',
          { line: 1, column: 1 },
        );
      }
      format = 'cytoscape';
      readCytoscape(value, builder);
    } else if (format === 'gexf' || format === 'graphml') {
      const root = parseXml(text, limits, new Set(['node', 'edge']));
      if (format === 'gexf') readGexf(root, builder);
      else readGraphml(root, builder);
    } else {
      let nodesText: string | undefined;
      if (options.nodes) {
        nodesText = inputText(options.nodes, limits);
        texts[options.nodes.name] = nodesText;
      }
      readCsv(
        { name: input.name, text, mapping: options.csv?.edges },
        options.nodes && nodesText !== undefined
          ? { name: options.nodes.name, text: nodesText, mapping: options.csv?.nodes }
          : undefined,
        builder,
      );
    }
    const result = validateImported(builder.finish(), input.name, options.strict, (at) =>
      resolve(at, texts[at.file ?? input.name] ?? text),
    );
    return { ...result, format };
  } catch (err) {
    if (err instanceof FormatError) {
      const file = err.file ?? input.name;
      return { ok: false, format, issues: [issue(err, file)] };
    }
    return {
      ok: false,
      format,
      issues: [
        issueAt(
          'internal-error',
          input.name,
          `the file could not be read (${(err as Error)?.message ?? String(err)})`,
        ),
      ],
    };
  }
}

let lastTree: { text: string; tree: JsonNode | undefined } | undefined;

/**
 * A location with its JSON path (if any) turned into a line and column in `text`. The text passed
 * the depth check, so jsonc-parser's recursive tree is safe to build (once per text).
 */
function resolve(at: Location, text: string | undefined): Location {
  const { jsonPath, ...rest } = at;
  if (!jsonPath || text === undefined || rest.line !== undefined) return rest;
  if (lastTree?.text !== text) lastTree = { text, tree: parseTree(text) };
  const tree = lastTree.tree;
  for (let n = jsonPath.length; n >= 0 && tree; n--) {
    const node = findNodeAtLocation(tree, jsonPath.slice(0, n));
    if (node) return { ...rest, ...lineColumn(text, node.offset) };
  }
  return rest;
}
