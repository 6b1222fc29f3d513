// Plain-language descriptions of claims and actors, for panels, tooltips, path steps, tables and
// export captions. One place builds the sentence of a claim, so it reads the same everywhere.
import {
  KEY_LABELS,
  edgeCategory,
  edgeCertainty,
  edgeVerb,
  isDirected,
  isSourced,
  nodeKind,
  type ActorNode,
  type ClaimEdge,
  type KindKey,
} from './model';
import { formatTime } from './time/partialDate';
import type { Graph } from './validate';

/** "Unsourced": what the explorer calls a claim without a quote and its source. */
export const UNSOURCED = 'Unsourced';

/** The name of an actor, or its id when the graph does not have it. */
export function actorName(graph: Graph, id: string): string {
  return graph.nodeById.get(id)?.label ?? id;
}

/** "United States strikes X", "Western governments sanction Iran", with the verb agreeing with its subject. */
export function relationPhrase(graph: Graph, edge: ClaimEdge, subject = edge.source): string {
  return edgeVerb(edge, graph.nodeById.get(subject)?.plural === true);
}

/**
 * The claim as a sentence: "United States strikes Iranian munitions depots in Syria". The verb agrees
 * in number with its subject ("Western governments sanction Iran"); a judgement (`assesses`) says what
 * is judged ("U.S. intelligence agencies assess that Khamenei wanted …"); a relation outside the
 * vocabulary keeps its own wording ("A → B: knows").
 */
export function claimSentence(graph: Graph, edge: ClaimEdge): string {
  const source = actorName(graph, edge.source);
  const target = actorName(graph, edge.target);
  if (!edge.relation) {
    const arrow = isDirected(edge) ? '→' : '—';
    return `${source} ${arrow} ${target}${edge.label ? `: ${edge.label}` : ''}`;
  }
  const verb = relationPhrase(graph, edge);
  if (edge.relation === 'assesses' && edge.summary) {
    return `${source} ${verb} that ${edge.summary.replace(/[.\s]+$/, '')}`;
  }
  return `${source} ${verb} ${target}`;
}

/** "27 Oct 2023 · Confirmed · Material conflict", or "Undated · Unsourced · Unclassified" for imported data. */
export function claimFacts(edge: ClaimEdge): string {
  return [
    formatTime(edge.time),
    KEY_LABELS[edgeCertainty(edge)],
    KEY_LABELS[edgeCategory(edge)],
    ...(isSourced(edge) ? [] : [UNSOURCED]),
  ].join(' · ');
}

/** Who asserts the claim: its attribution, the publisher of its first source, or "nobody: unsourced". */
export function assertedBy(graph: Graph, edge: ClaimEdge): string {
  if (edge.attributedTo) return edge.attributedTo;
  const first = edge.evidence?.[0];
  const source = first && graph.sourceById.get(first.source);
  if (source) return `${source.publisher} (own reporting)`;
  return isSourced(edge) ? 'the source' : 'no one (unsourced)';
}

export function kindLabel(kind: KindKey | ActorNode): string {
  return KEY_LABELS[typeof kind === 'string' ? kind : nodeKind(kind)];
}
