// dirtyStyleCachesOnce defers Cytoscape's marking of computed-style caches to the end of each style
// application: what the caches answer afterwards must be what a fresh computation gives, for the
// element restyled, the members of a restyled group and the lines of a restyled actor, as without it.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { dirtyStyleCachesOnce } from './cytoscapeInternals';

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
