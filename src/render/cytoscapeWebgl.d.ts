// The module src/build/leanCytoscape.ts provides to the page.
declare module 'virtual:actor-graph/cytoscape-webgl' {
  /** Loads Cytoscape's WebGL renderer: a chunk of its own in the page's build; already in elsewhere. */
  export function loadWebglRenderer(): Promise<void>;
}
