// The peer: sigma.js 4 (WebGL) with graphology, as Gephi Lite draws a graph. Nodes start on a circle
// and ForceAtlas2 (settings inferred from the graph's size) runs in a Web Worker until it settles.
// Selecting a node highlights its neighbourhood and the button hides one kind of actor, through
// sigma's node and edge states.
import Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { readNativeGraph } from './nativeGraph';
import type { Subject } from './protocol';

/**
 * ForceAtlas2 never stops by itself (Gephi Lite leaves that to the user). Here it has settled when a
 * node's step, averaged over the last `WINDOW` iterations, is under `SETTLED_STEP` of the drawing's
 * size: about 200 iterations on the generated graphs, by when the drawing has reached its final size.
 */
const SETTLED_STEP = 0.00075;
const WINDOW = 20;
/** It stops after this many iterations whatever happens. */
const MAX_ITERATIONS = 1000;

const KIND_COLOURS: Record<string, string> = {
  state: '#4e79a7',
  'armed-group': '#e15759',
  'political-organisation': '#f28e2b',
  person: '#76b7b2',
  'government-body': '#59a14f',
  'military-unit': '#b07aa1',
  facility: '#9c755f',
  place: '#edc948',
  'international-organisation': '#ff9da7',
  coalition: '#bab0ac',
  agreement: '#86bcb6',
};

const container = document.getElementById('graph')!;
const toggle = document.getElementById('filter-toggle') as HTMLButtonElement;
let graph: Graph | undefined;
let renderer: ReturnType<typeof draw> | undefined;
let layout: FA2Layout | undefined;
let settled: Promise<void> = new Promise(() => {});
let selected: string | null = null;
let iterationsRun = 0;

/** Runs ForceAtlas2 in a worker and resolves once it has settled (see the constants above). */
function runForceAtlas2(g: Graph, layout: FA2Layout): Promise<void> {
  const previous = new Float64Array(2 * g.order);
  let k = 0;
  g.forEachNode((_n, a) => {
    previous[k++] = a.x as number;
    previous[k++] = a.y as number;
  });
  let iterations = 0;
  const steps: number[] = [];
  return new Promise((resolve) => {
    const onStep = () => {
      iterations++;
      let step = 0;
      let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
      let i = 0;
      g.forEachNode((_n, a) => {
        const x = a.x as number;
        const y = a.y as number;
        step += Math.hypot(x - previous[2 * i]!, y - previous[2 * i + 1]!);
        previous[2 * i] = x;
        previous[2 * i + 1] = y;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        i++;
      });
      const size = Math.max(maxX - minX, maxY - minY, 1e-9);
      steps.push(step / g.order / size);
      if (steps.length > WINDOW) steps.shift();
      const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
      if ((steps.length === WINDOW && mean < SETTLED_STEP) || iterations >= MAX_ITERATIONS) {
        iterationsRun = iterations;
        g.off('eachNodeAttributesUpdated', onStep);
        layout.stop(); // killed later: the supervisor is still handling this iteration's message
        setTimeout(() => layout.kill(), 0);
        resolve();
      }
    };
    g.on('eachNodeAttributesUpdated', onStep);
    layout.start();
  });
}

/** The renderer, with the states the highlight uses. */
function draw(g: Graph) {
  return new Sigma(g, container, {
    settings: { itemSizesReference: 'screen' },
    customNodeState: { isActive: false },
    customEdgeState: { isActive: false },
    customGraphState: { hasActiveSubgraph: false },
    styles: {
      nodes: [
        { color: { attribute: 'color' }, size: { attribute: 'size' }, label: { attribute: 'label' } },
        {
          when: (_a, state, graphState) => graphState.hasActiveSubgraph && !state.isActive,
          then: { color: '#eeeeee', label: '' },
        },
      ],
      edges: [
        { color: { attribute: 'color' } },
        {
          when: (_a, state, graphState) => graphState.hasActiveSubgraph && !state.isActive,
          then: { color: '#f4f4f4' },
        },
      ],
    },
  });
}

const subject: Subject = {
  load(text, options) {
    const plain = readNativeGraph(text);
    layout?.kill();
    renderer?.kill();
    selected = null;
    const g = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
    for (const n of plain.nodes) {
      g.addNode(n.id, { label: n.label, kind: n.kind, color: KIND_COLOURS[n.kind] ?? '#999999', x: 0, y: 0 });
    }
    for (const e of plain.edges) g.addDirectedEdgeWithKey(e.id, e.source, e.target, { color: '#cccccc' });
    g.forEachNode((n) => g.setNodeAttribute(n, 'size', 3 + Math.sqrt(g.degree(n))));
    circular.assign(g);
    graph = g;
    const r = draw(g);
    renderer = r;
    r.on('afterRender', () => window.__bench.drawn());
    r.on('clickNode', ({ node }) => {
      if (selected) {
        r.setNodesState([selected, ...g.neighbors(selected)], { isActive: false });
        r.setEdgesState(g.edges(selected), { isActive: false });
      }
      selected = node;
      r.setNodesState([node, ...g.neighbors(node)], { isActive: true });
      r.setEdgesState(g.edges(node), { isActive: true });
      r.setGraphState({ hasActiveSubgraph: true });
    });
    const kindNodes = g.filterNodes((_n, a) => a.kind === options.filterKind);
    const kindEdges = [...new Set(kindNodes.flatMap((n) => g.edges(n)))];
    let hidden = false;
    toggle.textContent = `Hide ${options.filterLabel}`;
    toggle.disabled = false;
    toggle.onclick = () => {
      hidden = !hidden;
      r.setNodesState(kindNodes, { isHidden: hidden });
      r.setEdgesState(kindEdges, { isHidden: hidden });
      toggle.textContent = `${hidden ? 'Show' : 'Hide'} ${options.filterLabel}`;
    };
    layout = new FA2Layout(g, { settings: forceAtlas2.inferSettings(g) });
    settled = runForceAtlas2(g, layout);
  },
  shown: () => (graph?.order ?? 0) > 0,
  layoutDone: () => settled,
  layoutInBackground: () => layout?.isRunning() ?? false,
  nodesOnScreen() {
    const box = container.getBoundingClientRect();
    const g = graph!;
    const inside = (x: number, y: number) => x > 20 && y > 20 && x < box.width - 20 && y < box.height - 20;
    return g
      .nodes()
      .sort((a, b) => g.degree(b) - g.degree(a))
      .map((id) => ({
        id,
        ...renderer!.graphToViewport(g.getNodeAttributes(id) as { x: number; y: number }),
      }))
      .filter((n) => inside(n.x, n.y))
      .slice(0, 20)
      .map((n) => ({ id: n.id, x: n.x + box.left, y: n.y + box.top }));
  },
  canvasBox() {
    const r = container.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  },
  selected: () => selected,
  layoutNote: () => `ForceAtlas2 stopped after ${iterationsRun} iterations`,
  filterSelector: () => '#filter-toggle',
};

window.__bench.register(subject);
