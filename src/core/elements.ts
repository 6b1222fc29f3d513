// Maps a curated graph to the plain element descriptions the renderer draws (Cytoscape's element
// JSON shape), without importing Cytoscape: styling reads only the data fields set here.
import {
  RELATIONS,
  edgeCategory,
  edgeIntensity,
  type Category,
  type Certainty,
  type NodeKind,
  type Relation,
} from './model';
import type { Graph } from './validate';

export interface NodeElement {
  group: 'nodes';
  data: {
    id: string;
    label: string;
    kind: NodeKind;
    parent?: string;
    /** How many claims in the whole graph involve the actor (filters aside); sets label size. */
    degree: number;
  };
  classes: string[];
}

export interface EdgeElement {
  group: 'edges';
  data: {
    id: string;
    source: string;
    target: string;
    relation: Relation;
    /** The relation's verb, drawn on the edge. */
    label: string;
    category: Category;
    intensity: number;
    /** |intensity|, which sets the line width. */
    weight: number;
    certainty: Certainty;
  };
  classes: string[];
}

export type GraphElement = NodeElement | EdgeElement;

/** One element per node and per claim, in file order. Nodes come before edges. */
export function graphElements(graph: Graph): GraphElement[] {
  const degree = new Map<string, number>();
  for (const e of graph.file.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const nodes: NodeElement[] = graph.file.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: n.label,
      kind: n.kind,
      ...(n.parent !== undefined ? { parent: n.parent } : {}),
      degree: degree.get(n.id) ?? 0,
    },
    classes: [`kind-${n.kind}`],
  }));
  const edges: EdgeElement[] = graph.file.edges.map((e) => {
    const category = edgeCategory(e);
    const intensity = edgeIntensity(e);
    return {
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        relation: e.relation,
        label: RELATIONS[e.relation].verb,
        category,
        intensity,
        weight: Math.abs(intensity),
        certainty: e.certainty,
      },
      classes: [`cat-${category}`, `certainty-${e.certainty}`],
    };
  });
  return [...nodes, ...edges];
}
