// A shortest path in words: a heading of its actors in order ("China → United States → Hezbollah")
// and, for each step, the claims behind it, each written the way it was claimed.
import { actorName, claimSentence } from '../describe';
import type { Graph } from '../validate';
import type { PathHop } from './shortestPaths';

/** One distinct sentence of a step and the claims that say it (several claims can read the same). */
export interface StepSentence {
  text: string;
  /** The claims with this sentence, in the order the step lists them; the first is the one to select. */
  claimIds: string[];
}

export interface DescribedStep {
  /** The actors the step joins, in the path's order (ids as drawn). */
  from: string;
  to: string;
  /** The step's leading sentence: a claim made in the path's direction when there is one. */
  lead: StepSentence;
  /** The step's other sentences, each once, none repeating the lead. */
  others: StepSentence[];
  /** How many claims the step stands for. */
  claimCount: number;
}

export interface DescribedPath {
  /** Actor ids from the start to the end. */
  actors: string[];
  /** "China → United States → Hezbollah". */
  heading: string;
  steps: DescribedStep[];
}

/**
 * Describes a path of hops as found by `shortestPaths`. Claims made in the path's direction come
 * first in each step; claims that read the same are listed once. Throws if a hop names a claim the
 * graph does not have (the hops must come from the same graph).
 */
export function describePath(graph: Graph, hops: readonly PathHop[]): DescribedPath {
  const actors = hops.length > 0 ? [hops[0]!.from, ...hops.map((h) => h.to)] : [];
  const steps = hops.map((hop): DescribedStep => {
    const ordered = [...hop.links.filter((l) => l.forward), ...hop.links.filter((l) => !l.forward)];
    const sentences = new Map<string, StepSentence>();
    for (const link of ordered) {
      const edge = graph.edgeById.get(link.id);
      if (!edge) throw new Error(`The path names a claim "${link.id}" that is not in the graph.`);
      const text = claimSentence(graph, edge);
      const found = sentences.get(text);
      if (found) found.claimIds.push(link.id);
      else sentences.set(text, { text, claimIds: [link.id] });
    }
    const [lead, ...others] = [...sentences.values()];
    return { from: hop.from, to: hop.to, lead: lead!, others, claimCount: hop.links.length };
  });
  return {
    actors,
    heading: actors.map((id) => actorName(graph, id)).join(' → '),
    steps,
  };
}

/** "Iran backs Hezbollah (2 claims)": a sentence, with how many claims say it when more than one. */
export function sentenceWithCount(sentence: StepSentence): string {
  const n = sentence.claimIds.length;
  return n > 1 ? `${sentence.text} (${n} claims)` : sentence.text;
}

/**
 * The step as one line of plain text: "Iran backs Hezbollah (2 claims); also Iran encourages
 * Hezbollah".
 */
export function stepText(step: DescribedStep): string {
  const others = step.others.map(sentenceWithCount);
  return others.length > 0
    ? `${sentenceWithCount(step.lead)}; also ${others.join('; ')}`
    : sentenceWithCount(step.lead);
}
