// CSV tables: Gephi's and Kumu's headers, a nodes file beside an edges file, delimiters, quoting,
// vocabulary matching, evidence from a quote and a source URL, and located errors by row and column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../model';
import { csvPreview, guessCsvMapping, parseCsv } from './csv';
import { loadGraphFile, type LoadFileResult, type LoadOptions } from './load';

const DIR = 'src/core/formats/fixtures/csv';
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)) });
const csv = (text: string, options: LoadOptions = {}, name = 'edges.csv') =>
  loadGraphFile({ name, text }, { today: '2026-01-02', ...options });

function opened(result: LoadFileResult): GraphFile & { warnings: string[] } {
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.row}:${i.column} ${i.message}`).join('\n'));
  return { ...result.graph.file, warnings: result.warnings.map((w) => w.kind) };
}
const issuesOf = (result: LoadFileResult) => {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues;
};

describe('guessCsvMapping', () => {
  it("recognises Gephi's edge headers in any case", () => {
    expect(guessCsvMapping(['SOURCE', 'target', 'Type', 'label', 'Weight', 'Id'])).toEqual({
      id: 'Id',
      source: 'SOURCE',
      target: 'target',
      relation: 'label',
      direction: 'Type',
      weight: 'Weight',
    });
  });

  it("recognises Kumu's From, To and Type (the relation)", () => {
    expect(guessCsvMapping(['From', 'To', 'Type'])).toEqual({
      source: 'From',
      target: 'To',
      relation: 'Type',
    });
  });

  it('reads a Gephi Type column of relations as the relation when its values are not directions', () => {
    expect(guessCsvMapping(['Source', 'Target', 'Type'], 'edges', [['a', 'b', 'funds']])).toMatchObject({
      relation: 'Type',
    });
    expect(guessCsvMapping(['Source', 'Target', 'Type'], 'edges', [['a', 'b', 'Undirected']])).toMatchObject({
      direction: 'Type',
    });
  });

  it("recognises a nodes file's id, label, kind and parent; Kumu's Label is the id", () => {
    expect(guessCsvMapping(['ID', 'Label', 'Kind', 'Parent'])).toEqual({
      id: 'ID',
      label: 'Label',
      kind: 'Kind',
      parent: 'Parent',
    });
    expect(guessCsvMapping(['Label', 'Type', 'Description'])).toEqual({
      id: 'Label',
      label: 'Label',
      kind: 'Type',
      description: 'Description',
    });
  });

  it('recognises the curated columns: date, certainty, quote and source URL', () => {
    expect(
      guessCsvMapping(['from', 'to', 'Date', 'Confidence', 'Quote', 'Source URL', 'Attributed to']),
    ).toMatchObject({
      date: 'Date',
      certainty: 'Confidence',
      quote: 'Quote',
      sourceUrl: 'Source URL',
      attributedTo: 'Attributed to',
    });
  });
});

describe('csvPreview', () => {
  it('gives headers, the first rows, the delimiter and the guessed mapping for the mapping dialog', () => {
    const preview = csvPreview(file('kumu-connections.csv'), 1);
    expect(preview).toEqual({
      ok: true,
      headers: ['From', 'To', 'Type', 'Strength'],
      rows: [['Alice', 'Bob', 'friend', '3']],
      delimiter: ';',
      table: 'edges',
      mapping: { source: 'From', target: 'To', relation: 'Type', weight: 'Strength' },
    });
  });

  it('reports a file that is not UTF-8 as a located issue', () => {
    const preview = csvPreview({ name: 'x.csv', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0]) });
    expect(preview.ok === false && preview.issues[0]!.code).toBe('not-text');
  });
});

describe('reading CSV', () => {
  it('a nodes file and an edges file: kinds, parents, relations, direction, dates, certainty, evidence', () => {
    const result = loadGraphFile(file('actors.edges.csv'), {
      nodes: file('actors.nodes.csv'),
      today: '2026-01-02',
    });
    const g = opened(result);
    expect(result.ok && result.format).toBe('csv');
    expect(g.nodes).toEqual([
      { id: 'iran', label: 'Iran', kind: 'state', attributes: { Population: 88.5 } },
      { id: 'irgc', label: 'IRGC', kind: 'military-unit', parent: 'iran' },
      { id: 'hezbollah', label: 'Hezbollah', kind: 'armed-group' },
      { id: 'us', label: 'United States, the', kind: 'state', attributes: { Population: 331 } },
    ]);
    expect(g.edges).toEqual([
      {
        id: 'e0',
        source: 'irgc',
        target: 'hezbollah',
        relation: 'supplies-weapons',
        weight: 2,
        time: { date: '2023-10' },
        certainty: 'reported',
        evidence: [{ source: 'example-org', quote: 'Iran has supplied "drones"; and more' }],
        attributes: { Note: 'first' },
      },
      {
        id: 'e1',
        source: 'us',
        target: 'iran',
        relation: 'sanctions',
        weight: 1,
        time: { date: '2019' },
        certainty: 'confirmed',
      },
      {
        id: 'e2',
        source: 'iran',
        target: 'us',
        label: 'talks past',
        directed: false,
        attributes: { Certainty: 'rumoured', Note: 'with, comma' },
      },
    ]);
    expect(g.sources).toEqual([
      {
        id: 'example-org',
        title: 'https://example.org/a',
        publisher: 'example.org',
        published: '2026-01-02',
        url: 'https://example.org/a',
      },
    ]);
    expect(g.warnings).toContain('unknown-certainty');
  });

  it("Kumu's connections: BOM, semicolons, From/To/Type; nodes come from the edges", () => {
    const g = opened(loadGraphFile(file('kumu-connections.csv')));
    expect(g.nodes.map((n) => n.id)).toEqual(['Alice', 'Bob', 'Carol']);
    expect(g.edges.map((e) => [e.source, e.target, e.relation ?? e.label, e.weight])).toEqual([
      ['Alice', 'Bob', 'friend', 3],
      ['Bob', 'Carol', 'backs', 1],
    ]);
    expect(g.id).toBe('kumu-connections');
  });

  it('tab-separated values', () => {
    expect(opened(loadGraphFile(file('edges.tsv'))).edges).toHaveLength(2);
  });

  it('a quoted delimiter, a quoted line break and doubled quotes stay inside their cell', () => {
    const g = opened(csv('Source,Target,Note\r\na,b,"x, ""y""\r\nz"\r\n'));
    expect(g.edges[0]!.attributes).toEqual({ Note: 'x, "y"\r\nz' });
  });

  it('a column is numeric only when every filled cell is a number', () => {
    const g = opened(csv('Source,Target,n,m,zip\na,b,1,1,0123\nb,c,,x,0456\n'));
    expect(g.edges.map((e) => e.attributes)).toEqual([
      { n: 1, m: '1', zip: '0123' },
      { m: 'x', zip: '0456' },
    ]);
  });

  it('an explicit mapping picks the columns', () => {
    const g = opened(
      csv('who,whom,what,when\na,b,Attacks,2020-01-03\n', {
        csv: { edges: { source: 'who', target: 'whom', relation: 'what', date: 'when' } },
      }),
    );
    expect(g.edges[0]).toMatchObject({ relation: 'attacks', time: { date: '2020-01-03' } });
  });

  it('a quote without a source URL stays an attribute: the claim is unsourced', () => {
    const g = opened(csv('Source,Target,Quote\na,b,they said so\n'));
    expect(g.edges[0]!.evidence).toBeUndefined();
    expect(g.edges[0]!.attributes).toEqual({ Quote: 'they said so' });
  });
});

describe('CSV errors are located by row and column', () => {
  it('an unclosed quote', () => {
    const [issue] = issuesOf(csv('Source,Target\na,b\nc,"d\n'));
    expect(issue).toMatchObject({ code: 'invalid-csv', row: 3 });
  });

  it('no source and target columns', () => {
    const [issue] = issuesOf(csv('Name,Age\na,3\n'));
    expect(issue).toMatchObject({ code: 'invalid-csv', row: 1 });
    expect(issue!.message).toContain('Source and Target');
  });

  it('an empty source cell', () => {
    expect(issuesOf(csv('Source,Target\na,b\n,c\n'))[0]).toMatchObject({
      code: 'missing-field',
      row: 3,
      column: 1,
    });
  });

  it('a date that is not one', () => {
    expect(issuesOf(csv('Source,Target,Date\na,b,last Friday\n'))[0]).toMatchObject({
      code: 'bad-date',
      row: 2,
      column: 3,
    });
  });

  it('a javascript: source URL is refused', () => {
    expect(issuesOf(csv('Source,Target,Quote,URL\na,b,q,javascript:alert(1)\n'))[0]).toMatchObject({
      code: 'unsafe-url',
      row: 2,
      column: 4,
    });
  });

  it('a mapping naming a column the file lacks', () => {
    const [issue] = issuesOf(csv('a,b\nx,y\n', { csv: { edges: { source: 'a', target: 'c' } } }));
    expect(issue).toMatchObject({ code: 'invalid-csv', row: 1 });
  });

  it('a parent that is not a node, located in the nodes file', () => {
    const [issue] = issuesOf(
      loadGraphFile(
        { name: 'e.csv', text: 'Source,Target\na,b\n' },
        { nodes: { name: 'n.csv', text: 'Id,Parent\na,\nb,zz\n' } },
      ),
    );
    expect(issue).toMatchObject({ code: 'missing-node', file: 'n.csv', row: 3 });
  });

  it('an empty file', () => {
    expect(issuesOf(csv(''))[0]).toMatchObject({ code: 'invalid-csv', row: 1 });
  });
});

describe('parseCsv', () => {
  it('reads an edges text and a nodes text with the given mappings', () => {
    const result = parseCsv(
      'a;b;how\nx;y;Funds\n',
      { source: 'a', target: 'b', relation: 'how' },
      'key,name\nx,Ex\ny,Why\n',
      { id: 'key', label: 'name' },
    );
    const g = opened(result.ok ? { ...result, format: 'csv' } : result);
    expect(g.nodes.map((n) => n.label)).toEqual(['Ex', 'Why']);
    expect(g.edges[0]).toMatchObject({ source: 'x', target: 'y', relation: 'funds' });
  });

  it('reports problems in the nodes text under its name', () => {
    const result = parseCsv('Source,Target\nx,y\n', undefined, 'Id\n"x\n', undefined, { nodesName: 'n.csv' });
    expect(result.ok === false && result.issues[0]).toMatchObject({ code: 'invalid-csv', file: 'n.csv' });
  });
});
