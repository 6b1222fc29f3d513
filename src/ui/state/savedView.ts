// Saving the last view and the user's own node arrangement per graph in localStorage, and reading
// them back. A corrupt or out-of-date entry is ignored with a notice, never a crash. Stored text is
// untrusted: positions live in an object without a prototype, and keys such as `__proto__` or
// `constructor` are dropped with a notice.
import { decodeView, encodeView, quoted } from '../../core/view/permalink';
import type { ViewState } from '../../core/view/viewState';

const VERSION = 1;
const key = (graph: string) => `actor-graph:view:${graph}`;

export type Positions = Record<string, { x: number; y: number }>;

/** An empty Positions without a prototype: every key, `__proto__` included, is an own entry. */
export function noPositions(): Positions {
  return Object.create(null) as Positions;
}

export interface Saved {
  view?: ViewState;
  positions: Positions;
  /** Whether the arrangement was made with groups drawn as boxes. */
  nested: boolean;
  /** Set when something was stored but could not be used. */
  notice?: string;
}

/** Reads what was saved for `graph`. */
export function loadSaved(storage: Storage | undefined, graph: string): Saved {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key(graph)) ?? null;
  } catch {
    return {
      positions: noPositions(),
      nested: true,
      notice: 'Saved views could not be read (storage is not available).',
    };
  }
  if (raw === null) return { positions: noPositions(), nested: true };
  const ignore = (why: string): Saved => {
    try {
      storage?.removeItem(key(graph));
    } catch {
      // nothing more to do: the entry is ignored either way
    }
    return {
      positions: noPositions(),
      nested: true,
      notice: `Your saved view of this graph was ignored: ${why}.`,
    };
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return ignore('it is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return ignore('it is not a saved view');
  const entry = parsed as { version?: unknown; query?: unknown; positions?: unknown; nested?: unknown };
  if (entry.version !== VERSION)
    return ignore(`it was saved by another version (${describe(entry.version)})`);
  if (typeof entry.query !== 'string') return ignore('it has no view');
  const { view, problems } = decodeView(entry.query);
  if (!view || view.graph !== graph) return ignore('it belongs to another graph');
  const positions = noPositions();
  if (entry.positions !== undefined) {
    if (typeof entry.positions !== 'object' || entry.positions === null || Array.isArray(entry.positions))
      return ignore('its positions are damaged');
    for (const [id, p] of Object.entries(entry.positions)) {
      const { x, y } = (typeof p === 'object' && p !== null ? p : {}) as { x?: unknown; y?: unknown };
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        return ignore('its positions are damaged');
      }
      // No actor has such an id (validation refuses them); spread or assigned into a plain object
      // downstream, `__proto__` would replace that object's prototype.
      if (Object.hasOwn(Object.prototype, id))
        problems.push(`the position of ${quoted(id)}, which no actor can have`);
      else positions[id] = { x, y };
    }
  }
  const saved: Saved = { view, positions, nested: entry.nested !== false };
  if (problems.length > 0) saved.notice = `Part of your saved view was ignored: ${problems.join('; ')}.`;
  return saved;
}

/** A stored value named in a notice: numbers and strings as written (quoted, cut short), else their type. */
function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quoted(value);
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

/** Saves the view and arrangement of `view.graph`; storage errors (quota, privacy mode) are ignored. */
export function saveView(
  storage: Storage | undefined,
  view: ViewState,
  positions: Positions,
  nested = true,
): void {
  try {
    storage?.setItem(
      key(view.graph),
      JSON.stringify({ version: VERSION, query: encodeView(view).toString(), positions, nested }),
    );
  } catch {
    // Saving is a convenience; the URL still holds the view.
  }
}

export function forgetSaved(storage: Storage | undefined, graph: string): void {
  try {
    storage?.removeItem(key(graph));
  } catch {
    // nothing stored, or storage unavailable
  }
}
