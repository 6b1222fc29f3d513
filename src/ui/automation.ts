// Hooks on `window` for the command-line renderer and the browser tests: load a graph file's text,
// wait until the canvas is still, and export exactly as the export dialog does. Only the automation
// build (`vite build --mode automation`) installs them; the production build leaves this module out.
import type { ExportResult } from '../export/exportImage';
import type { RasterLimits } from '../export/limits';
import type { ExportOptions } from '../export/options';
import type { GraphView } from '../render/graphView';
import { sceneSettled } from '../render/scene';
import type { ExplorerState } from './state/explorer.svelte';
import type { StoryState } from './state/story.svelte';

export interface AutomationHooks {
  /** Loads graph text (validated) and applies the view in `query` (a permalink query string). */
  actorGraphLoad(text: string, name: string, query?: string): { ok: boolean; issues: string[] };
  /** Resolves once the graph is drawn and nothing moves. */
  actorGraphReady(timeoutMs?: number): Promise<void>;
  /** The export the dialog makes, without the download; `limits` lets tests shrink the canvas limits. */
  actorGraphExport(options: ExportOptions, limits?: Partial<RasterLimits>): Promise<ExportResult>;
  /** The canvas' GraphView, for tests that read what is drawn. */
  readonly actorGraphView: GraphView | undefined;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

export function installAutomation(explorer: ExplorerState, _story: StoryState): void {
  const hooks: AutomationHooks = {
    actorGraphLoad(text, name, query = '') {
      if (!explorer.loadText(text, name)) {
        return { ok: false, issues: explorer.loadIssues.map((i) => `${i.path}: ${i.message} (${i.code})`) };
      }
      explorer.showQuery(new URLSearchParams(query));
      return { ok: true, issues: [] };
    },
    async actorGraphReady(timeoutMs = 20_000) {
      const end = Date.now() + timeoutMs;
      await document.fonts.ready;
      let still = 0;
      let last = '';
      while (Date.now() < end) {
        await frame();
        const view = explorer.graphView;
        if (!view || view.counts().nodes === 0 || !sceneSettled(view)) {
          still = 0;
          continue;
        }
        const now = JSON.stringify(view.positions());
        still = now === last ? still + 1 : 0;
        last = now;
        if (still >= 3) return;
      }
      throw new Error('The graph did not settle in time.');
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
    get actorGraphView() {
      return explorer.graphView;
    },
  };
  Object.defineProperties(window, Object.getOwnPropertyDescriptors(hooks));
}
