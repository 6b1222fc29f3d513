// Makes a story's briefing deck in the page: shows each step in turn, waits until the canvas is
// still, captures its picture, then writes the PDF or the zip of PNG frames. The explorer and the
// story panel come back to where they were. Used by the export dialog and the automation hooks.
import type { DeckOptions, DeckStep } from '../export/deck';
import type { DeckResult } from '../export/deckFile';
import type { Progress } from '../export/raster';
import { whenStill } from './settle';
import type { ExplorerState } from './state/explorer.svelte';
import type { StoryState } from './state/story.svelte';

/** Share of the progress bar the stepping takes; writing the file takes the rest. */
const STEPPING = 0.5;

export async function storyDeck(
  explorer: ExplorerState,
  story: StoryState,
  storyId: string,
  options: DeckOptions,
  progress: Progress = {},
): Promise<DeckResult> {
  const graph = explorer.graph;
  const chosen = story.stories.find((s) => s.id === storyId);
  if (!graph || !chosen) throw new Error(`There is no story "${storyId}" in this graph.`);
  const [{ captureScene }, { deckText }, { deckFile }, { withoutCrowdedEdgeLabels }] = await Promise.all([
    import('../render/scene'),
    import('../export/deck'),
    import('../export/deckFile'),
    import('../export/declutter'),
  ]);
  const before = story.snapshot();
  const steps: DeckStep[] = [];
  try {
    for (const [i, step] of chosen.steps.entries()) {
      if (progress.signal?.aborted)
        throw Object.assign(new Error('The export was cancelled.'), { code: 'cancelled' });
      story.go(i, 'none', storyId);
      if (explorer.elements.length === 0) throw new Error(`Step ${i + 1} (“${step.title}”) shows nothing.`);
      await whenStill(() => explorer.graphView);
      const view = explorer.graphView;
      if (!view) throw new Error('No graph is shown.');
      const scope = new URLSearchParams(step.view).has('vp') ? 'viewport' : 'graph';
      // A page cannot be zoomed into: relation labels drawn over one another or over a name are left out.
      const scene = withoutCrowdedEdgeLabels(captureScene(view, scope));
      steps.push({ scene, ...deckText(graph, chosen, step, i) });
      progress.onProgress?.(((i + 1) / chosen.steps.length) * STEPPING);
    }
  } finally {
    story.restore(before);
  }
  return deckFile(steps, options, `${graph.file.id}_${chosen.id}`, chosen.title, {
    ...(progress.signal ? { signal: progress.signal } : {}),
    onProgress: (f) => progress.onProgress?.(STEPPING + f * (1 - STEPPING)),
  });
}
