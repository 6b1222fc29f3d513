import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL_STRINGS, HOSTILE_BUT_VALID } from './fixtures/hostileStrings';
import { formatIssue, loadGraphText, validateGraph, type IssueCode } from './validate';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/**
 * Each fixture in fixtures/invalid/ has exactly one problem: the code is its file name, or `code`
 * when one code has several fixtures.
 */
const EXPECTED: Record<string, { path: string; line?: number; code?: IssueCode }> = {
  'invalid-json': { path: '', line: 7 },
  'unsupported-format': { path: 'format' },
  'unsupported-version': { path: 'version' },
  'missing-field': { path: 'edges[0].certainty' },
  'wrong-type': { path: 'nodes[0].aliases' },
  'unknown-field': { path: 'edges[0].evidance' },
  'invalid-value': { path: 'edges[0].evidence' },
  'bad-id': { path: 'edges[0].id' },
  'unknown-kind': { path: 'nodes[2].kind' },
  'unknown-relation': { path: 'edges[0].relation' },
  'unknown-certainty': { path: 'edges[0].certainty' },
  'unknown-category': { path: 'edges[0].category' },
  'duplicate-id': { path: 'nodes[3].id' },
  'missing-node': { path: 'edges[0].target' },
  'parent-cycle': { path: 'nodes[1].parent' },
  'unknown-source': { path: 'edges[0].evidence[0].source' },
  'unknown-source-in-node': { path: 'nodes[2].evidence[0].source', code: 'unknown-source' },
  'bad-date': { path: 'edges[0].time.date' },
  'bad-time': { path: 'edges[0].time' },
  'end-before-start': { path: 'edges[0].time.end' },
  'control-character': { path: 'nodes[1].label' },
  'unsafe-url': { path: 'sources[0].url' },
  unsourced: { path: 'edges[0].evidence' },
  'unknown-claim': { path: 'stories[0].steps[0].cites[0]' },
  'bad-view': { path: 'stories[0].steps[0].view' },
  'duplicate-story-id': { path: 'stories[1].id', code: 'duplicate-id' },
};

describe('validation fixtures', () => {
  it('has a fixture for each issue code, and nothing else', () => {
    const files = readdirSync(join(FIXTURES, 'invalid')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is reported with its path', (name, { path, line, code }) => {
    const result = loadGraphText(read(`invalid/${name}.json`), `invalid/${name}.json`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([[code ?? (name as IssueCode), path]]);
    const [issue] = result.issues;
    expect(issue!.file).toBe(`invalid/${name}.json`);
    expect(issue!.line).toBeGreaterThan(0);
    if (line !== undefined) expect(issue!.line).toBe(line);
  });

  it('accepts the minimal valid file and indexes it', () => {
    const result = loadGraphText(read('valid-minimal.json'), 'valid-minimal.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.graph.nodeById.get('irgc')?.parent).toBe('iran');
    expect(result.graph.edgeById.get('us-deters-iran')?.relation).toBe('deters');
    expect(result.graph.sourceById.get('nyt')?.publisher).toBe('The New York Times');
  });
});

describe('a file with several problems', () => {
  it('reports all of them at once, in file order, each with its line', () => {
    const result = loadGraphText(read('three-problems.json'), 'three-problems.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', 'nodes[3].id'],
      ['missing-node', 'edges[0].target'],
      ['unknown-relation', 'edges[1].relation'],
    ]);
    const lines = result.issues.map((i) => i.line!);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('formats each issue as file:line:column path: message (code)', () => {
    const result = loadGraphText(read('three-problems.json'), 'graph/three.json');
    if (result.ok) throw new Error('expected problems');
    const text = result.issues.map(formatIssue);
    expect(text[1]).toMatch(
      /^graph\/three\.json:\d+:\d+ edges\[0\]\.target: target "hezbollah" is not a node/,
    );
    expect(text[2]).toContain('(unknown-relation)');
  });
});

describe('validateGraph on values', () => {
  const base = JSON.parse(read('valid-minimal.json'));

  it('rejects a value that is not an object', () => {
    const result = validateGraph([], 'x.json');
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['wrong-type']);
  });

  it('suggests the nearest relation for a typo', () => {
    const file = structuredClone(base);
    file.edges[0].relation = 'detters';
    const result = validateGraph(file, 'x.json');
    if (result.ok) throw new Error('expected problems');
    expect(result.issues[0]!.message).toContain('did you mean "deters"?');
  });

  it('treats node and edge ids as one namespace, as the renderer does', () => {
    const file = structuredClone(base);
    file.edges[0].id = 'iran';
    const result = validateGraph(file, 'x.json');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', 'edges[0].id'],
    ]);
  });

  it('reports a parent cycle once, not once per member', () => {
    const file = structuredClone(base);
    file.nodes[0].parent = 'iran';
    file.nodes[1].parent = 'irgc';
    const result = validateGraph(file, 'x.json');
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['parent-cycle']);
  });

  it('accepts an ongoing relation and one that ends in the month it starts', () => {
    const file = structuredClone(base);
    file.edges[0].time = { start: '2023-10' };
    expect(validateGraph(file, 'x.json').ok).toBe(true);
    file.edges[0].time = { start: '2023-10-07', end: '2023-10' };
    expect(validateGraph(file, 'x.json').ok).toBe(true);
  });

  it('accepts quotes on a node, and rejects an empty list of them', () => {
    const file = structuredClone(base);
    file.nodes[2].evidence = [{ source: 'nyt', quote: 'Iran’s Islamic Revolutionary Guards Corps' }];
    expect(validateGraph(file, 'x.json').ok).toBe(true);
    file.nodes[2].evidence = [];
    const result = validateGraph(file, 'x.json');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-value', 'nodes[2].evidence'],
    ]);
  });

  it('keeps reporting reference problems when other entries are malformed', () => {
    const file = structuredClone(base);
    file.nodes.splice(1, 0, 42);
    file.edges[0].target = 'nowhere';
    const result = validateGraph(file, 'x.json');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['wrong-type', 'nodes[1]'],
      ['missing-node', 'edges[0].target'],
    ]);
  });

  it('never changes the value it validates', () => {
    const file = structuredClone(base);
    const before = JSON.stringify(file);
    validateGraph(file, 'x.json');
    expect(JSON.stringify(file)).toBe(before);
  });
});

describe('untrusted text', () => {
  const base = JSON.parse(read('valid-minimal.json'));
  const codesFor = (edit: (file: typeof base) => void) => {
    const file = structuredClone(base);
    edit(file);
    const result = validateGraph(file, 'x.json');
    return result.ok ? [] : result.issues.map((i) => [i.code, i.path]);
  };

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    'vbscript:x',
  ])('refuses the link %s with its own code', (url) => {
    expect(codesFor((f) => (f.sources[0].url = url))).toEqual([['unsafe-url', 'sources[0].url']]);
  });

  it('accepts http and https links, and says when a link is not a web address at all', () => {
    expect(codesFor((f) => (f.sources[0].url = 'https://www.nytimes.com/2023/10/27/x.html'))).toEqual([]);
    expect(codesFor((f) => (f.sources[0].url = 'http://example.org/a?b=c#d'))).toEqual([]);
    expect(codesFor((f) => (f.sources[0].url = 'not a link'))).toEqual([['invalid-value', 'sources[0].url']]);
  });

  it.each(CONTROL_STRINGS.map((s) => [JSON.stringify(s), s]))(
    'refuses a label, title and alias holding %s',
    (_, bad) => {
      expect(
        codesFor((f) => {
          f.title = bad;
          f.nodes[0].label = bad;
          f.nodes[1].aliases = [bad];
        }),
      ).toEqual([
        ['control-character', 'title'],
        ['control-character', 'nodes[0].label'],
        ['control-character', 'nodes[1].aliases[0]'],
      ]);
    },
  );

  it('allows tabs and line breaks in quotes and descriptions, and no other control character', () => {
    expect(
      codesFor((f) => {
        f.edges[0].evidence[0].quote = 'first line\n\tsecond line';
        f.nodes[0].description = 'one\r\ntwo';
      }),
    ).toEqual([]);
    expect(codesFor((f) => (f.edges[0].evidence[0].quote = 'a\u0007b'))).toEqual([
      ['control-character', 'edges[0].evidence[0].quote'],
    ]);
  });

  it.each(HOSTILE_BUT_VALID.map((s) => [s.slice(0, 40), s]))('accepts the text %s as it is', (_, text) => {
    expect(
      codesFor((f) => {
        f.nodes[0].label = text.trim();
        f.edges[0].evidence[0].quote = text.trim();
      }),
    ).toEqual([]);
  });

  it('names the character and where it is', () => {
    const file = structuredClone(base);
    file.nodes[0].label = 'United\u0000States';
    const result = validateGraph(file, 'x.json');
    if (result.ok) throw new Error('expected problems');
    expect(result.issues[0]!.message).toContain('U+0000 at character 7');
  });
});

describe('imported (not curated) files', () => {
  it('accepts claims without evidence, free relations, undirected edges, attributes and any ids', () => {
    const result = loadGraphText(read('valid-imported.json'), 'valid-imported.json');
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
    if (!result.ok) return;
    expect(result.graph.nodeById.get('Myriel')?.attributes).toEqual({ group: 1, tags: ['bishop', 'kind'] });
    expect(result.graph.edgeById.get('0')).toMatchObject({ label: 'knows', directed: false });
    expect(result.graph.file.sources).toEqual([]);
  });

  it('holds them to the curated rules when asked, or when they say they are strict', () => {
    const text = read('valid-imported.json');
    const codes = (r: ReturnType<typeof loadGraphText>) =>
      r.ok ? [] : [...new Set(r.issues.map((i) => i.code))].sort();
    const expected = ['bad-id', 'invalid-value', 'missing-field', 'unknown-field', 'unsourced'];
    expect(codes(loadGraphText(text, 'x.json', { strict: true }))).toEqual(expected);
    const marked = JSON.stringify({ ...JSON.parse(text), strict: true });
    expect(codes(loadGraphText(marked, 'x.json'))).toEqual(expected);
  });

  it('refuses "__proto__" as an attribute name instead of dropping it, and pollutes nothing', () => {
    const text = JSON.stringify({
      format: 'actor-graph',
      version: 2,
      id: 'x',
      title: 'X',
      nodes: [
        { id: 'a', label: 'A', attributes: JSON.parse('{"__proto__":{"polluted":1},"ok":{"__proto__":2}}') },
      ],
      edges: [],
    });
    const result = loadGraphText(text, 'x.json');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-value', 'nodes[0].attributes.__proto__'],
      ['invalid-value', 'nodes[0].attributes.ok.__proto__'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses ids that are built-in property names, which the layouts would take for properties', () => {
    const text = JSON.stringify({
      format: 'actor-graph',
      version: 2,
      id: 'x',
      title: 'X',
      nodes: ['__proto__', 'constructor', 'toString', 'prototype'].map((id) => ({ id, label: id })),
      edges: [{ id: 'hasOwnProperty', source: 'prototype', target: 'constructor', label: 'knows' }],
    });
    const result = loadGraphText(text, 'x.json');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['bad-id', 'nodes[0].id'],
      ['bad-id', 'nodes[1].id'],
      ['bad-id', 'nodes[2].id'],
      ['bad-id', 'edges[0].id'],
    ]);
  });

  it('checks references in a file without sources', () => {
    const text = JSON.stringify({
      format: 'actor-graph',
      version: 2,
      id: 'x',
      title: 'X',
      nodes: [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'A again' },
      ],
      edges: [{ id: 'e', source: 'a', target: 'missing', label: 'knows' }],
    });
    const result = loadGraphText(text, 'x.json');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', 'nodes[1].id'],
      ['missing-node', 'edges[0].target'],
    ]);
  });

  it('reads version 1 files as curated', () => {
    const file = JSON.parse(read('valid-minimal.json'));
    delete file.edges[0].evidence;
    const result = validateGraph(file, 'x.json');
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['unsourced']);
    file.version = 2;
    expect(validateGraph(file, 'x.json').ok).toBe(true);
  });
});
