import { describe, expect, it } from 'vitest';
import { testGraph } from '../view/testGraph';
import { defaultView } from '../view/viewState';
import { bundleId, visibleGraph } from '../view/visibleGraph';
import { clockwise, drawnNeighbours, nearestInDirection, type ScreenPoint } from './neighbours';

const graph = testGraph();

describe('drawnNeighbours', () => {
  it('lists the actors a drawn line joins to the actor, each once, either direction', () => {
    const { elements } = visibleGraph(graph, defaultView('test'));
    // Iran: backs the militias and Hezbollah, supplies Russia, is deterred and threatened by the
    // United States (one bundle) and negotiated with by Biden.
    expect(drawnNeighbours(elements, 'iran').sort()).toEqual([
      'biden',
      'hezbollah',
      'militias',
      'russia',
      'us',
    ]);
    expect(drawnNeighbours(elements, 'israel')).toEqual(['hezbollah']);
  });

  it('follows only what is drawn: filtered claims and collapsed members drop out', () => {
    const view = defaultView('test');
    const filtered = visibleGraph(graph, {
      ...view,
      filters: { ...view.filters, relations: ['backs'] },
    }).elements;
    expect(drawnNeighbours(filtered, 'iran').sort()).toEqual(['biden', 'russia', 'us']);
    const collapsed = visibleGraph(graph, { ...view, collapsed: ['iran'] }).elements;
    // The IRGC's strike by the United States is re-routed to Iran; the militias' supplier is Iran too.
    expect(drawnNeighbours(collapsed, 'militias').sort()).toEqual(['iran', 'us-forces']);
    expect(drawnNeighbours(collapsed, 'irgc')).toEqual([]);
  });

  it('gives the two ends of a selected line', () => {
    const { elements } = visibleGraph(graph, defaultView('test'));
    expect(drawnNeighbours(elements, bundleId('us', 'iran'))).toEqual(['us', 'iran']);
  });
});

describe('nearestInDirection', () => {
  const from = { x: 0, y: 0 };
  const around: ScreenPoint[] = [
    { id: 'above', x: 5, y: -100 },
    { id: 'below-far', x: 0, y: 300 },
    { id: 'below-right', x: 120, y: 110 },
    { id: 'left', x: -80, y: 10 },
  ];

  it('goes to the point on the arrow’s side, preferring one straight ahead', () => {
    expect(nearestInDirection(from, around, 'up')).toBe('above');
    expect(nearestInDirection(from, around, 'left')).toBe('left');
    expect(nearestInDirection(from, around, 'right')).toBe('below-right'); // not 'above', 87° off
    // Straight below but far (300) beats diagonal (110 ahead + 2 × 120 aside = 350).
    expect(nearestInDirection(from, around, 'down')).toBe('below-far');
  });

  it('finds nothing when no point lies on that side', () => {
    expect(nearestInDirection(from, [{ id: 'a', x: 10, y: 10 }], 'left')).toBeUndefined();
    expect(nearestInDirection(from, [{ id: 'a', x: 10, y: -100 }], 'right')).toBeUndefined();
    expect(nearestInDirection(from, [], 'up')).toBeUndefined();
  });
});

describe('clockwise', () => {
  it('orders points round the centre from 12 o’clock, clockwise on screen', () => {
    const pts: ScreenPoint[] = [
      { id: 'nine', x: -10, y: 0 },
      { id: 'three', x: 10, y: 0 },
      { id: 'six', x: 0, y: 10 },
      { id: 'twelve', x: 0, y: -10 },
    ];
    expect(clockwise({ x: 0, y: 0 }, pts)).toEqual(['twelve', 'three', 'six', 'nine']);
  });
});
