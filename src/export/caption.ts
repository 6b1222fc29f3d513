// The source caption of an exported image, built from the evidence of the relations it shows.
import { isSourced, type Source } from '../core/model';
import { formatPartialDate } from '../core/time/partialDate';
import type { Graph } from '../core/validate';

/** "The New York Times, 27 Oct 2023". */
export function sourceShort(source: Source): string {
  return `${source.publisher}, ${formatPartialDate(source.published)}`;
}

/**
 * The sources behind `claimIds`, most cited first (ties by date, then name). Unknown ids are skipped.
 */
export function sourcesOf(graph: Graph, claimIds: Iterable<string>): Source[] {
  const count = new Map<string, number>();
  for (const id of claimIds) {
    const edge = graph.edgeById.get(id);
    if (!edge) continue;
    for (const sid of new Set((edge.evidence ?? []).map((e) => e.source)))
      count.set(sid, (count.get(sid) ?? 0) + 1);
  }
  return [...count.entries()]
    .map(([id, n]) => ({ source: graph.sourceById.get(id), n }))
    .filter((s): s is { source: Source; n: number } => s.source !== undefined)
    .sort(
      (a, b) =>
        b.n - a.n ||
        a.source.published.localeCompare(b.source.published) ||
        a.source.publisher.localeCompare(b.source.publisher),
    )
    .map((s) => s.source);
}

/**
 * One line for the foot of an image: a single source in full ("Source: The New York Times, 27 Oct
 * 2023, “U.S. Airstrikes …”"), several as a list, and how many relations shown carry no source
 * ("Unsourced: 12 of 40 relations shown."); '' when the image shows no relation at all.
 */
export function captionText(graph: Graph, claimIds: Iterable<string>): string {
  const ids = [...claimIds];
  const sources = sourcesOf(graph, ids);
  const claims = ids.map((id) => graph.edgeById.get(id)).filter((e) => e !== undefined);
  const unsourced = claims.filter((e) => !isSourced(e)).length;
  const unsourcedText =
    unsourced === 0
      ? ''
      : unsourced === claims.length
        ? `Unsourced: none of the ${claims.length} relation${claims.length === 1 ? '' : 's'} shown carries a source.`
        : `Unsourced: ${unsourced} of ${claims.length} relations shown.`;
  let sourceText = '';
  if (sources.length === 1) {
    const s = sources[0]!;
    const by = s.author ? ` (${s.author})` : '';
    sourceText = `Source: ${sourceShort(s)}, “${s.title}”${by}.`;
  } else if (sources.length > 1) sourceText = `Sources: ${sources.map(sourceShort).join('; ')}.`;
  return [sourceText, unsourcedText].filter((t) => t !== '').join(' ');
}

/** "Exported 25 Nov 2026". */
export function dateStamp(date: Date): string {
  return `Exported ${formatPartialDate(date.toISOString().slice(0, 10))}`;
}
