// Turns a Cytoscape JSON export (`elements.nodes` / `elements.edges`, as Cytoscape desktop writes
// .cyjs files) into a native graph, just enough for the benchmark to feed real files from another tool
// to every subject. Not the importer: files that are not plain Cytoscape JSON are rejected, not repaired.
import { FORMAT_VERSION } from '../core/model';
import type { ActorNode, AttributeValue, ClaimEdge, GraphFile } from '../core/schema';

interface CyElement {
  data: Record<string, AttributeValue> & { id?: unknown; source?: unknown; target?: unknown };
  position?: { x: number; y: number };
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** The data fields that become the element's own fields rather than attributes. */
const OWN = new Set(['id', 'source', 'target', 'parent', 'name']);

function attributes(data: CyElement['data']): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !OWN.has(k) && k !== '__proto__')) as Record<
    string,
    AttributeValue
  >;
}

/** A native graph (version 2, not strict) from the text of a .cyjs file; throws on another shape. */
export function graphFromCyjs(json: string, id: string, title: string): GraphFile {
  const file = JSON.parse(json) as { elements?: { nodes?: CyElement[]; edges?: CyElement[] } };
  const { nodes, edges } = file.elements ?? {};
  if (!Array.isArray(nodes) || !Array.isArray(edges)) {
    throw new Error(`${title}: not Cytoscape JSON (no elements.nodes and elements.edges lists)`);
  }
  return {
    format: 'actor-graph',
    version: FORMAT_VERSION,
    id,
    title,
    sources: [],
    nodes: nodes.map((n, i): ActorNode => {
      const nodeId = text(n.data.id);
      if (!nodeId) throw new Error(`${title}: elements.nodes[${i}] has no id`);
      const parent = text(n.data.parent);
      return {
        id: nodeId,
        label: text(n.data.name) ?? nodeId,
        ...(parent ? { parent } : {}),
        ...(n.position ? { position: { x: n.position.x, y: n.position.y } } : {}),
        attributes: attributes(n.data),
      };
    }),
    edges: edges.map((e, i): ClaimEdge => {
      const [edgeId, source, target] = [text(e.data.id), text(e.data.source), text(e.data.target)];
      if (!edgeId || !source || !target)
        throw new Error(`${title}: elements.edges[${i}] lacks an id or an end`);
      return {
        id: edgeId,
        source,
        target,
        label: text(e.data.interaction) ?? 'is linked to',
        attributes: attributes(e.data),
      };
    }),
  };
}
