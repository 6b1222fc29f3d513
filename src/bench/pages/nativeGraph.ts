// What the bare Cytoscape and sigma.js pages read from a native graph file: ids, names, kinds,
// groups and who is linked to whom. Nothing is validated: the benchmark hands over valid files.

export interface PlainGraph {
  nodes: { id: string; label: string; kind: string; parent?: string }[];
  edges: { id: string; source: string; target: string }[];
}

/** The nodes and edges of a native graph file's text. */
export function readNativeGraph(text: string): PlainGraph {
  const file = JSON.parse(text) as {
    nodes: { id: string; label: string; kind?: string; parent?: string }[];
    edges: { id: string; source: string; target: string }[];
  };
  return {
    nodes: file.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      kind: n.kind ?? 'unspecified',
      ...(n.parent !== undefined ? { parent: n.parent } : {}),
    })),
    edges: file.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}
