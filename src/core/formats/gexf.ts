// GEXF 1.1–1.3 (Gephi) read into the native model and written back (as GEXF 1.3). Read: declared
// attributes with their types and defaults, `viz` colour, size and position, `pid` / `<parents>` /
// nested `<nodes>` as parents, directed, undirected and mixed edges, edge label, kind and weight, and
// dynamic `start`/`end` or spells as an edge's time when they are calendar dates.
import type { ActorNode, ClaimEdge, GraphFile, Source } from '../model';
import type { AttributeValue } from '../schema';
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
import {
  colourOf,
  compact,
  numberOf,
  partialDateOf,
  relationOf,
  rgbColour,
  type GraphBuilder,
  type RawEdge,
  type RawNode,
} from './imported';
import { FormatError, type Location } from './input';
import { parseEmbeddedJson } from './json';
import { attr, childNamed, childrenNamed, escapeXml, xmlAttributes, type XmlElement } from './xml';

interface Declared {
  title: string;
  type: string;
  default?: string;
}

const at = (el: XmlElement): Location => ({ line: el.line, column: el.column });

/**
 * A value of a declared GEXF type: numbers and booleans typed, lists (`a|b`, `[a, b]`, JSON) as
 * arrays. Undefined when the text does not fit the type (the caller keeps the text and warns).
 */
export function typedValue(text: string, type: string, maxDepth: number): AttributeValue | undefined {
  const t = type.toLowerCase();
  if (t.startsWith('list')) {
    const itemType = t.slice(4);
    const items = listItems(text, maxDepth);
    const typed = items.map((i) => (typeof i === 'string' ? typedValue(i, itemType, maxDepth) : i));
    return typed.every((v) => v !== undefined) ? (typed as AttributeValue[]) : undefined;
  }
  const s = text.trim();
  if (['integer', 'long', 'short', 'byte', 'int', 'biginteger'].includes(t)) {
    return numberOf(s); // integers, and numbers written in any notation
  }
  if (['float', 'double', 'bigdecimal', 'decimal'].includes(t)) return numberOf(s);
  if (t === 'boolean') {
    if (/^(true|1)$/i.test(s)) return true;
    if (/^(false|0)$/i.test(s)) return false;
    return undefined;
  }
  return text;
}

/** Items of a GEXF list value: `[…]` as JSON or comma-separated (quotes stripped), else `a|b` or `a,b`. */
function listItems(text: string, maxDepth: number): AttributeValue[] {
  const s = text.trim();
  if (s === '') return [];
  if (s.startsWith('[') && s.endsWith(']')) {
    try {
      const parsed = parseEmbeddedJson(s, maxDepth);
      if (Array.isArray(parsed)) return parsed as AttributeValue[];
    } catch {
      // not JSON: items separated by commas, each perhaps quoted
    }
    return s
      .slice(1, -1)
      .split(',')
      .map((i) => unquote(i.trim()))
      .filter((i) => i !== '');
  }
  const sep = s.includes('|') ? '|' : s.includes(',') ? ',' : undefined;
  return sep ? s.split(sep).map((i) => i.trim()) : [s];
}

function unquote(s: string): string {
  const m = /^(['"])(.*)\1$/.exec(s);
  return m ? m[2]!.replace(/\\(['"\\])/g, '$1') : s;
}

/** Reads a GEXF document (already parsed to elements) into `b`. */
export function readGexf(root: XmlElement, b: GraphBuilder): void {
  if (root.name !== 'gexf') {
    throw new FormatError(
      'invalid-format',
      `not a GEXF file: the root element is <${root.qname}>, not <gexf>`,
      at(root),
    );
  }
  const meta = childNamed(root, 'meta');
  if (meta) {
    const title = childNamed(meta, 'title');
    if (title) b.title = b.text(title.text, at(title), 'title') ?? b.title;
    const description = childNamed(meta, 'description');
    if (description) b.description = b.longText(description.text, at(description), 'description');
  }
  const graph = childNamed(root, 'graph');
  if (!graph) throw new FormatError('missing-field', 'the <gexf> element has no <graph>', at(root));
  const defaultType = (attr(graph, 'defaultedgetype') ?? 'directed').toLowerCase();
  const timeformat = (attr(graph, 'timeformat') ?? '').toLowerCase();

  const declared = { node: new Map<string, Declared>(), edge: new Map<string, Declared>() };
  for (const group of childrenNamed(graph, 'attributes')) {
    const cls = (attr(group, 'class') ?? 'node').toLowerCase();
    const into = cls === 'edge' ? declared.edge : cls === 'node' ? declared.node : undefined;
    if (!into) continue;
    for (const a of childrenNamed(group, 'attribute')) {
      const id = attr(a, 'id');
      if (id === undefined) continue;
      const def = childNamed(a, 'default');
      into.set(id, {
        title: attr(a, 'title') ?? id,
        type: attr(a, 'type') ?? 'string',
        default: def ? def.text : undefined,
      });
    }
  }

  const values = (el: XmlElement, decl: Map<string, Declared>): Map<string, unknown> => {
    const out = new Map<string, unknown>();
    const seen = new Set<string>();
    const attvalues = childNamed(el, 'attvalues');
    for (const av of attvalues ? childrenNamed(attvalues, 'attvalue') : []) {
      const key = attr(av, 'for') ?? attr(av, 'id');
      const raw = attr(av, 'value');
      if (key === undefined || raw === undefined) continue;
      if (seen.has(key)) {
        b.warn('dynamic-value', `attribute "${key}" has several values over time; the first is kept`, at(av));
        continue;
      }
      seen.add(key);
      const d = decl.get(key);
      if (!d) {
        b.warn(
          'undeclared-attribute',
          `attribute "${key}" is not declared in <attributes>; kept as text`,
          at(av),
        );
        out.set(key, raw);
        continue;
      }
      const v = typedValue(raw, d.type, b.options.limits.maxDepth);
      if (v === undefined) {
        b.warn(
          'bad-value',
          `attribute "${d.title}": ${JSON.stringify(raw.slice(0, 40))} is not a ${d.type}; kept as text`,
          at(av),
        );
      }
      out.set(d.title, v ?? raw);
    }
    for (const [key, d] of decl) {
      if (!seen.has(key) && d.default !== undefined) {
        out.set(d.title, typedValue(d.default, d.type, b.options.limits.maxDepth) ?? d.default);
      }
    }
    return out;
  };

  const viz = (el: XmlElement) => {
    const colourEl = childNamed(el, 'color');
    let colour: string | undefined;
    if (colourEl) {
      const hex = attr(colourEl, 'hex');
      colour = hex
        ? colourOf(hex)
        : rgbColour(
            Number(attr(colourEl, 'r') ?? NaN),
            Number(attr(colourEl, 'g') ?? NaN),
            Number(attr(colourEl, 'b') ?? NaN),
          );
    }
    const pos = childNamed(el, 'position');
    const x = pos && numberOf(attr(pos, 'x'));
    const y = pos && numberOf(attr(pos, 'y'));
    const sizeEl = childNamed(el, 'size');
    const size = sizeEl && numberOf(attr(sizeEl, 'value'));
    return {
      colour,
      position: x !== undefined && y !== undefined ? { x, y } : undefined,
      size: size !== undefined && size > 0 ? size : undefined,
    };
  };

  /** Start and end of an element: its own attributes, or the span of its spells. */
  const span = (
    el: XmlElement,
  ): { start?: string; end?: string; spells?: { start?: string; end?: string }[] } => {
    const start = attr(el, 'start') ?? attr(el, 'startopen');
    const end = attr(el, 'end') ?? attr(el, 'endopen');
    if (start !== undefined || end !== undefined) return { start, end };
    const spells = childNamed(el, 'spells');
    if (!spells) return {};
    const list = childrenNamed(spells, 'spell').map((s) => ({
      start: attr(s, 'start') ?? attr(s, 'startopen'),
      end: attr(s, 'end') ?? attr(s, 'endopen'),
    }));
    if (list.length === 0) return {};
    const starts = list
      .map((s) => s.start)
      .filter((s): s is string => s !== undefined)
      .sort();
    const ends = list
      .map((s) => s.end)
      .filter((s): s is string => s !== undefined)
      .sort();
    return {
      start: list.some((s) => s.start === undefined) ? undefined : starts[0],
      end: list.some((s) => s.end === undefined) ? undefined : ends[ends.length - 1],
      spells: list.length > 1 ? list : undefined,
    };
  };
  const asDate = (v: string | undefined) =>
    v === undefined
      ? undefined
      : timeformat === 'date' || timeformat === 'datetime' || /^\d{4}-\d{2}/.test(v.trim())
        ? partialDateOf(v)
        : undefined;

  // Nodes, nested <nodes> included, without recursion: a stack of (element, enclosing node id).
  const edgeLists: XmlElement[] = childrenNamed(graph, 'edges');
  const todo: { list: XmlElement; parent?: string }[] = childrenNamed(graph, 'nodes')
    .reverse()
    .map((list) => ({ list }));
  while (todo.length > 0) {
    const { list, parent: enclosing } = todo.pop()!;
    const nested: { list: XmlElement; parent?: string }[] = [];
    for (const el of childrenNamed(list, 'node')) {
      const where = at(el);
      const id = b.id(attr(el, 'id'), where, 'a node');
      const node: RawNode = { id, label: b.text(attr(el, 'label'), where, 'label') ?? id };
      const parents = childNamed(el, 'parents');
      const listed = parents ? childrenNamed(parents, 'parent').map((p) => attr(p, 'for')) : [];
      if (listed.length > 1)
        b.warn('many-parents', `node "${id}" has ${listed.length} parents; the first is kept`, where);
      const pid = attr(el, 'pid') ?? listed[0] ?? enclosing;
      if (pid !== undefined && pid !== '') node.parent = b.id(pid, where, 'the parent');
      Object.assign(node, compact(viz(el)));
      const attrs = values(el, declared.node);
      const time = span(el);
      if (time.start !== undefined) attrs.set('start', time.start);
      if (time.end !== undefined) attrs.set('end', time.end);
      if (time.spells) attrs.set('spells', time.spells);
      Object.assign(node, compact(takeNodeCurated(attrs, b, where)));
      node.attributes = b.attributes(attrs, where);
      b.addNode(node, where);
      for (const inner of childrenNamed(el, 'nodes')) nested.push({ list: inner, parent: id });
      edgeLists.push(...childrenNamed(el, 'edges'));
    }
    todo.push(...nested.reverse());
  }

  for (const list of edgeLists) {
    for (const el of childrenNamed(list, 'edge')) {
      const where = at(el);
      const type = (attr(el, 'type') ?? (defaultType === 'mixed' ? 'directed' : defaultType)).toLowerCase();
      const edge: RawEdge = {
        id: attr(el, 'id') === undefined ? undefined : b.id(attr(el, 'id'), where, 'an edge'),
        source: b.id(attr(el, 'source'), where, 'the edge source'),
        target: b.id(attr(el, 'target'), where, 'the edge target'),
      };
      const attrs = values(el, declared.edge);
      if (type === 'undirected' || type === 'mutual') edge.directed = false;
      if (type === 'mutual') attrs.set('type', 'mutual');
      const label = b.text(attr(el, 'label'), where, 'label');
      const kind = b.text(attr(el, 'kind'), where, 'kind');
      const text = label ?? kind;
      if (label !== undefined && kind !== undefined) attrs.set('kind', kind);
      if (text !== undefined) {
        const relation = relationOf(text);
        if (relation) edge.relation = relation;
        else edge.label = text;
      }
      const weightText = attr(el, 'weight');
      if (weightText !== undefined) {
        const weight = numberOf(weightText);
        if (weight === undefined) attrs.set('weight', weightText);
        else edge.weight = weight;
      }
      edge.colour = viz(el).colour;
      const time = span(el);
      const start = asDate(time.start);
      const end = asDate(time.end);
      if (start !== undefined && (end !== undefined || time.end === undefined)) {
        edge.time = end !== undefined ? { start, end } : { start };
        if (time.spells) attrs.set('spells', time.spells);
      } else {
        if (time.start !== undefined) attrs.set('start', time.start);
        if (time.end !== undefined) attrs.set('end', time.end);
        if (time.spells) attrs.set('spells', time.spells);
      }
      Object.assign(edge, compact(takeEdgeCurated(attrs, b, where)));
      if (edge.label !== undefined && edge.relation !== undefined && relationOf(edge.label) === edge.relation)
        delete edge.relation;
      edge.attributes = b.attributes(attrs, where);
      b.addEdge(edge, where);
    }
  }
}

const NONE: ReadonlySet<string> = new Set();

const GEXF_TYPES: Record<AttributeColumn['type'], string> = {
  string: 'string',
  integer: 'long',
  double: 'double',
  boolean: 'boolean',
  json: 'string',
};

/** GEXF 1.3, as Gephi reads it; curated fields travel as `ag:` attributes. */
export function writeGexf(file: GraphFile): string {
  const sources = new Map<string, Source>(file.sources.map((s) => [s.id, s]));
  const nodeCurated_ = (n: ActorNode) =>
    nodeCurated(n, sources, ['kind', 'plural', 'aliases', 'description', 'evidence']);
  const edgeCurated_ = (e: ClaimEdge) => ({
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
  });
  const nodes = file.nodes.map((n) => ({ ...n, curated: nodeCurated_(n) }));
  const edges = file.edges.map((e) => ({ ...e, curated: edgeCurated_(e) }));
  const nodeColumns = columnsOf(nodes, NONE);
  const edgeColumns = columnsOf(edges, NONE);

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <meta>',
    '    <creator>Actor Graph</creator>',
    `    <title>${escapeXml(file.title)}</title>`,
  ];
  if (file.description) lines.push(`    <description>${escapeXml(file.description)}</description>`);
  lines.push('  </meta>', '  <graph defaultedgetype="directed" mode="static">');
  const declare = (cls: string, columns: AttributeColumn[]) => {
    if (columns.length === 0) return;
    lines.push(`    <attributes class="${cls}">`);
    columns.forEach((c, i) =>
      lines.push(
        `      <attribute${xmlAttributes({ id: String(i), title: c.written, type: GEXF_TYPES[c.type] })}/>`,
      ),
    );
    lines.push('    </attributes>');
  };
  declare('node', nodeColumns);
  declare('edge', edgeColumns);
  const attvalues = (element: Writable, columns: AttributeColumn[], indent: string) => {
    const rows = columns.flatMap((c, i) => {
      const v = cellOf(element, c);
      return v === undefined ? [] : [`${indent}  <attvalue${xmlAttributes({ for: String(i), value: v })}/>`];
    });
    if (rows.length > 0) lines.push(`${indent}<attvalues>`, ...rows, `${indent}</attvalues>`);
  };
  const colour = (hex: string | undefined, indent: string) => {
    if (!hex) return;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    lines.push(`${indent}<viz:color${xmlAttributes({ r, g, b })}/>`);
  };

  lines.push('    <nodes>');
  for (const n of nodes) {
    lines.push(`      <node${xmlAttributes({ id: n.id, label: n.label, pid: n.parent })}>`);
    attvalues(n, nodeColumns, '        ');
    colour(n.colour, '        ');
    if (n.position)
      lines.push(`        <viz:position${xmlAttributes({ x: n.position.x, y: n.position.y, z: 0 })}/>`);
    if (n.size !== undefined) lines.push(`        <viz:size${xmlAttributes({ value: n.size })}/>`);
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of edges) {
    lines.push(
      `      <edge${xmlAttributes({
        id: e.id,
        source: e.source,
        target: e.target,
        type: e.directed === false ? 'undirected' : undefined,
        label: edgeLabelSlot(e).label,
        weight: e.weight,
      })}>`,
    );
    attvalues(e, edgeColumns, '        ');
    colour(e.colour, '        ');
    lines.push('      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
