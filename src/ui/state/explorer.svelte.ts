// The explorer's state: the graph, the one serialisable view state, and what is derived from them.
// Every change to the view goes through `setView`, which keeps the URL (history) and the saved view
// in step.
import { graphElements, type GraphElement } from '../../core/elements';
import type { Category, Certainty, NodeKind, Relation } from '../../core/model';
import { indexActors, type ActorIndex } from '../../core/search/searchActors';
import { isoDay, timeExtent, type TimeExtent } from '../../core/time/timeFilter';
import { loadGraphText, type Graph, type GraphIssue } from '../../core/validate';
import { decodeView, encodeView } from '../../core/view/permalink';
import { legendTallies } from '../../core/view/tallies';
import {
  defaultView,
  type Direction,
  type LayoutName,
  type TimeFilter,
  type ViewState,
  type Viewport,
} from '../../core/view/viewState';
import { nestsGroups, visibleGraph, type VisibleGraph } from '../../core/view/visibleGraph';
import type { LayoutRequest } from '../../render/graphView';
import type { ThemeName } from '../../render/palette';
import { BUNDLED_GRAPHS, DEFAULT_GRAPH_NAME } from '../graphs';
import { forgetSaved, loadSaved, saveView, type Positions } from './savedView';

export type ThemePreference = 'system' | 'light' | 'dark';
type History = 'push' | 'replace' | 'none';
export type FilterKey = 'kinds' | 'categories' | 'relations' | 'certainties' | 'asserters';

const THEME_KEY = 'actor-graph:theme';

/** Where the explorer runs: the browser's window, or stand-ins in tests. */
export interface Environment {
  storage?: Storage;
  location?: { search: string; pathname: string };
  history?: Pick<History_, 'pushState' | 'replaceState'>;
  prefersDark?: boolean;
}
type History_ = globalThis.History;

export class ExplorerState {
  graph = $state.raw<Graph | undefined>(undefined);
  view = $state.raw<ViewState>(defaultView('none'));
  /** Positions the user arranged by hand, per node id. */
  manualPositions = $state.raw<Positions>({});
  /** Whether that arrangement was made with groups drawn as boxes. */
  manualNested = $state(true);
  /** Problems with the last graph that failed to load; the graph on screen stays. */
  loadIssues = $state.raw<GraphIssue[]>([]);
  /** Messages for the user (stored view ignored, link values dropped …), dismissable. */
  notices = $state<string[]>([]);
  themePreference = $state<ThemePreference>('system');
  systemDark = $state(false);
  playing = $state(false);
  /** Bumped to ask the canvas to fit the graph into view again. */
  fitRequests = $state(0);
  /** Which tab the side panel shows; selecting shows details, asking for a path shows paths. */
  panelTab = $state<'details' | 'paths'>('details');
  /** The actor a path is being picked from, before both ends are chosen. */
  pathDraftFrom = $state<string | undefined>(undefined);

  readonly theme: ThemeName = $derived(
    this.themePreference === 'system' ? (this.systemDark ? 'dark' : 'light') : this.themePreference,
  );
  readonly visible: VisibleGraph | undefined = $derived(
    this.graph ? visibleGraph(this.graph, this.view) : undefined,
  );
  readonly elements: GraphElement[] = $derived(this.visible?.elements ?? []);
  readonly search: ActorIndex | undefined = $derived(
    this.graph ? indexActors(this.graph.file.nodes) : undefined,
  );
  readonly time: TimeExtent | undefined = $derived(
    this.graph ? timeExtent(this.graph.file.edges) : undefined,
  );
  /** Every node of the graph as the layout places it (filters ignored, so nothing jumps). */
  readonly #layoutElements: GraphElement[] = $derived.by(() => {
    if (!this.graph) return [];
    const nest = nestsGroups(this.view.layout, this.manualNested);
    return graphElements(this.graph).map((el) => {
      if (el.group !== 'nodes' || nest) return el;
      const data = { ...el.data };
      delete data.parent;
      return { ...el, data };
    });
  });
  readonly layout: LayoutRequest = $derived({
    name: this.view.layout,
    elements: this.#layoutElements,
    key: `${this.graph?.file.id ?? ''}|${nestsGroups(this.view.layout, this.manualNested) ? 'nested' : 'flat'}`,
    ...(this.view.selected?.type === 'node' ? { root: this.view.selected.id } : {}),
    manual: this.manualPositions,
  });
  /** Dated steps the time slider and the player move through, oldest first, one per day. */
  readonly timeSteps: string[] = $derived(
    this.time ? [...new Set(this.time.marks.map((m) => isoDay(m.at)))].sort() : [],
  );

  readonly #env: Environment;
  #playTimer: ReturnType<typeof setInterval> | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(env: Environment = {}) {
    this.#env = env;
    this.systemDark = env.prefersDark ?? false;
    const stored = this.#read(THEME_KEY);
    if (stored === 'light' || stored === 'dark' || stored === 'system') this.themePreference = stored;
  }

  /**
   * Opens the view named by the URL, else the last saved view of the default graph, else the
   * default view. Values the URL or storage had that could not be used become notices.
   */
  start(): void {
    const search = this.#env.location?.search ?? '';
    const params = new URLSearchParams(search);
    // `?graph=<id>` is the short form of `?g=<id>`.
    if (!params.has('g') && params.has('graph')) params.set('g', params.get('graph')!);
    const { view, problems } = decodeView(params);
    const onlyGraph = [...params.keys()].every((k) => k === 'g' || k === 'graph');
    const wanted = view?.graph;
    if (wanted && !this.#loadBundled(`${wanted}.json`)) {
      this.notices.push(`There is no graph "${wanted}"; the default graph is shown instead.`);
    }
    if (!this.graph && !this.#loadBundled(DEFAULT_GRAPH_NAME)) {
      const first = BUNDLED_GRAPHS[0];
      if (first) this.#loadBundled(first.name);
    }
    if (!this.graph) return;
    const id = this.graph.file.id;
    this.notices.push(...problems.map((p) => `Part of the link was ignored: ${p}.`));
    const saved = loadSaved(this.#env.storage, id);
    if (saved.notice) this.notices.push(saved.notice);
    this.manualPositions = saved.positions;
    this.manualNested = saved.nested;
    const opening = view && view.graph === id && !onlyGraph ? view : (saved.view ?? defaultView(id));
    if (opening.layout === 'manual' && Object.keys(saved.positions).length === 0) {
      this.notices.push(
        'This view uses an arrangement made by hand in another browser; the force-directed layout is shown instead.',
      );
      opening.layout = 'fcose';
    }
    this.setView(opening, 'replace');
  }

  /** Applies the view named by the URL after Back/Forward. */
  restoreFromUrl(search: string): void {
    const { view } = decodeView(search);
    if (!view) return;
    this.stop();
    if (this.graph?.file.id !== view.graph) {
      if (!this.#loadBundled(`${view.graph}.json`)) return;
      const saved = loadSaved(this.#env.storage, view.graph);
      this.manualPositions = saved.positions;
      this.manualNested = saved.nested;
    }
    this.setView(view, 'none');
  }

  /** Replaces the view; `history` says whether the URL gets a new entry, is updated, or is left. */
  setView(view: ViewState, history: History = 'push'): void {
    this.view = view;
    const url = `${this.#env.location?.pathname ?? '/'}?${encodeView(view).toString()}`;
    if (history === 'push') this.#env.history?.pushState(null, '', url);
    else if (history === 'replace') this.#env.history?.replaceState(null, '', url);
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(
      () => saveView(this.#env.storage, this.view, this.manualPositions, this.manualNested),
      200,
    );
  }

  #update(patch: Partial<ViewState>, history: History = 'push'): void {
    this.setView({ ...this.view, ...patch }, history);
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
    return true;
  }

  #loadBundled(name: string): boolean {
    const found = BUNDLED_GRAPHS.find((g) => g.name === name);
    return found ? this.loadText(found.text, `graph/${found.name}`) : false;
  }

  /** Switches to another bundled graph, opening its saved view. */
  openGraph(id: string): void {
    if (!this.#loadBundled(`${id}.json`)) return;
    const saved = loadSaved(this.#env.storage, id);
    if (saved.notice) this.notices.push(saved.notice);
    this.manualPositions = saved.positions;
    this.manualNested = saved.nested;
    this.stop();
    this.setView(saved.view ?? defaultView(id));
  }

  /**
   * Selects an actor or a claim (or nothing). The side panel turns to its details, unless `keepTab`
   * (e.g. a step picked from the paths list, which stays in view).
   */
  select(selected: ViewState['selected'], options: { keepTab?: boolean } = {}): void {
    if (selected && !options.keepTab) this.panelTab = 'details';
    this.#update({ selected });
  }

  /** Selects what the canvas drew: a bundle stands for its first claim. */
  selectDrawn(selected: { type: 'node' | 'edge'; id: string } | null): void {
    if (selected?.type === 'edge') {
      const members = this.visible?.bundles.get(selected.id);
      if (members) selected = { type: 'edge', id: members[0]! };
    }
    this.select(selected);
  }

  /** Id of the drawn element for the selection (a bundle, or the group a member is collapsed into). */
  readonly selectedElementId: string | null = $derived.by(() => {
    const sel = this.view.selected;
    if (!sel || !this.visible) return null;
    const id = this.visible.drawnAs.get(sel.id) ?? null;
    return id && this.visible.elements.some((e) => e.data.id === id) ? id : null;
  });

  clearFocus(): void {
    if (this.view.selected || this.view.path) this.#update({ selected: null, path: null });
  }

  setDepth(depth: 1 | 2 | 3): void {
    this.#update({ focus: { ...this.view.focus, depth } });
  }
  setDirection(direction: Direction): void {
    this.#update({ focus: { ...this.view.focus, direction } });
  }
  setIsolate(isolate: boolean): void {
    this.#update({ focus: { ...this.view.focus, isolate } });
  }

  /** Shows or hides one value of a filter (a kind, category, relation, certainty or asserter). */
  toggleFilter(key: FilterKey, value: NodeKind | Category | Relation | Certainty | string): void {
    const hidden = this.view.filters[key] as string[];
    const next = hidden.includes(value) ? hidden.filter((v) => v !== value) : [...hidden, value];
    this.#update({ filters: { ...this.view.filters, [key]: next } });
  }

  /**
   * Shows only one value of a filter (e.g. only denied claims), hiding every other value the graph
   * has; asked again when it is already the only one shown, shows them all again.
   */
  showOnly(key: FilterKey, value: string): void {
    if (!this.graph) return;
    const values = legendTallies(this.graph.file, undefined)[key].map((entry) => entry.key);
    const others = values.filter((k) => k !== value);
    const hidden = this.view.filters[key] as string[];
    const alreadyOnly = !hidden.includes(value) && others.every((k) => hidden.includes(k));
    this.#update({ filters: { ...this.view.filters, [key]: alreadyOnly ? [] : others } });
  }

  /** Shows every value of one filter, or of all of them. */
  showAll(key?: FilterKey): void {
    const f = this.view.filters;
    this.#update({
      filters: key
        ? { ...f, [key]: [] }
        : { kinds: [], categories: [], relations: [], certainties: [], asserters: [] },
    });
  }

  setTime(time: Partial<TimeFilter>, history: History = 'push'): void {
    const next = { ...this.view.time, ...time };
    if (next.mode === 'all') {
      delete next.from;
      delete next.to;
    }
    this.#update({ time: next }, history);
  }

  /** Plays the timeline: the "as of" date steps through the dated relations, one step per tick. */
  play(intervalMs = 900): void {
    const steps = this.timeSteps;
    if (steps.length === 0) return;
    const current =
      this.view.time.mode === 'asOf' && this.view.time.to ? steps.indexOf(this.view.time.to) : -1;
    const start = current >= 0 && current < steps.length - 1 ? current : 0;
    this.setTime({ mode: 'asOf', to: steps[start]! });
    this.playing = true;
    clearInterval(this.#playTimer);
    this.#playTimer = setInterval(() => {
      const i = steps.indexOf(this.view.time.to ?? '');
      if (i < 0 || i >= steps.length - 1) {
        this.stop();
        return;
      }
      this.setTime({ mode: 'asOf', to: steps[i + 1]! }, 'replace');
    }, intervalMs);
  }

  stop(): void {
    clearInterval(this.#playTimer);
    this.playing = false;
  }

  setPath(path: ViewState['path']): void {
    if (path) this.panelTab = 'paths';
    this.pathDraftFrom = undefined;
    this.#update({ path });
  }

  /** Opens the paths tab with `from` as the start, leaving the view as it is until both ends are chosen. */
  startPathFrom(from: string): void {
    this.pathDraftFrom = from;
    this.panelTab = 'paths';
  }

  toggleCollapsed(id: string): void {
    const c = this.view.collapsed;
    this.#update({ collapsed: c.includes(id) ? c.filter((x) => x !== id) : [...c, id] });
  }

  setBundle(bundle: boolean): void {
    this.#update({ bundle });
  }

  setLayout(layout: LayoutName): void {
    const { viewport: _drop, ...rest } = this.view;
    this.setView({ ...rest, layout });
  }

  /**
   * The user moved actors by hand: the arrangement on screen (`positions`, every actor drawn)
   * becomes the layout, keeping the grouping of the layout it was made from.
   */
  arrange(positions: Positions): void {
    if (this.view.layout === 'manual') {
      this.manualPositions = { ...this.manualPositions, ...positions };
      this.setView(this.view, 'none');
      return;
    }
    this.manualNested = nestsGroups(this.view.layout);
    this.manualPositions = positions;
    this.#update({ layout: 'manual' });
  }

  setViewport(viewport: Viewport): void {
    this.#update({ viewport }, 'replace');
  }

  /** Forgets the saved view and arrangement of this graph and shows its default view. */
  resetView(): void {
    if (!this.graph) return;
    this.stop();
    forgetSaved(this.#env.storage, this.graph.file.id);
    this.manualPositions = {};
    this.manualNested = true;
    this.setView(defaultView(this.graph.file.id));
    this.fit();
  }

  /** Fits the whole graph into view (forgetting the camera position). */
  fit(): void {
    if (this.view.viewport) {
      const { viewport: _drop, ...rest } = this.view;
      this.setView(rest, 'replace');
    }
    this.fitRequests++;
  }

  setThemePreference(pref: ThemePreference): void {
    this.themePreference = pref;
    try {
      this.#env.storage?.setItem(THEME_KEY, pref);
    } catch {
      // the choice still holds for this session
    }
  }

  dismissNotice(index: number): void {
    this.notices.splice(index, 1);
  }

  #read(key: string): string | null {
    try {
      return this.#env.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }
}
