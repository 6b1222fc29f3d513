// Tests over the stories in graph/: every claim a step cites exists and every view parses (the
// validator checks both), each step's own view draws every claim it cites (a caption resting on a
// claim the reader cannot see would mislead), and the curated graph's story follows the article.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
