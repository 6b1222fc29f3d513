// Cytoscape JSON: `.cyjs` files from Cytoscape desktop (`format_version`, `elements{nodes,edges}`),
// `cy.json()` output, `{nodes, edges}` lists and bare element arrays, read into the native model and
// written back. Every `data` field is kept as an attribute (lists and objects too); `label` (or
// `name`) is the label, `parent` the compound parent, `position` the position.
import type { ActorNode, ClaimEdge, GraphFile, Source } from '../model';
import type { AttributeValue } from '../schema';
import {
  AG,
  edgeCurated,
  edgeLabelSlot,
  nodeCurated,
  takeEdgeCurated,
  takeNodeCurated,
  writtenName,
} from './curated';
import {
  colourOf,
  compact,
  isRecord,
  numberOf,
  relationOf,
  type GraphBuilder,
  type RawEdge,
  type RawNode,
} from './imported';
import { FormatError, type Location } from './input';

type Path = (string | number)[];

/** Whether a parsed JSON value looks like Cytoscape JSON (rather than a native file). */
export function isCytoscapeJson(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (!isRecord(value)) return false;
  return (
    'elements' in value || 'format_version' in value || (Array.isArray(value.nodes) && !('format' in value))
  );
}

interface Element {
  value: Record<string, unknown>;
  path: Path;
}

/** The node and edge elements of any of the accepted shapes, with their JSON paths. */
function elementsOf(value: unknown): { nodes: Element[]; edges: Element[] } {
  const nodes: Element[] = [];
  const edges: Element[] = [];
  const sortOut = (list: unknown[], path: Path) =>
    list.forEach((el, i) => {
      if (!isRecord(el))
        throw new FormatError('wrong-type', 'an element is not an object', { jsonPath: [...path, i] });
      const data = isRecord(el.data) ? el.data : el;
      const isEdge = el.group === 'edges' || (el.group !== 'nodes' && ('source' in data || 'target' in data));
      (isEdge ? edges : nodes).push({ value: el, path: [...path, i] });
    });
  const take = (list: unknown, path: Path, into: Element[]) => {
    if (list === undefined) return;
    if (!Array.isArray(list))
      throw new FormatError('wrong-type', `"${path.join('.')}" is not a list`, { jsonPath: path });
    list.forEach((el, i) => {
      if (!isRecord(el))
        throw new FormatError('wrong-type', 'an element is not an object', { jsonPath: [...path, i] });
      into.push({ value: el, path: [...path, i] });
    });
  };
  if (Array.isArray(value)) sortOut(value, []);
  else if (isRecord(value)) {
    const els = 'elements' in value ? value.elements : value;
    const base: Path = 'elements' in value ? ['elements'] : [];
    if (Array.isArray(els)) sortOut(els, base);
    else if (isRecord(els)) {
      take(els.nodes, [...base, 'nodes'], nodes);
      take(els.edges, [...base, 'edges'], edges);
    } else
      throw new FormatError('wrong-type', '"elements" is neither a list nor {nodes, edges}', {
        jsonPath: base,
      });
  }
  return { nodes, edges };
}

const NODE_SLOTS = new Set(['id', 'parent', 'label']);
const EDGE_SLOTS = new Set(['id', 'source', 'target', 'label', 'weight', 'interaction']);

/** Reads Cytoscape JSON (already parsed) into `b`. */
export function readCytoscape(value: unknown, b: GraphBuilder): void {
  if (isRecord(value) && isRecord(value.data)) {
    const d = value.data;
    b.title = b.text(d.name ?? d.title ?? d.shared_name, {}, 'graph name') ?? b.title;
    b.description = b.longText(d.description, {}, 'graph description');
  }
  const { nodes, edges } = elementsOf(value);
  for (const { value: el, path } of nodes) {
    const at: Location = { jsonPath: path };
    const data = isRecord(el.data) ? el.data : el;
    const attrs = new Map(Object.entries(data));
    const id = b.id(data.id, at, 'a node');
    attrs.delete('id');
    const node: RawNode = { id, label: id };
    const label = b.text(data.label, at, 'label') ?? b.text(data.name, at, 'name');
    if (label !== undefined) node.label = label;
    attrs.delete('label');
    if (data.parent !== undefined && data.parent !== null) node.parent = b.id(data.parent, at, 'the parent');
    attrs.delete('parent');
    const colour = takeAg(attrs, 'colour');
    if (typeof colour === 'string') node.colour = colourOf(colour);
    const size = numberOf(takeAg(attrs, 'size'));
    if (size !== undefined && size > 0) node.size = size;
    if (isRecord(el.position) && el.data !== undefined) {
      const x = numberOf(el.position.x);
      const y = numberOf(el.position.y);
      if (x !== undefined && y !== undefined) node.position = { x, y };
    }
    Object.assign(node, compact(takeNodeCurated(attrs, b, at)));
    node.attributes = b.attributes(attrs, at);
    b.addNode(node, at);
  }
  for (const { value: el, path } of edges) {
    const at: Location = { jsonPath: path };
    const data = isRecord(el.data) ? el.data : el;
    const attrs = new Map(Object.entries(data));
    for (const k of ['id', 'source', 'target']) attrs.delete(k);
    const edge: RawEdge = {
      id: data.id === undefined || data.id === null ? undefined : b.id(data.id, at, 'an edge'),
      source: b.id(data.source, { jsonPath: [...path, 'data', 'source'] }, 'the edge source'),
      target: b.id(data.target, { jsonPath: [...path, 'data', 'target'] }, 'the edge target'),
    };
    const text = b.text(data.label, at, 'label') ?? b.text(data.interaction, at, 'interaction');
    attrs.delete('label');
    if (text !== undefined) {
      const relation = relationOf(text);
      if (relation) edge.relation = relation;
      else edge.label = text;
    }
    const weight = numberOf(data.weight);
    if (weight !== undefined) {
      edge.weight = weight;
      attrs.delete('weight');
    }
    const colour = takeAg(attrs, 'colour');
    if (typeof colour === 'string') edge.colour = colourOf(colour);
    Object.assign(edge, compact(takeEdgeCurated(attrs, b, at)));
    if (edge.label !== undefined && edge.relation !== undefined && relationOf(edge.label) === edge.relation)
      delete edge.relation;
    edge.attributes = b.attributes(attrs, at);
    b.addEdge(edge, at);
  }
}

function takeAg(attrs: Map<string, unknown>, name: string): unknown {
  const v = attrs.get(AG + name);
  attrs.delete(AG + name);
  return v;
}

function data(
  base: Record<string, unknown>,
  attributes: Record<string, AttributeValue> | undefined,
  reserved: ReadonlySet<string>,
  curated: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(attributes ?? {})) out[writtenName(k, reserved)] = v;
  return Object.assign(out, curated);
}

/** Cytoscape desktop's JSON (`.cyjs`), which cy.json() and Cytoscape.js also read. */
export function writeCytoscape(file: GraphFile): string {
  const sources = new Map<string, Source>(file.sources.map((s) => [s.id, s]));
  const node = (n: ActorNode) => {
    const el: Record<string, unknown> = {
      data: data({ id: n.id, label: n.label, parent: n.parent }, n.attributes, NODE_SLOTS, {
        ...nodeCurated(n, sources, ['kind', 'plural', 'aliases', 'description', 'evidence']),
        ...(n.colour ? { 'ag:colour': n.colour } : {}),
        ...(n.size !== undefined ? { 'ag:size': n.size } : {}),
      }),
    };
    if (n.position) el.position = { x: n.position.x, y: n.position.y };
    return el;
  };
  const edge = (e: ClaimEdge) => {
    const slot = edgeLabelSlot(e);
    return {
      data: data(
        { id: e.id, source: e.source, target: e.target, label: slot.label, weight: e.weight },
        e.attributes,
        EDGE_SLOTS,
        {
          ...edgeCurated(e, sources, [
            'directed',
            'certainty',
            'attributedTo',
            'summary',
            'time',
            'evidence',
            'category',
            'intensity',
          ]),
          ...(slot.agLabel ? { 'ag:label': slot.agLabel } : {}),
          ...(e.colour ? { 'ag:colour': e.colour } : {}),
        },
      ),
    };
  };
  const out = {
    format_version: '1.0',
    generated_by: 'actor-graph',
    target_cytoscapejs_version: '~3.34',
    data: { name: file.title, ...(file.description ? { description: file.description } : {}) },
    elements: { nodes: file.nodes.map(node), edges: file.edges.map(edge) },
  };
  return JSON.stringify(out, null, 2) + '\n';
}
