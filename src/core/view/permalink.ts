// Encodes a view state as URL query parameters and back, so a shared link opens the same view.
// Decoding never throws: values it cannot use are dropped and reported.
import { CATEGORY_KEYS, CERTAINTY_KEYS, ID_PATTERN, KIND_KEYS, RELATION_IDS } from '../model';
import { UNSAFE_TEXT } from '../text';
import { parsePartialDate } from '../time/partialDate';
import { LAYOUTS, defaultView, type Direction, type ViewState } from './viewState';

const LIST_PARAMS = {
  hk: { key: 'kinds', allowed: KIND_KEYS },
  hc: { key: 'categories', allowed: CATEGORY_KEYS },
  hy: { key: 'certainties', allowed: CERTAINTY_KEYS },
} as const;

/**
 * Query parameters for `view`; parameters at their default are left out. `defaults.layout` is the
 * graph's own default layout (a graph with a curated arrangement opens with it).
 */
export function encodeView(
  view: ViewState,
  defaults: { layout?: ViewState['layout'] } = {},
): URLSearchParams {
  const p = new URLSearchParams();
  const d = { ...defaultView(view.graph), ...defaults };
  p.set('g', view.graph);
  if (view.selected) p.set('sel', `${view.selected.type === 'node' ? 'n' : 'e'}:${view.selected.id}`);
  if (view.focus.depth !== d.focus.depth) p.set('depth', String(view.focus.depth));
  if (view.focus.direction !== d.focus.direction) p.set('dir', view.focus.direction);
  if (view.focus.isolate) p.set('iso', view.focus.isolate);
  for (const [param, { key }] of Object.entries(LIST_PARAMS)) {
    const values = view.filters[key];
    if (values.length > 0) p.set(param, [...values].sort().join(','));
  }
  for (const r of [...view.filters.relations].sort()) p.append('hr', r);
  for (const a of [...view.filters.asserters].sort()) p.append('ha', a);
  if (view.time.mode === 'asOf' && view.time.to) p.set('t', `asOf:${view.time.to}`);
  if (view.time.mode === 'window' && view.time.from && view.time.to) {
    p.set('t', `window:${view.time.from}..${view.time.to}`);
  }
  if (view.time.undated !== d.time.undated) p.set('und', view.time.undated);
  if (view.path) {
    p.set('path', `${view.path.from}~${view.path.to}`);
    if (view.path.directed) p.set('pd', '1');
  }
  for (const id of [...view.collapsed].sort()) p.append('col', id);
  if (!view.bundle) p.set('bundle', '0');
  if (view.layout !== d.layout) p.set('layout', view.layout);
  for (const id of view.highlight ?? []) p.append('hl', id);
  const a = view.appearance;
  if (a.nodeColour.by !== 'default') p.set('nc', mappingParam(a.nodeColour));
  if (a.nodeSize.by !== 'default') p.set('ns', mappingParam(a.nodeSize));
  if (a.edgeColour.by !== 'default') p.set('ec', mappingParam(a.edgeColour));
  if (view.viewport) {
    const { zoom, x, y } = view.viewport;
    // Four significant digits of zoom: a large graph fitted in view (a few thousandths) would lose most
    // of its zoom at three decimals.
    p.set('vp', `${Number(zoom.toPrecision(4))},${round(x, 1)},${round(y, 1)}`);
  }
  return p;
}

/** `kind`, `file`, `degree`, `part:<attribute>` or `rank:<attribute>`. */
function mappingParam(m: { by: string; attribute?: string }): string {
  if (m.by === 'partition') return `part:${m.attribute}`;
  if (m.by === 'ranking') return `rank:${m.attribute}`;
  return m.by;
}

/** Reads a mapping parameter: one of `plain` (e.g. kind, file, degree), `part:<attribute>` or `rank:<attribute>`. */
function readMapping(
  value: string,
  plain: readonly string[],
  partition: boolean,
): { by: string; attribute?: string } | undefined {
  if (plain.includes(value)) return { by: value };
  const m = /^(part|rank):(.+)$/.exec(value);
  if (!m || !isId(m[2]!) || (m[1] === 'part' && !partition)) return undefined;
  return { by: m[1] === 'part' ? 'partition' : 'ranking', attribute: m[2]! };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Longest part of a value a problem quotes; a link can hold megabytes. */
const QUOTED_LENGTH = 60;
/** Most problems reported one by one; the rest are counted. */
const MAX_PROBLEMS = 10;

/**
 * `value` quoted for a message: JSON-quoted, at most QUOTED_LENGTH characters (then "…"), with
 * control characters and the marks that reorder text written as \u escapes, so a message shows
 * exactly what was there and nothing it holds can disguise the rest of the line.
 */
export function quoted(value: string): string {
  const chars = Array.from(value.slice(0, QUOTED_LENGTH * 2));
  const cut = chars.length > QUOTED_LENGTH || value.length > QUOTED_LENGTH * 2;
  const shown = chars.slice(0, QUOTED_LENGTH).join('') + (cut ? '…' : '');
  return JSON.stringify(shown).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface DecodedView {
  /** The view the parameters describe, or undefined when they name no graph. */
  view: ViewState | undefined;
  /** One line per parameter value that could not be used, e.g. `depth: "7" is not 1, 2 or 3`. */
  problems: string[];
}

/** The camera a link may ask for: the canvas' zoom range, and pans that keep the graph findable. */
const MIN_ZOOM = 1e-4; // GraphView's MIN_FIT_ZOOM: how far out a large graph may be fitted
const MAX_ZOOM = 5;
const MAX_PAN = 1e6;

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parsePartialDate(s) !== undefined;
/** A graph id is readable (it names files and storage keys); actor and claim ids may be anything printable. */
const isGraphId = (s: string) => ID_PATTERN.test(s);
const isId = (s: string) => s.length > 0 && s.length <= 200 && !UNSAFE_TEXT.test(s);

/** Reads a view from query parameters (`?g=…&sel=…`). Unknown parameters are ignored. */
export function decodeView(query: string | URLSearchParams): DecodedView {
  const p = typeof query === 'string' ? new URLSearchParams(query) : query;
  const problems: string[] = [];
  const graph = p.get('g');
  if (graph === null) return { view: undefined, problems };
  if (!isGraphId(graph)) return { view: undefined, problems: [`g: ${quoted(graph)} is not a graph id`] };
  const view = defaultView(graph);
  let unreported = 0;
  const bad = (param: string, value: string, why: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${param}: ${quoted(value)} ${why}`);
    else unreported++;
  };

  const sel = p.get('sel');
  if (sel !== null) {
    const m = /^([ne]):(.+)$/.exec(sel);
    if (m && isId(m[2]!)) view.selected = { type: m[1] === 'n' ? 'node' : 'edge', id: m[2]! };
    else bad('sel', sel, 'is not n:<actor id> or e:<relation id>');
  }
  const depth = p.get('depth');
  if (depth !== null) {
    if (depth === '1' || depth === '2' || depth === '3') view.focus.depth = Number(depth) as 1 | 2 | 3;
    else bad('depth', depth, 'is not 1, 2 or 3');
  }
  const dir = p.get('dir');
  if (dir !== null) {
    if (dir === 'in' || dir === 'out' || dir === 'both') view.focus.direction = dir as Direction;
    else bad('dir', dir, 'is not in, out or both');
  }
  // Isolation names its actor; older links said iso=1 for the selected one.
  const iso = p.get('iso');
  if (iso !== null) {
    if (iso === '1' && view.selected?.type === 'node') view.focus.isolate = view.selected.id;
    else if (iso !== '1' && isId(iso)) view.focus.isolate = iso;
    else bad('iso', iso, 'is not an actor id');
  }

  for (const [param, { key, allowed }] of Object.entries(LIST_PARAMS)) {
    const raw = p.get(param);
    if (!raw) continue;
    const values: string[] = [];
    for (const v of raw.split(',')) {
      if ((allowed as readonly string[]).includes(v)) values.push(v);
      else bad(param, v, `is not a known ${key.replace(/ies$/, 'y').replace(/s$/, '')}`);
    }
    (view.filters[key] as string[]) = values;
  }
  // Relations: vocabulary ids (older links list them comma-separated) or `label:<wording>`.
  for (const raw of p.getAll('hr')) {
    const parts = raw.split(',');
    if (parts.every((r) => (RELATION_IDS as readonly string[]).includes(r)))
      view.filters.relations.push(...parts);
    else if (raw.startsWith('label:') && isId(raw)) view.filters.relations.push(raw);
    else bad('hr', raw, 'is not a known relation');
  }
  view.filters.asserters = p.getAll('ha').filter((a) => a.trim() !== '' && isId(a));

  const t = p.get('t');
  if (t !== null) {
    const asOf = /^asOf:(.+)$/.exec(t);
    const win = /^window:(.+)\.\.(.+)$/.exec(t);
    if (asOf && isDay(asOf[1]!)) view.time = { ...view.time, mode: 'asOf', to: asOf[1]! };
    else if (win && isDay(win[1]!) && isDay(win[2]!) && win[1]! <= win[2]!) {
      view.time = { ...view.time, mode: 'window', from: win[1]!, to: win[2]! };
    } else bad('t', t, 'is not asOf:YYYY-MM-DD or window:YYYY-MM-DD..YYYY-MM-DD');
  }
  const und = p.get('und');
  if (und !== null) {
    if (und === 'show' || und === 'hide') view.time.undated = und;
    else bad('und', und, 'is not show or hide');
  }
  const path = p.get('path');
  if (path !== null) {
    const m = /^(.+)~(.+)$/.exec(path);
    if (m && isId(m[1]!) && isId(m[2]!))
      view.path = { from: m[1]!, to: m[2]!, directed: p.get('pd') === '1' };
    else bad('path', path, 'is not <actor id>~<actor id>');
  }
  // One `col` per group; older links list readable ids comma-separated.
  for (const raw of p.getAll('col')) {
    const parts = raw.split(',');
    const ids = parts.length > 1 && parts.every((id) => ID_PATTERN.test(id)) ? parts : [raw];
    for (const id of ids) {
      if (isId(id)) view.collapsed.push(id);
      else bad('col', id, 'is not an actor id');
    }
  }
  if (p.get('bundle') === '0') view.bundle = false;
  const layout = p.get('layout');
  if (layout !== null) {
    if ((LAYOUTS as readonly string[]).includes(layout)) view.layout = layout as ViewState['layout'];
    else bad('layout', layout, `is not one of ${LAYOUTS.join(', ')}`);
  }
  const mappings = [
    ['nc', 'nodeColour', ['kind', 'file'], true, 'kind, file, part:<attribute> or rank:<attribute>'],
    ['ns', 'nodeSize', ['kind', 'file', 'degree'], false, 'kind, file, degree or rank:<attribute>'],
    ['ec', 'edgeColour', ['category', 'file'], true, 'category, file, part:<attribute> or rank:<attribute>'],
  ] as const;
  for (const [param, key, plain, partition, expected] of mappings) {
    const raw = p.get(param);
    if (raw === null) continue;
    const m = readMapping(raw, plain, partition);
    if (m) (view.appearance as unknown as Record<string, unknown>)[key] = m;
    else bad(param, raw, `is not ${expected}`);
  }
  const vp = p.get('vp');
  if (vp !== null) {
    const [zoom = NaN, x = NaN, y = NaN, ...rest] = vp.split(',').map(Number);
    const usable =
      rest.length === 0 &&
      zoom >= MIN_ZOOM &&
      zoom <= MAX_ZOOM &&
      Math.abs(x) <= MAX_PAN &&
      Math.abs(y) <= MAX_PAN;
    if (usable) view.viewport = { zoom, x, y };
    else bad('vp', vp, `is not zoom,x,y with zoom ${MIN_ZOOM}…${MAX_ZOOM} and pan within ±${MAX_PAN}`);
  }
  // One `hl` per picked claim, in the order picked.
  const highlight: string[] = [];
  for (const id of p.getAll('hl')) {
    if (isId(id)) highlight.push(id);
    else bad('hl', id, 'is not a relation id');
  }
  if (highlight.length > 0) view.highlight = [...new Set(highlight)];
  if (unreported > 0) problems.push(`${unreported} more values could not be used either`);
  // A value repeated in the link counts once.
  view.filters.relations = [...new Set(view.filters.relations)];
  view.filters.asserters = [...new Set(view.filters.asserters)];
  view.collapsed = [...new Set(view.collapsed)];
  return { view, problems };
}

/** A story open in story mode and the step shown, as links carry it: `story=<id>&step=<n>`. */
export interface StoryRef {
  /** The story's id in the graph file. */
  story: string;
  /** The step shown, counted from 1 as readers count. */
  step: number;
}

/** Most steps a link may name; a story that long is not a story. */
const MAX_STEP = 10_000;

/** Adds `story=<id>&step=<n>` for `ref` to `params` (a new set when none is given). */
export function encodeStoryRef(ref: StoryRef, params = new URLSearchParams()): URLSearchParams {
  params.set('story', ref.story);
  params.set('step', String(ref.step));
  return params;
}

/**
 * Reads the story and step a link names. Without `story` there is none (a lone `step` is
 * reported); a missing or unusable `step` opens the first one.
 */
export function decodeStoryRef(query: string | URLSearchParams): {
  ref: StoryRef | undefined;
  problems: string[];
} {
  const p = typeof query === 'string' ? new URLSearchParams(query) : query;
  const story = p.get('story');
  const step = p.get('step');
  const problems: string[] = [];
  if (story === null) {
    if (step !== null) problems.push(`step: ${quoted(step)} names no story`);
    return { ref: undefined, problems };
  }
  if (!isId(story)) return { ref: undefined, problems: [`story: ${quoted(story)} is not a story id`] };
  let n = 1;
  if (step !== null) {
    if (/^\d{1,5}$/.test(step) && Number(step) >= 1 && Number(step) <= MAX_STEP) n = Number(step);
    else problems.push(`step: ${quoted(step)} is not a step number from 1 to ${MAX_STEP}`);
  }
  return { ref: { story, step: n }, problems };
}
