// Plain-language descriptions of claims and actors, for panels, tooltips, path steps and tables.
import { CATEGORIES, CERTAINTIES, NODE_KINDS, RELATIONS, edgeCategory, type ClaimEdge } from './model';
import { formatTime } from './time/partialDate';
import type { Graph } from './validate';

/** "United States strikes Iranian munitions depots in Syria". */
export function claimSentence(graph: Graph, edge: ClaimEdge): string {
  const source = graph.nodeById.get(edge.source)?.label ?? edge.source;
  const target = graph.nodeById.get(edge.target)?.label ?? edge.target;
  return `${source} ${RELATIONS[edge.relation].verb} ${target}`;
}

/** "27 Oct 2023 · Confirmed · Material conflict". */
export function claimFacts(edge: ClaimEdge): string {
  return [
    formatTime(edge.time),
    CERTAINTIES[edge.certainty].label,
    CATEGORIES[edgeCategory(edge)].label,
  ].join(' · ');
}

/** Who asserts the claim, falling back to the publisher of its first source. */
export function assertedBy(graph: Graph, edge: ClaimEdge): string {
  if (edge.attributedTo) return edge.attributedTo;
  const first = edge.evidence[0];
  const source = first && graph.sourceById.get(first.source);
  return source ? `${source.publisher} (own reporting)` : 'the source';
}

export function kindLabel(kind: keyof typeof NODE_KINDS): string {
  return NODE_KINDS[kind].label;
}
