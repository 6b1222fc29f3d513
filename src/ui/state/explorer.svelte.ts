// The explorer's state: which graph is loaded, what is selected, and the theme.
import { graphElements, type GraphElement } from '../../core/elements';
import { loadGraphText, type Graph, type GraphIssue } from '../../core/validate';
import type { Selected } from '../../render/graphView';
import type { ThemeName } from '../../render/palette';
import { BUNDLED_GRAPHS, DEFAULT_GRAPH_NAME } from '../graphs';

export class ExplorerState {
  graph = $state.raw<Graph | undefined>(undefined);
  /** Problems with the last graph that failed to load; the graph on screen stays. */
  loadIssues = $state.raw<GraphIssue[]>([]);
  selected = $state<Selected>(null);
  theme = $state<ThemeName>('light');

  elements: GraphElement[] = $derived(this.graph ? graphElements(this.graph) : []);

  constructor(theme: ThemeName) {
    this.theme = theme;
  }

  /** Loads a graph from its text; on failure keeps the current graph and records the issues. */
  loadText(text: string, name: string): boolean {
    const result = loadGraphText(text, name);
    if (!result.ok) {
      this.loadIssues = result.issues;
      return false;
    }
    this.graph = result.graph;
    this.loadIssues = [];
    this.selected = null;
    return true;
  }

  loadBundled(name = DEFAULT_GRAPH_NAME): boolean {
    const found = BUNDLED_GRAPHS.find((g) => g.name === name);
    if (!found) return false;
    return this.loadText(found.text, `graph/${found.name}`);
  }

  select(selected: Selected): void {
    this.selected = selected;
  }
}
