// The one serialisable object that says what the explorer shows of a graph: selection, focus,
// filters, time, path, collapsed groups, layout, appearance and viewport. Everything on screen is a pure
// function of the curated graph and this state.
import { defaultAppearance, type Appearance } from '../appearance/mapping';
import type { CategoryKey, CertaintyKey, KindKey } from '../model';

export const LAYOUTS = ['curated', 'fcose', 'concentric', 'breadthfirst', 'circle', 'manual'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  curated: 'Curated arrangement',
  fcose: 'Force-directed',
  concentric: 'Concentric by degree',
  breadthfirst: 'Tree from selection',
  circle: 'Circle',
  manual: 'My arrangement',
};

export type Direction = 'in' | 'out' | 'both';

export type SelectedRef = { type: 'node' | 'edge'; id: string } | null;

export interface Focus {
  /** How many steps out from the selected actor count as its neighbourhood, 1 … 3. */
  depth: 1 | 2 | 3;
  /** Follow relations pointing into the actor, out of it, or both. */
  direction: Direction;
  /**
   * The actor whose neighbourhood alone is shown (the rest hidden), or undefined. Isolation belongs
   * to that actor: selecting something else inside it keeps it, and it ends only when asked to.
   */
  isolate?: string;
}

export interface Filters {
  /** Hidden values; empty lists show everything. */
  kinds: KindKey[];
  categories: CategoryKey[];
  /** Relation keys: vocabulary ids, or `label:<wording>` for relations in their own words. */
  relations: string[];
  certainties: CertaintyKey[];
  /** Hidden "who asserts it" values, as written in `attributedTo` (or the source's own reporting). */
  asserters: string[];
}

export type TimeMode = 'all' | 'asOf' | 'window';

export interface TimeFilter {
  /** all: every relation; asOf: relations begun by `to`; window: relations overlapping `from`…`to`. */
  mode: TimeMode;
  /** `YYYY-MM-DD`, start of the window (window mode). */
  from?: string;
  /** `YYYY-MM-DD`, the "as of" date or the end of the window. */
  to?: string;
  /**
   * Whether relations without a date stay visible while a time filter is on; hidden by default, so
   * "as of 1979" shows only what is known to have happened by then.
   */
  undated: 'show' | 'hide';
}

export interface PathRequest {
  from: string;
  to: string;
  /** Follow relations only in their direction (source → target). */
  directed: boolean;
}

export interface Viewport {
  zoom: number;
  x: number;
  y: number;
}

export interface ViewState {
  /** Id of the graph shown (its file name in graph/ without `.json`). */
  graph: string;
  selected: SelectedRef;
  focus: Focus;
  filters: Filters;
  time: TimeFilter;
  path: PathRequest | null;
  /** Ids of group nodes collapsed into one node. */
  collapsed: string[];
  /** Show several claims between the same two actors as one line with a count. */
  bundle: boolean;
  layout: LayoutName;
  /**
   * Claims picked as a set (a bar of the over-time chart): drawn highlighted, over the focus and any
   * path, and listed in the details panel. Absent or empty: none.
   */
  highlight?: string[];
  /** How actors are coloured and sized and lines coloured (by kind and category, by attribute …). */
  appearance: Appearance;
  /** Where the camera is; absent means "fit the graph". */
  viewport?: Viewport;
}

/** The view of a graph when nothing has been chosen yet. */
export function defaultView(graph: string): ViewState {
  return {
    graph,
    selected: null,
    focus: { depth: 1, direction: 'both' },
    filters: { kinds: [], categories: [], relations: [], certainties: [], asserters: [] },
    time: { mode: 'all', undated: 'hide' },
    path: null,
    collapsed: [],
    bundle: true,
    layout: 'fcose',
    appearance: defaultAppearance(),
  };
}
