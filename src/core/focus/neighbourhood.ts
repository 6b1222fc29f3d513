// The neighbourhood of an actor: who is reached within a number of steps, following relations in,
// out, or both ways.
import type { Link } from '../paths/shortestPaths';
import type { Direction } from '../view/viewState';

export interface Neighbourhood {
  /** Actor ids within reach, with their distance in steps (the root at 0). */
  nodes: Map<string, number>;
  /** Claims that can be walked within the depth in an allowed direction. */
  links: Set<string>;
}

export function neighbourhood(
  links: readonly Link[],
  root: string,
  depth: number,
  direction: Direction,
): Neighbourhood {
  const out = direction !== 'in';
  const inn = direction !== 'out';
  const nodes = new Map<string, number>([[root, 0]]);
  let frontier = [root];
  for (let step = 1; step <= depth && frontier.length > 0; step++) {
    const reached = new Set(frontier);
    const next: string[] = [];
    for (const l of links) {
      const candidates: string[] = [];
      if ((out || l.undirected) && reached.has(l.source)) candidates.push(l.target);
      if ((inn || l.undirected) && reached.has(l.target)) candidates.push(l.source);
      for (const c of candidates) {
        if (!nodes.has(c)) {
          nodes.set(c, step);
          next.push(c);
        }
      }
    }
    frontier = next;
  }
  // A claim belongs to the neighbourhood when it could be walked within the depth: from a reached
  // actor short of the limit, in an allowed direction, to another reached actor.
  const kept = new Set<string>();
  for (const l of links) {
    const s = nodes.get(l.source);
    const t = nodes.get(l.target);
    if (s === undefined || t === undefined) continue;
    if (((out || l.undirected) && s < depth) || ((inn || l.undirected) && t < depth)) kept.add(l.id);
  }
  return { nodes, links: kept };
}
