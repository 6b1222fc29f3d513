// Tests over the data: every graph file in graph/ validates, quotes what its sources say, dates
// nothing after its sources were published, and uses readable ids; the curated graph has its actors
// and the claims a fact-check of it settled.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuotes, formatQuoteProblem, normaliseQuoteText } from '../src/core/evidence/quoteCheck';
import { ID_PATTERN, type GraphFile, type Source } from '../src/core/model';
import { parsePartialDate } from '../src/core/time/partialDate';
import { formatIssue, loadGraphText } from '../src/core/validate';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const GRAPH_DIR = join(ROOT, 'graph');
const FILES = readdirSync(GRAPH_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .sort();
const CURATED = 'us-iran-2023-10.json';

/**
 * The lines of a saved news page that are not reporting: photo captions ("…Credit…Name for The New
 * York Times") and navigation ("Back to top button"). Quotes must come from the reporting.
 */
function withoutPageFurniture(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.includes('Credit…') && line.trim() !== 'Back to top button')
    .join('\n');
}

/** The reporting in a source's local copy; the path is relative to the repository root. */
function readCopy(source: Source): string | undefined {
  if (source.localCopy === undefined) return undefined;
  try {
    return withoutPageFurniture(readFileSync(resolve(ROOT, source.localCopy), 'utf8'));
  } catch {
    return undefined;
  }
}

function load(name: string): GraphFile {
  const result = loadGraphText(readFileSync(join(GRAPH_DIR, name), 'utf8'), `graph/${name}`);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.graph.file;
}

/** Ids of nodes that are neither an end of an edge nor a group with such a node inside. */
function unconnectedNodes(file: GraphFile): string[] {
  const parentOf = new Map(file.nodes.map((n) => [n.id, n.parent]));
  const connected = new Set<string>();
  for (const e of file.edges) {
    for (
      let id: string | undefined = e.source;
      id !== undefined && !connected.has(id);
      id = parentOf.get(id)
    ) {
      connected.add(id);
    }
    for (
      let id: string | undefined = e.target;
      id !== undefined && !connected.has(id);
      id = parentOf.get(id)
    ) {
      connected.add(id);
    }
  }
  return file.nodes.filter((n) => !connected.has(n.id)).map((n) => n.id);
}

/** Edges with a date (`date`, `start` or `end`) that begins after the latest of their sources was published. */
function datesAfterPublication(file: GraphFile): string[] {
  const published = new Map(file.sources.map((s) => [s.id, parsePartialDate(s.published)?.to ?? -Infinity]));
  const problems: string[] = [];
  for (const e of file.edges) {
    if (!e.time) continue;
    const coverageEnd = Math.max(...(e.evidence ?? []).map((ev) => published.get(ev.source) ?? -Infinity));
    const t = e.time as Record<string, unknown>;
    for (const key of ['date', 'start', 'end'] as const) {
      const text = t[key];
      if (typeof text !== 'string') continue;
      const d = parsePartialDate(text);
      if (!d || d.from >= coverageEnd) problems.push(`${e.id} time.${key} ${text}`);
    }
  }
  return problems;
}

/** Pairs of edges that make the same claim: same ends, relation, time and quotes. */
function duplicateEdges(file: GraphFile): string[][] {
  const byKey = new Map<string, string[]>();
  for (const e of file.edges) {
    const t = (e.time ?? {}) as Record<string, unknown>;
    const quotes = (e.evidence ?? []).map((ev) => `${ev.source}:${normaliseQuoteText(ev.quote)}`).sort();
    const key = JSON.stringify([e.source, e.target, e.relation, t.date, t.start, t.end, t.circa, quotes]);
    byKey.set(key, [...(byKey.get(key) ?? []), e.id]);
  }
  return [...byKey.values()].filter((ids) => ids.length > 1);
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Ids that do not read as words: off the id pattern, a letter or word plus a number (`e17`, `n-3`),
 * or a single word that is not the node's own name or alias (`iran` for Iran is fine; `strike` is not).
 */
function unreadableIds(file: GraphFile): string[] {
  const bad: string[] = [];
  const check = (id: string, names: string[]) => {
    const words = id.split('-');
    const ok =
      ID_PATTERN.test(id) &&
      !/^[a-z]+-?\d+$/.test(id) &&
      (words.length >= 2 || names.some((name) => slug(name) === id));
    if (!ok) bad.push(id);
  };
  for (const n of file.nodes) check(n.id, [n.label, ...(n.aliases ?? [])]);
  for (const e of file.edges) check(e.id, []);
  for (const s of file.sources) check(s.id, []);
  check(file.id, [file.title]);
  return bad;
}

describe.each(FILES)('graph/%s', (name) => {
  const text = readFileSync(join(GRAPH_DIR, name), 'utf8');

  it('validates', () => {
    const result = loadGraphText(text, `graph/${name}`);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  it('quotes every source verbatim, and every source can be checked (local copy or URL)', () => {
    const problems = checkQuotes(load(name), readCopy);
    expect(problems.map(formatQuoteProblem)).toEqual([]);
  });

  it('connects every node to an edge (a group through one of its members)', () => {
    expect(unconnectedNodes(load(name))).toEqual([]);
  });

  it('dates nothing after its sources were published', () => {
    expect(datesAfterPublication(load(name))).toEqual([]);
  });

  it('makes no claim twice', () => {
    expect(duplicateEdges(load(name))).toEqual([]);
  });

  it('uses readable ids', () => {
    expect(unreadableIds(load(name))).toEqual([]);
  });
});

describe(`the curated graph (graph/${CURATED})`, () => {
  const file = load(CURATED);
  const nodeIds = new Set(file.nodes.map((n) => n.id));
  const parentOf = new Map(file.nodes.map((n) => [n.id, n.parent]));
  const ancestors = (id: string) => {
    const chain: string[] = [];
    for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) chain.push(p);
    return chain;
  };

  it('has the actors the issue names', () => {
    const named = [
      'united-states',
      'iran',
      'iran-backed-militias',
      'russia',
      'china',
      'hamas',
      'hezbollah',
      'israel',
      'ali-khamenei',
      'joe-biden',
      'john-kirby',
      'lloyd-austin',
      'barack-obama',
      'donald-trump',
      'qassem-soleimani',
      'ali-bagheri-kani',
      'moussa-abu-marzouk',
      'irgc',
      'irgc-quds-force',
      'pentagon',
      'us-intelligence-agencies',
      'us-forces-iraq-syria',
      'syria-munitions-depots',
      'gaza',
      'ukraine',
      'european-allies',
      'international-nuclear-inspectors',
      'iran-nuclear-deal-2015',
    ];
    expect(named.filter((id) => !nodeIds.has(id))).toEqual([]);
  });

  it('nests members in their groups so they can be collapsed', () => {
    expect(ancestors('irgc-quds-force')).toEqual(['irgc', 'iran']);
    expect(ancestors('ali-khamenei')).toContain('iran');
    expect(ancestors('us-forces-iraq-syria')).toContain('united-states');
    expect(ancestors('joe-biden')).toContain('united-states');
    expect(ancestors('moussa-abu-marzouk')).toContain('hamas');
  });

  it('cites the seed article by its copy inside the repository, and outside sources by URL and copy, for actors only', () => {
    const [seed, ...outside] = file.sources;
    expect(seed!.localCopy).toBe('graph/sources/nyt-2023-10-27-twin-messages.txt');
    const outsideIds = new Set(outside.map((s) => s.id));
    for (const s of outside) {
      expect(s.url, s.id).toMatch(/^https:\/\//);
      expect(s.localCopy, s.id).toMatch(/^graph\/sources\//);
    }
    // Every relation comes from the article; an outside source only places or describes an actor.
    expect(
      file.edges.filter((e) => (e.evidence ?? []).some((ev) => outsideIds.has(ev.source))).map((e) => e.id),
    ).toEqual([]);
  });

  it('has an edge for each claim the fact-check found missing, with its quote', () => {
    // [source, relation, target, certainty, words its quote must hold]
    const wanted = [
      ['israel', 'attacks', 'hezbollah', 'conditional', 'bring Israeli forces across the border'],
      ['united-states', 'strikes', 'hezbollah', 'conditional', 'bring U.S. air power into the fight'],
      [
        'iran',
        'avoids-conflict-with',
        'united-states',
        'assessed',
        'do not appear to want to risk losing the business',
      ],
    ] as const;
    const missing = wanted.filter(
      ([source, relation, target, certainty, words]) =>
        !file.edges.some(
          (e) =>
            e.source === source &&
            e.relation === relation &&
            e.target === target &&
            e.certainty === certainty &&
            (e.evidence ?? []).some((ev) => ev.quote.includes(words)),
        ),
    );
    expect(missing).toEqual([]);
  });

  it('codes the disputed claims as the article says them', () => {
    const edge = (id: string) => file.edges.find((e) => e.id === id)!;
    // Bagheri Kani names no addressee: his priorities are for Gaza, not a call on Israel.
    expect(edge('bagheri-kani-calls-for-gaza-cease-fire-2023-10')).toMatchObject({
      target: 'gaza',
      relation: 'supports',
    });
    // Biden's approval is dated like the assessment it followed, in the same sentence.
    expect(edge('biden-approves-strikes-on-syria-depots').time).toEqual(
      edge('us-intelligence-assesses-khamenei-2023-10').time,
    );
    // "A much closer relationship" is not an alliance.
    expect(edge('iran-closer-to-russia').relation).toBe('cooperates-with');
    // "No evidence that Iran knew about the Oct. 7 attacks, helped plan them or helped train the
    // fighters": three claims, three edges, each quoting the sentence up to its own claim.
    const denials = file.edges.filter((e) =>
      (e.evidence ?? []).some((ev) => ev.quote.includes('collected no evidence that Iran')),
    );
    expect(denials.map((e) => [e.id, e.relation, e.certainty])).toEqual([
      ['iran-knew-of-oct-7-attacks-denied', 'privy-to', 'denied'],
      ['iran-planned-oct-7-attack-denied', 'backs', 'denied'],
      ['iran-trained-oct-7-fighters-denied', 'trains', 'denied'],
    ]);
    expect(edge('iran-knew-of-oct-7-attacks-denied').evidence![0]!.quote).not.toContain('helped plan');
  });

  it('backs the Quds Force inside the IRGC, which the article does not say, with an outside source', () => {
    const quds = file.nodes.find((n) => n.id === 'irgc-quds-force')!;
    const cited = (quds.evidence ?? []).map((ev) => file.sources.find((s) => s.id === ev.source));
    expect(cited.some((s) => s?.url !== undefined && s.id !== file.sources[0]!.id)).toBe(true);
  });
});

// The checks above must be able to fail: each is run once on a deliberately broken copy.
describe('the data checks catch what they are for', () => {
  const base = load(CURATED);
  const copy = (): GraphFile => structuredClone(base);

  it('reports an altered quote, naming the edge and the quote', () => {
    const file = copy();
    const edge = file.edges.find((e) => e.id === 'us-strikes-syria-munitions-depots-2023-10-27')!;
    edge.evidence![0]!.quote = edge.evidence![0]!.quote.replace('two Iranian', 'three Iranian');
    const problems = checkQuotes(file, readCopy).map(formatQuoteProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('us-strikes-syria-munitions-depots-2023-10-27');
    expect(problems[0]).toContain('three Iranian military munitions stockpiles');
  });

  it('reports a misquote on a node, naming the node', () => {
    const file = copy();
    const irgc = file.nodes.find((n) => n.id === 'irgc')!;
    irgc.evidence = [{ source: file.sources[0]!.id, quote: 'Iran’s Islamic Revolutionary Guard Corps' }];
    const problems = checkQuotes(file, readCopy).map(formatQuoteProblem);
    expect(problems).toEqual([expect.stringMatching(/^node "irgc" evidence\[0\]: quote-not-found/)]);
  });

  it('reports a quote taken from a photo caption', () => {
    const file = copy();
    file.edges[0]!.evidence![0]!.quote = 'Supporters of the Palestinians demonstrating in Tehran';
    expect(checkQuotes(file, readCopy).map((p) => p.code)).toEqual(['quote-not-found']);
  });

  it('reports a source with neither a local copy nor a URL', () => {
    const file = copy();
    delete file.sources[0]!.localCopy;
    expect(new Set(checkQuotes(file, readCopy).map((p) => p.code))).toEqual(new Set(['unverifiable-source']));
  });

  it('reports a node with no edge', () => {
    const file = copy();
    file.nodes.push({ id: 'lonely-actor', label: 'Lonely actor', kind: 'person', parent: 'iran' });
    expect(unconnectedNodes(file)).toEqual(['lonely-actor']);
  });

  it('reports dates, including an end, after publication', () => {
    const file = copy();
    file.edges[0]!.time = { date: '2023-10-28' };
    file.edges[1]!.time = { start: '2021', end: '2024' };
    expect(datesAfterPublication(file)).toEqual([
      `${file.edges[0]!.id} time.date 2023-10-28`,
      `${file.edges[1]!.id} time.end 2024`,
    ]);
  });

  it('reports a duplicated claim, whatever its id and quote spacing', () => {
    const file = copy();
    const first = file.edges[0]!;
    file.edges.push({
      ...structuredClone(first),
      id: 'same-claim-again',
      evidence: first.evidence!.map((ev) => ({ ...ev, quote: ` ${ev.quote.replace(/ /g, '\n')} ` })),
    });
    expect(duplicateEdges(file)).toEqual([[first.id, 'same-claim-again']]);
  });

  it('reports unreadable ids', () => {
    const file = copy();
    file.edges[0]!.id = 'e17';
    file.edges[1]!.id = 'strike';
    file.nodes[0]!.id = 'n-3';
    expect(unreadableIds(file)).toEqual(['n-3', 'e17', 'strike']);
  });
});
