// Remembers computed layouts in IndexedDB, keyed by what they were computed from (the layout, its
// root, every actor's box and every claim), so reopening a graph shows its layout at once. Storage
// that is missing, full or refused is not an error: the layout is then computed again.
import type { LayoutInput, Position } from './computeLayout';

const DB = 'actor-graph-layouts';
const STORE = 'positions';
/** Entries kept; the oldest go first. */
const MAX_ENTRIES = 40;

/** A digest of everything a layout depends on. */
export async function layoutKey(input: LayoutInput): Promise<string> {
  const text = JSON.stringify([
    input.name,
    input.root ?? '',
    input.quality ?? '',
    input.aspect === undefined ? '' : Math.round(input.aspect * 4) / 4,
    input.nodes.map((n) => [n.id, n.parent ?? '', Math.round(n.width), Math.round(n.height), n.degree]),
    input.edges.map((e) => [e.source, e.target, Math.round(e.labelWidth ?? 0)]),
  ]);
  const bytes = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function open(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(undefined);
      req.onblocked = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

interface Entry {
  positions: Record<string, Position>;
  savedAt: number;
}

export async function cachedLayout(key: string): Promise<Record<string, Position> | undefined> {
  const db = await open();
  if (!db) return undefined;
  return new Promise((resolve) => {
    try {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
      req.onsuccess = () => {
        const entry = req.result as Entry | undefined;
        resolve(entry && typeof entry === 'object' ? entry.positions : undefined);
        db.close();
      };
      req.onerror = () => {
        resolve(undefined);
        db.close();
      };
    } catch {
      resolve(undefined);
      db.close();
    }
  });
}

export async function storeLayout(key: string, positions: Record<string, Position>): Promise<void> {
  const db = await open();
  if (!db) return;
  await new Promise<void>((resolve) => {
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      store.put({ positions, savedAt: Date.now() } satisfies Entry, key);
      // Keep the store small: drop the oldest entries beyond the limit.
      const all = store.getAllKeys();
      all.onsuccess = () => {
        const keys = all.result;
        if (keys.length <= MAX_ENTRIES) return;
        const entries = store.getAll();
        entries.onsuccess = () => {
          const byAge = keys
            .map((k, i) => ({ k, at: (entries.result[i] as Entry | undefined)?.savedAt ?? 0 }))
            .sort((a, b) => a.at - b.at);
          for (const { k } of byAge.slice(0, keys.length - MAX_ENTRIES)) store.delete(k);
        };
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
      tx.onabort = () => resolve();
    } catch {
      resolve();
    }
  });
  db.close();
}
