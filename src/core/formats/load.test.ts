// The loader on real files written by other tools (fixtures/, with their licences), on awkward and
// broken ones, and on hostile input: each opens with what the writing tool reports, or fails with a
// located error of the expected kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../model';
import { FIXTURE_COUNTS as TABLE } from './fixtureCounts';
import { DEFAULT_LIMITS, loadGraphFile, sniffFormat, type LoadFileResult } from './load';

const FIXTURES = 'src/core/formats/fixtures';
const bytes = (path: string) => new Uint8Array(readFileSync(`${FIXTURES}/${path}`));
const open = (path: string, options = {}) =>
  loadGraphFile({ name: path.replace(/^.*\//, ''), bytes: bytes(path) }, options);

function opened(result: LoadFileResult): GraphFile & { warnings: string[] } {
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
  return { ...result.graph.file, warnings: result.warnings.map((w) => w.kind) };
}
const issuesOf = (result: LoadFileResult) => {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues;
};
const node = (g: GraphFile, id: string) => g.nodes.find((n) => n.id === id)!;

describe('fixture table: files written by other tools', () => {
  for (const t of TABLE) {
    it(`${t.file}: ${t.nodes} nodes, ${t.edges} edges`, () => {
      const result = open(t.file);
      const g = opened(result);
      expect(result.ok && result.format).toBe(t.format);
      expect(g.nodes).toHaveLength(t.nodes);
      expect(g.edges).toHaveLength(t.edges);
      if (t.positions !== undefined) expect(g.nodes.filter((n) => n.position)).toHaveLength(t.positions);
      if (t.parents !== undefined) expect(g.nodes.filter((n) => n.parent)).toHaveLength(t.parents);
      if (t.undirected !== undefined)
        expect(g.edges.filter((e) => e.directed === false)).toHaveLength(t.undirected);
      expect(g.strict).toBeUndefined();
    });
  }

  it('tokyo-railways.cyjs: station names (Japanese text) and Cytoscape positions come through', () => {
    const g = opened(open('cytoscape-demos/tokyo-railways.cyjs'));
    const station = node(g, '8220');
    expect(station.attributes?.station_name).toBe('京成高砂');
    expect(station.label).toBe('9934001');
    expect(station.position).toEqual({ x: 1398668.75, y: -357509.32 });
    expect(g.title).toBe('tokyo_only');
  });

  it('genemania-export.cyjs: list values stay lists; interactions become free relations', () => {
    const g = opened(open('cytoscape-demos/genemania-export.cyjs'));
    expect(node(g, '208').attributes?.annotation_name).toEqual(
      expect.arrayContaining(['cell cycle checkpoint']),
    );
    const e = g.edges.find((x) => x.id === '343')!;
    expect(e.attributes?.networks).toEqual([
      'I2D-BioGRID-Yeast2Human',
      'I2D-Krogan-Greenblatt-2006-Core-Yeast2Human',
    ]);
    expect(e.evidence).toBeUndefined();
  });

  it('6000-elements.cyjs: edge weights and the "pp" interaction as an unclassified label', () => {
    const g = opened(open('cytoscape-demos/6000-elements.cyjs'));
    const e = g.edges.find((x) => x.id === '684730')!;
    expect(e.weight).toBe(0.549150380672);
    expect(e.label).toBe('pp');
    expect(e.relation).toBeUndefined();
  });

  it('compound.json: compound parents', () => {
    const g = opened(open('cytoscape-demos/compound.json'));
    expect(node(g, 'n0:n0').parent).toBe('n0');
    expect(node(g, 'n0').parent).toBeUndefined();
  });

  it('les_miserables.gexf: typed attributes, viz colour, size and position', () => {
    const g = opened(open('graphology/les_miserables.gexf'));
    const myriel = node(g, '0.0');
    expect(myriel).toMatchObject({
      label: 'Myriel',
      colour: '#d8482d',
      size: 22.714287,
      position: { x: 268.72385, y: 91.18155 },
      attributes: { Authority: 0.01880342, Hub: 0.01880342 },
    });
    expect(g.title).toBe('Les Misérables, the characters coappearance weighted graph');
  });

  it('arctic.gexf: GEXF 1.0 attvalues by id, integer attributes as numbers', () => {
    const g = opened(open('graphology/arctic.gexf'));
    expect(node(g, '1')).toMatchObject({
      label: 'New York',
      colour: '#ff3333',
      attributes: { nodedef: 'n1', label: 'New York', occurrences: 143 },
    });
  });

  it('mixed.gexf: per-edge type, label and weight', () => {
    const g = opened(open('graphology/mixed.gexf'));
    const [a, b, c] = g.edges;
    expect(a!.directed).toBeUndefined();
    expect(b).toMatchObject({ label: 'Nice edge', weight: 4.56 });
    expect(c!.directed).toBe(false);
    // GEXF node and edge ids share no namespace; the model's do, so clashing edges are renamed.
    expect(g.edges.map((e) => e.id)).toEqual(['e-1', 'e-2', 'e-3']);
    expect(g.warnings).toContain('renamed-edge');
  });

  it('liststring.gexf: lists, declared defaults', () => {
    const g = opened(open('graphology/liststring.gexf'));
    expect(node(g, '0').attributes).toEqual({ types: ['cooking', 'money'], indegree: 1, frog: true });
    expect(node(g, '3').attributes).toEqual({
      types: ['wines', 'idea', 'cooking'],
      indegree: 1,
      frog: false,
    });
  });

  it('v1_3.gexf: every way of writing a list, list types, hex colours, edge kind', () => {
    const g = opened(open('graphology/v1_3.gexf'));
    const suzy = node(g, 'Suzy');
    expect(suzy.colour).toBe('#ff00ff');
    for (const key of ['pipe', 'comma', 'raw', 'double', 'mixed']) {
      expect(suzy.attributes?.[key], key).toEqual(['a', 'b', 'c']);
    }
    expect(suzy.attributes?.single).toEqual(['a', "'b'", 'c']);
    expect(suzy.attributes?.booleans).toEqual([true, false, false]);
    expect(suzy.attributes?.numbers).toEqual([1, 1.5, 2]);
    expect(g.edges[0]).toMatchObject({ source: 'John', target: 'Suzy', label: 'likes' });
  });

  it('edge_viz.gexf: an edge colour', () => {
    expect(opened(open('graphology/edge_viz.gexf')).edges[0]!.colour).toBe('#b30000');
  });

  it('undeclared_attribute.gexf: undeclared attributes kept as text, with a warning', () => {
    const g = opened(open('graphology/undeclared_attribute.gexf'));
    expect(node(g, '0').attributes).toEqual({ url: 'http://gephi.org' });
    expect(g.edges[0]!.attributes).toEqual({ count: '43' });
    expect(g.warnings).toContain('undeclared-attribute');
  });

  it('miserables.graphml: Gephi keys become label, position, size and colour', () => {
    const g = opened(open('graphology/miserables.graphml'));
    expect(node(g, '11')).toMatchObject({
      label: 'Valjean',
      size: 100,
      colour: '#f55b5b',
      position: { x: -87.93029, y: 6.8120565 },
      attributes: { 'Modularity Class': 1 },
    });
    expect(g.edges.find((e) => e.source === '63' && e.target === '62')?.weight).toBe(6);
  });

  it('miserables_broken.graphml: data with undeclared keys kept as text under the key, with a warning', () => {
    const result = open('graphology/miserables_broken.graphml');
    const g = opened(result);
    expect(node(g, '11')).toMatchObject({ label: 'Valjean', attributes: { modularity_class: '1' } });
    expect(g.warnings).toContain('undeclared-attribute');
    expect(result.ok && result.warnings[0]).toMatchObject({
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  it('attributes.graphml: key defaults fill nodes without data', () => {
    const g = opened(open('graphology/attributes.graphml'));
    expect(node(g, 'n0').attributes).toEqual({ color: 'green' });
    expect(node(g, 'n1').attributes).toEqual({ color: 'yellow' });
    expect(g.edges.find((e) => e.id === 'e0')?.weight).toBe(1);
  });

  it('multigraph.graphml: parallel edges stay apart', () => {
    const g = opened(open('graphology/multigraph.graphml'));
    expect(g.edges.filter((e) => e.source === 'n2' && e.target === 'n4').map((e) => e.id)).toEqual([
      'e4',
      'e7',
    ]);
  });

  it('mixed_multigraph.graphml: per-edge directed overrides edgedefault', () => {
    const g = opened(open('graphology/mixed_multigraph.graphml'));
    expect(g.edges.filter((e) => e.directed !== false).map((e) => e.id)).toEqual(['e3', 'e6']);
  });

  for (const file of ['graphology/missing_nodes.gexf', 'graphology/missing_nodes.graphml']) {
    it(`${file}: edges to undeclared nodes are located errors, or added nodes on request`, () => {
      const issues = issuesOf(open(file));
      expect(issues[0]).toMatchObject({
        code: 'missing-node',
        line: expect.any(Number),
        column: expect.any(Number),
      });
      expect(issues[0]!.line).toBeGreaterThan(10);
      const g = opened(open(file, { addMissingNodes: true }));
      expect(g.warnings).toContain('added-node');
    });
  }
});

describe('sniffing the format', () => {
  it('goes by the extension, then the content', () => {
    expect(sniffFormat('a.gexf', '<gexf>')).toBe('gexf');
    expect(sniffFormat('a.xml', '<?xml version="1.0"?>\n<graphml>')).toBe('graphml');
    expect(sniffFormat('a.json', '{"format": "actor-graph"}')).toBe('native');
    expect(sniffFormat('a.json', '[{"data": {"id": "a"}}]')).toBe('cytoscape');
    expect(sniffFormat('pasted', 'Source,Target\na,b')).toBe('csv');
    expect(sniffFormat('a.csv', '<gexf version="1.3">')).toBe('gexf');
    expect(sniffFormat('a.xml', '<svg/>')).toBeUndefined();
  });

  it('opens pasted text without a file name', () => {
    const g = opened(
      loadGraphFile({ name: 'pasted', text: '<graphml><graph><node id="a"/></graph></graphml>' }),
    );
    expect(g.nodes.map((n) => n.id)).toEqual(['a']);
    expect(g.id).toBe('pasted');
  });

  it('refuses XML that is neither GEXF nor GraphML, saying what it is', () => {
    const [issue] = issuesOf(loadGraphFile({ name: 'x.xml', text: '<?xml version="1.0"?><svg/>' }));
    expect(issue).toMatchObject({ code: 'unknown-format' });
    expect(issue!.message).toContain('<svg>');
  });

  it('refuses JSON that is neither native nor Cytoscape', () => {
    expect(issuesOf(loadGraphFile({ name: 'x.json', text: '{"a": 1}' }))[0]!.code).toBe('unknown-format');
    expect(issuesOf(loadGraphFile({ name: 'x.json', text: '{"format": "other"}' }))[0]!.code).toBe(
      'unsupported-format',
    );
  });
});

describe('bad and hostile files', () => {
  it('10,000 [ in 10 kB: a located too-deep error, not a RangeError', () => {
    const result = loadGraphFile({ name: 'deep.json', text: '['.repeat(10_000) });
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ code: 'too-deep', line: 1, column: DEFAULT_LIMITS.maxDepth + 1 }),
    ]);
  });

  it('deep nesting inside a Cytoscape attribute, and deep XML, are refused where they are', () => {
    const json = `{"elements": {"nodes": [\n{"data": {"id": "a", "x": ${'['.repeat(100)}${']'.repeat(100)}}}]}}`;
    expect(issuesOf(loadGraphFile({ name: 'x.cyjs', text: json }))[0]).toMatchObject({
      code: 'too-deep',
      line: 2,
    });
    const xml = `<graphml>\n<graph>${'<node id="a"><graph>'.repeat(60)}`;
    expect(issuesOf(loadGraphFile({ name: 'x.graphml', text: xml }))[0]).toMatchObject({
      code: 'too-deep',
      line: 2,
    });
  });

  it('billion laughs: entity declarations are refused, nothing is expanded', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<gexf><graph><nodes><node id="a" label="&lol9;"/></nodes></graph></gexf>`;
    const [issue] = issuesOf(loadGraphFile({ name: 'lol.gexf', text: laughs }));
    expect(issue).toMatchObject({ code: 'invalid-xml', line: expect.any(Number) });
    expect(issue!.message).toContain('entities');
  });

  it('XXE: an external entity is never resolved', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<graphml><graph><node id="&xxe;"/></graph></graphml>`;
    const result = loadGraphFile({ name: 'xxe.graphml', text: xxe });
    expect(issuesOf(result)[0]!.code).toBe('invalid-xml');
    // Without a declaration, an undefined entity is an error too, never a lookup.
    const bare = '<graphml><graph><node id="&xxe;"/></graph></graphml>';
    expect(issuesOf(loadGraphFile({ name: 'x.graphml', text: bare }))[0]).toMatchObject({
      code: 'invalid-xml',
      line: 1,
    });
  });

  it('malformed XML: a located error saying what is wrong', () => {
    const [issue] = issuesOf(
      loadGraphFile({ name: 'x.gexf', text: '<gexf>\n<graph>\n<nodes></graph>\n</gexf>' }),
    );
    expect(issue).toMatchObject({ code: 'invalid-xml', line: 3 });
  });

  it('malformed JSON: line and column', () => {
    const [issue] = issuesOf(loadGraphFile({ name: 'x.cyjs', text: '{"elements":\n  [1, 2,, 3]}' }));
    expect(issue).toMatchObject({ code: 'invalid-json', line: 2, column: 9 });
  });

  it('a PNG named .json: not text, and what it looks like', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const [issue] = issuesOf(loadGraphFile({ name: 'graph.json', bytes: png }));
    expect(issue!.code).toBe('not-text');
    expect(issue!.message).toContain('PNG');
  });

  it('a UTF-16 CSV, with or without a byte-order mark: not UTF-8', () => {
    const text = 'Source,Target\r\na,b\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(issuesOf(loadGraphFile({ name: 'e.csv', bytes: utf16 }))[0]).toMatchObject({
      code: 'not-text',
      line: 1,
    });
    const noBom = utf16.subarray(2);
    const [issue] = issuesOf(loadGraphFile({ name: 'e.csv', bytes: noBom }));
    expect(issue!.code).toBe('not-text');
    expect(issue!.message).toContain('UTF-16');
  });

  it('Latin-1 text: the line and column of the first byte that is not UTF-8', () => {
    const latin1 = new Uint8Array([...Buffer.from('Source,Target\nab,'), 0xe9, ...Buffer.from('t\n')]);
    const [issue] = issuesOf(loadGraphFile({ name: 'e.csv', bytes: latin1 }));
    expect(issue).toMatchObject({ code: 'not-text', line: 2, column: 4 });
    expect(issue!.message).toContain('0xE9');
  });

  it('a file over the size limit is refused with its size, before it is read', () => {
    const [issue] = issuesOf(
      loadGraphFile({ name: 'big.gexf', bytes: new Uint8Array(2048) }, { limits: { maxBytes: 1024 } }),
    );
    expect(issue!.code).toBe('too-large');
    expect(issue!.message).toContain('2.0 kB');
  });

  it('more nodes and edges than the limit: refused while reading, where the limit was passed', () => {
    const limits = { maxElements: 5 };
    const gexf = `<gexf><graph><nodes>\n${'<node id="a"/>\n'.repeat(3)}</nodes><edges>\n${'<edge source="a" target="a"/>\n'.repeat(3)}</edges></graph></gexf>`;
    expect(issuesOf(loadGraphFile({ name: 'x.gexf', text: gexf }, { limits }))[0]).toMatchObject({
      code: 'too-large',
      line: 8,
    });
    const csv = 'Source,Target\n' + 'a,b\n'.repeat(6);
    expect(issuesOf(loadGraphFile({ name: 'x.csv', text: csv }, { limits }))[0]!.code).toBe('too-large');
    const native = JSON.stringify({
      format: 'actor-graph',
      version: 2,
      id: 'x',
      title: 'x',
      nodes: Array.from({ length: 6 }, (_, i) => ({ id: `n${i}`, label: 'n' })),
      edges: [],
    });
    expect(issuesOf(loadGraphFile({ name: 'x.json', text: native }, { limits }))[0]!.code).toBe('too-large');
  });

  it('control characters in labels and attributes are replaced, with a located warning', () => {
    const result = loadGraphFile({
      name: 'x.cyjs',
      text: '[\n{"data": {"id": "a", "label": "bell\\u0007 and\\nbreak", "note": "x\\u0001y\\nz"}}]',
    });
    const g = opened(result);
    expect(node(g, 'a').label).toBe('bell\ufffd and break');
    expect(node(g, 'a').attributes).toEqual({ note: 'x\ufffdy\nz' });
    expect(result.ok && result.warnings[0]).toMatchObject({ kind: 'control-character', line: 2 });
    // XML cannot hold such characters at all (saxes refuses &#1;); a line break in a label becomes a space.
    const xml = '<gexf><graph><nodes><node id="a" label="two&#10;lines"/></nodes></graph></gexf>';
    expect(node(opened(loadGraphFile({ name: 'x.gexf', text: xml })), 'a').label).toBe('two lines');
  });

  it('control characters in ids are refused where they are', () => {
    const [issue] = issuesOf(loadGraphFile({ name: 'x.cyjs', text: '[\n{"data": {"id": "a\\u0000b"}}]' }));
    expect(issue).toMatchObject({ code: 'control-character', line: 2 });
  });

  it('ids longer than 200 characters are refused where they are', () => {
    const text = `<gexf><graph><nodes>\n<node id="${'x'.repeat(201)}"/></nodes></graph></gexf>`;
    expect(issuesOf(loadGraphFile({ name: 'x.gexf', text }))[0]).toMatchObject({ code: 'bad-id', line: 2 });
  });

  it('an attribute named __proto__ is renamed, and Object.prototype stays untouched', () => {
    const g = opened(
      loadGraphFile({
        name: 'x.cyjs',
        text: '[{"data": {"id": "a", "__proto__": {"polluted": 1}, "o": {"__proto__": {"polluted": 2}}}}]',
      }),
    );
    expect(node(g, 'a').attributes).toEqual({
      '__proto__ (renamed)': { polluted: 1 },
      o: { '__proto__ (renamed)': { polluted: 2 } },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(g.warnings).toContain('renamed-attribute');
  });

  it('validation problems in an imported file point at the element in the file', () => {
    const text = '<gexf><graph><nodes>\n<node id="a"/>\n<node id="a"/></nodes></graph></gexf>';
    expect(issuesOf(loadGraphFile({ name: 'x.gexf', text }))[0]).toMatchObject({
      code: 'duplicate-id',
      line: 3,
    });
    const cy = '{"elements": {"nodes": [{"data": {"id": "a"}},\n {"data": {"id": "b", "parent": "zz"}}]}}';
    expect(issuesOf(loadGraphFile({ name: 'x.cyjs', text: cy }))[0]).toMatchObject({
      code: 'missing-node',
      line: 2,
    });
  });

  it('strict: an imported file is held to the curated rules on request', () => {
    const result = open('graphology/minimal.gexf', { strict: true });
    expect(issuesOf(result).map((i) => i.code)).toContain('unsourced');
  });
});

describe('GEXF and GraphML details', () => {
  it('GEXF: pid, <parents> and nested <nodes> become parents', () => {
    const text = `<gexf><graph><nodes>
      <node id="g" label="Group"><nodes><node id="m" label="Member"/></nodes></node>
      <node id="p" pid="g"/>
      <node id="q"><parents><parent for="g"/></parents></node>
    </nodes></graph></gexf>`;
    const g = opened(loadGraphFile({ name: 'x.gexf', text }));
    expect(g.nodes.map((n) => [n.id, n.parent])).toEqual([
      ['g', undefined],
      ['p', 'g'],
      ['q', 'g'],
      ['m', 'g'],
    ]);
  });

  it('GEXF: dynamic start/end and spells become time when they are dates; numbers stay attributes', () => {
    const text = `<gexf><graph mode="dynamic" timeformat="date" defaultedgetype="mixed"><nodes>
      <node id="a" start="2001"/><node id="b"/></nodes><edges>
      <edge id="e1" source="a" target="b" start="2019-05-01" end="2020-01-01T10:00:00"/>
      <edge id="e2" source="a" target="b"><spells><spell start="2003" end="2004"/><spell start="2010" end="2011-06"/></spells></edge>
      <edge id="e3" source="a" target="b" type="undirected" start="2021-03"/>
    </edges></graph></gexf>`;
    const g = opened(loadGraphFile({ name: 'x.gexf', text }));
    expect(g.edges.map((e) => e.time)).toEqual([
      { start: '2019-05-01', end: '2020-01-01' },
      { start: '2003', end: '2011-06' },
      { start: '2021-03' },
    ]);
    expect(g.edges[1]!.attributes?.spells).toHaveLength(2);
    expect(node(g, 'a').attributes).toEqual({ start: '2001' });
    const steps = `<gexf><graph mode="dynamic" timeformat="double"><nodes><node id="a"/></nodes><edges>
      <edge source="a" target="a" start="2.0" end="5.5"/></edges></graph></gexf>`;
    const h = opened(loadGraphFile({ name: 'x.gexf', text: steps }));
    expect(h.edges[0]!.time).toBeUndefined();
    expect(h.edges[0]!.attributes).toEqual({ start: '2.0', end: '5.5' });
  });

  it('GEXF: edge labels from the vocabulary become relations, others stay free labels', () => {
    const text = `<gexf><graph><nodes><node id="a"/><node id="b"/></nodes><edges>
      <edge source="a" target="b" label="Supplies weapons to"/><edge source="a" target="b" label="funds"/>
      <edge source="a" target="b" label="knows"/></edges></graph></gexf>`;
    const g = opened(loadGraphFile({ name: 'x.gexf', text }));
    expect(g.edges.map((e) => e.relation ?? e.label)).toEqual(['supplies-weapons', 'funds', 'knows']);
  });

  it('GraphML: nested graphs become parents; hyperedges are left out with a warning', () => {
    const text = `<graphml><graph edgedefault="undirected">
      <node id="g"><graph id="g:"><node id="g::a"/><node id="g::b"/><edge source="g::a" target="g::b"/></graph></node>
      <node id="c"/><edge source="c" target="g::a" directed="true"/>
      <hyperedge><endpoint node="c"/><endpoint node="g"/><endpoint node="g::a"/></hyperedge>
    </graph></graphml>`;
    const result = loadGraphFile({ name: 'x.graphml', text });
    const g = opened(result);
    expect(g.nodes.map((n) => [n.id, n.parent])).toEqual([
      ['g', undefined],
      ['c', undefined],
      ['g::a', 'g'],
      ['g::b', 'g'],
    ]);
    expect(g.edges.map((e) => e.directed)).toEqual([undefined, false]);
    expect(g.warnings).toContain('hyperedge');
  });

  it('GraphML from yEd: labels, positions and fill colours from the node graphics', () => {
    const text = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="40.0" x="10.0" y="20.0"/>
      <y:Fill color="#FFCC00" transparent="false"/><y:NodeLabel>Tehran</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"/>
    <edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:LineStyle color="#FF0000" type="line" width="1.0"/>
      <y:EdgeLabel>backs</y:EdgeLabel></y:PolyLineEdge></data></edge>
  </graph>
</graphml>`;
    const g = opened(loadGraphFile({ name: 'yed.graphml', text }));
    expect(node(g, 'n0')).toMatchObject({ label: 'Tehran', position: { x: 30, y: 35 }, colour: '#ffcc00' });
    expect(g.edges[0]).toMatchObject({ relation: 'backs', colour: '#ff0000' });
  });

  it('GraphML from networkx and igraph: typed keys, names as labels', () => {
    const text = `<graphml><key id="d0" for="node" attr.name="name" attr.type="string"/>
      <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
      <key id="d2" for="node" attr.name="ok" attr.type="boolean"/>
      <key id="d3" for="node" attr.name="rank" attr.type="long"/>
      <graph edgedefault="undirected"><node id="n0"><data key="d0">Alice</data><data key="d2">True</data><data key="d3">3</data></node>
      <node id="n1"><data key="d0">Bob</data></node>
      <edge source="n0" target="n1"><data key="d1">0.5</data></edge></graph></graphml>`;
    const g = opened(loadGraphFile({ name: 'nx.graphml', text }));
    expect(node(g, 'n0')).toMatchObject({ label: 'Alice', attributes: { name: 'Alice', ok: true, rank: 3 } });
    expect(g.edges[0]).toMatchObject({ weight: 0.5, directed: false });
  });
});
