// The recently opened files, kept in this browser (IndexedDB through idb-keyval) so they open again
// offline and after a reload: the whole file (its bytes, and a CSV's nodes file), the options it was
// opened with and its title for the graph menu. Each file may be up to 5 MB and all of them 20 MB;
// the oldest go first, and a file too big to remember is opened but not kept (with a note).
import { clear, createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { CsvMapping } from '../../core/formats/csv';
import type { FormatId } from '../../core/formats/load';

export const RECENT_LIMITS = {
  fileBytes: 5 * 1024 * 1024, // one file (a CSV pair counts both of its files)
  totalBytes: 20 * 1024 * 1024, // every remembered file together
  count: 12, // entries in the menu
};

/** What the menu shows of a remembered file. */
export interface RecentMeta {
  /** The graph id it opened as; one entry per id. */
  id: string;
  title: string;
  /** The file name (the edges file for a CSV pair). */
  name: string;
  format: FormatId;
  /** Bytes of all its files. */
  bytes: number;
  /** When it was last opened (ms since the epoch). */
  openedAt: number;
  /** The address it was fetched from (`?file=`), which its links keep. */
  url?: string;
}

/** A remembered file: enough to open it again exactly as before. */
export interface RecentFile extends RecentMeta {
  files: { name: string; bytes: Uint8Array }[];
  csv?: { edges?: CsvMapping; nodes?: CsvMapping };
}

export interface RecentPlan {
  /** Whether the new file is kept. */
  keep: boolean;
  /** Ids of older entries to drop to make room (oldest first). */
  drop: string[];
  /** Why the file is not kept, for the user. */
  note?: string;
}

/**
 * What to keep when `added` is opened: it replaces an entry with its id, and the oldest others go
 * until it fits the count and the total. A file over the per-file cap is not kept and drops nothing.
 */
export function planRecent(
  existing: readonly RecentMeta[],
  added: RecentMeta,
  limits = RECENT_LIMITS,
): RecentPlan {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (added.bytes > limits.fileBytes) {
    return {
      keep: false,
      drop: [],
      note: `${added.name} is ${mb(added.bytes)}, more than the ${mb(limits.fileBytes)} this browser keeps of one file, so it is not in the recent files: open it from disk next time.`,
    };
  }
  const others = existing.filter((e) => e.id !== added.id).sort((a, b) => b.openedAt - a.openedAt);
  const drop = existing.filter((e) => e.id === added.id).map((e) => e.id);
  let total = added.bytes;
  let count = 1;
  for (const e of others) {
    if (count + 1 <= limits.count && total + e.bytes <= limits.totalBytes) {
      total += e.bytes;
      count++;
    } else drop.push(e.id);
  }
  return { keep: true, drop: [...new Set(drop)] };
}

/** What the opener asks of the recent files (see RecentStore, and lazyRecentStore for the page). */
export type RecentFiles = Pick<RecentStore, 'list' | 'get' | 'remember' | 'forget' | 'forgetAll'>;

/** The recent files in IndexedDB; every method gives up quietly (private windows, no storage). */
export class RecentStore {
  #store: UseStore | undefined;

  #db(): UseStore | undefined {
    if (this.#store) return this.#store;
    try {
      if (typeof indexedDB === 'undefined') return undefined;
      this.#store = createStore('actor-graph-recent', 'files');
    } catch {
      return undefined;
    }
    return this.#store;
  }

  /** Every remembered file's menu entry, most recent first. */
  async list(): Promise<RecentMeta[]> {
    const db = this.#db();
    if (!db) return [];
    try {
      const all = await entries<string, RecentFile>(db);
      return all
        .map(([, f]) => f)
        .filter(isRecentFile)
        .map(({ id, title, name, format, bytes, openedAt, url }) => ({
          id,
          title,
          name,
          format,
          bytes,
          openedAt,
          ...(typeof url === 'string' ? { url } : {}),
        }))
        .sort((a, b) => b.openedAt - a.openedAt);
    } catch {
      return [];
    }
  }

  async get(id: string): Promise<RecentFile | undefined> {
    const db = this.#db();
    if (!db) return undefined;
    try {
      const found = await get<unknown>(id, db);
      return isRecentFile(found) ? found : undefined;
    } catch {
      return undefined;
    }
  }

  /** Remembers `file`, dropping the oldest as `planRecent` says; returns a note when it was not kept. */
  async remember(file: RecentFile): Promise<string | undefined> {
    const db = this.#db();
    if (!db) return undefined;
    const plan = planRecent(await this.list(), file);
    try {
      for (const id of plan.drop) await del(id, db);
      if (plan.keep) await set(file.id, file, db);
    } catch {
      return `${file.name} could not be kept in the recent files (the browser's storage refused it).`;
    }
    return plan.note;
  }

  async forget(id: string): Promise<void> {
    const db = this.#db();
    if (db) await del(id, db).catch(() => undefined);
  }

  async forgetAll(): Promise<void> {
    const db = this.#db();
    if (db) await clear(db).catch(() => undefined);
  }
}

/** What is read back from storage is checked before use: it may come from an older version. */
function isRecentFile(v: unknown): v is RecentFile {
  const f = v as Partial<RecentFile> | undefined;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.id === 'string' &&
    typeof f.title === 'string' &&
    typeof f.name === 'string' &&
    typeof f.bytes === 'number' &&
    typeof f.openedAt === 'number' &&
    Array.isArray(f.files) &&
    f.files.every((x) => typeof x?.name === 'string' && x.bytes instanceof Uint8Array)
  );
}
