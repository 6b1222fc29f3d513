// The sentences a reader sees for claims: the verb agrees with its subject, a judgement says what is
// judged, and the curated graph's sentences read as English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSentence, relationPhrase } from './describe';
import type { ActorNode, ClaimEdge, GraphFile } from './model';
import { loadGraphText, validateGraph, type Graph } from './validate';

const claim = (
  id: string,
  source: string,
  target: string,
  relation: ClaimEdge['relation'],
  extra: Partial<ClaimEdge> = {},
): ClaimEdge => ({
  id,
  source,
  target,
  relation,
  certainty: 'reported',
  evidence: [{ source: 'src', quote: `quote for ${id}` }],
  ...extra,
});

/** Singular and plural subjects for the same relations, a judgement with and without its summary. */
function agreementGraph(): Graph {
  const file: GraphFile = {
    format: 'actor-graph',
    version: 2,
    id: 'agreement',
    title: 'Agreement',
    sources: [{ id: 'src', title: 'T', publisher: 'P', published: '2023-10-27' }],
    nodes: [
      { id: 'us', label: 'United States', kind: 'state' },
      { id: 'west', label: 'Western governments', kind: 'coalition', plural: true },
      { id: 'jets', label: 'F-16 jets', kind: 'military-unit', plural: true, parent: 'us' },
      { id: 'agencies', label: 'U.S. intelligence agencies', kind: 'government-body', plural: true },
      { id: 'iran', label: 'Iran', kind: 'state' },
      { id: 'depots', label: 'Depots', kind: 'facility', plural: true },
    ],
    edges: [
      claim('us-sanctions-iran', 'us', 'iran', 'sanctions'),
      claim('west-sanctions-iran', 'west', 'iran', 'sanctions'),
      claim('jets-strike-depots', 'jets', 'depots', 'strikes'),
      claim('west-allied-with-us', 'west', 'us', 'allies-with'),
      claim('us-allied-with-west', 'us', 'west', 'allies-with'),
      claim('agencies-assess-iran', 'agencies', 'iran', 'assesses', {
        certainty: 'assessed',
        summary: 'Khamenei wanted to avoid a wider war. ',
      }),
      claim('us-assesses-iran', 'us', 'iran', 'assesses', {
        certainty: 'assessed',
        summary: 'top Iranian leaders were surprised.',
      }),
      claim('agencies-assess-iran-unsaid', 'agencies', 'iran', 'assesses', { certainty: 'assessed' }),
      claim('west-knows-iran', 'west', 'iran', undefined, { label: 'knows' }),
    ],
  };
  const result = validateGraph(file, 'agreement.json');
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.graph;
}

describe('claimSentence', () => {
  const g = agreementGraph();
  const sentence = (id: string) => claimSentence(g, g.edgeById.get(id)!);

  it('puts the verb in the singular after a singular name and in the plural after a plural one', () => {
    expect(sentence('us-sanctions-iran')).toBe('United States sanctions Iran');
    expect(sentence('west-sanctions-iran')).toBe('Western governments sanction Iran');
    expect(sentence('jets-strike-depots')).toBe('F-16 jets strike Depots');
    expect(sentence('west-allied-with-us')).toBe('Western governments are allied with United States');
  });

  it('agrees with the subject, not the object', () => {
    expect(sentence('us-allied-with-west')).toBe('United States is allied with Western governments');
  });

  it('says what a judgement judges, without its final period, the verb agreeing', () => {
    expect(sentence('agencies-assess-iran')).toBe(
      'U.S. intelligence agencies assess that Khamenei wanted to avoid a wider war',
    );
    expect(sentence('us-assesses-iran')).toBe(
      'United States assesses that top Iranian leaders were surprised',
    );
  });

  it('names the actor judged when a judgement has no summary', () => {
    expect(sentence('agencies-assess-iran-unsaid')).toBe('U.S. intelligence agencies assess Iran');
  });

  it('keeps the own wording of a relation outside the vocabulary', () => {
    expect(sentence('west-knows-iran')).toBe('Western governments → Iran: knows');
  });

  it('gives the verb alone, agreeing with the subject asked for', () => {
    const edge = g.edgeById.get('us-allied-with-west')!;
    expect(relationPhrase(g, edge)).toBe('is allied with');
    expect(relationPhrase(g, edge, 'west')).toBe('are allied with');
  });
});

const GRAPH_DIR = join(import.meta.dirname, '../../graph');
function loadGraphFile(name: string): Graph {
  const result = loadGraphText(readFileSync(join(GRAPH_DIR, name), 'utf8'), `graph/${name}`);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.graph;
}

/** Names ending in -s that are one thing, not many. */
const SINGULAR_NAMES = new Set(['United States', 'Hamas', 'Islamic Revolutionary Guards Corps']);

/**
 * Whether a name reads as plural: its head noun (the last word before "in", "of" or "for") ends in
 * a plural -s ("U.S. forces in Iraq and Syria", "Air Force F-16 jets"), unless it is a known singular name.
 */
function looksPlural(label: string): boolean {
  if (SINGULAR_NAMES.has(label)) return false;
  const head = label
    .split(/ (?:in|of|for) /)[0]!
    .split(' ')
    .at(-1)!;
  return /[^s]s$/.test(head);
}

describe('looksPlural', () => {
  it('reads the head noun, before a place', () => {
    expect(looksPlural('U.S. forces in Iraq and Syria')).toBe(true);
    expect(looksPlural('Air Force F-16 jets')).toBe(true);
    expect(looksPlural('Quds Force commander')).toBe(false);
    expect(looksPlural('Iran')).toBe(false);
    expect(looksPlural('United States')).toBe(false);
    expect(looksPlural('Congress')).toBe(false);
  });
});

describe.each(['us-iran-2023-10.json', 'sample-abu-kamal-strikes.json'])(
  'the sentences of graph/%s',
  (name) => {
    const g = loadGraphFile(name);
    const sentences = g.file.edges.map((e) => claimSentence(g, e));

    it('marks every actor whose name is plural, and no other', () => {
      const wrong = g.file.nodes
        .filter((n: ActorNode) => (n.plural === true) !== looksPlural(n.label))
        .map((n) => `${n.id}: "${n.label}" plural=${n.plural === true}`);
      expect(wrong).toEqual([]);
    });

    it('names no group after who backs it', () => {
      expect(g.file.nodes.filter((n) => /-backed\b/i.test(n.label)).map((n) => n.label)).toEqual([]);
      expect(sentences.filter((s) => /\b(\w+) backs \1/i.test(s))).toEqual([]);
    });

    it('says what each judgement judges, as a clause after "that"', () => {
      const names = new Set(
        g.file.nodes.flatMap((n) => [n.label, ...(n.aliases ?? [])]).flatMap((s) => s.split(' ')),
      );
      const bad = g.file.edges
        .filter((e) => e.relation === 'assesses')
        .filter((e) => {
          const first = e.summary?.split(' ')[0] ?? '';
          return !(first !== '' && (/^[a-z]/.test(first) || names.has(first)));
        })
        .map((e) => `${e.id}: ${e.summary ?? '(no summary)'}`);
      expect(bad).toEqual([]);
    });
  },
);

describe('the curated graph reads right', () => {
  const g = loadGraphFile('us-iran-2023-10.json');
  const sentences = g.file.edges.map((e) => claimSentence(g, e));

  it('agrees in number with its plural actors', () => {
    expect(sentences).toEqual(
      expect.arrayContaining([
        'Western governments sanction Iran',
        'Air Force F-16 jets strike Iranian munitions depots in Syria',
        'Militia groups in Iraq and Syria attack U.S. forces in Iraq and Syria',
        'Iranian hard-liners pressure Ali Khamenei',
      ]),
    );
  });

  it('gives the judgement in the sentence of each assessment', () => {
    expect(sentences).toEqual(
      expect.arrayContaining([
        'U.S. intelligence agencies assess that Khamenei wanted to avoid a wider war with Israel or with the United States',
        'International nuclear inspectors assess that the 2015 deal had largely contained Iran’s nuclear activity until Mr. Trump pulled out of it',
        'United States assesses that top Iranian leaders were surprised to learn about the Oct. 7 attacks',
        'United States assesses that the Quds Force commander was surprised to learn about the Oct. 7 attacks',
      ]),
    );
  });

  it('never says "Iran backs Iran-backed"', () => {
    expect(sentences.filter((s) => s.includes('Iran backs Iran-backed'))).toEqual([]);
    expect(sentences).toContain('Iran backs Militia groups in Iraq and Syria');
  });
});
