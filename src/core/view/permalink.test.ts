import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from './permalink';
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
      'vp: "a,b,c" is not zoom,x,y with zoom 0.05…5 and pan within ±1000000',
    ]);
  });

  it('refuse a camera outside the zoom range or far off the graph', () => {
    expect(decodeView('g=x&vp=1e308,1e308,1e308').view?.viewport).toBeUndefined();
    expect(decodeView('g=x&vp=9,0,0').view?.viewport).toBeUndefined();
    expect(decodeView('g=x&vp=0.5,-120,40').view?.viewport).toEqual({ zoom: 0.5, x: -120, y: 40 });
  });

  it('name no view without a graph, and refuse a graph id that is not one', () => {
    expect(decodeView('sel=n:iran')).toEqual({ view: undefined, problems: [] });
    expect(decodeView('g=../etc/passwd').problems).toEqual(['g: "../etc/passwd" is not a graph id']);
  });
});
