// Shortest paths between two actors over the claims shown, following or ignoring direction.

export interface Link {
  id: string;
  source: string;
  target: string;
  /** A relation without direction (imported data): walked either way even when direction matters. */
  undirected?: boolean;
}

export interface PathHop {
  from: string;
  to: string;
  /** Every claim that links `from` and `to` in the allowed direction(s). */
  links: { id: string; forward: boolean }[];
}

export interface PathResult {
  /** Number of hops of the shortest path, or undefined when the actors are not connected. */
  length: number | undefined;
  /** The distinct shortest paths as actor sequences, each hop with its claims (at most `limit`). */
  paths: PathHop[][];
  /** True when there were more shortest paths than `limit`. */
  truncated: boolean;
}

/**
 * All shortest paths from `from` to `to` (breadth-first, every claim weighs one). With `directed`,
 * a path only follows claims from their source to their target; otherwise either way.
 */
export function shortestPaths(
  links: readonly Link[],
  from: string,
  to: string,
  directed: boolean,
  limit = 12,
): PathResult {
  const adjacency = new Map<string, { next: string; id: string; forward: boolean }[]>();
  const add = (a: string, b: string, id: string, forward: boolean) => {
    let list = adjacency.get(a);
    if (!list) adjacency.set(a, (list = []));
    list.push({ next: b, id, forward });
  };
  for (const l of links) {
    if (l.source === l.target) continue;
    add(l.source, l.target, l.id, true);
    if (!directed || l.undirected) add(l.target, l.source, l.id, false);
  }
  if (from === to) return { length: 0, paths: [], truncated: false };

  const distance = new Map<string, number>([[from, 0]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const d = distance.get(node)!;
    if (distance.has(to) && d >= distance.get(to)!) break;
    for (const { next } of adjacency.get(node) ?? []) {
      if (!distance.has(next)) {
        distance.set(next, d + 1);
        queue.push(next);
      }
    }
  }
  const length = distance.get(to);
  if (length === undefined) return { length: undefined, paths: [], truncated: false };

  // Walk forward along nodes whose distance grows by one and that can still reach `to` in time.
  const paths: PathHop[][] = [];
  let truncated = false;
  const hopsFrom = (node: string): PathHop[] => {
    const byNext = new Map<string, PathHop>();
    for (const { next, id, forward } of adjacency.get(node) ?? []) {
      if (distance.get(next) !== distance.get(node)! + 1) continue;
      let hop = byNext.get(next);
      if (!hop) byNext.set(next, (hop = { from: node, to: next, links: [] }));
      hop.links.push({ id, forward });
    }
    return [...byNext.values()];
  };
  const reachesTarget = backwardReach(adjacency, distance, to);
  const walk = (node: string, sofar: PathHop[]) => {
    if (paths.length >= limit) {
      truncated = true;
      return;
    }
    if (node === to) {
      paths.push(sofar);
      return;
    }
    for (const hop of hopsFrom(node)) {
      if (reachesTarget.has(hop.to)) walk(hop.to, [...sofar, hop]);
    }
  };
  walk(from, []);
  return { length, paths, truncated };
}

/** Nodes on some shortest path to `to`: those from which `to` is reached by steps of +1 distance. */
function backwardReach(
  adjacency: Map<string, { next: string }[]>,
  distance: Map<string, number>,
  to: string,
): Set<string> {
  const onPath = new Set([to]);
  const byDistance = [...distance].sort((a, b) => b[1] - a[1]);
  for (const [node, d] of byDistance) {
    if (onPath.has(node)) continue;
    if ((adjacency.get(node) ?? []).some(({ next }) => distance.get(next) === d + 1 && onPath.has(next))) {
      onPath.add(node);
    }
  }
  return onPath;
}
