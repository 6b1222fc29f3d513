// The curated graph's hand-made arrangement against today's force-directed picture: the line
// crossings of each, counted on the positions (src/core/arrangement/crossings.ts), are printed and
// the curated one must have at least 30% fewer. The fCoSE picture is computed headlessly as the page
// computes it (same seed and options, the canvas' proportions at 1280×720); only text widths are
// estimated, since Node has no canvas. src/e2e/arrangement.test.ts counts the pictures Chromium draws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countCrossings, drawnEdges, drawnSegments } from '../../core/arrangement/crossings';
import { graphElements } from '../../core/elements';
import { loadGraphText } from '../../core/validate';
import { defaultView } from '../../core/view/viewState';
import { visibleGraph } from '../../core/view/visibleGraph';
import { computeLayout, GROUP_PADDING, qualityFor } from './withFcose';
import { layoutEdges, layoutNodes } from './measureLabels';

// A stand-in for canvas text measurement in Node: a fixed width per character.
const measure = (text: string, font: string) =>
  text.length * Number(/(\d+(?:\.\d+)?)px/.exec(font)![1]) * 0.56;

/** The canvas at 1280×720 with the side panels open: 713 × 600 CSS px. */
const CANVAS_ASPECT = 713 / 600;

describe('the curated arrangement of us-iran-2023-10', () => {
  const result = loadGraphText(
    readFileSync('graph/us-iran-2023-10.json', 'utf8'),
    'graph/us-iran-2023-10.json',
  );
  if (!result.ok) throw new Error('curated graph invalid');
  const graph = result.graph;
  const all = graphElements(graph);
  const nodes = layoutNodes(all, measure);
  // Curated and force-directed views draw the same lines: groups as boxes, claims bundled.
  const edges = drawnEdges(
    visibleGraph(graph, { ...defaultView(graph.file.id), layout: 'curated' }).elements,
  );
  const count = (positions: Record<string, { x: number; y: number }>) =>
    countCrossings(drawnSegments(nodes, edges, positions, { groupPadding: GROUP_PADDING }));

  it('places every actor that is not a group', () => {
    const groups = new Set(graph.file.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
    const unplaced = graph.file.nodes.filter((n) => !groups.has(n.id) && !n.position).map((n) => n.id);
    expect(unplaced).toEqual([]);
  });

  it('has at least 30% fewer line crossings than the force-directed layout', () => {
    const fcose = count(
      computeLayout({
        name: 'fcose',
        nodes,
        edges: layoutEdges(all, measure),
        aspect: CANVAS_ASPECT,
        quality: qualityFor(nodes.length),
      }),
    );
    const curated = count(
      Object.fromEntries(graph.file.nodes.flatMap((n) => (n.position ? [[n.id, n.position]] : []))),
    );
    console.log(
      `line crossings of us-iran-2023-10 (${edges.length} lines drawn): curated arrangement ${curated.count}, force-directed ${fcose.count}`,
    );
    expect(fcose.count).toBeGreaterThan(0);
    expect(curated.count).toBeLessThanOrEqual(0.7 * fcose.count);
  });
});
