// What a story step shows: its view on a graph, the claims that view draws, and how the explorer's
// current view is written down as a step.
import type { StoryStep } from '../model';
import type { Graph } from '../validate';
import { decodeView, encodeView } from '../view/permalink';
import type { LayoutName, ViewState, Viewport } from '../view/viewState';
import { visibleGraph } from '../view/visibleGraph';

/** The layout a graph opens with: its own arrangement when its actors carry positions. */
export function graphDefaultLayout(graph: Graph): LayoutName {
  return graph.file.nodes.some((n) => n.position) ? 'curated' : 'fcose';
}

/**
 * The view a step shows on `graph`: its permalink query read for this graph, with the graph's
 * default layout unless it names one. `problems` lists what could not be read.
 */
export function stepView(graph: Graph, step: StoryStep): { view: ViewState; problems: string[] } {
  const params = new URLSearchParams(step.view);
  params.set('g', graph.file.id);
  const { view, problems } = decodeView(params);
  const shown = view ?? decodeView(`g=${graph.file.id}`).view!;
  if (!params.has('layout')) shown.layout = graphDefaultLayout(graph);
  return { view: shown, problems };
}

/**
 * The claims a step cites that its own view does not draw (hidden by its filters, time or
 * isolation), in citing order. A caption must not rest on what the reader cannot see.
 */
export function hiddenCitations(graph: Graph, step: StoryStep): string[] {
  const { view } = stepView(graph, step);
  const { drawnAs, elements } = visibleGraph(graph, view);
  const lines = new Set(elements.flatMap((e) => (e.group === 'edges' ? [e.data.id] : [])));
  return step.cites.filter((id) => !graph.edgeById.has(id) || !lines.has(drawnAs.get(id) ?? ''));
}

/**
 * The permalink query a step stores for `view` (and the camera, when one was set): the graph is
 * left out (a step belongs to its file) and so is anything at the graph's default.
 */
export function stepQuery(graph: Graph, view: ViewState, camera?: Viewport): string {
  const params = encodeView(camera ? { ...view, viewport: camera } : view, {
    layout: graphDefaultLayout(graph),
  });
  params.delete('g');
  return params.toString();
}
