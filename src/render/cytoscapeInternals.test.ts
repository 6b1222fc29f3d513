// addEdgesAlone adds lines without restyling the actors they join (Cytoscape restyles them, and
// their groups, on a graph with groups).
// sortInDrawingOrder must put elements in the order Cytoscape's own comparator does (sortByZIndex).
// dirtyStyleCachesOnce defers Cytoscape's marking of computed-style caches to the end of each style
// application: what the caches answer afterwards must be what a fresh computation gives, for the
// element restyled, the members of a restyled group and the lines of a restyled actor, as without it.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import {
  addEdgesAlone,
  dirtyBoundsOnce,
  dirtyStyleCachesOnce,
  shareStyleKeyScratch,
  sortInDrawingOrder,
  walkGroupsForOpacity,
} from './cytoscapeInternals';

const ELEMENTS = [
  { data: { id: 'g' } },
  { data: { id: 'a', parent: 'g' } },
  { data: { id: 'b', parent: 'g' } },
  { data: { id: 'c' } },
  { data: { id: 'ab', source: 'a', target: 'b' } },
  { data: { id: 'ca', source: 'c', target: 'a' } },
];
const BASE = [{ selector: 'node', style: { opacity: 1 } }];

describe('style caches marked once per style application', () => {
  it('answers for the new style after a stylesheet change', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: ELEMENTS, style: BASE });
    dirtyStyleCachesOnce(cy);
    // Read first, so the caches hold the old answers.
    expect(cy.$('#a').effectiveOpacity()).toBe(1);
    expect(cy.$('#c').effectiveOpacity()).toBe(1);
    expect(cy.$('#b').visible()).toBe(true);
    cy.style([
      ...BASE,
      { selector: '#g', style: { opacity: 0.5 } },
      { selector: '#c', style: { opacity: 0.2 } },
    ]);
    expect(cy.$('#g').effectiveOpacity()).toBe(0.5);
    expect(cy.$('#a').effectiveOpacity()).toBe(0.5); // a member of the restyled group
    expect(cy.$('#c').effectiveOpacity()).toBe(0.2);
    expect(cy.$('#b').visible()).toBe(true);
    cy.destroy();
  });

  it('answers for a class added to one element, whose group and lines it reaches', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: ELEMENTS,
      style: [...BASE, { selector: '.gone', style: { display: 'none' } }],
    });
    dirtyStyleCachesOnce(cy);
    dirtyStyleCachesOnce(cy); // once is enough: a second call changes nothing
    expect(cy.$('#b').visible()).toBe(true);
    expect(cy.$('#ab').visible()).toBe(true);
    cy.$('#g').addClass('gone');
    expect(cy.$('#b').visible()).toBe(false);
    expect(cy.$('#ab').visible()).toBe(false);
    cy.$('#g').removeClass('gone');
    expect(cy.$('#b').visible()).toBe(true);
    expect(cy.$('#ab').visible()).toBe(true);
    cy.destroy();
  });
});

describe('effective opacity found by walking up the groups', () => {
  /** Cytoscape's own effectiveOpacity, taken before walkGroupsForOpacity replaces it (prototypes are shared). */
  const cytoscapes = (
    Object.getPrototypeOf(cytoscape({ headless: true }).collection()) as {
      effectiveOpacity(this: cytoscape.SingularElementArgument): number;
    }
  ).effectiveOpacity;
  const GROUPS = [
    { data: { id: 'outer' }, classes: 'half' },
    { data: { id: 'inner', parent: 'outer' }, classes: 'dim' },
    { data: { id: 'a', parent: 'inner' }, classes: 'dim' },
    { data: { id: 'b', parent: 'outer' } },
    { data: { id: 'c' }, classes: 'half' },
    { data: { id: 'orphan', parent: 'nowhere' } },
    { data: { id: 'ab', source: 'a', target: 'b' }, classes: 'dim' },
    { data: { id: 'bc', source: 'b', target: 'c' } },
  ];
  const STYLE = [
    { selector: '.half', style: { opacity: 0.5 } },
    { selector: '.dim', style: { opacity: 0.3 } },
  ];
  /** Each element's answer, and Cytoscape's. */
  const both = (cy: cytoscape.Core) => ({
    walked: Object.fromEntries(cy.elements().map((e) => [e.id(), e.effectiveOpacity()])),
    cytoscape: Object.fromEntries(cy.elements().map((e) => [e.id(), cytoscapes.call(e)])),
  });

  it("gives Cytoscape's number, before and after groups, classes and bypasses change", () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: GROUPS, style: STYLE });
    dirtyStyleCachesOnce(cy);
    walkGroupsForOpacity(cy);
    walkGroupsForOpacity(cy); // once is enough
    let seen = both(cy);
    expect(seen.walked).toEqual(seen.cytoscape);
    expect(seen.walked.a).toBeCloseTo(0.3 * 0.3 * 0.5); // its own, its group's and that group's
    cy.$('#outer').removeClass('half');
    cy.$('#inner').style('opacity', 0.8); // a bypass, as an animation sets
    cy.$('#b').move({ parent: 'inner' });
    cy.$('#a').move({ parent: null });
    seen = both(cy);
    expect(seen.walked).toEqual(seen.cytoscape);
    expect(seen.walked.b).toBeCloseTo(0.8);
    expect(seen.walked.a).toBeCloseTo(0.3);
    cy.destroy();
    // Without groups: the element's own.
    const flat = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        { data: { id: 'x' }, classes: 'half' },
        { data: { id: 'y' } },
        { data: { id: 'xy', source: 'x', target: 'y' }, classes: 'dim' },
      ],
      style: STYLE,
    });
    seen = both(flat);
    expect(seen.walked).toEqual(seen.cytoscape);
    flat.destroy();
  });

  it('builds no collection of groups', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: GROUPS, style: STYLE });
    walkGroupsForOpacity(cy);
    cy.elements().forEach((e) => void e.style()); // styled first: styling builds collections of its own
    const proto = Object.getPrototypeOf(cy.collection()) as { parents(...a: unknown[]): unknown };
    const parents = proto.parents;
    let built = 0;
    proto.parents = function (...a: unknown[]) {
      built++;
      return parents.apply(this, a);
    };
    try {
      cy.elements().forEach((e) => void e.effectiveOpacity());
    } finally {
      proto.parents = parents;
    }
    expect(built).toBe(0);
    cy.destroy();
  });
});

describe('bounds marked once per style application', () => {
  const SIZES = [
    ...BASE,
    { selector: 'node', style: { width: 20, height: 20, 'border-width': 1, padding: 4 } },
    { selector: '.big', style: { width: 60, height: 40, 'border-width': 3 } },
  ];
  const box = (e: cytoscape.SingularElementArgument) => {
    const b = e.boundingBox();
    return [b.x1, b.y1, b.w, b.h].map((v) => Math.round(v * 100) / 100);
  };

  it('leaves boxes and group bounds as Cytoscape computes them, and says so once per element', () => {
    const make = () => {
      const cy = cytoscape({ headless: true, styleEnabled: true, elements: ELEMENTS, style: SIZES });
      cy.$('#a').position({ x: 0, y: 0 });
      cy.$('#b').position({ x: 100, y: 50 });
      cy.$('#c').position({ x: 300, y: 0 });
      return cy;
    };
    /** Boxes after a member grows, and the `bounds` notices a restyle of all nodes gives. */
    const run = (cy: cytoscape.Core) => {
      const before = cy.elements().map(box);
      cy.$('#a').addClass('big');
      cy.nodes().forEach((n) => void n.style()); // styled now
      const after = cy.elements().map(box);
      let notices = 0;
      cy.on('bounds', () => notices++);
      cy.style(
        SIZES.map((r) =>
          r.selector === 'node' ? { ...r, style: { ...r.style, width: 24, height: 22 } } : r,
        ),
      );
      cy.nodes().forEach((n) => void n.style());
      return { before, after, restyled: cy.elements().map(box), notices };
    };
    const stock = run(make());
    const cy = make();
    dirtyBoundsOnce(cy);
    dirtyBoundsOnce(cy); // once is enough
    const once = run(cy);
    expect(once.before).toEqual(stock.before);
    expect(once.after).toEqual(stock.after);
    expect(once.restyled).toEqual(stock.restyled);
    expect(once.after[0]).not.toEqual(once.before[0]); // the group grew with its member
    // Width and height changed on every node but the grown one: two marks each before, one now.
    expect(stock.notices).toBeGreaterThan(once.notices);
  });
});

describe('style key scratch shared', () => {
  /** Cytoscape's own updateStyleHints, taken before shareStyleKeyScratch wraps it (prototypes are shared). */
  const stockHints = (
    Object.getPrototypeOf(cytoscape({ headless: true, styleEnabled: true }).style()) as {
      updateStyleHints(this: unknown, ele: unknown): boolean;
    }
  ).updateStyleHints;
  const KEYS = [
    'styleKey',
    'labelKey',
    'labelStyleKey',
    'labelDimsKey',
    'nodeKey',
    'sourceLabelKey',
    'targetLabelStyleKey',
  ];
  const keys = (cy: cytoscape.Core) =>
    cy.elements().map((e) => {
      const p = (e as unknown as { _private: Record<string, unknown> })._private;
      return KEYS.map((k) => p[k]);
    });
  const STYLE = [
    ...BASE,
    { selector: 'node', style: { label: 'data(id)', width: 30, 'background-color': '#336699' } },
    {
      selector: 'edge',
      style: { label: 'data(id)', 'line-color': '#999999', 'target-arrow-shape': 'triangle' },
    },
    { selector: '.hot', style: { 'background-color': '#cc3300', 'font-size': 18 } },
  ];

  it("gives the keys Cytoscape's own computes, and keeps no pairs of hashes per element", () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: ELEMENTS, style: STYLE });
    shareStyleKeyScratch(cy);
    shareStyleKeyScratch(cy); // once is enough
    cy.elements().forEach((e) => void e.style());
    cy.$('#a, #ab').addClass('hot');
    cy.elements().forEach((e) => void e.style());
    const shared = keys(cy);
    const style = cy.style() as unknown as object;
    cy.elements().forEach((e) => void stockHints.call(style, e)); // Cytoscape's own, on the same styles
    expect(shared).toEqual(keys(cy));
    expect(new Set(shared.map((k) => k[0])).size).toBeGreaterThan(2); // the keys tell styles apart
    cy.elements().forEach((e) => void e.style()); // through the wrapper again
    const pairs = new Set(
      cy.elements().map((e) => (e as unknown as { _private: { styleKeys: unknown } })._private.styleKeys),
    );
    expect(pairs.size).toBe(1);
    cy.destroy();
  });
});

describe('elements sorted in drawing order', () => {
  /** Nested groups, lines between levels, and every z-order style the comparator reads. */
  const NESTED = [
    { data: { id: 'outer' } },
    { data: { id: 'inner', parent: 'outer' } },
    { data: { id: 'deep', parent: 'inner' } },
    { data: { id: 'a', parent: 'deep' } },
    { data: { id: 'b', parent: 'inner' } },
    { data: { id: 'c', parent: 'outer' } },
    { data: { id: 'd' } },
    { data: { id: 'e' }, classes: 'top' },
    { data: { id: 'f', parent: 'outer' }, classes: 'bottom' },
    { data: { id: 'g' }, classes: 'orphan raised' },
    { data: { id: 'lone' } },
    { data: { id: 'ab', source: 'a', target: 'b' } },
    { data: { id: 'ad', source: 'a', target: 'd' } },
    { data: { id: 'cd', source: 'c', target: 'd' }, classes: 'raised' },
    { data: { id: 'de', source: 'd', target: 'e' }, classes: 'manual raised' },
    { data: { id: 'inner-d', source: 'inner', target: 'd' } },
    { data: { id: 'outer-g', source: 'outer', target: 'g' }, classes: 'lowered' },
    { data: { id: 'fa', source: 'f', target: 'a' }, classes: 'top' },
    { data: { id: 'bb', source: 'b', target: 'b' } },
  ];
  const STYLE: cytoscape.StylesheetJson = [
    { selector: '.top', style: { 'z-compound-depth': 'top' } },
    { selector: '.bottom', style: { 'z-compound-depth': 'bottom' } },
    { selector: '.orphan', style: { 'z-compound-depth': 'orphan' } },
    { selector: '.manual', style: { 'z-index-compare': 'manual' } },
    { selector: '.raised', style: { 'z-index': 5 } },
    { selector: '.lowered', style: { 'z-index': -2 } },
  ] as cytoscape.StylesheetJson;

  /** Cytoscape's own order: its comparator (collection/zsort.mjs), missing from its type declarations. */
  const byZIndex = (cy: cytoscape.Core): string[] =>
    (cy.elements() as unknown as { sortByZIndex(): cytoscape.CollectionReturnValue })
      .sortByZIndex()
      .map((e) => e.id());

  /** A fixed shuffle (the input order must not matter). */
  const shuffled = <T>(items: T[]): T[] => {
    const out = [...items];
    let seed = 7;
    for (let i = out.length - 1; i > 0; i--) {
      seed = (seed * 16807) % 2147483647;
      const j = seed % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  it("orders a graph with groups as Cytoscape's comparator does", () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: NESTED, style: STYLE });
    // Added after the rest: later in the pool, so above equals.
    cy.add([
      { data: { id: 'late', parent: 'deep' } },
      { data: { id: 'late-d', source: 'late', target: 'd' } },
    ]);
    const expected = byZIndex(cy);
    const eles = shuffled(cy.elements().toArray());
    sortInDrawingOrder(cy, eles);
    expect(eles.map((e) => e.id())).toEqual(expected);
    // Spot checks of what the comparator means, so the test says what order it expects.
    const at = (id: string) => expected.indexOf(id);
    expect(at('f')).toBe(0); // z-compound-depth: bottom, first drawn
    expect(at('outer')).toBeLessThan(at('inner'));
    expect(at('inner')).toBeLessThan(at('deep'));
    expect(at('deep')).toBeLessThan(at('ab')); // a line between members is drawn above their group
    expect(at('ab')).toBeLessThan(at('a')); // and below the actors
    expect(at('lone')).toBeLessThan(at('late')); // childless actors: added later, drawn later
    expect(expected.slice(-2).sort()).toEqual(['e', 'fa']); // z-compound-depth: top, last drawn
    cy.destroy();
  });

  it('orders a graph without groups by lines under actors, z-index, then the order added', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        { data: { id: 'n1' } },
        { data: { id: 'n2' }, classes: 'raised' },
        { data: { id: 'n3' } },
        { data: { id: 'n4' }, classes: 'manual lowered' },
        { data: { id: 'e12', source: 'n1', target: 'n2' } },
        { data: { id: 'e23', source: 'n2', target: 'n3' }, classes: 'raised' },
        { data: { id: 'e31', source: 'n3', target: 'n1' }, classes: 'manual raised' },
      ],
      style: STYLE,
    });
    const expected = byZIndex(cy);
    const eles = shuffled(cy.elements().toArray());
    sortInDrawingOrder(cy, eles);
    expect(eles.map((e) => e.id())).toEqual(expected);
    expect(expected).toEqual(['n4', 'e12', 'e23', 'e31', 'n1', 'n3', 'n2']);
    cy.destroy();
  });
});

describe('edges added alone', () => {
  /** The elements whose style Cytoscape marked to be computed again while `fn` ran. */
  function restyled(cy: cytoscape.Core, fn: () => void): string[] {
    const dirty = (e: cytoscape.SingularElementArgument) =>
      (e as unknown as { _private: { styleDirty?: boolean } })._private.styleDirty === true;
    cy.elements().forEach((e) => void e.style()); // every style computed: nothing is marked
    expect(cy.elements().filter(dirty).length).toBe(0);
    fn();
    return cy
      .elements()
      .filter(dirty)
      .map((e) => e.id())
      .sort();
  }
  const nodes = ELEMENTS.filter((e) => !('source' in e.data));
  const line = { group: 'edges' as const, data: { id: 'bc', source: 'b', target: 'c' } };

  it('are styled and joined as cy.add would, without restyling their ends or groups', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: nodes, style: BASE });
    // What Cytoscape does itself (if this changes, addEdgesAlone may no longer be needed).
    expect(restyled(cy, () => cy.add({ ...line, data: { ...line.data, id: 'bc0' } }))).toEqual([
      'b',
      'bc0',
      'c',
      'g',
    ]);
    expect(restyled(cy, () => addEdgesAlone(cy, [line]))).toEqual(['bc']);
    const bc = cy.$('#bc');
    expect(bc.source().id()).toBe('b');
    expect(bc.target().id()).toBe('c');
    expect(
      cy
        .$('#b')
        .connectedEdges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(['bc', 'bc0']);
    expect(bc.style('opacity')).toBe('1');
    expect(cy.$('#g').isParent()).toBe(true);
    expect(cy.nodes(':parent').map((n) => n.id())).toEqual(['g']);
    cy.destroy();
  });

  it('refuses nodes', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: nodes, style: BASE });
    expect(() => addEdgesAlone(cy, [{ group: 'nodes', data: { id: 'x' } }])).toThrow(/edges only/);
    cy.destroy();
  });
});
