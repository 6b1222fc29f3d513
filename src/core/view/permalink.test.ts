import { describe, expect, it } from 'vitest';
import { HOSTILE_LINKS } from '../fixtures/hostileViews';
import { UNSAFE_TEXT } from '../text';
import { decodeStoryRef, decodeView, encodeStoryRef, encodeView, quoted } from './permalink';
import { defaultView, type ViewState } from './viewState';

describe('permalinks', () => {
  it('encode the default view as just the graph', () => {
    expect(encodeView(defaultView('us-iran-2023-10')).toString()).toBe('g=us-iran-2023-10');
  });

  it('round-trip every part of a view', () => {
    const view: ViewState = {
      graph: 'us-iran-2023-10',
      selected: { type: 'edge', id: 'us-strikes-syria-munitions-depots-2023-10-27' },
      focus: { depth: 2, direction: 'out', isolate: 'hezbollah' },
      filters: {
        kinds: ['person', 'facility'],
        categories: ['verbal-cooperation'],
        relations: ['meets'],
        certainties: ['denied'],
        asserters: ['John F. Kirby, White House spokesman', 'U.S. officials'],
      },
      time: { mode: 'window', from: '2023-01-01', to: '2023-10-06', undated: 'hide' },
      path: { from: 'hezbollah', to: 'united-states', directed: true },
      collapsed: ['iran', 'united-states'],
      bundle: false,
      layout: 'concentric',
      // Picked claims keep their order; ids may hold any printable text.
      highlight: ['us-deters-iran-2023-10-27', 'a claim, with & and = in it'],
      appearance: {
        nodeColour: { by: 'partition', attribute: 'Modularity Class' },
        nodeSize: { by: 'ranking', attribute: 'a:b, c' },
        edgeColour: { by: 'file' },
      },
      viewport: { zoom: 1.25, x: -40.5, y: 12 },
    };
    const query = encodeView(view).toString();
    const decoded = decodeView(query);
    expect(decoded.problems).toEqual([]);
    expect(decoded.view).toEqual({
      ...view,
      filters: { ...view.filters, kinds: ['facility', 'person'] },
    });
  });

  it('carry the appearance mapping, leaving out the defaults', () => {
    const view = defaultView('g');
    view.appearance = {
      nodeColour: { by: 'ranking', attribute: 'score' },
      nodeSize: { by: 'degree' },
      edgeColour: { by: 'category' },
    };
    const query = encodeView(view);
    expect(query.get('nc')).toBe('rank:score');
    expect(query.get('ns')).toBe('degree');
    expect(query.get('ec')).toBe('category');
    expect(decodeView(query).view?.appearance).toEqual(view.appearance);
    expect(encodeView(defaultView('g')).has('nc')).toBe(false);
  });

  it('drop a mapping they cannot use, saying which', () => {
    const { view, problems } = decodeView('g=g&nc=colour:x&ns=part:group&ec=rank:&nc=kind');
    expect(view?.appearance).toEqual(defaultView('g').appearance);
    expect(problems).toEqual([
      'nc: "colour:x" is not kind, file, part:<attribute> or rank:<attribute>',
      'ns: "part:group" is not kind, file, degree or rank:<attribute>',
      'ec: "rank:" is not category, file, part:<attribute> or rank:<attribute>',
    ]);
  });

  it('read an isolation from an older link (iso=1) as belonging to the selected actor', () => {
    expect(decodeView('g=x-y&sel=n:iran&iso=1').view?.focus.isolate).toBe('iran');
    expect(decodeView('g=x-y&iso=1').problems).toEqual(['iso: "1" is not an actor id']);
  });

  it('decode an "as of" date', () => {
    expect(decodeView('g=x-y&t=asOf:2023-10-06').view?.time).toEqual({
      mode: 'asOf',
      to: '2023-10-06',
      undated: 'hide',
    });
    expect(decodeView('g=x-y&t=asOf:2023-10-06&und=show').view?.time.undated).toBe('show');
  });

  it('drop values they cannot use and say which', () => {
    const { view, problems } = decodeView(
      'g=us-iran&depth=7&hk=person,robot&t=asOf:yesterday&layout=spiral&vp=a,b,c&sel=node:iran',
    );
    expect(view?.focus.depth).toBe(1);
    expect(view?.filters.kinds).toEqual(['person']);
    expect(view?.time.mode).toBe('all');
    expect(view?.layout).toBe('fcose');
    expect(view?.viewport).toBeUndefined();
    expect(view?.selected).toBeNull();
    expect(problems).toEqual([
      'sel: "node:iran" is not n:<actor id> or e:<relation id>',
      'depth: "7" is not 1, 2 or 3',
      'hk: "robot" is not a known kind',
      't: "asOf:yesterday" is not asOf:YYYY-MM-DD or window:YYYY-MM-DD..YYYY-MM-DD',
      'layout: "spiral" is not one of curated, fcose, concentric, breadthfirst, circle, manual',
      'vp: "a,b,c" is not zoom,x,y with zoom 0.0001…5 and pan within ±1000000',
    ]);
  });

  it('refuse a camera outside the zoom range or far off the graph', () => {
    expect(decodeView('g=x&vp=1e308,1e308,1e308').view?.viewport).toBeUndefined();
    expect(decodeView('g=x&vp=9,0,0').view?.viewport).toBeUndefined();
    expect(decodeView('g=x&vp=0.5,-120,40').view?.viewport).toEqual({ zoom: 0.5, x: -120, y: 40 });
    expect(decodeView('g=x&vp=0.00005,0,0').view?.viewport).toBeUndefined();
  });

  it("keep a large graph's camera, zoomed far out, through a link", () => {
    // A large graph in a circle fits at a few thousandths: three decimals would keep one digit.
    const view = { ...defaultView('x'), viewport: { zoom: 0.0041837, x: 612.34, y: -80.06 } };
    const query = encodeView(view).toString();
    expect(query).toContain('vp=0.004184%2C612.3%2C-80.1');
    expect(decodeView(query).view?.viewport).toEqual({ zoom: 0.004184, x: 612.3, y: -80.1 });
    expect(decodeView(query).problems).toEqual([]);
  });

  it('name no view without a graph, and refuse a graph id that is not one', () => {
    expect(decodeView('sel=n:iran')).toEqual({ view: undefined, problems: [] });
    expect(decodeView('g=../etc/passwd').problems).toEqual(['g: "../etc/passwd" is not a graph id']);
  });
});

describe('hostile links', () => {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(HOSTILE_LINKS.map((h) => [h.name, h] as const))('%s: decoded without harm', (_, hostile) => {
    const { view, problems } = decodeView(hostile.query('us-iran-2023-10'));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(problems.length > 0).toBe(hostile.problem);
    expect(problems.length).toBeLessThanOrEqual(11);
    for (const p of problems) {
      expect(p.length).toBeLessThan(200);
      expect(p).not.toMatch(UNSAFE_TEXT);
    }
    if (!view) return;
    // What is kept is a view like any other: it encodes and decodes to itself without a problem.
    const again = decodeView(encodeView(view));
    expect(again.problems).toEqual([]);
    expect(again.view).toEqual(view);
    const ids = [
      view.selected?.id ?? '',
      view.path?.from ?? '',
      view.path?.to ?? '',
      ...view.collapsed,
      ...view.filters.relations,
      ...view.filters.asserters,
      ...(view.highlight ?? []),
    ];
    for (const id of ids) {
      expect(id).not.toMatch(UNSAFE_TEXT);
      expect(id.length).toBeLessThanOrEqual(200);
    }
    if (view.viewport) expect(Object.values(view.viewport).every(Number.isFinite)).toBe(true);
  });

  it('keep picked claims once each, and drop those that are not ids with a problem', () => {
    const { view, problems } = decodeView('g=x&hl=b&hl=a&hl=b&hl=&hl=bell%07');
    expect(view?.highlight).toEqual(['b', 'a']);
    expect(problems).toEqual(['hl: "" is not a relation id', 'hl: "bell\\u0007" is not a relation id']);
    expect(decodeView('g=x').view?.highlight).toBeUndefined();
    expect(encodeView({ ...defaultView('x'), highlight: [] }).toString()).toBe('g=x');
  });

  it('count the problems past the tenth instead of listing them', () => {
    const { problems } = decodeView(`g=x&${Array.from({ length: 50 }, (_, i) => `hr=no-${i}`).join('&')}`);
    expect(problems).toHaveLength(11);
    expect(problems[9]).toBe('hr: "no-9" is not a known relation');
    expect(problems[10]).toBe('40 more values could not be used either');
  });

  it('quote a value short, with what would hide or reorder text written out', () => {
    expect(quoted('x'.repeat(1000))).toBe(`"${'x'.repeat(60)}…"`);
    expect(quoted('a\u0000b\u001b[31m')).toBe('"a\\u0000b\\u001b[31m"');
    expect(quoted('\u202Eevil')).toBe('"\\u202eevil"');
    expect(quoted('🚀'.repeat(100))).toBe(`"${'🚀'.repeat(60)}…"`);
  });

  it('keep an actor id that is a prototype key as an id, and count a repeated value once', () => {
    const { view } = decodeView(
      'g=x&sel=n:__proto__&col=constructor&col=constructor&ha=prototype&ha=prototype',
    );
    expect(view?.selected).toEqual({ type: 'node', id: '__proto__' });
    expect(view?.collapsed).toEqual(['constructor']);
    expect(view?.filters.asserters).toEqual(['prototype']);
  });
});

describe('story links', () => {
  it('carry the story and the step beside the view', () => {
    const params = encodeView({ ...defaultView('us-iran-2023-10'), selected: { type: 'node', id: 'iran' } });
    encodeStoryRef({ story: 'twin-messages', step: 3 }, params);
    expect(params.toString()).toBe('g=us-iran-2023-10&sel=n%3Airan&story=twin-messages&step=3');
    expect(decodeStoryRef(params)).toEqual({ ref: { story: 'twin-messages', step: 3 }, problems: [] });
    // The view reads past the story's parameters.
    expect(decodeView(params)).toEqual({
      view: { ...defaultView('us-iran-2023-10'), selected: { type: 'node', id: 'iran' } },
      problems: [],
    });
  });

  it('open the first step when the link names none, and no story without one', () => {
    expect(decodeStoryRef('story=s').ref).toEqual({ story: 's', step: 1 });
    expect(decodeStoryRef('g=x-y&sel=n:iran')).toEqual({ ref: undefined, problems: [] });
  });

  it('drop a step or story they cannot use and say which', () => {
    for (const step of ['0', '-1', '2.5', 'two', '99999', '']) {
      const { ref, problems } = decodeStoryRef(`story=s&step=${encodeURIComponent(step)}`);
      expect(ref).toEqual({ story: 's', step: 1 });
      expect(problems).toEqual([`step: ${quoted(step)} is not a step number from 1 to 10000`]);
    }
    expect(decodeStoryRef('step=4')).toEqual({ ref: undefined, problems: ['step: "4" names no story'] });
    expect(decodeStoryRef('story=%01evil&step=2')).toEqual({
      ref: undefined,
      problems: ['story: "\\u0001evil" is not a story id'],
    });
    expect(decodeStoryRef('story=').problems).toEqual(['story: "" is not a story id']);
  });
});
