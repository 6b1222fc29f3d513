// Tests over the stories in graph/: every claim a step cites exists and every view parses (the
// validator checks both), each step's own view draws every claim it cites (a caption resting on a
// claim the reader cannot see would mislead), and the curated graph's story follows the article.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { edgeVerb, type ClaimEdge, type Story } from '../src/core/model';
import { hiddenCitations, stepView } from '../src/core/stories/stepView';
import { formatIssue, loadGraphText, type Graph } from '../src/core/validate';

const GRAPH_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)));
const FILES = readdirSync(GRAPH_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .sort();

function load(name: string): Graph {
  const result = loadGraphText(readFileSync(join(GRAPH_DIR, name), 'utf8'), `graph/${name}`);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.graph;
}

describe.each(FILES)('the stories of %s', (name) => {
  const graph = load(name);
  const steps = (graph.file.stories ?? []).flatMap((story) =>
    story.steps.map((step, i) => ({ where: `${story.id} step ${i + 1} (${step.title})`, step })),
  );

  it('cite claims that exist, in views that parse (the file validates)', () => {
    expect(graph.file.id).toBe(name.replace(/\.json$/, ''));
  });

  it.each(steps.length > 0 ? steps : [undefined])(
    '%# each step’s view draws every claim it cites',
    (entry) => {
      if (!entry) return;
      const { problems } = stepView(graph, entry.step);
      expect(problems, entry.where).toEqual([]);
      expect(entry.step.cites.length, `${entry.where} cites nothing`).toBeGreaterThan(0);
      expect(hiddenCitations(graph, entry.step), `${entry.where}: cited but not drawn`).toEqual([]);
    },
  );
});

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Words that carry no claim of their own. */
const FILLER = new Set(
  'that this with from have were been would their them they which when whose while there these those into also than then about after before only such most more much what said says say according officials either'.split(
    ' ',
  ),
);
/** A caption's sentences: split after . ; or : and before a capital, not after an initial or a title. */
const sentences = (text: string): string[] =>
  text
    .split(/(?<![A-Z]\.|\b(?:Gen|Mr|Mrs|Dr|St|U\.S)\.)(?<=[.;:])\s+(?=[A-Z])/)
    .filter((s) => s.trim() !== '');
/** The words of a text that could say something (four letters or more, not filler), by their first five letters. */
const stems = (text: string): string[] =>
  (text.match(/[A-Za-z’']+/g) ?? [])
    .filter((w) => w.length >= 4 && !FILLER.has(w.toLowerCase()))
    .map((w) => w.toLowerCase().slice(0, 5));
const numbers = (text: string): string[] => text.match(/\d[\d,.]*\d|\d/g) ?? [];

/**
 * What a step's cited claims can vouch for: their quotes, the names of the actors they join (and
 * of the groups those belong to), who asserts them, their verbs and their dates.
 */
function citedText(graph: Graph, step: Story['steps'][number]): string {
  const parts: string[] = [];
  for (const id of step.cites) {
    const edge: ClaimEdge = graph.edgeById.get(id)!;
    parts.push(...(edge.evidence ?? []).map((e) => e.quote), edge.attributedTo ?? '', edgeVerb(edge));
    for (const end of [edge.source, edge.target]) {
      for (let n = graph.nodeById.get(end); n; n = n.parent ? graph.nodeById.get(n.parent) : undefined) {
        parts.push(n.label, ...(n.aliases ?? []));
      }
    }
    for (const date of Object.values(edge.time ?? {})) {
      if (typeof date !== 'string') continue;
      const [y, m, d] = date.split('-');
      parts.push(y!, m ? MONTHS[Number(m) - 1]! : '', d ? String(Number(d)) : '');
    }
  }
  return parts.join(' ');
}

/** Where a caption says more than the claims its step cites: sentences mostly of other words, numbers they lack. */
function unsupportedSentences(graph: Graph, step: Story['steps'][number]): string[] {
  const cited = citedText(graph, step);
  const pool = new Set(stems(cited));
  const citedNumbers = new Set(numbers(cited).map((n) => n.replace(/,/g, '')));
  const out: string[] = [];
  for (const sentence of sentences(step.caption)) {
    const said = stems(sentence);
    const missing = said.filter((w) => !pool.has(w));
    if (said.length > 0 && missing.length / said.length > 0.34) {
      out.push(`“${sentence}” (unsupported: ${missing.join(', ')})`);
    }
    for (const n of numbers(sentence)) {
      if (!citedNumbers.has(n.replace(/,/g, '')))
        out.push(`“${sentence}” (the number ${n} is in no cited claim)`);
    }
  }
  return out;
}

describe('the story of the curated graph', () => {
  const graph = load('us-iran-2023-10.json');
  const story = graph.file.stories?.find((s) => s.id === 'twin-messages');

  it('follows the article in about eight steps', () => {
    expect(story).toBeDefined();
    expect(story!.steps.length).toBeGreaterThanOrEqual(8);
    expect(story!.steps.length).toBeLessThanOrEqual(10);
    // Where each part of the article is first cited: the strikes, the twin messages, the proxies'
    // attacks, Iran calibrating them, Hamas and Hezbollah, Russia's drones, China's oil, 1979 to the deal.
    const parts = [
      'us-strikes-syria-munitions-depots-2023-10-27',
      'us-threatens-iran-if-proxy-attacks-escalate-2023-10-27',
      'us-would-back-away-if-proxy-attacks-stop-2023-10-27',
      'iran-backs-militias',
      'iran-calibrates-proxy-attacks-2023-10',
      'iran-encourages-hezbollah-rocket-attacks-2023-10',
      'iran-supplies-hamas',
      'iran-supplies-drones-to-russia',
      'iran-sells-oil-to-china',
      'obama-concludes-nuclear-deal-2015',
    ];
    const firstStep = parts.map((id) => story!.steps.findIndex((s) => s.cites.includes(id)));
    expect(firstStep.every((i) => i >= 0)).toBe(true);
    expect([...firstStep].sort((a, b) => a - b)).toEqual(firstStep);
  });

  it('changes the view from each step to the next', () => {
    const views = story!.steps.map((s) => JSON.stringify(stepView(graph, s).view));
    views.slice(1).forEach((v, i) => expect(v, `steps ${i + 1} and ${i + 2}`).not.toBe(views[i]));
  });

  it('says nothing in a caption that the claims it cites do not carry', () => {
    // Each sentence is mostly the words of the cited quotes, the names of the actors they join, their
    // verbs and dates; and every number it gives is in them. A sentence of the curator's own would fail.
    for (const [i, step] of story!.steps.entries()) {
      expect(unsupportedSentences(graph, step), `step ${i + 1} (${step.title})`).toEqual([]);
    }
  });

  it('catches a caption sentence that no cited claim carries', () => {
    const step = story!.steps[5]!;
    const padded = (extra: string) => ({ ...step, caption: `${step.caption} ${extra}` });
    expect(unsupportedSentences(graph, padded('Russia pays Iran in gold for every drone.'))).toHaveLength(1);
    expect(unsupportedSentences(graph, padded('Iran has supplied Russia with 4,000 drones.'))).toEqual([
      '“Iran has supplied Russia with 4,000 drones.” (the number 4,000 is in no cited claim)',
    ]);
    // A sentence resting on a claim the step does not cite fails too.
    expect(
      unsupportedSentences(graph, padded('Iran sells roughly 1.5 million barrels of oil a day to China.'))
        .length,
    ).toBeGreaterThan(0);
    expect(unsupportedSentences(graph, step)).toEqual([]);
  });

  it('names in its captions only actors its cited claims involve or quote', () => {
    // A caption naming an actor that none of its claims involves, attributes or quotes would say more
    // than the claims carry. A group counts through its members (the United States through Kirby).
    for (const [i, step] of story!.steps.entries()) {
      const claims = step.cites.map((id) => graph.edgeById.get(id)!);
      const ends = new Set(claims.flatMap((e) => [e.source, e.target]));
      const words = claims
        .flatMap((e) => [e.attributedTo ?? '', ...(e.evidence ?? []).map((ev) => ev.quote)])
        .join(' ');
      for (const node of graph.file.nodes) {
        const names = [node.label, ...(node.aliases ?? [])].filter((n) => n.length > 3);
        const named = names.filter((n) => step.caption.includes(n));
        if (named.length === 0) continue;
        const involved =
          ends.has(node.id) ||
          [...ends].some((id) => graph.nodeById.get(id)?.parent === node.id) ||
          named.some((n) => words.includes(n));
        expect(involved, `step ${i + 1} names ${node.label} without a claim about it`).toBe(true);
      }
    }
  });
});
