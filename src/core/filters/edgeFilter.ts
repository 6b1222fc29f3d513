// Which claims the filters keep, and the values a filter can take in a graph.
import { edgeCategory, edgeCertainty, isSourced, relationKey, type ClaimEdge } from '../model';
import type { Filters } from '../view/viewState';

/** What the "who asserts it" filter calls a claim that the source makes in its own voice. */
export const OWN_REPORTING = "Source's own reporting";

/** What the "who asserts it" filter calls a claim with no source at all (imported data). */
export const NO_SOURCE = 'Unsourced';

/** The "who asserts it" value of a claim. */
export function asserterOf(edge: ClaimEdge): string {
  return edge.attributedTo ?? (isSourced(edge) ? OWN_REPORTING : NO_SOURCE);
}

/** True when no filter hides the claim (node kinds and time are checked elsewhere). */
export function edgePassesFilters(edge: ClaimEdge, filters: Filters): boolean {
  return (
    !filters.categories.includes(edgeCategory(edge)) &&
    !filters.relations.includes(relationKey(edge)) &&
    !filters.certainties.includes(edgeCertainty(edge)) &&
    !filters.asserters.includes(asserterOf(edge))
  );
}

/** Every value of `key(edge)` in the graph with how many claims have it, most frequent first. */
export function tally<T extends string>(
  edges: readonly ClaimEdge[],
  key: (e: ClaimEdge) => T,
): [T, number][] {
  const counts = new Map<T, number>();
  for (const e of edges) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
