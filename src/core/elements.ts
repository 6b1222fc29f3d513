// Maps a curated graph to the plain element descriptions the renderer draws (Cytoscape's element
// JSON shape), without importing Cytoscape: styling reads only the data fields set here.
import {
  edgeCategory,
  edgeCertainty,
  edgeIntensity,
  edgeVerb,
  isDirected,
  isSourced,
  nodeKind,
  relationKey,
  type CategoryKey,
  type CertaintyKey,
  type KindKey,
  type Relation,
} from './model';
import { groupIds } from './groups/collapse';
import type { Graph } from './validate';

export interface NodeElement {
  group: 'nodes';
  data: {
    id: string;
    label: string;
    kind: KindKey;
    parent?: string;
    /** How many claims in the whole graph involve the actor (filters aside); sets label size. */
    degree: number;
    /** Fill from the appearance mapping (../appearance/mapping.ts); absent: by kind. */
    colour?: string | undefined;
    /** Size in px from the appearance mapping; absent: by kind. */
    size?: number | undefined;
    /** A group's other names, one per line: its title when the label is too wide for its box. */
    aliases?: string;
  };
  classes: string[];
}

export interface EdgeElement {
  group: 'edges';
  data: {
    id: string;
    source: string;
    target: string;
    /** The vocabulary relation, absent for a relation in its own words (imported data). */
    relation?: Relation;
    /** The relation's filter key: the vocabulary id, or `label:<wording>`. */
    relationKey: string;
    /** The relation's verb (agreeing with a plural subject) or own wording, drawn on the edge. */
    label: string;
    category: CategoryKey;
    intensity: number;
    /** |intensity|, which sets the line width. */
    weight: number;
    certainty: CertaintyKey;
    /** False for an imported relation without direction: drawn without an arrowhead. */
    directed: boolean;
    /** Whether the claim carries a quote with its source. */
    sourced: boolean;
    /** Line colour from the appearance mapping (../appearance/mapping.ts); absent: by category. */
    colour?: string | undefined;
  };
  classes: string[];
}

export type GraphElement = NodeElement | EdgeElement;

const elementsOf = new WeakMap<Graph, GraphElement[]>();

/**
 * One element per node and per claim, in file order. Nodes come before edges. Computed once per
 * graph: callers must not change what it returns.
 */
export function graphElements(graph: Graph): GraphElement[] {
  let els = elementsOf.get(graph);
  if (!els) elementsOf.set(graph, (els = buildElements(graph)));
  return els;
}

function buildElements(graph: Graph): GraphElement[] {
  const degree = new Map<string, number>();
  for (const e of graph.file.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const groups = groupIds(graph.file.nodes);
  const nodes: NodeElement[] = graph.file.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: n.label,
      kind: nodeKind(n),
      ...(n.parent !== undefined ? { parent: n.parent } : {}),
      degree: degree.get(n.id) ?? 0,
      ...(groups.has(n.id) && n.aliases?.length ? { aliases: n.aliases.join('\n') } : {}),
    },
    classes: [`kind-${nodeKind(n)}`],
  }));
  const edges: EdgeElement[] = graph.file.edges.map((e) => {
    const category = edgeCategory(e);
    const intensity = edgeIntensity(e);
    const certainty = edgeCertainty(e);
    const directed = isDirected(e);
    const sourced = isSourced(e);
    return {
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        ...(e.relation ? { relation: e.relation } : {}),
        relationKey: relationKey(e),
        label: edgeVerb(e, graph.nodeById.get(e.source)?.plural === true),
        category,
        intensity,
        weight: Math.abs(intensity),
        certainty,
        directed,
        sourced,
      },
      classes: [
        `cat-${category}`,
        `certainty-${certainty}`,
        ...(directed ? [] : ['undirected']),
        ...(sourced ? [] : ['unsourced']),
      ],
    };
  });
  return [...nodes, ...edges];
}

/**
 * A short fingerprint of what a layout depends on — the actors, their parents and who is linked to
 * whom — so two graphs opened under the same id (two pastes, two versions of a file) never share
 * cached positions, while the same graph opened again does. FNV-1a over the ids, in hex.
 */
export function layoutFingerprint(file: Pick<Graph['file'], 'nodes' | 'edges'>): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0, 0x01000193);
  };
  for (const n of file.nodes) {
    add(n.id);
    add(n.parent ?? '');
  }
  for (const e of file.edges) {
    add(e.source);
    add(e.target);
  }
  return `${(h >>> 0).toString(16)}-${file.nodes.length}-${file.edges.length}`;
}
