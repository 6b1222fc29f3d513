import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphText } from '../validate';
import { NotAGraphFileError, placeNodes, writePositions } from './writePositions';

const CURATED = readFileSync('graph/us-iran-2023-10.json', 'utf8');

/** The lines of `after` that differ from `before`'s, when both have as many lines. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

describe('writePositions', () => {
  it('gives back the very same text when the positions are the file’s own', () => {
    const result = loadGraphText(CURATED, 'x');
    if (!result.ok) throw new Error('curated graph invalid');
    const own = Object.fromEntries(
      result.graph.file.nodes.flatMap((n) => (n.position ? [[n.id, n.position]] : [])),
    );
    const { text, written } = writePositions(CURATED, own);
    expect(text).toBe(CURATED);
    expect(written.length).toBe(Object.keys(own).length);
  });

  it('replaces one actor’s position and changes no other line of the file', () => {
    const { text, written } = writePositions(CURATED, { 'john-kirby': { x: 5.4, y: -7.6 } });
    expect(written).toEqual(['john-kirby']);
    expect(changedLines(CURATED, text)).toEqual(['        "x": 5,', '        "y": -8']);
    const result = loadGraphText(text, 'x');
    expect(result.ok && result.graph.nodeById.get('john-kirby')?.position).toEqual({ x: 5, y: -8 });
  });

  it('adds a position after a node’s last field, indented as that field, and the file still validates', () => {
    const { text } = writePositions(CURATED, { iran: { x: 1, y: 2 } });
    const at = text.indexOf('"the government in Tehran"]');
    expect(text.slice(at)).toMatch(
      /^"the government in Tehran"\],\n {6}"position": \{\n {8}"x": 1,\n {8}"y": 2\n {6}\}\n {4}\},/,
    );
    const result = loadGraphText(text, 'x');
    expect(result.ok).toBe(true);
    expect(result.ok && result.graph.nodeById.get('iran')?.position).toEqual({ x: 1, y: 2 });
  });

  it('keeps a compact file compact, and its tabs and CRLF line ends', () => {
    const compact = '{"nodes":[{"id":"a","label":"A"},{"id":"b","position":{"x":1,"y":1}}],"edges":[]}';
    expect(writePositions(compact, { a: { x: 3, y: 4 }, b: { x: -0.2, y: 9 } }).text).toBe(
      '{"nodes":[{"id":"a","label":"A", "position": { "x": 3, "y": 4 }},{"id":"b","position":{ "x": 0, "y": 9 }}],"edges":[]}',
    );
    const tabbed = '{\r\n\t"nodes": [\r\n\t\t{\r\n\t\t\t"id": "a"\r\n\t\t}\r\n\t]\r\n}\r\n';
    expect(writePositions(tabbed, { a: { x: 3, y: 4 } }).text).toBe(
      '{\r\n\t"nodes": [\r\n\t\t{\r\n\t\t\t"id": "a",\r\n\t\t\t"position": {\r\n\t\t\t\t"x": 3,\r\n\t\t\t\t"y": 4\r\n\t\t\t}\r\n\t\t}\r\n\t]\r\n}\r\n',
    );
  });

  it('leaves alone nodes it is not given a finite place for, and ignores ids the file lacks', () => {
    const text = '{"nodes":[{"id":"a"},{"id":"b","position":{"x":1,"y":1}}]}';
    const out = writePositions(text, {
      b: { x: Number.NaN, y: 0 },
      zz: { x: 1, y: 1 },
      __proto__: { x: 1, y: 1 },
    });
    expect(out).toEqual({ text, written: [] });
  });

  it('refuses text that is not a graph file, by kind', () => {
    for (const bad of ['not json', '{"nodes": {}}', '[1, 2]', '{"nodes": [] // comment\n}']) {
      expect(() => writePositions(bad, {}), bad).toThrow(NotAGraphFileError);
    }
    try {
      writePositions('{}', {});
    } catch (e) {
      expect((e as NotAGraphFileError).code).toBe('not-a-graph-file');
    }
  });
});

describe('placeNodes', () => {
  it('gives placed nodes their rounded position and leaves the rest, and the file, as they were', () => {
    const result = loadGraphText(CURATED, 'x');
    if (!result.ok) throw new Error('curated graph invalid');
    const file = result.graph.file;
    const placed = placeNodes(file, { iran: { x: 1.6, y: -0.4 }, 'john-kirby': { x: Infinity, y: 0 } });
    expect(placed.nodes.find((n) => n.id === 'iran')!.position).toEqual({ x: 2, y: 0 });
    expect(placed.nodes.find((n) => n.id === 'john-kirby')).toBe(
      file.nodes.find((n) => n.id === 'john-kirby'),
    );
    expect(file.nodes.find((n) => n.id === 'iran')!.position).toBeUndefined();
    expect(placed.edges).toBe(file.edges);
  });
});
