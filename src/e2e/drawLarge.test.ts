// Drawing a large graph on the canvas a slice at a time (drawInSlices in
// src/render/cytoscapeInternals.ts): a generated graph of 2,500 actors (about 6,300 elements, above
// the app's large-graph threshold) in a circle. The picture drawn in slices is the one Cytoscape
// draws in one go; while a new picture is drawn the page runs other tasks, and a pan shows the last
// picture moved at once. Nothing here is timed.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateGraph } from '../bench/generateGraph';
import { openApp, type OpenedApp } from './app';

const ACTORS = 2500;
const TEXT = JSON.stringify(generateGraph({ nodes: ACTORS, seed: 3 }));

interface Hooks {
  actorGraphLoad(text: string, name: string, query: string): Promise<{ ok: boolean; issues: string[] }>;
  actorGraphReady(timeoutMs: number): Promise<void>;
  actorGraphView: {
    cy: import('cytoscape').Core;
    readonly drawingPending: boolean;
    readonly layoutRunning: boolean;
    readonly undrawnLines: ReadonlySet<string>;
  };
}

/** Page helpers installed before the tests (see beforeAll). */
interface Pictures {
  read(canvas: HTMLCanvasElement): ImageData;
  /** Share of the pixels of `a` that differ from those of `b` `dx` device pixels to the right. */
  differ(a: ImageData, b: ImageData, dx?: number): number;
  /** What Cytoscape draws of the elements in one go at the camera now. */
  inOneGo(): ImageData;
}

let app: OpenedApp;
beforeAll(async () => {
  app = await openApp('');
  const loaded = await app.page.evaluate(
    (t) => (window as unknown as Hooks).actorGraphLoad(t, 'generated.json', 'layout=circle'),
    TEXT,
  );
  expect(loaded.issues).toEqual([]);
  await app.page.evaluate(() => (window as unknown as Hooks).actorGraphReady(240_000));
  // Helpers the tests call in the page (functions cannot be handed to page.evaluate).
  await app.page.evaluate(() => {
    const read = (c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    /** Share of the pixels of `a` that differ from those of `b` `dx` device pixels to the right. */
    const differ = (a: ImageData, b: ImageData, dx = 0) => {
      let n = 0;
      let all = 0;
      for (let y = 0; y < a.height; y++)
        for (let x = 0; x + dx < a.width; x++) {
          const i = (y * a.width + x) * 4;
          const j = (y * a.width + x + dx) * 4;
          all++;
          for (let k = 0; k < 4; k++)
            if (Math.abs(a.data[i + k]! - b.data[j + k]!) > 48) {
              n++;
              break;
            }
        }
      return n / all;
    };
    /** The elements drawn by Cytoscape in one go, at the camera now, on a canvas the size of the layer. */
    const inOneGo = () => {
      const cy = (window as unknown as Hooks).actorGraphView.cy;
      const r = (cy as unknown as { renderer(): Record<string, unknown> }).renderer() as unknown as {
        getPixelRatio(): number;
        getCachedZSortedEles(): { nondrag: unknown[] };
        drawCachedElements(c: CanvasRenderingContext2D, e: unknown[], px: number, extent: unknown): void;
      };
      const layer = cy.container()!.querySelector<HTMLCanvasElement>('canvas[data-id="layer2-node"]')!;
      const px = r.getPixelRatio();
      const one = document.createElement('canvas');
      one.width = layer.width;
      one.height = layer.height;
      const context = one.getContext('2d')!;
      context.setTransform(cy.zoom() * px, 0, 0, cy.zoom() * px, cy.pan().x * px, cy.pan().y * px);
      r.drawCachedElements(context, r.getCachedZSortedEles().nondrag, px, cy.extent());
      return read(one);
    };
    (window as unknown as { pictures: Pictures }).pictures = { read, differ, inOneGo };
  });
}, 300_000);
afterAll(() => app?.session.close());

describe(`a graph of ${ACTORS.toLocaleString('en')} actors drawn in slices`, () => {
  it('draws what Cytoscape draws in one go; a pan shows the last picture moved while the page keeps answering', async () => {
    // The CPU slowed sixfold, as on a slower machine: on a fast one the whole picture fits in one
    // 50 ms slice, and there would be nothing to show meanwhile (it failed half the time there).
    const cdp = await app.page.context().newCDPSession(app.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    // Back to full speed for the tests after this one, whether this one passes or not.
    onTestFinished(async () => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    });
    const seen = await app.page.evaluate(async () => {
      const view = (window as unknown as Hooks).actorGraphView;
      const cy = view.cy;
      const r = (cy as unknown as { renderer(): Record<string, unknown> }).renderer() as unknown as {
        getPixelRatio(): number;
        getCachedZSortedEles(): { nondrag: unknown[] };
        drawCachedElements(c: CanvasRenderingContext2D, e: unknown[], px: number, extent: unknown): void;
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      const layer = cy.container()!.querySelector<HTMLCanvasElement>('canvas[data-id="layer2-node"]')!;
      const { read, differ, inOneGo } = (window as unknown as { pictures: Pictures }).pictures;
      const ink = (a: ImageData) => {
        let n = 0;
        for (let i = 3; i < a.data.length; i += 4) if (a.data[i]! > 16) n++;
        return n / (a.width * a.height);
      };

      const px = r.getPixelRatio();
      const sliced = read(layer);
      const oneGo = inOneGo();

      // A pan: the next frames show the last picture moved with it; other tasks run while the new
      // picture is drawn.
      // Which task drew each element: a tick counts the tasks that ran in between.
      let ticks = 0;
      const tick = setInterval(() => ticks++, 0);
      const drawnIn = new Map<number, number>();
      const rr = r as unknown as { drawCachedElement(...a: unknown[]): unknown };
      const drawElement = rr.drawCachedElement;
      rr.drawCachedElement = function (...a: unknown[]) {
        drawnIn.set(ticks, (drawnIn.get(ticks) ?? 0) + 1);
        return drawElement.apply(this, a);
      };
      cy.panBy({ x: 60, y: 0 });
      await frame();
      await frame();
      const moved = read(layer);
      const pendingAfterPan = view.drawingPending;
      while (view.drawingPending) await frame();
      clearInterval(tick);
      rr.drawCachedElement = drawElement;
      const redrawn = read(layer);
      const redrawnOneGo = inOneGo();
      cy.panBy({ x: -60, y: 0 });
      while (view.drawingPending) await frame();

      // Actors taken out of their groups and put back (as a filter does): each element is drawn once.
      const drawnBefore = [...drawnIn.values()].reduce((a, b) => a + b, 0);
      const mostInOneTask = Math.max(...drawnIn.values());
      let afterRemoval = 0;
      rr.drawCachedElement = function (...a: unknown[]) {
        afterRemoval++;
        return drawElement.apply(this, a);
      };
      const members = cy.nodes().filter((n) => n.isChild() && n.isChildless());
      const out = members.filter((_, i) => i % 10 === 0);
      const removed = cy.remove(out.union(out.connectedEdges()));
      await frame();
      while (view.drawingPending) await frame();
      removed.restore();
      await frame();
      while (view.drawingPending) await frame();
      rr.drawCachedElement = drawElement;
      return {
        elements: cy.elements().length,
        ink: ink(sliced),
        vsOneGo: differ(sliced, oneGo),
        movedVsBefore: differ(sliced, moved, 60 * px),
        redrawnVsOneGo: differ(redrawn, redrawnOneGo),
        pendingAfterPan,
        drawn: drawnBefore,
        afterRemoval,
        removed: removed.length,
        mostInOneTask,
      };
    });
    expect(seen.elements).toBeGreaterThanOrEqual(6000); // the app's large-graph threshold
    expect(seen.ink).toBeGreaterThan(0.01);
    expect(seen.vsOneGo).toBeLessThan(0.001);
    expect(seen.movedVsBefore).toBeLessThan(0.002);
    expect(seen.redrawnVsOneGo).toBeLessThan(0.001);
    // The new picture was drawn in slices, other tasks running in between: no task drew it all.
    expect(seen.pendingAfterPan).toBe(true);
    expect(seen.drawn).toBeGreaterThanOrEqual(6000);
    expect(seen.drawn).toBeLessThanOrEqual(seen.elements);
    // Two pictures, without and with the actors taken out, each element drawn once in each: measuring
    // group boxes while drawing does not start a picture afresh.
    expect(seen.removed).toBeGreaterThan(100);
    expect(seen.afterRemoval).toBeLessThanOrEqual(2 * seen.elements);
    expect(seen.mostInOneTask).toBeLessThan(seen.drawn);
  });

  it('works out each part of the lines after its frame, so the frame that draws them all has none left', async () => {
    // A graph of this size gets its lines in parts, drawing held back (#addLater in graphView.ts);
    // prepareForDrawing() measures each part and asks whether it takes events and is seen, in the
    // task after the part was styled. Counted from the moment the last part is in until the picture
    // is whole: lines whose box is still to be measured (the frame that drew them all measured every
    // line, in one task), and collections of an element's groups built (for each line whether it
    // takes events and is seen, and, while drawing, each member's opacity within its groups:
    // walkGroupsForOpacity). What is left is the drawing order's depth of each group.
    const seen = await app.page.evaluate(
      async ({ small, text }) => {
        const w = window as unknown as Hooks;
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
        type Ele = { _private: { bbCache: unknown; group: string }; isEdge(): boolean };
        const proto = Object.getPrototypeOf(w.actorGraphView.cy.collection()) as {
          boundingBox(this: ArrayLike<Ele>, ...a: unknown[]): unknown;
          parents(this: ArrayLike<Ele>, ...a: unknown[]): unknown;
        };
        const { boundingBox, parents } = proto;
        let counting = false;
        let staleLines = 0;
        let groupLookups = 0;
        proto.boundingBox = function (...a) {
          if (counting)
            for (let i = 0; i < this.length; i++)
              if (this[i]!._private.group === 'edges' && this[i]!._private.bbCache == null) staleLines++;
          return boundingBox.apply(this, a);
        };
        proto.parents = function (...a) {
          if (counting) groupLookups++;
          return parents.apply(this, a);
        };
        let partsSeen = 0;
        try {
          // A small graph, then the large one again: every line is new.
          if (!(await w.actorGraphLoad(small, 'small.json', 'layout=circle')).ok)
            throw new Error('small graph');
          await w.actorGraphReady(60_000);
          // Counting starts in the task that lets the lines be drawn, once the last part is in: it
          // empties the view's set of lines not drawn yet.
          const undrawn = w.actorGraphView.undrawnLines as Set<string>;
          undrawn.clear = function () {
            if (this.size > 0) counting = true;
            Set.prototype.clear.call(this);
          };
          const loaded = await w.actorGraphLoad(text, 'generated.json', 'layout=circle');
          if (!loaded.ok) throw new Error(loaded.issues.join('; '));
          for (let i = 0; !counting; i++) {
            if (i > 6000) throw new Error('the lines did not come in parts');
            if (undrawn.size > 0) partsSeen++;
            await frame();
          }
          delete (undrawn as { clear?: unknown }).clear;
          while (w.actorGraphView.drawingPending) await frame();
          await frame();
        } finally {
          counting = false;
          proto.boundingBox = boundingBox;
          proto.parents = parents;
        }
        const cy = w.actorGraphView.cy;
        return {
          lines: cy.edges().length,
          grouped: cy.edges().filter((e) => e.source().isChild() || e.target().isChild()).length,
          groups: cy.nodes(':parent').length,
          partsSeen,
          staleLines,
          groupLookups,
        };
      },
      { small: JSON.stringify(generateGraph({ nodes: 20, seed: 4 })), text: TEXT },
    );
    expect(seen.lines).toBeGreaterThan(3000); // enough to come in parts
    expect(seen.partsSeen).toBeGreaterThan(0);
    expect(seen.grouped, 'lines whose ends are in groups').toBeGreaterThan(1000);
    expect(seen.staleLines).toBe(0);
    expect(seen.groupLookups).toBeLessThanOrEqual(seen.groups);
  });
  it('moves the actors to a new layout in parts, and draws them once, all in place and fitted', async () => {
    // #moveInParts in graphView.ts: a large graph's actors go to their new places a part per task,
    // drawing held back, so the picture shown stays the last whole one until the new one is whole.
    await app.page.evaluate(() => (window as unknown as Hooks).actorGraphReady(120_000));
    const watch = app.page.evaluate(async () => {
      const view = (window as unknown as Hooks).actorGraphView;
      const cy = view.cy;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      const layer = cy.container()!.querySelector<HTMLCanvasElement>('canvas[data-id="layer2-node"]')!;
      // The new layout is computed in the worker (the actors meanwhile stay where they are);
      // watched from its arrival.
      for (let i = 0; !view.layoutRunning; i++) {
        if (i > 3000) throw new Error('no layout started');
        await frame();
      }
      while (view.layoutRunning) await frame();
      const before = layer.toDataURL();
      // Which task moved each actor: a tick counts the tasks that ran in between.
      let ticks = 0;
      const tick = setInterval(() => ticks++, 0);
      const movedIn = new Map<number, number>();
      const counted = () => movedIn.set(ticks, (movedIn.get(ticks) ?? 0) + 1);
      cy.on('position', 'node', counted);
      for (let i = 0; movedIn.size === 0; i++) {
        if (i > 3000) throw new Error('no actor moved');
        await frame();
      }
      // Each frame until the new picture is drawn: how many actors had moved, and whether the
      // picture on screen was still the one from before.
      const frames: { moved: number; unchanged: boolean }[] = [];
      const movedSoFar = () => [...movedIn.values()].reduce((a, b) => a + b, 0);
      while (view.drawingPending) {
        frames.push({ moved: movedSoFar(), unchanged: layer.toDataURL() === before });
        await frame();
      }
      clearInterval(tick);
      cy.off('position', 'node', counted);
      const moved = movedSoFar();
      const whileMoving = frames.filter((f) => f.moved < moved);
      const actors = cy.nodes().filter((n) => n.isChildless() && !n.hasClass('group-title'));
      const bb = actors.boundingBox({});
      const ext = cy.extent();
      return {
        moved,
        mostInOneTask: Math.max(...movedIn.values()),
        tasks: movedIn.size,
        actors: actors.length,
        framesWhileMoving: whileMoving.length,
        changedWhileMoving: whileMoving.filter((f) => !f.unchanged).length,
        fitted: bb.x1 >= ext.x1 && bb.y1 >= ext.y1 && bb.x2 <= ext.x2 && bb.y2 <= ext.y2,
        fills: Math.max(bb.w / ext.w, bb.h / ext.h),
      };
    });
    await app.page.getByRole('combobox', { name: 'Layout' }).selectOption('concentric');
    const seen = await watch;
    expect(seen.moved).toBeGreaterThan(0.9 * seen.actors); // (nearly) every actor moves
    expect(seen.tasks).toBeGreaterThan(1);
    expect(seen.mostInOneTask).toBeLessThan(seen.moved);
    // The last whole picture stayed on screen while they moved: nothing half-moved was drawn.
    expect(seen.framesWhileMoving).toBeGreaterThan(1);
    expect(seen.changedWhileMoving).toBe(0);
    expect(seen.fitted).toBe(true);
    expect(seen.fills).toBeGreaterThan(0.8);
    // The new picture is the one Cytoscape draws in one go of the elements where they are now.
    const same = await app.page.evaluate(() => {
      const { read, differ, inOneGo } = (window as unknown as { pictures: Pictures }).pictures;
      const cy = (window as unknown as Hooks).actorGraphView.cy;
      const layer = cy.container()!.querySelector<HTMLCanvasElement>('canvas[data-id="layer2-node"]')!;
      return differ(read(layer), inOneGo());
    });
    expect(same).toBeLessThan(0.001);
  });
  it('exports the actors where they are going when asked while they move in parts', async () => {
    // An export captures positions, not the picture: one made mid-move puts the rest in place first.
    await app.page.evaluate(() => (window as unknown as Hooks).actorGraphReady(120_000));
    const started = app.page.evaluate(async () => {
      const w = window as unknown as Hooks & { actorGraphExport(o: unknown): Promise<{ bytes: Uint8Array }> };
      const cy = w.actorGraphView.cy;
      const actors = () =>
        cy
          .nodes()
          .filter((n) => n.isChildless() && !n.hasClass('group-title')) as import('cytoscape').NodeCollection;
      const before = new Map(actors().map((n) => [n.id(), { ...n.position() }]));
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      const movedNow = () =>
        actors().filter((n) => {
          const p = before.get(n.id())!;
          return Math.abs(p.x - n.position('x')) > 0.5 || Math.abs(p.y - n.position('y')) > 0.5;
        }).length;
      for (let i = 0; movedNow() === 0; i++) {
        if (i > 3000) throw new Error('no actor moved');
        await frame();
      }
      const movedWhenAsked = movedNow();
      const svg = await w.actorGraphExport({
        format: 'svg',
        scope: 'graph',
        size: { mode: 'scale', scale: 1 },
        background: 'theme',
        legend: false,
        caption: false,
        date: false,
      });
      const movedByExport = movedNow();
      const exported = new Map(actors().map((n) => [n.id(), { ...n.position() }]));
      await w.actorGraphReady(120_000);
      const settledMoves = actors().filter((n) => {
        const p = exported.get(n.id())!;
        return Math.abs(p.x - n.position('x')) > 0.5 || Math.abs(p.y - n.position('y')) > 0.5;
      }).length;
      return {
        movedWhenAsked,
        movedByExport,
        settledMoves,
        svgBytes: svg.bytes.byteLength,
        actors: actors().length,
      };
    });
    const layout = app.page.getByRole('combobox', { name: 'Layout' });
    await layout.selectOption((await layout.inputValue()) === 'circle' ? 'concentric' : 'circle');
    const seen = await started;
    expect(seen.movedWhenAsked).toBeLessThan(seen.movedByExport); // asked mid-move
    expect(seen.movedByExport).toBeGreaterThan(0.9 * seen.actors);
    expect(seen.settledMoves).toBe(0); // nothing moved after the export: it had them in place
    expect(seen.svgBytes).toBeGreaterThan(100_000);
  });
});
