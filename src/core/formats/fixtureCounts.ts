// What each real fixture file holds, as the tool that wrote it reports it (fixtures/README.md for
// the Cytoscape files; graphology's own tests for the GEXF and GraphML ones). Shared by the loader's
// fixture table and the command-line conversion test.
import type { FormatId } from './load';

export interface Expect {
  file: string;
  format: FormatId;
  nodes: number;
  edges: number;
  positions?: number;
  parents?: number;
  undirected?: number;
}

export const FIXTURE_COUNTS: Expect[] = [
  {
    file: 'cytoscape-demos/tokyo-railways.cyjs',
    format: 'cytoscape',
    nodes: 943,
    edges: 860,
    positions: 943,
  },
  {
    file: 'cytoscape-demos/6000-elements.cyjs',
    format: 'cytoscape',
    nodes: 161,
    edges: 5845,
    positions: 161,
  },
  {
    file: 'cytoscape-demos/genemania-export.cyjs',
    format: 'cytoscape',
    nodes: 31,
    edges: 255,
    positions: 31,
  },
  { file: 'cytoscape-demos/gal.json', format: 'cytoscape', nodes: 331, edges: 362, positions: 0 },
  { file: 'cytoscape-demos/fcose-gene.json', format: 'cytoscape', nodes: 21, edges: 593, positions: 21 },
  {
    file: 'cytoscape-demos/compound.json',
    format: 'cytoscape',
    nodes: 28,
    edges: 35,
    positions: 28,
    parents: 19,
  },
  {
    file: 'graphology/les_miserables.gexf',
    format: 'gexf',
    nodes: 77,
    edges: 254,
    positions: 77,
    undirected: 0,
  },
  { file: 'graphology/celegans.gexf', format: 'gexf', nodes: 306, edges: 2345, undirected: 2345 },
  { file: 'graphology/arctic.gexf', format: 'gexf', nodes: 1715, edges: 6676, positions: 1715 },
  { file: 'graphology/minimal.gexf', format: 'gexf', nodes: 2, edges: 1 },
  { file: 'graphology/v1_3.gexf', format: 'gexf', nodes: 2, edges: 1 },
  { file: 'graphology/case.gexf', format: 'gexf', nodes: 10, edges: 20 },
  { file: 'graphology/edge_viz.gexf', format: 'gexf', nodes: 2, edges: 1, positions: 2 },
  { file: 'graphology/mixed.gexf', format: 'gexf', nodes: 3, edges: 3, undirected: 1 },
  { file: 'graphology/liststring.gexf', format: 'gexf', nodes: 4, edges: 5 },
  { file: 'graphology/pedantic.gexf', format: 'gexf', nodes: 0, edges: 0 },
  { file: 'graphology/undeclared_attribute.gexf', format: 'gexf', nodes: 2, edges: 1 },
  {
    file: 'graphology/miserables.graphml',
    format: 'graphml',
    nodes: 77,
    edges: 254,
    positions: 77,
    undirected: 254,
  },
  { file: 'graphology/miserables_broken.graphml', format: 'graphml', nodes: 77, edges: 254, positions: 77 },
  { file: 'graphology/basic.graphml', format: 'graphml', nodes: 11, edges: 12, undirected: 12 },
  { file: 'graphology/attributes.graphml', format: 'graphml', nodes: 6, edges: 7 },
  { file: 'graphology/multigraph.graphml', format: 'graphml', nodes: 6, edges: 9 },
  { file: 'graphology/mixed_multigraph.graphml', format: 'graphml', nodes: 6, edges: 8, undirected: 6 },
];
