// The formats a graph can be read from and written to, by name, how a file's format is told from its
// name and first bytes, and how a load warning is written: apart from the parsers so the page can
// list and recognise formats without loading them.
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

const EXTENSION: Record<string, FormatId | 'json' | 'xml'> = {
  json: 'json',
  cyjs: 'cytoscape',
  gexf: 'gexf',
  graphml: 'graphml',
  xml: 'xml',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
};

function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** The format of a file from its content alone, or undefined for XML that is neither GEXF nor GraphML. */
export function formatOfContent(text: string): FormatId | 'json' | undefined {
  const head = text
    .slice(0, 65536)
    .replace(/^\ufeff/, '')
    .trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    return /"format"\s*:\s*"actor-graph"/.test(head) ? 'native' : 'json';
  }
  if (head.startsWith('<')) {
    const root = /<(?:[\w.-]+:)?(gexf|graphml)[\s>/]/i.exec(head);
    return root ? (root[1]!.toLowerCase() as FormatId) : undefined;
  }
  return 'csv';
}

/**
 * The format of a file: its extension says which, its content confirms (a `.json` that holds XML is
 * read as XML). JSON that is not recognisably native from its first 64 kB is reported as native when
 * it names itself so, else Cytoscape JSON; the loader decides for certain after parsing.
 */
export function sniffFormat(name: string, text: string): FormatId | undefined {
  const ext = extensionOf(name);
  const byName = Object.hasOwn(EXTENSION, ext) ? EXTENSION[ext] : undefined;
  const byContent = formatOfContent(text);
  if (byContent === 'json') return 'cytoscape';
  if (byContent === undefined) return byName === 'gexf' || byName === 'graphml' ? byName : undefined;
  return byContent;
}
