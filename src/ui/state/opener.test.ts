// The opener in Node, with the loader run in-process instead of a worker: every way of opening ends in
// the same loader; a bad file changes nothing; CSV goes through its mapping, which is remembered.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvPreview } from '../../core/formats/csv';
import { loadGraphFile } from '../../core/formats/load';
import { recallMapping } from './csvMappings';
import { ExplorerState } from './explorer.svelte';
import type { Loader, WorkerResponse } from './loadRequests';
import { GraphOpener, openedGraphId, pastedName } from './opener.svelte';
import { planRecent, type RecentMeta } from './recentFiles';

const FIXTURES = 'src/core/formats/fixtures';

class MemoryStorage {
  #m = new Map<string, string>();
  get length() {
    return this.#m.size;
  }
  clear() {
    this.#m.clear();
  }
  getItem(k: string) {
    return this.#m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.#m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.#m.delete(k);
  }
  setItem(k: string, v: string) {
    this.#m.set(k, v);
  }
}

/** The loader the worker runs, run in-process (with a structured clone, as postMessage makes). */
const inProcess: Loader = {
  run(request) {
    const response: WorkerResponse =
      request.type === 'load'
        ? { type: 'load', result: loadGraphFile(request.input, request.options) }
        : { type: 'preview', previews: request.inputs.map((i) => csvPreview(i, request.rows)) };
    return { result: Promise.resolve(structuredClone(response)), cancel() {} };
  },
};

function setUp() {
  const storage = new MemoryStorage() as unknown as Storage;
  const explorer = new ExplorerState({
    storage,
    location: { search: '?g=sample-abu-kamal-strikes', pathname: '/' },
  });
  explorer.start();
  const opener = new GraphOpener(explorer, { loader: inProcess, storage });
  return { explorer, opener, storage };
}

const file = (path: string) => new File([readFileSync(path)], path.slice(path.lastIndexOf('/') + 1));

describe('the opener', () => {
  it('opens a dropped GEXF and shows it under its own id, replacing the graph', async () => {
    const { explorer, opener } = setUp();
    await opener.openFiles([file(`${FIXTURES}/graphology/les_miserables.gexf`)]);
    expect(explorer.loadIssues).toEqual([]);
    expect(explorer.graph?.file.id).toBe('les-miserables');
    expect(explorer.graph?.file.nodes).toHaveLength(77);
    expect(explorer.source).toMatchObject({ type: 'opened', name: 'les_miserables.gexf', format: 'gexf' });
    // The file has positions: it opens in its own arrangement.
    expect(explorer.view.layout).toBe('curated');
  });

  it('keeps the graph on screen when a file is broken, and says where', async () => {
    const { explorer, opener } = setUp();
    const before = explorer.graph;
    const text = readFileSync(`${FIXTURES}/graphology/basic.graphml`, 'utf8');
    await opener.openFiles([new File([text.slice(0, text.indexOf('<edge'))], 'broken.graphml')]);
    expect(explorer.graph).toBe(before);
    expect(explorer.loadIssues[0]).toMatchObject({ code: 'invalid-xml', file: 'broken.graphml' });
    expect(explorer.loadIssues[0]!.line).toBeGreaterThan(1);
  });

  it('opens pasted JSON under a name that says its format', async () => {
    const { explorer, opener } = setUp();
    const text = readFileSync(`${FIXTURES}/cytoscape-demos/compound.json`, 'utf8');
    expect(pastedName(text)).toBe('pasted.cyjs');
    await opener.openText(text);
    expect(explorer.source).toMatchObject({ type: 'opened', name: 'pasted.cyjs', format: 'cytoscape' });
    expect(explorer.graph?.file.nodes).toHaveLength(28);
  });

  it('takes a CSV pair through the mapping step, the edges file first, and remembers the mapping', async () => {
    const { explorer, opener, storage } = setUp();
    await opener.openFiles([
      file(`${FIXTURES}/csv/actors.nodes.csv`),
      file(`${FIXTURES}/csv/actors.edges.csv`),
    ]);
    const step = opener.csv!;
    expect(step.tables.map((t) => [t.role, t.input.name])).toEqual([
      ['edges', 'actors.edges.csv'],
      ['nodes', 'actors.nodes.csv'],
    ]);
    expect(step.tables[0]!.mapping).toMatchObject({ source: 'Source', target: 'Target', quote: 'Quote' });
    step.tables[0]!.mapping.relation = 'Type';
    await opener.confirmCsv();
    expect(explorer.loadIssues).toEqual([]);
    expect(explorer.graph?.file.nodes).toHaveLength(4);
    const headers = step.tables[0]!.headers;
    expect(recallMapping(storage, 'edges', headers)?.relation).toBe('Type');
    // The same headers again: the remembered mapping is offered.
    await opener.openFiles([file(`${FIXTURES}/csv/actors.edges.csv`)]);
    expect(opener.csv?.tables[0]).toMatchObject({ remembered: true, mapping: { relation: 'Type' } });
  });

  it('refuses a file over the size limit before reading it, with its size', async () => {
    const { explorer, opener } = setUp();
    const big = {
      name: 'huge.gexf',
      size: 60 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('read')),
    };
    await opener.openFiles([big as unknown as File]);
    expect(explorer.loadIssues[0]).toMatchObject({ code: 'too-large', file: 'huge.gexf' });
    expect(explorer.loadIssues[0]!.message).toContain('60.0 MB');
    expect(explorer.graph?.file.id).toBe('sample-abu-kamal-strikes');
  });

  it('fetches ?file= and keeps it in the address with the view', async () => {
    const { explorer, opener } = setUp();
    const text = readFileSync(`${FIXTURES}/graphology/case.gexf`);
    let asked = '';
    const fetchStub = (async (url: string) => {
      asked = url;
      return new Response(text, { status: 200 });
    }) as unknown as typeof fetch;
    const withFetch = new GraphOpener(explorer, {
      loader: inProcess,
      fetch: fetchStub,
      base: 'https://example.org/app/',
    });
    void opener;
    const ok = await withFetch.openUrl(
      'data/case.gexf',
      new URLSearchParams('file=data/case.gexf&g=case&depth=2'),
    );
    expect(ok).toBe(true);
    expect(asked).toBe('https://example.org/app/data/case.gexf');
    expect(explorer.view.focus.depth).toBe(2);
    expect(explorer.source).toMatchObject({ url: 'https://example.org/app/data/case.gexf' });
  });

  it('refuses addresses that are not http or https', async () => {
    const { explorer, opener } = setUp();
    expect(await opener.openUrl('javascript:alert(1)')).toBe(false);
    expect(explorer.loadIssues[0]?.code).toBe('unsafe-url');
  });
});

describe('opened graph ids', () => {
  it('never take a bundled graph id, and are always readable', () => {
    expect(openedGraphId('us-iran-2023-10', ['us-iran-2023-10'])).toBe('us-iran-2023-10-opened');
    expect(openedGraphId('les-miserables', ['us-iran-2023-10'])).toBe('les-miserables');
    expect(openedGraphId('My Graph (2)', [])).toBe('my-graph-2');
    expect(openedGraphId('ξ', [])).toBe('opened');
  });
});

describe('the recent files', () => {
  const meta = (id: string, bytes: number, openedAt: number): RecentMeta => ({
    id,
    title: id,
    name: `${id}.gexf`,
    format: 'gexf',
    bytes,
    openedAt,
  });
  const MB = 1024 * 1024;
  const limits = { fileBytes: 5 * MB, totalBytes: 20 * MB, count: 3 };

  it('drop the oldest first to stay within the total and the count', () => {
    const existing = [meta('a', 4 * MB, 1), meta('b', 4 * MB, 2), meta('c', 4 * MB, 3)];
    expect(planRecent(existing, meta('d', 5 * MB, 4), limits)).toEqual({ keep: true, drop: ['a'] });
    const many = [meta('a', 1, 1), meta('b', 1, 2), meta('c', 1, 3)];
    expect(planRecent(many, meta('d', 1, 4), limits)).toEqual({ keep: true, drop: ['a'] });
  });

  it('replace the entry of the same graph', () => {
    expect(planRecent([meta('a', 1, 1)], meta('a', 2, 2), limits)).toEqual({ keep: true, drop: ['a'] });
  });

  it('do not keep a file over the per-file cap, and say so', () => {
    const plan = planRecent([meta('a', 1, 1)], meta('big', 6 * MB, 2), limits);
    expect(plan.keep).toBe(false);
    expect(plan.drop).toEqual([]);
    expect(plan.note).toContain('6.0 MB');
  });
});
