// Typo-tolerant search over actor names and aliases.
import Fuse from 'fuse.js';
import type { ActorNode } from '../model';

export interface SearchHit {
  id: string;
  label: string;
  /** The alias that matched, when it was not the label. */
  matchedAlias?: string;
}

export interface ActorIndex {
  search(query: string, limit?: number): SearchHit[];
}

/** Builds a search index over labels and aliases; the query tolerates a letter or two wrong. */
export function indexActors(nodes: readonly ActorNode[]): ActorIndex {
  const entries = nodes.flatMap((n) => [
    { id: n.id, label: n.label, name: n.label, alias: false },
    ...(n.aliases ?? []).map((a) => ({ id: n.id, label: n.label, name: a, alias: true })),
  ]);
  const fuse = new Fuse(entries, {
    keys: ['name'],
    includeScore: true,
    ignoreLocation: true, // match anywhere in the name
    threshold: 0.34, // how many letters may be wrong; 0 exact … 1 anything
    minMatchCharLength: 1,
  });
  return {
    search(query: string, limit = 8): SearchHit[] {
      const q = query.trim();
      if (q === '') return [];
      const best = new Map<string, { hit: SearchHit; score: number }>();
      for (const r of fuse.search(q)) {
        const score = r.score ?? 1;
        const prev = best.get(r.item.id);
        if (prev && prev.score <= score) continue;
        best.set(r.item.id, {
          score,
          hit: { id: r.item.id, label: r.item.label, ...(r.item.alias ? { matchedAlias: r.item.name } : {}) },
        });
      }
      return [...best.values()]
        .sort((a, b) => a.score - b.score || a.hit.label.localeCompare(b.hit.label))
        .slice(0, limit)
        .map((b) => b.hit);
    },
  };
}
