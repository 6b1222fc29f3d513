// Checks that every quote in a graph, on its edges and its nodes, occurs verbatim in the text of the
// source it cites.
import type { Evidence, GraphFile, Source } from '../model';

const CURLY_QUOTES: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"' };

/**
 * Text as quotes are compared: runs of whitespace become one space, curly quotes (‘’“”) become
 * straight ones, and the ends are trimmed. Nothing else changes, so words and punctuation must match.
 */
export function normaliseQuoteText(text: string): string {
  return text
    .replace(/[‘’“”]/g, (c) => CURLY_QUOTES[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when `quote` occurs in `text` once both are normalised; an empty quote never does. */
export function quoteOccursIn(quote: string, text: string): boolean {
  const q = normaliseQuoteText(quote);
  return q.length > 0 && normaliseQuoteText(text).includes(q);
}

export type QuoteProblemCode =
  | 'quote-not-found' // the words are not in the source's text
  | 'copy-unreadable' // the source names a local copy that could not be read
  | 'unverifiable-source'; // the source has neither a local copy nor a URL

export interface QuoteProblem {
  code: QuoteProblemCode;
  /** Whether the quote backs a claim (edge) or an actor's membership and description (node). */
  element: 'edge' | 'node';
  elementId: string;
  /** Index of the evidence entry in the edge or node. */
  evidence: number;
  sourceId: string;
  quote: string;
}

/**
 * Checks every evidence quote of `file`, edges first, then nodes, against its source. `readCopy`
 * returns the text of a source's `localCopy` (the caller resolves the path and does the reading),
 * or undefined when it cannot be read. Quotes of sources with only a `url` cannot be checked
 * offline and are skipped; a source with neither is a problem. Evidence naming an unknown source is
 * left to validation.
 */
export function checkQuotes(
  file: Pick<GraphFile, 'sources' | 'edges' | 'nodes'>,
  readCopy: (source: Source) => string | undefined,
): QuoteProblem[] {
  const sources = new Map(file.sources.map((s) => [s.id, s]));
  const texts = new Map<string, string | undefined>();
  const textOf = (source: Source) => {
    if (!texts.has(source.id)) {
      const raw = readCopy(source);
      texts.set(source.id, raw === undefined ? undefined : normaliseQuoteText(raw));
    }
    return texts.get(source.id);
  };
  const problems: QuoteProblem[] = [];
  const check = (element: QuoteProblem['element'], elementId: string, evidence: readonly Evidence[]) =>
    evidence.forEach((ev, i) => {
      const source = sources.get(ev.source);
      if (!source) return;
      const at = { element, elementId, evidence: i, sourceId: source.id, quote: ev.quote };
      if (source.localCopy === undefined) {
        if (source.url === undefined) problems.push({ code: 'unverifiable-source', ...at });
        return;
      }
      const text = textOf(source);
      if (text === undefined) problems.push({ code: 'copy-unreadable', ...at });
      else if (!quoteOccursIn(ev.quote, text)) problems.push({ code: 'quote-not-found', ...at });
    });
  for (const edge of file.edges) check('edge', edge.id, edge.evidence ?? []);
  for (const node of file.nodes) check('node', node.id, node.evidence ?? []);
  return problems;
}

/** One line for a person: `edge "id" evidence[0]: quote-not-found in source "x": “…”`. */
export function formatQuoteProblem(p: QuoteProblem): string {
  return `${p.element} "${p.elementId}" evidence[${p.evidence}]: ${p.code} in source "${p.sourceId}": “${p.quote}”`;
}
