// The page's recent files, loaded on first use: the store and idb-keyval are not needed for the
// first picture, so they are not in the start-up script (see the README's start-up figure).
import type { RecentFiles, RecentStore } from './recentFiles';

/** A RecentFiles whose store (and IndexedDB code) is imported at its first call. */
export function lazyRecentStore(): RecentFiles {
  let store: Promise<RecentStore> | undefined;
  const load = () => (store ??= import('./recentFiles').then((m) => new m.RecentStore()));
  return {
    list: async () => (await load()).list(),
    get: async (id) => (await load()).get(id),
    remember: async (file) => (await load()).remember(file),
    forget: async (id) => (await load()).forget(id),
    forgetAll: async () => (await load()).forgetAll(),
  };
}
