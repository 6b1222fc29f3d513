// The app as a benchmark subject: injected into the explorer's page after the probe, it registers the
// explorer through its automation hooks (src/ui/automation.ts) and the GraphView it puts on `window`.
// This file and `app` in ../subjects.ts are the only places that know how a graph gets into the app.
import type { Core, NodeSingular } from 'cytoscape';
import type { LoadOptions, Subject } from './protocol';

interface AppWindow {
  actorGraphOpen?(text: string): Promise<{ ok: boolean; issues: string[] }>;
  actorGraphReady?(timeoutMs?: number): Promise<void>;
}

(() => {
  const bench = window.__bench;
  const app = window as unknown as AppWindow;
  let cy: Core | undefined;
  let probeNodeId: string | undefined;
  const canvas = () => document.querySelector('[data-testid="graph-canvas"]');

  const subject: Subject = {
    async load(text, options) {
      probeNodeId = options.probeNodeId;
      if (!app.actorGraphOpen)
        throw new Error('the app has no actorGraphOpen hook (not an automation build?)');
      // As a user opens a file: parsed and validated in the app's loading worker.
      const result = await app.actorGraphOpen(text);
      if (!result.ok) throw new Error(`the app refused the graph: ${result.issues.slice(0, 3).join('; ')}`);
    },
    layoutInBackground() {
      return (
        (window as unknown as { actorGraphView?: { layoutRunning: boolean } }).actorGraphView
          ?.layoutRunning ?? false
      );
    },
    shown() {
      if (!cy) return false;
      // Before a graph is handed over: the app's default graph.
      return probeNodeId === undefined ? cy.nodes().nonempty() : cy.getElementById(probeNodeId).nonempty();
    },
    async layoutDone() {
      // The app's own test of "drawn and still" (positions unchanged over frames, nothing animating),
      // asked only once nothing has been drawn for a while, and again if drawing resumed meanwhile.
      for (;;) {
        await bench.quiet(500);
        const seen = bench.frames.length;
        await app.actorGraphReady!(3_600_000); // the benchmark's own limit on the final picture decides
        if (bench.frames.length === seen) return;
      }
    },
    nodesOnScreen() {
      const box = canvas()!.getBoundingClientRect();
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
      const r = canvas()!.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    },
    selected() {
      const s = cy?.$('node:selected');
      return s && s.nonempty() ? s.id() : null;
    },
    filterSelector(options: LoadOptions) {
      return `fieldset:has(> legend:text-is("Actors")) button.toggle:has(.name:text-is("${options.filterLabel}"))`;
    },
  };

  // The automation build exposes the canvas's GraphView as `window.actorGraphView`; the view may
  // create a new Cytoscape instance (a large graph gets another renderer), so follow whichever one
  // draws, frame by frame.
  const follow = () => {
    const current = (window as unknown as { actorGraphView?: { cy: Core } }).actorGraphView?.cy;
    if (current && current !== cy) {
      cy = current;
      current.on('render', () => bench.drawn());
    }
    requestAnimationFrame(follow);
  };
  follow();
  bench.register(subject);
})();
