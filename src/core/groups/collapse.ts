// Collapsing groups: an actor inside a collapsed group is drawn as the group, and its relations are
// re-routed to it.
import type { ActorNode } from '../model';

export interface Collapse {
  /** The node each actor is drawn as: itself, or its outermost collapsed ancestor. */
  representative: Map<string, string>;
  /** How many actors each collapsed group stands for, itself excluded. */
  hiddenMembers: Map<string, number>;
}

/** Works out who stands for whom when the groups in `collapsed` are collapsed. Unknown ids are ignored. */
export function collapseGroups(nodes: readonly ActorNode[], collapsed: readonly string[]): Collapse {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent]));
  const isCollapsed = new Set(collapsed.filter((id) => parentOf.has(id)));
  const representative = new Map<string, string>();
  const hiddenMembers = new Map<string, number>();
  for (const n of nodes) {
    let rep = n.id;
    const seen = new Set<string>();
    for (let p = n.parent; p !== undefined && !seen.has(p); p = parentOf.get(p)) {
      seen.add(p);
      if (isCollapsed.has(p)) rep = p;
    }
    representative.set(n.id, rep);
    if (rep !== n.id) hiddenMembers.set(rep, (hiddenMembers.get(rep) ?? 0) + 1);
  }
  return { representative, hiddenMembers };
}

/** Ids of the nodes that have members (and so can be collapsed). */
export function groupIds(nodes: readonly ActorNode[]): Set<string> {
  return new Set(nodes.flatMap((n) => (n.parent !== undefined ? [n.parent] : [])));
}

/** Every actor inside `group`, at any depth (members of member groups included). */
export function descendants(nodes: readonly ActorNode[], group: string): string[] {
  const children = new Map<string, string[]>();
  for (const n of nodes)
    if (n.parent !== undefined) children.set(n.parent, [...(children.get(n.parent) ?? []), n.id]);
  const out: string[] = [];
  const seen = new Set([group]);
  const walk = (id: string) => {
    for (const c of children.get(id) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
      walk(c);
    }
  };
  walk(group);
  return out;
}
