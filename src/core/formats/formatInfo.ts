// The formats a graph can be read from and written to, by name, and how a load warning is written:
// apart from the parsers so the page can list formats without loading them.
import { formatLocation } from '../issues';
import type { LoadWarning } from './input';

export type FormatId = 'native' | 'cytoscape' | 'gexf' | 'graphml' | 'csv';

/** What each format is called, its usual file extensions (the first is the one written) and type. */
export const FORMATS: Record<FormatId, { label: string; extensions: readonly string[]; mime: string }> = {
  native: { label: 'Actor Graph JSON', extensions: ['json'], mime: 'application/json' },
  cytoscape: { label: 'Cytoscape JSON', extensions: ['cyjs', 'json'], mime: 'application/json' },
  gexf: { label: 'GEXF (Gephi)', extensions: ['gexf'], mime: 'application/xml' },
  graphml: { label: 'GraphML', extensions: ['graphml', 'xml'], mime: 'application/xml' },
  csv: { label: 'CSV (nodes and edges)', extensions: ['csv', 'tsv', 'txt'], mime: 'text/csv' },
};

/** One line per warning: `file:line:col warning: message`. */
export function formatWarning(warning: LoadWarning): string {
  return `${formatLocation(warning.file, warning)} warning: ${warning.message}`;
}
