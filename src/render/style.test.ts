// What the stylesheet draws at a zoom: names, relation labels and arrowheads only while legible.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import {
  ARROW_PX,
  graphStyle,
  labelRulesFor,
  MIN_ARROW_PX,
  MIN_DASH_GAP_PX,
  NARROWEST_DASH_GAP,
} from './style';

function drawnAt(zoom: number) {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: graphStyle('light', labelRulesFor(zoom)),
    elements: [
      { data: { id: 'a', label: 'A', degree: 1 } },
      { data: { id: 'b', label: 'B', degree: 1 } },
      { data: { id: 'ab', source: 'a', target: 'b', label: 'strikes', weight: 5 } },
      { data: { id: 'ba', source: 'b', target: 'a', label: 'talks to', weight: 5 }, classes: 'undirected' },
      { data: { id: 'aa', source: 'a', target: 'a', weight: 5 } },
      { data: { id: 'claimed', source: 'a', target: 'b', weight: 5 }, classes: 'certainty-claimed' },
      { data: { id: 'assessed', source: 'a', target: 'b', weight: 5 }, classes: 'certainty-assessed' },
    ],
  });
  const edge = cy.getElementById('ab');
  return {
    arrow: edge.style('target-arrow-shape') as string,
    undirectedArrow: cy.getElementById('ba').style('target-arrow-shape') as string,
    edgeLabel: edge.style('label') as string,
    curve: edge.style('curve-style') as string,
    loopCurve: cy.getElementById('aa').style('curve-style') as string,
    claimed: cy.getElementById('claimed').style('line-style') as string,
    assessed: cy.getElementById('assessed').style('line-style') as string,
  };
}

describe('the stylesheet at a zoom', () => {
  const threshold = MIN_ARROW_PX / ARROW_PX;

  it('draws arrowheads while they are at least 3 px long on screen, and none below', () => {
    expect(drawnAt(1).arrow).toBe('triangle');
    expect(drawnAt(threshold * 1.01).arrow).toBe('triangle');
    expect(drawnAt(threshold * 0.99).arrow).toBe('none');
    expect(drawnAt(0.05).arrow).toBe('none');
  });

  it('never gives an undirected relation an arrowhead', () => {
    expect(drawnAt(1).undirectedArrow).toBe('none');
  });

  it('hides relation labels that would be under 10 px, and keeps arrowheads longer than labels', () => {
    expect(drawnAt(1).edgeLabel).toBe('strikes');
    const z = 0.5; // labels 5.5 px: gone; arrowheads 5 px: still drawn
    expect(drawnAt(z)).toMatchObject({ edgeLabel: '', arrow: 'triangle' });
  });

  it("draws a claim's dashes while their narrowest gap is at least a pixel on screen, and a solid line below", () => {
    const threshold = MIN_DASH_GAP_PX / NARROWEST_DASH_GAP;
    expect(NARROWEST_DASH_GAP).toBe(3);
    expect(drawnAt(1)).toMatchObject({ claimed: 'dashed', assessed: 'dashed' });
    expect(drawnAt(threshold * 1.01)).toMatchObject({ claimed: 'dashed', assessed: 'dashed' });
    expect(drawnAt(threshold * 0.99)).toMatchObject({ claimed: 'solid', assessed: 'solid' });
  });

  it('draws lines as curves while arrowheads show, and straight from centre to centre below (loops stay loops)', () => {
    const threshold = MIN_ARROW_PX / ARROW_PX;
    expect(drawnAt(1)).toMatchObject({ curve: 'bezier', loopCurve: 'bezier' });
    expect(drawnAt(threshold * 1.01).curve).toBe('bezier');
    expect(drawnAt(threshold * 0.99)).toMatchObject({ curve: 'haystack', loopCurve: 'bezier' });
  });
});

describe('what a node’s style depends on', () => {
  it('never the lines it has: no selector reads degree or other graph metadata (addEdgesAlone relies on it)', () => {
    const zooms = [0.01, 0.3, 1, 3];
    const selectors = zooms.flatMap((z) =>
      (['light', 'dark'] as const).flatMap((theme) =>
        graphStyle(theme, labelRulesFor(z)).map((rule) => (rule as { selector: string }).selector),
      ),
    );
    expect(selectors.length).toBeGreaterThan(20);
    // Cytoscape's metadata selectors ([[degree > 2]], [[indegree]]…) are the double-bracketed ones.
    expect(selectors.filter((s) => s.includes('[['))).toEqual([]);
  });
});
