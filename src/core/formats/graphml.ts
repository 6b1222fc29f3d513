// GraphML (yEd, networkx, igraph, Gephi, Cytoscape) read into the native model and written back.
// Read: keys for node, edge, graph or all with `attr.type` and defaults; `edgedefault` and per-edge
// `directed`; parallel edges; nested graphs as parents; yEd's node and edge graphics (label,
// position, fill colour); Gephi's label, x, y, size and r/g/b keys. Hyperedges and ports are left out.
import type { ActorNode, GraphFile, Source } from '../model';
import {
  cellOf,
  columnsOf,
  edgeCurated,
  edgeLabelSlot,
  nodeCurated,
  takeEdgeCurated,
  takeNodeCurated,
  type AttributeColumn,
  type Writable,
} from './curated';
import { typedValue } from './gexf';
import {
  colourOf,
  compact,
  numberOf,
  relationOf,
  rgbColour,
  type GraphBuilder,
  type RawEdge,
  type RawNode,
} from './imported';
import { FormatError, type Location } from './input';
import {
  attr,
  childNamed,
  childrenNamed,
  descendantNamed,
  escapeXml,
  xmlAttributes,
  type XmlElement,
} from './xml';

interface Key {
  for: string;
  name: string;
  type: string;
  default?: string;
  yfiles?: string;
}

const at = (el: XmlElement): Location => ({ line: el.line, column: el.column });

/** Reads a GraphML document (already parsed to elements) into `b`. */
export function readGraphml(root: XmlElement, b: GraphBuilder): void {
  if (root.name !== 'graphml') {
    throw new FormatError(
      'invalid-format',
      `not a GraphML file: the root element is <${root.qname}>, not <graphml>`,
      at(root),
    );
  }
  const keys = new Map<string, Key>();
  for (const k of childrenNamed(root, 'key')) {
    const id = attr(k, 'id');
    if (id === undefined) continue;
    const def = childNamed(k, 'default');
    keys.set(id, {
      for: (attr(k, 'for') ?? 'all').toLowerCase(),
      name: attr(k, 'attr.name') ?? id,
      type: attr(k, 'attr.type') ?? 'string',
      default: def?.text,
      yfiles: attr(k, 'yfiles.type')?.toLowerCase(),
    });
  }
  const top = childNamed(root, 'graph');
  if (!top) throw new FormatError('missing-field', 'the <graphml> element has no <graph>', at(root));
  const keysFor = (what: string) => [...keys].filter(([, k]) => k.for === what || k.for === 'all');
  const nodeKeys = keysFor('node');
  const edgeKeys = keysFor('edge');

  /** Attribute values of an element by name, with defaults; yEd graphics separately. */
  const dataOf = (el: XmlElement, forKeys: [string, Key][]) => {
    const attrs = new Map<string, unknown>();
    const graphics: XmlElement[] = [];
    const seen = new Set<string>();
    for (const d of childrenNamed(el, 'data')) {
      const keyId = attr(d, 'key');
      if (keyId === undefined) continue;
      const key = keys.get(keyId);
      if (key?.yfiles || (!key && d.children.length > 0)) {
        graphics.push(d);
        continue;
      }
      if (!key) {
        b.warn('undeclared-attribute', `data key "${keyId}" is not declared by a <key>; kept as text`, at(d));
        attrs.set(keyId, d.text);
        continue;
      }
      seen.add(keyId);
      const v = typedValue(d.text, key.type, b.options.limits.maxDepth);
      if (v === undefined) {
        b.warn(
          'bad-value',
          `"${key.name}": ${JSON.stringify(d.text.slice(0, 40))} is not a ${key.type}; kept as text`,
          at(d),
        );
      }
      attrs.set(key.name, v ?? d.text);
    }
    for (const [id, key] of forKeys) {
      if (!seen.has(id) && key.default !== undefined && !key.yfiles && !attrs.has(key.name)) {
        attrs.set(key.name, typedValue(key.default, key.type, b.options.limits.maxDepth) ?? key.default);
      }
    }
    return { attrs, graphics };
  };

  const take = (attrs: Map<string, unknown>, ...names: string[]): unknown => {
    for (const [k, v] of attrs) {
      if (names.includes(k.toLowerCase())) {
        attrs.delete(k);
        return v;
      }
    }
    return undefined;
  };
  const colourFrom = (attrs: Map<string, unknown>) => {
    const find = (n: string) => [...attrs.keys()].find((k) => k.toLowerCase() === n);
    const [r, g, bl] = ['r', 'g', 'b'].map(find);
    if (r && g && bl) {
      const c = rgbColour(Number(attrs.get(r)), Number(attrs.get(g)), Number(attrs.get(bl)));
      if (c) {
        attrs.delete(r);
        attrs.delete(g);
        attrs.delete(bl);
        return c;
      }
    }
    const named = find('color') ?? find('colour');
    const value = named && attrs.get(named);
    const c = typeof value === 'string' ? colourOf(value) : undefined;
    if (named && c) attrs.delete(named);
    return c;
  };

  const title = dataOf(top, keysFor('graph')).attrs;
  for (const [k, v] of title) {
    if (/^(title|name|label)$/i.test(k)) b.title = b.text(v, at(top), 'title') ?? b.title;
    if (/^description$/i.test(k)) b.description = b.longText(v, at(top), 'description');
  }

  const edges: { el: XmlElement; directedDefault: boolean }[] = [];
  const todo: { graph: XmlElement; parent?: string; directedDefault: boolean }[] = [
    { graph: top, directedDefault: (attr(top, 'edgedefault') ?? 'directed').toLowerCase() !== 'undirected' },
  ];
  let hyperedges = 0;
  while (todo.length > 0) {
    const { graph, parent, directedDefault } = todo.shift()!;
    for (const el of graph.children) {
      if (el.name === 'edge') edges.push({ el, directedDefault });
      else if (el.name === 'hyperedge') hyperedges++;
      if (el.name !== 'node') continue;
      const where = at(el);
      const id = b.id(attr(el, 'id'), where, 'a node');
      const node: RawNode = { id, label: id };
      if (parent !== undefined) node.parent = parent;
      const { attrs, graphics } = dataOf(el, nodeKeys);
      const label = b.text(take(attrs, 'label'), where, 'label');
      const name = [...attrs].find(([k]) => k.toLowerCase() === 'name')?.[1];
      const x = numberOf(attrs.get('x'));
      const y = numberOf(attrs.get('y'));
      if (x !== undefined && y !== undefined) {
        node.position = { x, y };
        attrs.delete('x');
        attrs.delete('y');
      }
      const size = numberOf(attrs.get('size'));
      if (size !== undefined && size > 0) {
        node.size = size;
        attrs.delete('size');
      }
      node.colour = colourFrom(attrs);
      let yedLabel: string | undefined;
      for (const g of graphics) {
        const geometry = descendantNamed(g, 'geometry');
        const gx = numberOf(geometry && attr(geometry, 'x'));
        const gy = numberOf(geometry && attr(geometry, 'y'));
        if (gx !== undefined && gy !== undefined && !node.position) {
          const w = numberOf(geometry && attr(geometry, 'width')) ?? 0;
          const h = numberOf(geometry && attr(geometry, 'height')) ?? 0;
          node.position = { x: gx + w / 2, y: gy + h / 2 };
        }
        const fill = descendantNamed(g, 'fill');
        const fc = fill && attr(fill, 'color');
        if (fc && !node.colour) node.colour = colourOf(fc.slice(0, 7));
        const nl = descendantNamed(g, 'nodelabel');
        if (nl && yedLabel === undefined) yedLabel = b.text(nl.text, at(nl), 'label');
      }
      node.label = label ?? yedLabel ?? b.text(name, where, 'name') ?? id;
      Object.assign(node, compact(takeNodeCurated(attrs, b, where)));
      node.attributes = b.attributes(attrs, where);
      b.addNode(node, where);
      for (const inner of childrenNamed(el, 'graph')) {
        const ed = attr(inner, 'edgedefault');
        todo.push({
          graph: inner,
          parent: id,
          directedDefault: ed === undefined ? directedDefault : ed.toLowerCase() !== 'undirected',
        });
      }
    }
  }
  if (hyperedges > 0) {
    b.warn(
      'hyperedge',
      `${hyperedges} hyperedge${hyperedges === 1 ? ' was' : 's were'} left out: only edges between two nodes are read`,
    );
  }

  for (const { el, directedDefault } of edges) {
    const where = at(el);
    const edge: RawEdge = {
      id: attr(el, 'id') === undefined ? undefined : b.id(attr(el, 'id'), where, 'an edge'),
      source: b.id(attr(el, 'source'), where, 'the edge source'),
      target: b.id(attr(el, 'target'), where, 'the edge target'),
    };
    const directedText = attr(el, 'directed');
    const directed = directedText === undefined ? directedDefault : directedText.toLowerCase() === 'true';
    if (!directed) edge.directed = false;
    const { attrs, graphics } = dataOf(el, edgeKeys);
    let text = b.text(take(attrs, 'label', 'edge label'), where, 'label');
    for (const g of graphics) {
      const el2 = descendantNamed(g, 'edgelabel');
      if (el2 && text === undefined) text = b.text(el2.text, at(el2), 'label');
      const line = descendantNamed(g, 'linestyle');
      const lc = line && attr(line, 'color');
      if (lc && !edge.colour) edge.colour = colourOf(lc.slice(0, 7));
    }
    if (text !== undefined) {
      const relation = relationOf(text);
      if (relation) edge.relation = relation;
      else edge.label = text;
    }
    const weightKey = [...attrs.keys()].find((k) => k.toLowerCase() === 'weight');
    const weight = weightKey === undefined ? undefined : numberOf(attrs.get(weightKey));
    if (weightKey !== undefined && weight !== undefined) {
      edge.weight = weight;
      attrs.delete(weightKey);
    }
    edge.colour ??= colourFrom(attrs);
    Object.assign(edge, compact(takeEdgeCurated(attrs, b, where)));
    if (edge.label !== undefined && edge.relation !== undefined && relationOf(edge.label) === edge.relation)
      delete edge.relation;
    edge.attributes = b.attributes(attrs, where);
    b.addEdge(edge, where);
  }
}

const GRAPHML_TYPES: Record<AttributeColumn['type'], string> = {
  string: 'string',
  integer: 'long',
  double: 'double',
  boolean: 'boolean',
  json: 'string',
};
const NODE_RESERVED = new Set(['label', 'x', 'y', 'size', 'r', 'g', 'b', 'color', 'colour']);
const EDGE_RESERVED = new Set(['label', 'edge label', 'weight', 'r', 'g', 'b', 'color', 'colour']);

/** GraphML with Gephi's label, x, y, size and r/g/b keys; curated fields as `ag:` keys, parents as `ag:parent`. */
export function writeGraphml(file: GraphFile): string {
  const sources = new Map<string, Source>(file.sources.map((s) => [s.id, s]));
  const rgb = (hex: string | undefined) =>
    hex
      ? Object.fromEntries(['r', 'g', 'b'].map((c, i) => [c, parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)]))
      : {};
  const nodeSlots = (n: ActorNode) => ({
    label: n.label,
    x: n.position?.x,
    y: n.position?.y,
    size: n.size,
    ...rgb(n.colour),
  });
  const nodes = file.nodes.map((n) => ({
    ...n,
    curated: {
      ...nodeCurated(n, sources, ['kind', 'plural', 'aliases', 'parent', 'description', 'evidence']),
    },
  }));
  const edges = file.edges.map((e) => ({
    ...e,
    curated: {
      ...edgeCurated(e, sources, [
        'certainty',
        'attributedTo',
        'summary',
        'time',
        'evidence',
        'category',
        'intensity',
      ]),
      ...(edgeLabelSlot(e).agLabel ? { 'ag:label': e.label! } : {}),
    },
  }));
  const nodeColumns = columnsOf(nodes, NODE_RESERVED);
  const edgeColumns = columnsOf(edges, EDGE_RESERVED);
  const slotKeys = {
    node: [
      ['label', 'string'],
      ['x', 'double'],
      ['y', 'double'],
      ['size', 'double'],
      ['r', 'int'],
      ['g', 'int'],
      ['b', 'int'],
    ],
    edge: [
      ['label', 'string'],
      ['weight', 'double'],
      ['r', 'int'],
      ['g', 'int'],
      ['b', 'int'],
    ],
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g-title" for="graph" attr.name="title" attr.type="string"/>',
    '  <key id="g-description" for="graph" attr.name="description" attr.type="string"/>',
  ];
  for (const what of ['node', 'edge'] as const) {
    for (const [name, type] of slotKeys[what]) {
      lines.push(
        `  <key${xmlAttributes({ id: `${what[0]}-${name}`, for: what, 'attr.name': name, 'attr.type': type })}/>`,
      );
    }
    (what === 'node' ? nodeColumns : edgeColumns).forEach((c, i) =>
      lines.push(
        `  <key${xmlAttributes({ id: `${what[0]}${i}`, for: what, 'attr.name': c.written, 'attr.type': GRAPHML_TYPES[c.type] })}/>`,
      ),
    );
  }
  lines.push('  <graph id="G" edgedefault="directed">');
  lines.push(`    <data key="g-title">${escapeXml(file.title)}</data>`);
  if (file.description) lines.push(`    <data key="g-description">${escapeXml(file.description)}</data>`);
  const data = (
    prefix: string,
    slots: Record<string, string | number | undefined>,
    element: Writable,
    columns: AttributeColumn[],
  ) => {
    for (const [name, v] of Object.entries(slots)) {
      if (v !== undefined) lines.push(`      <data key="${prefix}-${name}">${escapeXml(v)}</data>`);
    }
    columns.forEach((c, i) => {
      const v = cellOf(element, c);
      if (v !== undefined) lines.push(`      <data key="${prefix}${i}">${escapeXml(v)}</data>`);
    });
  };
  for (const n of nodes) {
    lines.push(`    <node${xmlAttributes({ id: n.id })}>`);
    data('n', nodeSlots(n), n, nodeColumns);
    lines.push('    </node>');
  }
  for (const e of edges) {
    lines.push(
      `    <edge${xmlAttributes({ id: e.id, source: e.source, target: e.target, directed: e.directed === false ? 'false' : undefined })}>`,
    );
    data('e', { label: edgeLabelSlot(e).label, weight: e.weight, ...rgb(e.colour) }, e, edgeColumns);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
