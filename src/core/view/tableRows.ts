// The rows of the table view: every actor and every claim the view shows, with the values the
// table sorts on. Plain data, so the table component only renders.
import { assertedBy, claimSentence, kindLabel, relationPhrase, UNSOURCED } from '../describe';
import { KEY_LABELS, edgeCertainty } from '../model';
import { formatTime, timeSpan } from '../time/partialDate';
import type { Graph } from '../validate';
import { degrees } from './tallies';
import type { VisibleGraph } from './visibleGraph';

export type ActorRow = {
  id: string;
  name: string;
  kind: string;
  parent: string;
  /** Claims the actor takes part in, in the whole graph. */
  relations: number;
};

export type ClaimRow = {
  id: string;
  source: string;
  relation: string;
  target: string;
  date: string;
  /** ms since the epoch of the claim's start; undated claims sort last. */
  dateSort: number;
  certainty: string;
  asserted: string;
  /** The first quote, or "Unsourced". */
  quote: string;
  sentence: string;
};

export function actorRows(graph: Graph, visible: Pick<VisibleGraph, 'elements'>): ActorRow[] {
  const shown = new Set(visible.elements.map((e) => e.data.id));
  const degree = degrees(graph.file);
  const name = (id: string | undefined) => (id ? (graph.nodeById.get(id)?.label ?? id) : '');
  return graph.file.nodes
    .filter((n) => shown.has(n.id))
    .map((n) => ({
      id: n.id,
      name: n.label,
      kind: kindLabel(n),
      parent: name(n.parent),
      relations: degree.get(n.id) ?? 0,
    }));
}

export function claimRows(graph: Graph, visible: Pick<VisibleGraph, 'drawnAs'>): ClaimRow[] {
  const name = (id: string) => graph.nodeById.get(id)?.label ?? id;
  return graph.file.edges
    .filter((e) => visible.drawnAs.has(e.id))
    .map((e) => {
      const sentence = claimSentence(graph, e);
      return {
        id: e.id,
        source: name(e.source),
        relation: relationPhrase(graph, e),
        target: name(e.target),
        date: formatTime(e.time),
        dateSort: timeSpan(e.time)?.from ?? Number.POSITIVE_INFINITY,
        certainty: KEY_LABELS[edgeCertainty(e)],
        asserted: assertedBy(graph, e),
        quote: e.evidence?.[0]?.quote ?? UNSOURCED,
        sentence,
      };
    });
}
