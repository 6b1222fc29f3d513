// A graph file with its lookups by id. Apart from the validator so the page can read the bundled
// graphs, checked when the app was built, without loading the schema.
import type { GraphFile } from './model';
import type { Graph } from './validate';

export function indexGraph(file: GraphFile): Graph {
  return {
    file,
    nodeById: new Map(file.nodes.map((n) => [n.id, n])),
    edgeById: new Map(file.edges.map((e) => [e.id, e])),
    sourceById: new Map(file.sources.map((s) => [s.id, s])),
  };
}

/**
 * Reads the text of a graph that was validated when the app was built (a bundled graph): the build
 * fails unless validation would return the file's data as it is, so parsing it is enough.
 */
export function readCheckedGraph(text: string): Graph {
  return indexGraph(JSON.parse(text) as GraphFile);
}
