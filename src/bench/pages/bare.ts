// Bare Cytoscape 3.34 on the same elements as the app: node labels, the default style otherwise, and
// the layout the URL names (`?layout=grid`, the floor for drawing, or `?layout=fcose` at its defaults).
// Selecting a node highlights its neighbourhood and the button hides one kind of actor, each with
// classes in one batch: what a Cytoscape page does for the app's interactions, and no more.
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { readNativeGraph } from './nativeGraph';
import type { Subject } from './protocol';

const layout = new URLSearchParams(location.search).get('layout') === 'fcose' ? 'fcose' : 'grid';
if (layout === 'fcose') cytoscape.use((await import('cytoscape-fcose')).default); // the grid page loads no more than it uses
const container = document.getElementById('graph')!;
const toggle = document.getElementById('filter-toggle') as HTMLButtonElement;
let cy: Core | undefined;
let layoutStopped: Promise<void> = new Promise(() => {});

const subject: Subject = {
  load(text, options) {
    const graph = readNativeGraph(text);
    let stop!: () => void;
    layoutStopped = new Promise((resolve) => (stop = resolve));
    cy?.destroy();
    cy = cytoscape({
      container,
      elements: [
        ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })),
        ...graph.edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)' } },
        { selector: '.faded', style: { opacity: 0.2 } },
        { selector: '.hidden', style: { display: 'none' } },
      ],
      layout: { name: layout, stop: () => stop() } as cytoscape.LayoutOptions,
    });
    cy.on('render', () => window.__bench.drawn());
    cy.on('tap', 'node', (event) => {
      const node = event.target as NodeSingular;
      const near = node.closedNeighborhood();
      cy!.batch(() => {
        cy!.elements().removeClass('faded');
        cy!.elements().not(near).addClass('faded');
      });
    });
    const kind = cy.nodes(`[kind = "${options.filterKind}"]`);
    let hidden = false;
    toggle.textContent = `Hide ${options.filterLabel}`;
    toggle.disabled = false;
    toggle.onclick = () => {
      hidden = !hidden;
      cy!.batch(() => (hidden ? kind.addClass('hidden') : kind.removeClass('hidden')));
      toggle.textContent = `${hidden ? 'Show' : 'Hide'} ${options.filterLabel}`;
    };
  },
  shown: () => (cy?.nodes().length ?? 0) > 0,
  layoutDone: () => layoutStopped,
  nodesOnScreen() {
    const box = container.getBoundingClientRect();
    const inside = (x: number, y: number) => x > 20 && y > 20 && x < box.width - 20 && y < box.height - 20;
    return cy!
      .nodes()
      .filter((n: NodeSingular) => n.isChildless() && n.visible())
      .sort((a: NodeSingular, b: NodeSingular) => b.degree(false) - a.degree(false))
      .map((n: NodeSingular) => ({ id: n.id(), ...n.renderedPosition() }))
      .filter((n) => inside(n.x, n.y))
      .slice(0, 20)
      .map((n) => ({ id: n.id, x: n.x + box.left, y: n.y + box.top }));
  },
  canvasBox() {
    const r = container.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  },
  selected() {
    const s = cy?.$('node:selected');
    return s && s.nonempty() ? s.id() : null;
  },
  filterSelector: () => '#filter-toggle',
};

window.__bench.register(subject);
