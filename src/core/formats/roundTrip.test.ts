// Round trips: a graph saved in each format and opened again is the same graph (its nodes, edges and
// the sources they cite), for the curated graph, an imported one and a graph using every field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../model';
import { HOSTILE_BUT_VALID } from '../fixtures/hostileStrings';
import { loadGraphText, validateGraph } from '../validate';
import type { AttributeValue } from '../schema';
import { UNSAFE_LONG_TEXT, UNSAFE_TEXT } from '../text';
import fc from 'fast-check';
import { loadGraphFile, type FormatId } from './load';
import { saveGraph, subsetGraph } from './save';

const FORMATS: FormatId[] = ['native', 'cytoscape', 'gexf', 'graphml', 'csv'];

/** A graph that uses every field the model has, with awkward names and text. */
export function everyField(): GraphFile {
  return {
    format: 'actor-graph',
    version: 2,
    id: 'every-field',
    title: 'Every field',
    description: 'A graph with\tevery field\nand two lines.',
    sources: [
      {
        id: 'src-1',
        title: 'A <source> & "title"',
        publisher: 'Publisher',
        published: '2023-10',
        url: 'https://example.org/a?b=1&c=2',
        author: 'Someone',
      },
      { id: 'src 2', title: 'Second', publisher: 'P2', published: '2020', localCopy: 'graph/sources/x.txt' },
    ],
    nodes: [
      {
        id: 'iran',
        label: 'Iran',
        kind: 'state',
        aliases: ['Tehran', 'Islamic Republic'],
        description: 'Line one\nline two',
        evidence: [{ source: 'src-1', quote: 'Iran is "a state".' }],
        position: { x: 1.5, y: -20 },
        colour: '#ff0080',
        size: 12.5,
        attributes: {
          population: 88,
          score: 0.25,
          member: true,
          tags: ['a', 'b|c', 'd, e'],
          nested: { deep: [1, { x: null }] },
          nothing: null,
          label: 'an attribute called label',
          x: 'an attribute called x',
          type: 'an attribute called type',
          url: 'not a link',
          'ag:foo': 'looks curated',
          'attr:bar': 'looks escaped',
          'with space': 'yes',
        },
      },
      { id: 'irgc', label: 'IRGC', kind: 'military-unit', parent: 'iran', plural: false },
      {
        id: 'militias',
        label: 'Militias',
        kind: 'armed-group',
        plural: true,
        attributes: { population: 3.5 },
      },
      ...HOSTILE_BUT_VALID.map((s, i) => ({ id: `h${i} ${s.slice(0, 50)}`.trim(), label: s.trim() || 'x' })),
    ],
    edges: [
      {
        id: 'e1',
        source: 'iran',
        target: 'militias',
        relation: 'backs',
        certainty: 'claimed',
        attributedTo: 'U.S. officials',
        summary: 'Money,\tarms\nand direction.',
        time: { start: '2019-05', end: '2023-10-27', circa: true },
        evidence: [
          { source: 'src-1', quote: 'Iran backs "them".' },
          { source: 'src 2', quote: 'Second quote' },
        ],
        category: 'material-conflict',
        intensity: -3.5,
        weight: 2,
        colour: '#00ff00',
        attributes: { score: 1, note: 'first' },
      },
      {
        id: 'e2',
        source: 'militias',
        target: 'iran',
        label: 'admires',
        directed: false,
        time: { date: '2021' },
      },
      { id: 'e3', source: 'irgc', target: 'militias', label: 'Strikes' },
      {
        id: 'e4',
        source: 'irgc',
        target: 'iran',
        relation: 'part-of',
        weight: 0.5,
        attributes: { score: 2.5 },
      },
      { id: 'e5', source: 'irgc', target: 'militias' },
    ],
  };
}

function open(file: GraphFile, format: FormatId): GraphFile {
  const saved = saveGraph(file, format);
  const edges = saved.find((f) => !f.name.endsWith('.nodes.csv'))!;
  const nodes = saved.find((f) => f.name.endsWith('.nodes.csv'));
  const result = loadGraphFile(
    { name: edges.name, text: edges.text },
    { nodes: nodes && { name: nodes.name, text: nodes.text } },
  );
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path} ${i.message}`).join('\n'));
  expect(result.format).toBe(format);
  return result.graph.file;
}

/** What every format must keep: nodes, edges and the sources they cite, field for field. */
function content(file: GraphFile) {
  const cited = new Set([...file.nodes, ...file.edges].flatMap((e) => e.evidence ?? []).map((e) => e.source));
  return {
    nodes: file.nodes,
    edges: file.edges,
    sources: file.sources.filter((s) => cited.has(s.id)).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

function read(path: string): GraphFile {
  const result = loadGraphText(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(`${path} does not load`);
  return result.graph.file;
}
const curated = read('graph/us-iran-2023-10.json');
const imported = read('src/core/fixtures/valid-imported.json');

describe('round trips through every format', () => {
  for (const format of FORMATS) {
    it(`${format}: a graph using every field comes back the same`, () => {
      const graph = everyField();
      const back = open(graph, format);
      expect(content(back)).toEqual(content(graph));
      if (format !== 'csv') expect(back.title).toBe(graph.title);
    });

    it(`${format}: the curated graph comes back with its evidence, certainty and time`, () => {
      const back = open(curated, format);
      expect(content(back)).toEqual(content(curated));
    });

    it(`${format}: an imported graph keeps its attributes, undirected edges and positions`, () => {
      const back = open(imported, format);
      expect(content(back)).toEqual(content(imported));
    });
  }

  it('native keeps the whole file: version, strictness, sources and stories', () => {
    const back = open(curated, 'native');
    const { $schema: _, ...rest } = curated;
    expect(back).toEqual(rest);
  });

  it('saves the subset a view shows: its nodes, the edges between them, the sources they cite', () => {
    const graph = everyField();
    const part = subsetGraph(graph, { nodeIds: ['irgc', 'militias'] });
    expect(part.nodes.map((n) => n.id)).toEqual(['irgc', 'militias']);
    expect(part.nodes[0]!.parent).toBeUndefined();
    expect(part.edges.map((e) => e.id)).toEqual(['e3', 'e5']);
    expect(part.sources).toEqual([]);
    const withEvidence = subsetGraph(graph, { edgeIds: ['e1'] });
    expect(withEvidence.edges.map((e) => e.id)).toEqual(['e1']);
    expect(withEvidence.sources.map((s) => s.id).sort()).toEqual(['src 2', 'src-1']);
    for (const format of FORMATS) {
      expect(content(open(part, format))).toEqual(content(part));
    }
  });

  it('XML writers replace characters XML cannot hold, so the file still opens', () => {
    const graph = everyField();
    graph.nodes[1]!.attributes = { note: 'bell\u0007 and \ud800' };
    for (const format of ['gexf', 'graphml'] as const) {
      expect(open(graph, format).nodes[1]!.attributes).toEqual({ note: 'bell\ufffd and \ufffd' });
    }
  });

  it('names CSV output <base>.nodes.csv and <base>.edges.csv', () => {
    expect(saveGraph(everyField(), 'csv', { baseName: 'out' }).map((f) => f.name)).toEqual([
      'out.nodes.csv',
      'out.edges.csv',
    ]);
  });
});

describe('round trips of generated graphs (fast-check)', () => {
  const text = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
    .map((s) => s.replace(new RegExp(UNSAFE_TEXT.source, 'g'), '?'))
    .filter((s) => s.trim() !== '');
  const value: fc.Arbitrary<AttributeValue> = fc.oneof(
    fc
      .string({ unit: 'grapheme', maxLength: 10 })
      .map((s) => s.replace(new RegExp(UNSAFE_LONG_TEXT.source, 'g'), '?')),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
  );
  const name = fc.oneof(
    text.filter((s) => s !== '__proto__'),
    fc.constantFrom(
      'label',
      'Id',
      'source',
      'Type',
      'x',
      'weight',
      'ag:kind',
      'attr:x',
      'name',
      'url',
      'date',
    ),
  );
  const attributes = fc.option(fc.dictionary(name, value, { minKeys: 1, maxKeys: 4 }), { nil: undefined });
  const graph = fc
    .record({
      labels: fc.array(text, { minLength: 1, maxLength: 4 }),
      nodeAttributes: fc.array(attributes, { minLength: 4, maxLength: 4 }),
      edges: fc.array(
        fc.record({ s: fc.nat(3), t: fc.nat(3), label: fc.option(text, { nil: undefined }), attributes }),
        { maxLength: 4 },
      ),
    })
    .map(({ labels, nodeAttributes, edges }): GraphFile => {
      // CSV trims the cells that name ids (spreadsheets pad them), so ids here start with no space.
      const nodes = labels.map((label, i) =>
        compactObject({ id: `${label.trim()}#${i}`, label: label.trim(), attributes: nodeAttributes[i] }),
      );
      return {
        format: 'actor-graph',
        version: 2,
        id: 'generated',
        title: 'Generated',
        sources: [],
        nodes,
        edges: edges.map((e, i) =>
          compactObject({
            id: `edge ${i}`,
            source: nodes[e.s % nodes.length]!.id,
            target: nodes[e.t % nodes.length]!.id,
            label: e.label?.trim(),
            attributes: e.attributes,
          }),
        ),
      };
    })
    .filter((g) => {
      const valid = validateGraph(JSON.parse(JSON.stringify(g)), 'generated');
      return valid.ok;
    });

  for (const format of FORMATS) {
    it(`${format}: 300 generated graphs come back the same`, { timeout: 60_000 }, () => {
      fc.assert(
        fc.property(graph, (g) => {
          expect(content(open(g, format))).toEqual(content(g));
        }),
        { numRuns: 300 },
      );
    });
  }
});

function compactObject<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
