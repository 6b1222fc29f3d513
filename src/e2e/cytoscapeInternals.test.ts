// The Cytoscape internals the scene capture reads (src/render/cytoscapeInternals.ts), checked on the
// curated graph as the app draws it: the render scratchpad, computed styles, the renderer's helpers
// and z-sorted cache, and — drawn into a recording context by Cytoscape itself — that labels,
// arrowheads and dashes land where the exported SVG puts them. Each failure names the internal and
// what to update, and the Cytoscape version the adapter was written for.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInPage } from '../cli/render';
import { CYTOSCAPE_WRITTEN_FOR } from '../render/cytoscapeInternals';
import { openApp, waitForStill, type OpenedApp } from './app';
import { decodePng, diffRatio } from './pixels';

const installed = (
  JSON.parse(readFileSync('node_modules/cytoscape/package.json', 'utf8')) as { version: string }
).version;
const declared = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
).dependencies.cytoscape;

/** The failure message: which internal, what changed, where to update, and for which version it was written. */
const changed = (internal: string, problem: string, update: string) =>
  `Cytoscape internal ${internal}: ${problem}. Update ${update} in src/render/cytoscapeInternals.ts ` +
  `(written for Cytoscape ${CYTOSCAPE_WRITTEN_FOR}; installed ${installed}, package.json ${declared}).`;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** What a recording 2D context saw Cytoscape draw, and what the page read of the internals. */
interface Observed {
  zSorted: { isArray: boolean; ids: string[]; total: number; parentsFirst: boolean; byZIndex: string[] };
  helpers: Record<string, string>;
  node: {
    id: string;
    rscratch: Record<string, unknown>;
    pstyle: Record<string, { value: unknown; strValue: unknown; pfValue: unknown } | null>;
    labelText: unknown;
    drawn: { text: string; x: number; y: number }[];
    textBaseline: unknown;
    font: string;
    bottomToAlphabetic: number;
  };
  edge: {
    id: string;
    rscratch: Record<string, unknown>;
    textAngle: unknown;
    drawn: { text: string; x: number; y: number }[];
    rotation: { x: number; y: number; angle: number } | null;
    bottomToAlphabetic: number;
    arrow: { x: number; y: number; angle: number; size: number } | null;
    arrowWidth: unknown;
  };
  dashed: { id: string; pattern: unknown; drawnDash: number[] | null } | null;
  compound: { id: string; padding: unknown; width: number; outerWidth: number; border: number } | null;
}

let app: OpenedApp;
let seen: Observed;
/** The exported viewport SVG's reading of the same elements. */
let svg: {
  order: string[];
  labels: Record<string, { texts: string[]; xs: number[]; ys: number[]; transform: string | null }>;
  dash: Record<string, string | null>;
};

beforeAll(async () => {
  app = await openApp();
  await waitForStill(app.page);
  // Close enough that every label is legible, so every kind of label is drawn.
  await app.page.evaluate(() => {
    const cy = (window as unknown as { actorGraphView: { cy: import('cytoscape').Core } }).actorGraphView.cy;
    cy.zoom({ level: 1.4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  });
  await waitForStill(app.page);
  seen = await app.page.evaluate(() => {
    type Ele = import('cytoscape').SingularElementArgument & {
      _private: { rscratch: Record<string, unknown> };
      pstyle(p: string): { value: unknown; strValue: unknown; pfValue: unknown } | undefined;
      padding?(): number;
    };
    type Renderer = Record<string, unknown> & {
      getCachedZSortedEles(force?: boolean): Ele[];
      getArrowWidth(w: number, s: number): number;
      getLabelText(e: Ele, p: null): string;
      getTextAngle(e: Ele, p: null): number;
      drawElementText(ctx: unknown, e: Ele, bb: null, force: boolean): void;
      drawArrowheads(ctx: unknown, e: Ele, opacity: number): void;
      drawEdgePath(e: Ele, ctx: unknown, pts: unknown, type: string): void;
    };
    const cy = (window as unknown as { actorGraphView: { cy: import('cytoscape').Core } }).actorGraphView.cy;
    const r = (cy as unknown as { renderer(): Renderer }).renderer();

    /** A 2D context that records every call and property write, and measures text like a real one. */
    const recorder = () => {
      const calls: [string, ...unknown[]][] = [];
      const real = document.createElement('canvas').getContext('2d')!;
      const state: Record<string | symbol, unknown> = {};
      const ctx = new Proxy(state, {
        get: (t, prop) =>
          prop in t
            ? t[prop]
            : (...args: unknown[]) => {
                calls.push([String(prop), ...args]);
                if (prop === 'measureText') return real.measureText(String(args[0]));
                return undefined;
              },
        set: (t, prop, v) => {
          t[prop] = v;
          calls.push(['=' + String(prop), v]);
          return true;
        },
      });
      return { ctx, calls, state };
    };
    const baselineShift = (font: string) => {
      const c = document.createElement('canvas').getContext('2d')!;
      c.font = font;
      c.textBaseline = 'bottom';
      return -Math.abs(c.measureText('Hg').alphabeticBaseline);
    };
    const styleOf = (e: Ele, props: string[]) =>
      Object.fromEntries(
        props.map((p) => {
          const v = typeof e.pstyle === 'function' ? e.pstyle(p) : undefined;
          return [p, v ? { value: v.value, strValue: v.strValue, pfValue: v.pfValue } : null];
        }),
      );
    const pick = (o: Record<string, unknown>, keys: string[]) =>
      Object.fromEntries(keys.map((k) => [k, o?.[k]]));
    const typeOf = (name: string) => typeof r[name];

    const eles = cy.elements().toArray() as unknown as Ele[];
    const zs = typeof r.getCachedZSortedEles === 'function' ? r.getCachedZSortedEles(true) : null;
    const zIds = Array.isArray(zs) ? zs.map((e) => e.id()) : [];
    const parentsFirst = eles.every((e) => {
      const p = e.isNode() ? (e as unknown as import('cytoscape').NodeSingular).parent() : null;
      return !p || p.empty() || zIds.indexOf(p.first().id()) < zIds.indexOf(e.id());
    });

    // A childless actor whose name wraps onto several lines.
    const node = eles.find(
      (e) =>
        e.isNode() &&
        !(e as unknown as import('cytoscape').NodeSingular).isParent() &&
        Array.isArray(e._private.rscratch.labelWrapCachedLines) &&
        (e._private.rscratch.labelWrapCachedLines as unknown[]).length > 1 &&
        e.pstyle('text-opacity')?.value !== 0,
    )!;
    const nodeRec = recorder();
    r.drawElementText(nodeRec.ctx, node, null, true);
    const nodeFont = String(nodeRec.state.font);

    // A relation with a visible, turned label and an arrowhead at its target.
    const edge = eles.find(
      (e) =>
        e.isEdge() &&
        String(e.pstyle('label')?.strValue ?? '') !== '' &&
        e.pstyle('text-opacity')?.value !== 0 &&
        e.pstyle('target-arrow-shape')?.value !== 'none' &&
        Math.abs(Number(e._private.rscratch.labelAngle)) > 0.1,
    )!;
    const edgeRec = recorder();
    r.drawElementText(edgeRec.ctx, edge, null, true);
    const translate = edgeRec.calls.find((c) => c[0] === 'translate');
    const rotate = edgeRec.calls.find((c) => c[0] === 'rotate');
    const arrowRec = recorder();
    r.drawArrowheads(arrowRec.ctx, edge, 1);
    const at = arrowRec.calls.find((c) => c[0] === 'translate');
    const turn = arrowRec.calls.find((c) => c[0] === 'rotate');
    const scale = arrowRec.calls.find((c) => c[0] === 'scale');

    const dashedEdge = eles.find((e) => e.isEdge() && e.pstyle('line-style')?.value === 'dashed');
    let dashed: Observed['dashed'] = null;
    if (dashedEdge) {
      const rec = recorder();
      r.drawEdgePath(dashedEdge, rec.ctx, dashedEdge._private.rscratch.allpts, 'dashed');
      const set = rec.calls.find((c) => c[0] === 'setLineDash');
      dashed = {
        id: dashedEdge.id(),
        pattern: dashedEdge.pstyle('line-dash-pattern')?.pfValue,
        drawnDash: set ? [...(set[1] as number[])] : null,
      };
    }
    const parent = eles.find(
      (e) => e.isNode() && (e as unknown as import('cytoscape').NodeSingular).isParent(),
    );
    const compound = parent
      ? {
          id: parent.id(),
          padding: typeof parent.padding === 'function' ? parent.padding() : undefined,
          width: (parent as unknown as import('cytoscape').NodeSingular).width(),
          outerWidth: (parent as unknown as import('cytoscape').NodeSingular).outerWidth(),
          border: Number(parent.pstyle('border-width')?.pfValue),
        }
      : null;

    const texts = (calls: [string, ...unknown[]][]) =>
      calls
        .filter((c) => c[0] === 'fillText')
        .map((c) => ({ text: String(c[1]), x: Number(c[2]), y: Number(c[3]) }));
    return {
      zSorted: {
        isArray: Array.isArray(zs),
        ids: zIds,
        total: eles.length,
        parentsFirst,
        // Cytoscape's own comparator, which sortForDrawingOnce's keys stand in for.
        byZIndex: (cy.elements() as unknown as { sortByZIndex(): Ele[] }).sortByZIndex().map((e) => e.id()),
      },
      helpers: Object.fromEntries(
        [
          'getCachedZSortedEles',
          'getLabelText',
          'getTextAngle',
          'getLabelJustification',
          'getArrowWidth',
        ].map((n) => [n, typeOf(n)]),
      ),
      node: {
        id: node.id(),
        rscratch: pick(node._private.rscratch, [
          'labelX',
          'labelY',
          'labelWidth',
          'labelHeight',
          'labelLineHeight',
          'labelActualDescent',
          'labelWrapCachedLines',
        ]),
        pstyle: styleOf(node, ['color', 'font-size', 'label', 'text-opacity', 'text-wrap', 'text-halign']),
        labelText: r.getLabelText(node, null),
        drawn: texts(nodeRec.calls),
        textBaseline: nodeRec.state.textBaseline,
        font: nodeFont,
        bottomToAlphabetic: baselineShift(nodeFont),
      },
      edge: {
        id: edge.id(),
        rscratch: pick(edge._private.rscratch, [
          'edgeType',
          'allpts',
          'badLine',
          'labelX',
          'labelY',
          'labelAngle',
          'arrowStartX',
          'arrowStartY',
          'srcArrowAngle',
          'arrowEndX',
          'arrowEndY',
          'tgtArrowAngle',
          'midX',
          'midY',
        ]),
        textAngle: r.getTextAngle(edge, null),
        drawn: texts(edgeRec.calls),
        rotation:
          translate && rotate
            ? { x: Number(translate[1]), y: Number(translate[2]), angle: Number(rotate[1]) }
            : null,
        bottomToAlphabetic: baselineShift(String(edgeRec.state.font)),
        arrow:
          at && turn && scale
            ? { x: Number(at[1]), y: Number(at[2]), angle: Number(turn[1]), size: Number(scale[1]) }
            : null,
        arrowWidth:
          typeof r.getArrowWidth === 'function'
            ? r.getArrowWidth(
                Number(edge.pstyle('width')?.pfValue),
                Number(edge.pstyle('arrow-scale')?.value),
              )
            : undefined,
      },
      dashed,
      compound,
    } satisfies Observed;
  });

  const ids = [seen.node.id, seen.edge.id];
  const text = (
    await exportInPage(app.page, {
      format: 'svg',
      scope: 'viewport',
      size: { mode: 'scale', scale: 1 },
      background: 'theme',
      legend: false,
      caption: false,
      date: false,
    })
  ).bytes.toString('utf8');
  svg = await app.page.evaluate(
    ([source, labelled, dashedId]) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const group = (id: string) => doc.querySelector(`g[data-id="${CSS.escape(id)}"]`);
      const labels = Object.fromEntries(
        labelled.map((id) => {
          const text = group(id)?.querySelector('text[fill]:not([fill="none"])');
          const spans = [...(text?.querySelectorAll('tspan') ?? [])];
          return [
            id,
            {
              texts: spans.map((s) => s.textContent ?? ''),
              xs: spans.map((s) => Number(s.getAttribute('x'))),
              ys: spans.map((s) => Number(s.getAttribute('y'))),
              transform: text?.parentElement?.getAttribute('transform') ?? null,
            },
          ];
        }),
      );
      const dash = dashedId
        ? {
            [dashedId]:
              group(dashedId)?.querySelector('path[stroke-dasharray]')?.getAttribute('stroke-dasharray') ??
              null,
          }
        : {};
      return {
        order: [...doc.querySelectorAll('g[data-id]')].map((g) => g.getAttribute('data-id')!),
        labels,
        dash,
      };
    },
    [text, ids, seen.dashed?.id ?? null] as const,
  );
});
afterAll(() => app?.session.close());

describe(`the Cytoscape internals the export reads (written for Cytoscape ${CYTOSCAPE_WRITTEN_FOR})`, () => {
  it('is the Cytoscape release the adapter was written for', () => {
    const minor = (v: string) => v.split('.').slice(0, 2).join('.');
    expect(
      minor(installed),
      `package.json now installs Cytoscape ${installed}; src/render/cytoscapeInternals.ts was written for ` +
        `${CYTOSCAPE_WRITTEN_FOR}. Run this test file, update what it names, then set CYTOSCAPE_WRITTEN_FOR.`,
    ).toBe(minor(CYTOSCAPE_WRITTEN_FOR));
  });

  it("has the renderer's helpers: z-sorted cache, label text, angle and justification, arrow width", () => {
    for (const [name, type] of Object.entries(seen.helpers)) {
      expect(
        type,
        changed(
          `renderer.${name}()`,
          `is ${type}, not a function`,
          `the Renderer interface and ${name}'s callers`,
        ),
      ).toBe('function');
    }
    const z = seen.zSorted;
    expect(
      z.isArray,
      changed('renderer.getCachedZSortedEles(true)', 'returned no array', 'drawingOrder()'),
    ).toBe(true);
    expect(
      z.ids.length,
      changed('renderer.getCachedZSortedEles(true)', 'does not hold every element', 'drawingOrder()'),
    ).toBe(z.total);
    expect(
      z.parentsFirst,
      changed('renderer.getCachedZSortedEles(true)', 'puts a child before its group', 'drawingOrder()'),
    ).toBe(true);
    expect(
      z.ids,
      changed(
        'collection/zsort.mjs (sortByZIndex)',
        'orders elements otherwise than the keys the app sorts by',
        'sortInDrawingOrder()',
      ),
    ).toEqual(z.byZIndex);
  });

  it("fills a node label's scratchpad and computed styles", () => {
    const rs = seen.node.rscratch;
    for (const key of [
      'labelX',
      'labelY',
      'labelWidth',
      'labelHeight',
      'labelLineHeight',
      'labelActualDescent',
    ]) {
      expect(
        isNum(rs[key]),
        changed(`node._private.rscratch.${key}`, `is ${String(rs[key])}`, 'RenderScratch and drawnLabel()'),
      ).toBe(true);
    }
    const lines = rs.labelWrapCachedLines as string[];
    expect(
      Array.isArray(lines) && lines.length > 1,
      changed('rscratch.labelWrapCachedLines', 'is not the wrapped lines', 'drawnLabel()'),
    ).toBe(true);
    expect(
      seen.node.labelText,
      changed(
        'renderer.getLabelText()',
        'does not return the wrapped lines joined by newlines',
        'drawnLabel()',
      ),
    ).toBe(lines.join('\n'));
    const ps = seen.node.pstyle;
    const colour = ps.color?.value;
    expect(
      Array.isArray(colour) && colour.length >= 3 && colour.every(isNum),
      changed("pstyle('color').value", 'is not [r, g, b]', 'styleColour()'),
    ).toBe(true);
    expect(
      isNum(ps['font-size']?.pfValue),
      changed("pstyle('font-size').pfValue", 'is not px', 'styleNumber()'),
    ).toBe(true);
    expect(
      isNum(ps['text-opacity']?.value),
      changed("pstyle('text-opacity').value", 'is not a number', 'styleNumber()'),
    ).toBe(true);
    expect(
      typeof ps.label?.strValue,
      changed("pstyle('label').strValue", 'is not text', 'styleString()'),
    ).toBe('string');
    expect(
      ps['text-wrap']?.strValue ?? ps['text-wrap']?.value,
      changed("pstyle('text-wrap')", 'lost its keyword', 'styleString()'),
    ).toBe('wrap');
  });

  it("fills an edge's path, arrow ends and label in its scratchpad", () => {
    const rs = seen.edge.rscratch;
    expect(
      ['bezier', 'multibezier', 'self', 'compound', 'straight', 'haystack', 'segments'],
      changed('rscratch.edgeType', `is ${String(rs.edgeType)}`, 'edgeGeometry()'),
    ).toContain(rs.edgeType);
    const pts = rs.allpts as unknown[];
    expect(
      Array.isArray(pts) && pts.length >= 4 && pts.every(isNum),
      changed('rscratch.allpts', 'is not a list of x, y numbers', 'edgeGeometry()'),
    ).toBe(true);
    expect(!rs.badLine, changed('rscratch.badLine', 'is set on a drawn edge', 'edgeGeometry()')).toBe(true);
    for (const key of [
      'labelX',
      'labelY',
      'labelAngle',
      'arrowStartX',
      'arrowStartY',
      'srcArrowAngle',
      'arrowEndX',
      'arrowEndY',
      'tgtArrowAngle',
      'midX',
      'midY',
    ]) {
      expect(
        isNum(rs[key]),
        changed(
          `edge._private.rscratch.${key}`,
          `is ${String(rs[key])}`,
          'RenderScratch and edgeGeometry()/drawnLabel()',
        ),
      ).toBe(true);
    }
    expect(
      seen.edge.textAngle,
      changed(
        'renderer.getTextAngle()',
        'differs from rscratch.labelAngle on an autorotated label',
        'drawnLabel()',
      ),
    ).toBe(rs.labelAngle);
  });

  it('draws the arrowhead where the scratchpad says, at the size getArrowWidth gives', () => {
    const a = seen.edge.arrow;
    const rs = seen.edge.rscratch;
    expect(
      a,
      changed(
        'CRp.drawArrowShape',
        'no longer translates, rotates and scales to the arrow',
        'edgeGeometry() and arrowSize()',
      ),
    ).not.toBeNull();
    expect(
      [a!.x, a!.y, a!.angle],
      changed('CRp.drawArrowheads', 'draws the target arrow away from rscratch.arrowEnd*', 'edgeGeometry()'),
    ).toEqual([rs.arrowEndX, rs.arrowEndY, rs.tgtArrowAngle]);
    expect(
      a!.size,
      changed(
        'CRp.drawArrowShape',
        'sizes arrows otherwise than getArrowWidth(width, arrow-scale)',
        'arrowSize()',
      ),
    ).toBeCloseTo(seen.edge.arrowWidth as number, 6);
  });

  it("puts each line of a wrapped node label where the export's copy of drawText does", () => {
    const n = seen.node;
    const out = svg.labels[n.id]!;
    expect(
      n.textBaseline,
      changed(
        'CRp.drawElementText',
        `sets textBaseline ${String(n.textBaseline)}`,
        "drawnLabel()'s baseline",
      ),
    ).toBe('bottom');
    expect(
      n.drawn.length,
      changed('CRp.drawText', 'draws another number of lines than the export', 'drawnLabel()'),
    ).toBe(out.texts.length);
    n.drawn.forEach((line, i) => {
      const where = `line ${i + 1} of ${n.id}'s label`;
      expect(out.texts[i], changed('CRp.drawText', `draws other text on ${where}`, 'drawnLabel()')).toBe(
        line.text.trim(),
      );
      expect(
        Math.abs(out.xs[i]! - line.x),
        changed('CRp.drawText', `places ${where} elsewhere across`, 'drawnLabel()'),
      ).toBeLessThan(0.02);
      expect(
        Math.abs(out.ys[i]! - (line.y + n.bottomToAlphabetic)),
        changed('CRp.drawText', `places ${where} elsewhere down`, 'drawnLabel()'),
      ).toBeLessThan(0.02);
    });
  });

  it('turns an edge label about the point drawText turns it about', () => {
    const e = seen.edge;
    const out = svg.labels[e.id]!;
    expect(
      e.rotation,
      changed('CRp.drawText', 'no longer translates and rotates an autorotated label', 'drawnLabel()'),
    ).not.toBeNull();
    const m = /^translate\(([-\d.]+) ([-\d.]+)\) rotate\(([-\d.]+)\)$/.exec(out.transform ?? '');
    expect(m, `the exported label of ${e.id} is not turned: ${out.transform}`).not.toBeNull();
    expect(
      Math.abs(Number(m![1]) - e.rotation!.x),
      changed('CRp.drawText', 'turns the label about another x', 'drawnLabel()'),
    ).toBeLessThan(0.02);
    expect(
      Math.abs(Number(m![2]) - e.rotation!.y),
      changed('CRp.drawText', 'turns the label about another y', 'drawnLabel()'),
    ).toBeLessThan(0.02);
    expect(
      Math.abs(Number(m![3]) - (e.rotation!.angle * 180) / Math.PI),
      changed('CRp.drawText', 'turns the label by another angle', 'drawnLabel()'),
    ).toBeLessThan(0.02);
    expect(
      e.drawn.map((l) => l.text),
      changed('CRp.drawText', 'draws other text', 'drawnLabel()'),
    ).toEqual(out.texts);
    expect(
      Math.abs(out.ys[0]! - (e.drawn[0]!.y + e.bottomToAlphabetic)),
      changed('CRp.drawText', 'places the turned label elsewhere', 'drawnLabel()'),
    ).toBeLessThan(0.02);
  });

  it('dashes a line with the pattern the export writes', () => {
    const d = seen.dashed;
    expect(d, 'the curated graph should have a dashed relation to check').not.toBeNull();
    expect(
      d!.drawnDash,
      changed(
        'CRp.drawEdgePath',
        "no longer dashes with pstyle('line-dash-pattern').pfValue",
        'dashPattern()',
      ),
    ).toEqual(d!.pattern);
    expect(
      svg.dash[d!.id],
      changed("pstyle('line-dash-pattern').pfValue", 'is not the dash array', 'dashPattern()'),
    ).toBe((d!.pattern as number[]).join(' '));
  });

  it("sizes a group's box by its padding", () => {
    const c = seen.compound;
    expect(c, 'the curated graph should have a group to check').not.toBeNull();
    expect(isNum(c!.padding), changed('node.padding()', `is ${String(c!.padding)}`, 'nodeBodySize()')).toBe(
      true,
    );
    expect(
      c!.width + 2 * (c!.padding as number) + c!.border,
      changed(
        'node.padding()',
        'no longer makes width + 2 × padding + border the outer width',
        'nodeBodySize()',
      ),
    ).toBeCloseTo(c!.outerWidth, 6);
  });

  it('exports elements in the z-sorted order', () => {
    const drawn = seen.zSorted.ids.filter((id) => svg.order.includes(id));
    expect(
      svg.order,
      changed(
        'renderer.getCachedZSortedEles(true)',
        'orders elements otherwise than the export',
        'drawingOrder()',
      ),
    ).toEqual(drawn);
  });

  it('draws a frame without restyling what it draws', async () => {
    // Cytoscape flips a node's :backgrounding state while drawing it, which restyles the node and,
    // in a group, its whole family at the next frame; keepDrawingFromRestyling() stops that.
    const restyled = await app.page.evaluate(async () => {
      const cy = (window as unknown as { actorGraphView: { cy: import('cytoscape').Core } }).actorGraphView
        .cy;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      let count = 0;
      const counted = () => count++;
      cy.on('style', counted);
      for (let i = 0; i < 3; i++) {
        cy.forceRender();
        await frame();
        await frame();
      }
      cy.off('style', counted);
      return { count, groups: cy.nodes(':parent').length };
    });
    expect(restyled.groups, 'the curated graph has groups to draw').toBeGreaterThan(0);
    expect(
      restyled.count,
      changed('renderer.drawNode()', 'restyles the nodes it draws', 'keepDrawingFromRestyling()'),
    ).toBe(0);
  });

  it('holds back the frames a change asks for until released, then draws it', async () => {
    // holdDrawing() lets a large graph's lines be added in parts and drawn once (graphView.ts).
    const seen = await app.page.evaluate(async () => {
      const view = (
        window as unknown as { actorGraphView: { cy: import('cytoscape').Core; holdDrawing(): () => void } }
      ).actorGraphView;
      const cy = view.cy;
      const frames = async (n: number) => {
        for (let i = 0; i < n; i++)
          await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      };
      const picture = () =>
        [...cy.container()!.querySelectorAll('canvas')].map((c) => c.toDataURL()).join('|');
      await frames(3);
      const before = picture();
      const release = view.holdDrawing();
      const node = cy.nodes().filter((n) => n.isChildless())[0];
      node!.style({ 'background-color': '#ff00ff', width: 120, height: 120 });
      await frames(4);
      const held = picture();
      release();
      await frames(4);
      const after = picture();
      node!.removeStyle('background-color width height');
      await frames(3);
      return { heldUnchanged: held === before, drawnAfter: after !== before };
    });
    expect(seen.heldUnchanged, changed('renderer.render()', 'draws while held', 'holdDrawing()')).toBe(true);
    expect(seen.drawnAfter, changed('cy.forceRender()', 'does not draw once released', 'holdDrawing()')).toBe(
      true,
    );
  });

  it('measures the boxes of what moved together before drawing, and draws the same picture', async () => {
    // measureBeforeDrawing() fills the boxes Cytoscape reads while drawing in one boundingBox() call.
    // Every actor moves by 40 px on screen and the camera follows: the picture must not change, and
    // no stale box may be left for the drawing to measure one element at a time.
    const seen = await app.page.evaluate(async () => {
      const cy = (window as unknown as { actorGraphView: { cy: import('cytoscape').Core } }).actorGraphView
        .cy;
      const frames = async (n: number) => {
        for (let i = 0; i < n; i++)
          await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      };
      const canvases = () => [...cy.container()!.querySelectorAll('canvas')];
      const layer = () => canvases().find((c) => c.width > 0)!;
      await frames(3);
      const before = layer().toDataURL();
      const proto = Object.getPrototypeOf(cy.collection()) as { boundingBox(...a: unknown[]): unknown };
      const boundingBox = proto.boundingBox;
      let oneAtATime = 0;
      // Counted while the renderer draws an element (Cytoscape also measures a group's members itself).
      const r = (cy as unknown as { renderer(): Record<string, (...a: unknown[]) => unknown> }).renderer();
      const drawElement = r.drawCachedElement!;
      let drawing = false;
      r.drawCachedElement = function (...a: unknown[]) {
        drawing = true;
        try {
          return drawElement.apply(this, a);
        } finally {
          drawing = false;
        }
      };
      proto.boundingBox = function (this: ArrayLike<{ _private: { bbCache: unknown } }>, ...a: unknown[]) {
        if (drawing && this.length === 1 && this[0]!._private.bbCache == null) oneAtATime++;
        return boundingBox.apply(this, a);
      };
      const shift = 40 / cy.zoom();
      const leaves = cy.nodes().filter((n) => n.isChildless());
      try {
        cy.batch(() => {
          leaves.forEach((n) => void n.position({ x: n.position('x') + shift, y: n.position('y') + shift }));
          cy.panBy({ x: -40, y: -40 });
        });
        await frames(4);
      } finally {
        proto.boundingBox = boundingBox;
        r.drawCachedElement = drawElement;
      }
      const after = layer().toDataURL();
      cy.batch(() => {
        leaves.forEach((n) => void n.position({ x: n.position('x') - shift, y: n.position('y') - shift }));
        cy.panBy({ x: 40, y: 40 });
      });
      await frames(3);
      return { before, after, moved: leaves.length + cy.edges().length, oneAtATime };
    });
    expect(seen.moved, 'enough elements move to be measured together').toBeGreaterThanOrEqual(64);
    expect(
      seen.oneAtATime,
      changed(
        'collection.boundingBox()',
        'is left stale for the drawing to measure',
        'measureBeforeDrawing()',
      ),
    ).toBe(0);
    const png = (url: string) => decodePng(Buffer.from(url.split(',')[1]!, 'base64'));
    expect(diffRatio(png(seen.before), png(seen.after))).toBeLessThan(0.002);
  });

  it('makes no label texture for a label drawn fully transparent', async () => {
    // skipTransparentTextures(): Cytoscape would render a hidden label (text-opacity 0, as labels
    // too small to read are hidden) into its texture cache before finding it is not to be drawn.
    const seen = await app.page.evaluate(async () => {
      const cy = (window as unknown as { actorGraphView: { cy: import('cytoscape').Core } }).actorGraphView
        .cy;
      const frames = async (n: number) => {
        for (let i = 0; i < n; i++)
          await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      };
      const r = (
        cy as unknown as {
          renderer(): { data: { lblTxrCache: { getElement(...a: unknown[]): unknown } } };
        }
      ).renderer();
      const cache = r.data.lblTxrCache;
      const getElement = cache.getElement;
      const textured = new Set<string>();
      cache.getElement = function (ele: unknown, ...rest: unknown[]) {
        textured.add((ele as { id(): string }).id());
        return getElement.call(this, ele, ...rest);
      };
      const labelled = cy.nodes().filter((n) => !n.isParent() && !!n.data('label'));
      const hidden = labelled.filter((_, i) => i % 2 === 0);
      const zoom = cy.zoom();
      const pan = { ...cy.pan() };
      try {
        hidden.style('text-opacity', 0);
        // A new zoom level asks for new textures of every label drawn.
        cy.zoom({ level: zoom * 0.8, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        await frames(4);
      } finally {
        cache.getElement = getElement;
        hidden.removeStyle('text-opacity');
        cy.viewport({ zoom, pan });
        await frames(2);
      }
      return {
        hidden: hidden.map((n) => n.id()),
        shown: labelled.filter((_, i) => i % 2 === 1).map((n) => n.id()),
        textured: [...textured],
      };
    });
    expect(seen.hidden.length).toBeGreaterThan(5);
    expect(
      seen.textured.filter((id) => seen.hidden.includes(id)),
      changed('drawCachedElementPortion()', 'textures a transparent label', 'skipTransparentTextures()'),
    ).toEqual([]);
    // The labels that are drawn still get theirs.
    expect(seen.textured.filter((id) => seen.shown.includes(id)).length).toBeGreaterThan(5);
  });
});
