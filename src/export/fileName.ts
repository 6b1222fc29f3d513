// A file name that says what an exported image shows: graph id, view, date, e.g.
// `us-iran-2023-10_focus-iran_2026-11-25.png`.
import type { ViewState } from '../core/view/viewState';
import type { ExportFormat } from './options';

/** Lower-case words joined by hyphens, at most `max` characters. */
function slug(text: string, max = 40): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** The local calendar day of `date` as YYYY-MM-DD. */
function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * `<graph id>_over-time_<actor>-<other actor or "all">_<YYYY-MM-DD>.<ext>` for the over-time chart;
 * actor ids are slugged like the rest (any text an id may hold comes out as [a-z0-9-]).
 */
export function chartFileName(
  graphId: string,
  a: string,
  b: string | undefined,
  format: 'svg' | 'png',
  date: Date,
): string {
  const who = `${slug(a, 30) || 'actor'}-${b === undefined ? 'all' : slug(b, 30) || 'actor'}`;
  return `${slug(graphId, 60) || 'graph'}_over-time_${who}_${localDay(date)}.${format}`;
}

/** The part of the name that says which view: focus, path, time, filters, scope. */
export function viewSlug(view: Partial<ViewState> | undefined, scope: string): string {
  const parts: string[] = [];
  if (view?.path) parts.push(`path-${slug(view.path.from, 24)}-${slug(view.path.to, 24)}`);
  else if (view?.selected) parts.push(`focus-${slug(view.selected.id)}`);
  if (view?.time?.mode === 'asOf' && view.time.to) parts.push(`asof-${view.time.to}`);
  if (view?.time?.mode === 'window' && view.time.from && view.time.to)
    parts.push(`${view.time.from}-to-${view.time.to}`);
  const f = view?.filters;
  if (
    f &&
    (f.kinds.length ||
      f.categories.length ||
      f.relations.length ||
      f.certainties.length ||
      f.asserters.length)
  ) {
    parts.push('filtered');
  }
  if (scope === 'viewport') parts.push('viewport');
  if (scope === 'selection') parts.push('selection');
  return parts.join('_');
}

/**
 * `<graph id>[_<view>]_<YYYY-MM-DD>.<ext>` with only [a-z0-9-_.] characters; `date` is the export
 * date (local calendar day).
 */
export function exportFileName(
  graphId: string,
  view: Partial<ViewState> | undefined,
  scope: string,
  format: ExportFormat,
  date: Date,
): string {
  return (
    [slug(graphId, 60) || 'graph', viewSlug(view, scope), localDay(date)].filter(Boolean).join('_') +
    `.${format}`
  );
}
