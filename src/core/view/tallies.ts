// The counts the legend, the table and the details panel show, computed once here: how many claims
// each actor takes part in, and for every legend entry how many of its actors or claims are shown
// out of how many the graph has.
import { asserterOf } from '../filters/edgeFilter';
import {
  CATEGORY_KEYS,
  CERTAINTIES,
  CERTAINTY_KEYS,
  KEY_LABELS,
  KIND_KEYS,
  NODE_KINDS,
  RELATIONS,
  edgeCategory,
  edgeCertainty,
  isSourced,
  nodeKind,
  relationKey,
  type ClaimEdge,
  type GraphFile,
} from '../model';
import type { VisibleGraph } from './visibleGraph';

/** How many claims each actor takes part in, as source or target, filters aside. */
export function degrees(file: Pick<GraphFile, 'edges'>): Map<string, number> {
  const d = new Map<string, number>();
  for (const e of file.edges) {
    d.set(e.source, (d.get(e.source) ?? 0) + 1);
    if (e.target !== e.source) d.set(e.target, (d.get(e.target) ?? 0) + 1);
  }
  return d;
}

export interface LegendEntry {
  /** The filter value: a kind, category, certainty, relation key or asserter. */
  key: string;
  label: string;
  /** What the entry stands for, for tooltips. */
  description: string;
  /** How many of its actors (kinds) or claims (the rest) the view shows. */
  shown: number;
  /** How many the whole graph has. */
  total: number;
}

export interface LegendTallies {
  kinds: LegendEntry[];
  categories: LegendEntry[];
  certainties: LegendEntry[];
  relations: LegendEntry[];
  asserters: LegendEntry[];
  /** Claims without a quote and its source: shown and total. */
  unsourced: { shown: number; total: number };
}

/** "relation label" for a relation key: the vocabulary verb, or the edge's own wording. */
export function relationKeyLabel(key: string): string {
  if (key.startsWith('label:')) return key.slice('label:'.length) || '(no wording)';
  return RELATIONS[key as keyof typeof RELATIONS]?.verb ?? key;
}

function entries(
  values: Iterable<[key: string, shown: boolean]>,
  describe: (key: string) => { label: string; description: string },
  order?: readonly string[],
): LegendEntry[] {
  const count = new Map<string, { shown: number; total: number }>();
  for (const [key, shown] of values) {
    const c = count.get(key) ?? { shown: 0, total: 0 };
    c.total++;
    if (shown) c.shown++;
    count.set(key, c);
  }
  const keys = order
    ? order.filter((k) => count.has(k))
    : [...count.keys()].sort((a, b) => count.get(b)!.total - count.get(a)!.total || a.localeCompare(b));
  return keys.map((key) => ({ key, ...describe(key), ...count.get(key)! }));
}

/**
 * Every legend entry with shown/total. Kinds, categories and certainties keep their fixed order so
 * the legend reads the same on every graph; relations and asserters go most frequent first.
 */
export function legendTallies(
  file: GraphFile,
  visible: Pick<VisibleGraph, 'drawnAs'> | undefined,
): LegendTallies {
  const drawn = visible?.drawnAs;
  const isShown = (id: string) => drawn?.has(id) ?? true;
  const claims: [ClaimEdge, boolean][] = file.edges.map((e) => [e, isShown(e.id)]);
  const label = (key: string) => KEY_LABELS[key as keyof typeof KEY_LABELS] ?? key;
  return {
    kinds: entries(
      file.nodes.map((n) => [nodeKind(n), isShown(n.id)]),
      (k) => ({
        label: label(k),
        description:
          NODE_KINDS[k as keyof typeof NODE_KINDS]?.description ??
          'Actors whose kind the file does not give.',
      }),
      KIND_KEYS,
    ),
    categories: entries(
      claims.map(([e, s]) => [edgeCategory(e), s]),
      (k) => ({ label: label(k), description: `relations of ${label(k).toLowerCase()}` }),
      CATEGORY_KEYS,
    ),
    certainties: entries(
      claims.map(([e, s]) => [edgeCertainty(e), s]),
      (k) => ({
        label: label(k),
        description:
          CERTAINTIES[k as keyof typeof CERTAINTIES]?.description ??
          'Claims whose certainty the file does not give.',
      }),
      CERTAINTY_KEYS,
    ),
    relations: entries(
      claims.map(([e, s]) => [relationKey(e), s]),
      (k) => ({
        label: relationKeyLabel(k),
        description:
          RELATIONS[k as keyof typeof RELATIONS]?.description ??
          'A relation in its own words, outside the vocabulary.',
      }),
    ),
    asserters: entries(
      claims.map(([e, s]) => [asserterOf(e), s]),
      (k) => ({ label: k, description: `claims asserted by ${k}` }),
    ),
    unsourced: claims.reduce(
      (acc, [e, s]) => (isSourced(e) ? acc : { shown: acc.shown + (s ? 1 : 0), total: acc.total + 1 }),
      { shown: 0, total: 0 },
    ),
  };
}
