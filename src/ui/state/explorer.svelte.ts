// The explorer's state: the graph, the one serialisable view state, and what is derived from them.
// Every change to the view goes through `setView`, which keeps the URL (history) and the saved view
// in step.
import { inferFields, type FieldModel } from '../../core/appearance/fields';
import {
  resolveAppearance,
  withAppearance,
  type Appearance,
  type ResolvedAppearance,
} from '../../core/appearance/mapping';
import { graphElements, layoutFingerprint, type GraphElement } from '../../core/elements';
import type { FormatId, LoadWarning } from '../../core/formats/load';
import type { Category, Certainty, NodeKind, Relation } from '../../core/model';
import { indexActors, type ActorIndex } from '../../core/search/searchActors';
import { isoDay, timeExtent, type TimeExtent } from '../../core/time/timeFilter';
import { loadGraphText, type Graph, type GraphIssue } from '../../core/validate';
import { decodeView, encodeView } from '../../core/view/permalink';
import { degrees, legendTallies } from '../../core/view/tallies';
import {
  LAYOUTS,
  LAYOUT_LABELS,
  defaultView,
  type Direction,
  type LayoutName,
  type TimeFilter,
  type ViewState,
  type Viewport,
} from '../../core/view/viewState';
import { nestsGroups, visibleGraph, type VisibleGraph } from '../../core/view/visibleGraph';
import type { GraphView, LayoutRequest, LayoutStatus } from '../../render/graphView';
import type { Position } from '../../core/model';
import type { ThemeName } from '../../render/palette';
import { BUNDLED_GRAPHS, DEFAULT_GRAPH_NAME } from '../graphs';
import { forgetSaved, loadSaved, saveView, type Positions } from './savedView';

export type ThemePreference = 'system' | 'light' | 'dark';
type History = 'push' | 'replace' | 'none';

/**
 * Where the graph on screen came from: bundled with the app, or opened (a picked, dropped or pasted
 * file, a recent file, or `?file=<url>`, which the address bar then keeps).
 */
export type GraphSource =
  { type: 'bundled' } | { type: 'opened'; name: string; format: FormatId; url?: string };
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
  /** Where the graph came from (see GraphSource). */
  source = $state.raw<GraphSource>({ type: 'bundled' });
  /** Problems with the last graph that failed to load; the graph on screen stays. */
  loadIssues = $state.raw<GraphIssue[]>([]);
  /** The file the issues are about, for the banner. */
  loadIssuesOf = $state('');
  /** What the loader changed in the graph on screen (renamed attributes, generated ids …), dismissable. */
  loadWarnings = $state.raw<LoadWarning[]>([]);
  /** Messages for the user (stored view ignored, link values dropped …), dismissable. */
  notices = $state<string[]>([]);
  themePreference = $state<ThemePreference>('system');
  systemDark = $state(false);
  playing = $state(false);
  /** Bumped to ask the canvas to fit the graph into view again. */
  fitRequests = $state(0);
  /**
   * Where the user put the camera (or a link asked for it), apart from the view: panning and zooming
   * change nothing that is drawn, only this and (debounced) the URL. Undefined: fitted to the graph.
   */
  camera = $state.raw<Viewport | undefined>(undefined);
  /** Which tab the side panel shows; selecting shows details, asking for a path shows paths. */
  panelTab = $state<'details' | 'paths' | 'time'>('details');
  /** The actor the over-time chart is about and the other one (none: all others). */
  chartActors = $state.raw<{ a: string; b?: string } | undefined>(undefined);
  /** The actor a path is being picked from, before both ends are chosen. */
  pathDraftFrom = $state<string | undefined>(undefined);
  /** The canvas' GraphView while it is mounted, for exports (deliberately not reactive). */
  graphView: GraphView | undefined = undefined;
  /** A layout computing in the background: the canvas shows its progress and a Cancel button. */
  layoutStatus = $state.raw<LayoutStatus>({ state: 'idle' });
  /** Which renderer the canvas uses: automatic (WebGL for large graphs on a GPU), or forced by `?renderer=`. */
  readonly rendererPreference: 'auto' | 'canvas' | 'webgl';

  readonly theme: ThemeName = $derived(
    this.themePreference === 'system' ? (this.systemDark ? 'dark' : 'light') : this.themePreference,
  );
  readonly visible: VisibleGraph | undefined = $derived(
    this.graph ? visibleGraph(this.graph, this.view) : undefined,
  );
  /** What the graph's attributes hold (numbers, categories …), for appearance by attribute. */
  readonly fields: { nodes: FieldModel[]; edges: FieldModel[] } = $derived(
    this.graph ? inferFields(this.graph.file) : { nodes: [], edges: [] },
  );
  /** The view's appearance mapping worked out for this graph: colours, sizes and their legends. */
  /** The mapping as text: the appearance below is worked out again only when it changes. */
  readonly #appearanceKey: string = $derived(JSON.stringify(this.view.appearance));
  readonly appearance: ResolvedAppearance | undefined = $derived.by(() => {
    const mapping = JSON.parse(this.#appearanceKey) as Appearance;
    return this.graph ? resolveAppearance(this.graph.file, mapping, this.fields) : undefined;
  });
  readonly elements: GraphElement[] = $derived(
    this.visible && this.appearance
      ? withAppearance(this.visible.elements, this.appearance, this.visible.bundles)
      : [],
  );
  readonly search: ActorIndex | undefined = $derived(
    this.graph ? indexActors(this.graph.file.nodes) : undefined,
  );
  readonly time: TimeExtent | undefined = $derived(
    this.graph ? timeExtent(this.graph.file.edges) : undefined,
  );
  /** Every node of the graph as the layout places it (filters ignored, so nothing jumps). */
  readonly #nest: boolean = $derived(nestsGroups(this.view.layout, this.manualNested));
  readonly #layoutElements: GraphElement[] = $derived.by(() => {
    if (!this.graph) return [];
    const nest = this.#nest;
    if (nest) return graphElements(this.graph);
    return graphElements(this.graph).map((el) => {
      if (el.group !== 'nodes' || nest) return el;
      const data = { ...el.data };
      delete data.parent;
      return { ...el, data };
    });
  });
  /** Tells apart graphs opened under one id, so the canvas never reuses another's positions. */
  readonly #fingerprint: string = $derived(this.graph ? layoutFingerprint(this.graph.file) : '');
  /** The positions the graph file carries, when it has an arrangement of its own. */
  readonly curatedPositions: Record<string, Position> | undefined = $derived.by(() => {
    const nodes = this.graph?.file.nodes ?? [];
    const placed = nodes.filter((n) => n.position);
    if (placed.length === 0) return undefined;
    return Object.fromEntries(placed.map((n) => [n.id, n.position!]));
  });
  /**
   * The layouts on offer, each with what it will show and, when it cannot be chosen, why: the
   * tree grows from the selected actor (else the most connected), the curated arrangement needs a
   * graph that has one, and "My arrangement" exists once an actor has been dragged.
   */
  readonly layoutChoices: { name: LayoutName; label: string; unavailable?: string }[] = $derived.by(() => {
    const g = this.graph;
    const sel = this.view.selected?.type === 'node' ? g?.nodeById.get(this.view.selected.id) : undefined;
    let hub: string | undefined;
    if (!sel && g) {
      let best = -1;
      for (const [id, n] of degrees(g.file)) if (n > best) [best, hub] = [n, g.nodeById.get(id)?.label];
    }
    return LAYOUTS.map((name) => {
      if (name === 'breadthfirst') {
        return {
          name,
          label: sel
            ? `Tree from ${sel.label}`
            : `Tree from ${hub ?? 'the most connected actor'} (select an actor to choose)`,
        };
      }
      if (name === 'curated' && !this.curatedPositions) {
        return { name, label: LAYOUT_LABELS[name], unavailable: 'this graph has none' };
      }
      if (name === 'manual' && Object.keys(this.manualPositions).length === 0) {
        return { name, label: LAYOUT_LABELS[name], unavailable: 'drag an actor to make one' };
      }
      return { name, label: LAYOUT_LABELS[name] };
    });
  });
  /** The layout a graph opens with: its own arrangement when it has one, else force-directed. */
  readonly defaultLayout: LayoutName = $derived(this.curatedPositions ? 'curated' : 'fcose');
  readonly layout: LayoutRequest = $derived({
    name: this.view.layout,
    elements: this.#layoutElements,
    key: `${this.graph?.file.id ?? ''}|${this.#fingerprint}|${nestsGroups(this.view.layout, this.manualNested) ? 'nested' : 'flat'}`,
    ...(this.view.layout === 'breadthfirst' && this.view.selected?.type === 'node'
      ? { root: this.view.selected.id }
      : {}),
    manual: this.manualPositions,
    ...(this.curatedPositions ? { curated: this.curatedPositions } : {}),
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
    const forced = new URLSearchParams(env.location?.search ?? '').get('renderer');
    this.rendererPreference = forced === 'canvas' || forced === 'webgl' ? forced : 'auto';
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
    const fromLink = view && view.graph === id && !onlyGraph;
    const opening = fromLink ? view : (saved.view ?? this.#defaultView(id));
    if (fromLink && !params.has('layout')) opening.layout = this.defaultLayout;
    this.#checkLayout(opening);
    this.#open(opening, 'replace');
  }

  /** The default view of graph `id` (the graph loaded now), with its own default layout. */
  #defaultView(id: string): ViewState {
    return { ...defaultView(id), layout: this.defaultLayout };
  }

  /** A layout the graph cannot give falls back to the default one, with a notice. */
  #checkLayout(view: ViewState): void {
    if (view.layout === 'manual' && Object.keys(this.manualPositions).length === 0) {
      this.notices.push(
        'This view uses an arrangement made by hand in another browser; the default layout is shown instead.',
      );
      view.layout = this.defaultLayout;
    }
    if (view.layout === 'curated' && !this.curatedPositions) {
      this.notices.push('This graph has no curated arrangement; the force-directed layout is shown instead.');
      view.layout = 'fcose';
    }
  }

  /** Shows `view`, its camera (if it names one) going to the camera, not the view. */
  #open(view: ViewState, history: History): void {
    const { viewport, ...rest } = view;
    this.camera = viewport;
    this.setView(rest, history);
  }

  /**
   * Applies the view named by the URL after Back/Forward. False when it names a graph that is neither
   * on screen nor bundled (an opened file, which the opener finds among the recent files).
   */
  restoreFromUrl(search: string): boolean {
    const params = new URLSearchParams(search);
    const { view } = decodeView(params);
    if (!view) return true;
    this.stop();
    if (this.graph?.file.id !== view.graph) {
      if (!this.#loadBundled(`${view.graph}.json`)) return false;
      const saved = loadSaved(this.#env.storage, view.graph);
      this.manualPositions = saved.positions;
      this.manualNested = saved.nested;
    }
    this.showQuery(params, 'none');
    return true;
  }

  /**
   * Shows the view a permalink query names for the graph on screen (its camera going to the
   * camera); a query without a layout gets the graph's own default layout.
   */
  showQuery(query: URLSearchParams, history: History = 'replace'): void {
    if (!this.graph) return;
    const params = new URLSearchParams(query);
    params.set('g', this.graph.file.id);
    const { view } = decodeView(params);
    if (!view) return;
    if (!params.has('layout')) view.layout = this.defaultLayout;
    this.#checkLayout(view);
    this.#open(view, history);
  }

  /**
   * The query string of the view and camera, as links and the address bar carry it; a graph opened
   * from `?file=<url>` keeps its `file` first, so the link opens it again.
   */
  #query(): string {
    const full = this.camera ? { ...this.view, viewport: this.camera } : this.view;
    const params = encodeView(full, { layout: this.defaultLayout }).toString();
    const url = this.source.type === 'opened' ? this.source.url : undefined;
    return url === undefined ? params : `${new URLSearchParams({ file: url }).toString()}&${params}`;
  }

  /**
   * Replaces the view (never the camera: see `camera`); `history` says whether the URL gets a new
   * entry, is updated, or is left.
   */
  setView(view: ViewState, history: History = 'push'): void {
    if (view.viewport) {
      const { viewport: _camera, ...rest } = view;
      view = rest;
    }
    this.view = view;
    this.#writeUrl(history);
  }

  #writeUrl(history: History): void {
    const url = `${this.#env.location?.pathname ?? '/'}?${this.#query()}`;
    if (history === 'push') this.#env.history?.pushState(null, '', url);
    else if (history === 'replace') this.#env.history?.replaceState(null, '', url);
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      const full = this.camera ? { ...this.view, viewport: this.camera } : this.view;
      saveView(this.#env.storage, full, this.manualPositions, this.manualNested);
    }, 200);
  }

  #update(patch: Partial<ViewState>, history: History = 'push'): void {
    this.setView({ ...this.view, ...patch }, history);
  }

  /** Loads a graph from its text; on failure keeps the current graph and records the issues. */
  loadText(text: string, name: string): boolean {
    const result = loadGraphText(text, name);
    if (!result.ok) {
      this.showLoadIssues(result.issues, name);
      return false;
    }
    this.graph = result.graph;
    this.source = { type: 'bundled' };
    this.loadIssues = [];
    this.loadWarnings = [];
    return true;
  }

  /** A file could not be opened: say where and what, and leave the graph on screen as it is. */
  showLoadIssues(issues: GraphIssue[], file: string): void {
    this.loadIssues = issues;
    this.loadIssuesOf = file;
  }

  dismissLoadIssues(): void {
    this.loadIssues = [];
    this.loadWarnings = [];
  }

  /**
   * Shows a graph opened from a file, a paste, a recent file or a URL, with its saved view (or the
   * view `query` names, when it is about this graph), replacing the graph on screen.
   */
  showOpened(
    graph: Graph,
    source: Extract<GraphSource, { type: 'opened' }>,
    options: { warnings?: LoadWarning[]; query?: URLSearchParams; history?: History } = {},
  ): void {
    this.stop();
    this.graph = graph;
    this.source = source;
    this.loadIssues = [];
    this.loadWarnings = options.warnings ?? [];
    this.panelTab = 'details';
    this.pathDraftFrom = undefined;
    const id = graph.file.id;
    const saved = loadSaved(this.#env.storage, id);
    if (saved.notice) this.notices.push(saved.notice);
    this.manualPositions = saved.positions;
    this.manualNested = saved.nested;
    const params = options.query;
    const decoded = params ? decodeView(params) : undefined;
    const fromLink =
      decoded?.view?.graph === id && [...params!.keys()].some((k) => !['g', 'graph', 'file'].includes(k));
    if (fromLink) this.notices.push(...decoded!.problems.map((p) => `Part of the link was ignored: ${p}.`));
    const view = fromLink ? decoded!.view! : (saved.view ?? this.#defaultView(id));
    if (fromLink && !params!.has('layout')) view.layout = this.defaultLayout;
    this.#checkLayout(view);
    this.#open(view, options.history ?? 'push');
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
    const view = saved.view ?? this.#defaultView(id);
    this.#checkLayout(view);
    this.#open(view, 'push');
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
  /** Shows only the neighbourhood of `actor` (its isolation stays with it), or ends isolation. */
  setIsolate(actor: string | undefined): void {
    const { isolate: _drop, ...focus } = this.view.focus;
    this.#update({ focus: actor === undefined ? focus : { ...focus, isolate: actor } });
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

  /**
   * Plays the timeline: the "as of" date steps through the dated claims, one step every 1.8 s, long
   * enough to read what each step added (those claims are marked on the graph).
   */
  play(intervalMs = 1800): void {
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

  /**
   * Opens the over-time tab: for `a` (against `b`, or all others) when given, else for the selected
   * actor unless the chart already shows it.
   */
  openChart(a?: string, b?: string): void {
    const sel = this.view.selected?.type === 'node' ? this.view.selected.id : undefined;
    const shown = this.chartActors;
    if (a !== undefined) this.chartActors = b === undefined || b === a ? { a } : { a, b };
    else if (sel !== undefined && sel !== shown?.a && sel !== shown?.b) this.chartActors = { a: sel };
    this.panelTab = 'time';
  }

  /** Picks a set of claims (a bar of the chart) to highlight and list; an empty list picks none. */
  setHighlight(ids: readonly string[]): void {
    const { highlight: _drop, ...rest } = this.view;
    this.setView(ids.length > 0 ? { ...rest, highlight: [...ids] } : rest);
  }

  toggleCollapsed(id: string): void {
    const c = this.view.collapsed;
    this.#update({ collapsed: c.includes(id) ? c.filter((x) => x !== id) : [...c, id] });
  }

  setBundle(bundle: boolean): void {
    this.#update({ bundle });
  }

  /** Changes how actors are coloured or sized, or lines coloured (see core/appearance/mapping.ts). */
  setAppearance(patch: Partial<Appearance>): void {
    this.#update({ appearance: { ...this.view.appearance, ...patch } });
  }

  setLayout(layout: LayoutName): void {
    this.camera = undefined;
    this.#update({ layout });
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

  /** The user moved the camera: only the camera and, debounced, the address bar follow. */
  setViewport(viewport: Viewport): void {
    this.camera = viewport;
    clearTimeout(this.#cameraTimer);
    this.#cameraTimer = setTimeout(() => this.#writeUrl('replace'), 300);
  }
  #cameraTimer: ReturnType<typeof setTimeout> | undefined;

  /** Forgets the saved view and arrangement of this graph and shows its default view. */
  resetView(): void {
    if (!this.graph) return;
    this.stop();
    forgetSaved(this.#env.storage, this.graph.file.id);
    this.manualPositions = {};
    this.manualNested = true;
    this.camera = undefined;
    this.setView(this.#defaultView(this.graph.file.id));
    this.fit();
  }

  /** Stops a layout computing in the background; the quick placement stays. */
  cancelLayout(): void {
    this.graphView?.cancelLayout();
  }

  /** Fits the whole graph into view (forgetting the camera position). */
  fit(): void {
    if (this.camera) {
      this.camera = undefined;
      this.#writeUrl('replace');
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
