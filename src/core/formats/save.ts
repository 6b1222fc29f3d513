// Saving the data (not an image) in any supported format, for the whole graph or for a subset of its
// nodes and edges such as what the view shows. Pure: returns file names and texts; the UI downloads
// them, the command line writes them.
import type { GraphFile } from '../model';
import { writeCsv } from './csv';
import { writeCytoscape } from './cytoscapeJson';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import type { FormatId } from './load';
import { writeNative } from './native';

export { writeNative };

export interface SaveOptions {
  /** Keep only these nodes (default: all). Edges are kept when both their ends are. */
  nodeIds?: Iterable<string>;
  /** Keep only these edges (default: all between kept nodes). */
  edgeIds?: Iterable<string>;
}

export interface SavedFile {
  name: string;
  text: string;
  mime: string;
}

/**
 * The part of `file` with the given nodes and edges: edges need both ends kept, a parent that is
 * left out is dropped from its members, sources are those the kept evidence cites, and stories
 * (which cite claims that may be gone) are left out of a subset.
 */
export function subsetGraph(file: GraphFile, options: SaveOptions = {}): GraphFile {
  if (options.nodeIds === undefined && options.edgeIds === undefined) return file;
  const nodeIds = options.nodeIds ? new Set(options.nodeIds) : undefined;
  const edgeIds = options.edgeIds ? new Set(options.edgeIds) : undefined;
  const nodes = file.nodes
    .filter((n) => !nodeIds || nodeIds.has(n.id))
    .map((n) => {
      if (n.parent === undefined || !nodeIds || nodeIds.has(n.parent)) return n;
      const { parent: _, ...rest } = n;
      return rest;
    });
  const kept = new Set(nodes.map((n) => n.id));
  const edges = file.edges.filter(
    (e) => (!edgeIds || edgeIds.has(e.id)) && kept.has(e.source) && kept.has(e.target),
  );
  const cited = new Set<string>();
  for (const el of [...nodes, ...edges]) for (const ev of el.evidence ?? []) cited.add(ev.source);
  const { stories: _, ...rest } = file;
  return { ...rest, sources: file.sources.filter((s) => cited.has(s.id)), nodes, edges };
}

/**
 * The files that hold `file` (or its subset) in `format`, named after `baseName` (default: the
 * graph's id): one file, or for CSV `<base>.nodes.csv` and `<base>.edges.csv`.
 */
export function saveGraph(
  file: GraphFile,
  format: FormatId,
  options: SaveOptions & { baseName?: string } = {},
): SavedFile[] {
  const graph = subsetGraph(file, options);
  const base = options.baseName ?? file.id;
  switch (format) {
    case 'native':
      return [{ name: `${base}.json`, text: writeNative(graph), mime: 'application/json' }];
    case 'cytoscape':
      return [{ name: `${base}.cyjs`, text: writeCytoscape(graph), mime: 'application/json' }];
    case 'gexf':
      return [{ name: `${base}.gexf`, text: writeGexf(graph), mime: 'application/xml' }];
    case 'graphml':
      return [{ name: `${base}.graphml`, text: writeGraphml(graph), mime: 'application/xml' }];
    case 'csv': {
      const { nodes, edges } = writeCsv(graph);
      return [
        { name: `${base}.nodes.csv`, text: nodes, mime: 'text/csv' },
        { name: `${base}.edges.csv`, text: edges, mime: 'text/csv' },
      ];
    }
  }
}
