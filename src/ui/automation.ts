// Hooks on `window` for the command-line renderer and the browser tests: load a graph file's text,
// wait until the canvas is still, and export exactly as the export dialog does (images, and a
// story's deck). Only the automation
// build (`vite build --mode automation`) installs them; the production build leaves this module out.
import type { DeckOptions } from '../export/deck';
import type { DeckResult } from '../export/deckFile';
import type { ExportResult } from '../export/exportImage';
import type { RasterLimits } from '../export/limits';
import type { ExportOptions } from '../export/options';
import type { GraphView } from '../render/graphView';
import type { ExplorerState } from './state/explorer.svelte';
import type { GraphOpener } from './state/opener.svelte';
import { whenStill } from './settle';
import type { StoryState } from './state/story.svelte';

export interface AutomationHooks {
  /** Loads graph text (validated) and applies the view in `query` (a permalink query string). */
  actorGraphLoad(text: string, name: string, query?: string): Promise<{ ok: boolean; issues: string[] }>;
  /**
   * Opens graph text the way a user's file or paste is opened: parsed and validated in the loading
   * worker, then shown. Resolves once it is on screen (or refused).
   */
  actorGraphOpen(text: string): Promise<{ ok: boolean; issues: string[] }>;
  /** Resolves once the graph is drawn and nothing moves. */
  actorGraphReady(timeoutMs?: number): Promise<void>;
  /** The export the dialog makes, without the download; `limits` lets tests shrink the canvas limits. */
  actorGraphExport(options: ExportOptions, limits?: Partial<RasterLimits>): Promise<ExportResult>;
  /** Steps through story `story` and makes its deck, as the export dialog does, without the download. */
  actorGraphStoryDeck(story: string, options: DeckOptions): Promise<DeckResult>;
  /** The canvas' GraphView, for tests that read what is drawn. */
  readonly actorGraphView: GraphView | undefined;
}

export function installAutomation(explorer: ExplorerState, story: StoryState, opener: GraphOpener): void {
  const hooks: AutomationHooks = {
    async actorGraphOpen(text) {
      explorer.dismissLoadIssues();
      await opener.openText(text);
      const issues = explorer.loadIssues.map((i) => `${i.path}: ${i.message} (${i.code})`);
      return { ok: issues.length === 0, issues };
    },
    async actorGraphLoad(text, name, query = '') {
      // The validator loads here, as it does in the loading worker: the page itself never needs it.
      const { loadGraphText } = await import('../core/validate');
      if (!explorer.loadResult(loadGraphText(text, name), name, text)) {
        return { ok: false, issues: explorer.loadIssues.map((i) => `${i.path}: ${i.message} (${i.code})`) };
      }
      const params = new URLSearchParams(query);
      explorer.showQuery(params);
      // A query naming a story opens it (at the step named, or the first).
      if (params.has('story')) story.start(query);
      return { ok: true, issues: [] };
    },
    actorGraphReady(timeoutMs = 20_000) {
      return whenStill(() => explorer.graphView, timeoutMs);
    },
    async actorGraphExport(options, limits) {
      const view = explorer.graphView;
      const graph = explorer.graph;
      if (!view || !graph) throw new Error('No graph is shown.');
      const { exportImage } = await import('../export/exportImage');
      return exportImage(
        {
          view,
          graph,
          viewState: explorer.view,
          claimsOf: (id) => explorer.visible?.bundles.get(id) ?? [id],
        },
        options,
        limits ? { limits } : {},
      );
    },
    async actorGraphStoryDeck(id, options) {
      const { storyDeck } = await import('./storyDeck');
      return storyDeck(explorer, story, id, options);
    },
    get actorGraphView() {
      return explorer.graphView;
    },
  };
  Object.defineProperties(window, Object.getOwnPropertyDescriptors(hooks));
}
