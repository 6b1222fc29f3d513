// What the canvas shows for a graph and a view state: which actors and claims are drawn, how they are
// grouped and bundled, and which are highlighted or dimmed. Pure: the graph is never changed.
import { graphElements, type EdgeElement, type GraphElement, type NodeElement } from '../elements';
import { edgePassesFilters } from '../filters/edgeFilter';
import { neighbourhood } from '../focus/neighbourhood';
import { collapseGroups } from '../groups/collapse';
import { isDirected, nodeKind as kindOf, type ClaimEdge } from '../model';
import { timeSpan } from '../time/partialDate';
import { isoDay } from '../time/timeFilter';
import { shortestPaths, type Link, type PathResult } from '../paths/shortestPaths';
import { edgeInTime } from '../time/timeFilter';
import type { Graph } from '../validate';
import type { ViewState } from './viewState';

export interface ShownCounts {
  actors: { shown: number; total: number };
  relations: { shown: number; total: number };
}

export interface PathView extends PathResult {
  /** The actors the path runs between, as drawn (a member of a collapsed group is the group). */
  from: string;
  to: string;
}

export interface VisibleGraph {
  /** Elements to draw, nodes first, each with its highlight classes. */
  elements: GraphElement[];
  counts: ShownCounts;
  /**
   * For every actor and claim drawn, the id of the element that draws it: its own, its bundle's
   * (claims), or its collapsed group's (members).
   */
  drawnAs: Map<string, string>;
  /** Claims drawn by each bundle element. */
  bundles: Map<string, string[]>;
  /** The shortest paths, when a path is asked for and both ends are shown. */
  path?: PathView;
  /** Things the user should know about the view, e.g. a selected actor hidden by a filter. */
  notices: string[];
  /** When one actor's neighbourhood is isolated: that actor (as drawn) and how many actors it holds. */
  isolated?: { root: string; actors: number };
  /** In an "as of" view: the claims that the latest step of the timeline added (drawn marked). */
  addedAtStep: string[];
}

/**
 * Whether members are drawn inside their group's box: every layout keeps groups as boxes; only an
 * arrangement saved by an older version from a layout without boxes does not (`manualNested`).
 */
export function nestsGroups(layout: ViewState['layout'], manualNested = true): boolean {
  return layout !== 'manual' || manualNested;
}

export interface VisibleOptions {
  /** Whether the user's own arrangement was made with groups drawn as boxes (default yes). */
  manualNested?: boolean;
}

/** Id of the element that bundles the claims from `source` to `target`. */
export function bundleId(source: string, target: string): string {
  return `bundle--${source}--${target}`;
}

function edgeFiltersActive(view: ViewState): boolean {
  const f = view.filters;
  return (
    f.categories.length + f.relations.length + f.certainties.length + f.asserters.length > 0 ||
    view.time.mode !== 'all'
  );
}

/** Computes what to draw. Ids in the view that the graph does not have are ignored (with a notice). */
export function visibleGraph(graph: Graph, view: ViewState, options: VisibleOptions = {}): VisibleGraph {
  const stage = filterStage(graph, view);
  const notices = [...stage.notices];
  const { file } = graph;
  const { nodeEls, edgeEls, collapse, rep, added, parentOf } = stage;
  let links = stage.links;
  let shownNodes = stage.shownNodes;

  // 5. Isolation: only one actor's neighbourhood, whatever is selected inside it.
  let isolated: VisibleGraph['isolated'];
  if (view.focus.isolate !== undefined) {
    const rootId = view.focus.isolate;
    const root = graph.nodeById.has(rootId) ? rep(rootId) : undefined;
    if (!root) notices.push(`The actor to isolate, "${rootId}", is not in this graph.`);
    else if (!shownNodes.has(root)) {
      notices.push(
        `${graph.nodeById.get(root)!.label} is hidden by the current filters, so its neighbourhood cannot be isolated.`,
      );
    } else {
      const hood = neighbourhood(links, root, view.focus.depth, view.focus.direction);
      links = links.filter((l) => hood.links.has(l.id));
      const kept = new Set([...shownNodes].filter((id) => hood.nodes.has(id)));
      keepAncestors(kept, shownNodes, parentOf);
      shownNodes = kept;
      isolated = { root, actors: hood.nodes.size };
    }
  }

  // 6. Focus on the selection, and the path between two actors.
  const selectedNode =
    view.selected?.type === 'node' && graph.nodeById.has(view.selected.id)
      ? rep(view.selected.id)
      : undefined;
  const selectedEdge =
    view.selected?.type === 'edge' && graph.edgeById.has(view.selected.id) ? view.selected.id : undefined;
  if (view.selected && !selectedNode && !selectedEdge) {
    notices.push(
      `The selected ${view.selected.type === 'node' ? 'actor' : 'relation'} "${view.selected.id}" is not in this graph.`,
    );
  }
  let focusNodes: Set<string> | undefined;
  let focusLinks: Set<string> | undefined;
  if (selectedNode && shownNodes.has(selectedNode)) {
    const hood = neighbourhood(links, selectedNode, view.focus.depth, view.focus.direction);
    focusNodes = new Set(hood.nodes.keys());
    focusLinks = hood.links;
  } else if (selectedNode) {
    notices.push(
      `${graph.nodeById.get(selectedNode)!.label} is hidden by the current ${isolated ? 'isolation or filters' : 'filters'}.`,
    );
  } else if (selectedEdge) {
    const l = links.find((x) => x.id === selectedEdge);
    if (l) {
      focusNodes = new Set([l.source, l.target]);
      focusLinks = new Set([l.id]);
    } else notices.push('The selected relation is hidden by the current filters.');
  }

  let path: PathView | undefined;
  let pathNodes: Set<string> | undefined;
  let pathLinks: Set<string> | undefined;
  if (view.path) {
    const known = [view.path.from, view.path.to].every((id) => graph.nodeById.has(id));
    const from = rep(view.path.from);
    const to = rep(view.path.to);
    if (!known) notices.push('The path names an actor that is not in this graph.');
    else if (!shownNodes.has(from) || !shownNodes.has(to)) {
      notices.push('An end of the path is hidden by the current filters.');
    } else {
      path = { from, to, ...shortestPaths(links, from, to, view.path.directed) };
      pathNodes = new Set([from, to]);
      pathLinks = new Set();
      for (const p of path.paths) {
        for (const hop of p) {
          pathNodes.add(hop.from).add(hop.to);
          hop.links.forEach((l) => pathLinks!.add(l.id));
        }
      }
      if (path.length === undefined) {
        const label = (id: string) => graph.nodeById.get(id)?.label ?? id;
        notices.push(
          `No path from ${label(from)} to ${label(to)}${view.path.directed ? ' following the direction of relations' : ''} with what is shown.`,
        );
      }
    }
  }

  // Claims picked as a set (a bar of the over-time chart), drawn with their actors like a focus.
  const picked = pickedClaims(graph, view, links, notices);

  // 7. Elements, with highlight classes. Picked claims win over a path, a path over focus.
  const highlightNodes = picked?.nodes ?? pathNodes ?? focusNodes;
  const highlightLinks = picked?.links ?? pathLinks ?? focusLinks;
  const highlightClass = pathNodes && !picked ? 'on-path' : 'focus';
  const containsHighlight = new Set<string>();
  if (highlightNodes) {
    for (const id of highlightNodes)
      for (let p = parentOf(id); p !== undefined; p = parentOf(p)) containsHighlight.add(p);
  }
  const elements: GraphElement[] = [];
  for (const n of file.nodes) {
    if (!shownNodes.has(n.id)) continue;
    const el = nodeEls.get(n.id)!;
    const classes = [...el.classes];
    const data = { ...el.data };
    const parent = n.parent;
    if (!nestsGroups(view.layout, options.manualNested) || parent === undefined || !shownNodes.has(parent)) {
      delete data.parent;
    }
    const members = collapse.hiddenMembers.get(n.id);
    if (members) {
      classes.push('collapsed');
      data.label = `${n.label} (+${members})`;
    }
    if (highlightNodes) {
      if (highlightNodes.has(n.id)) classes.push(highlightClass);
      else if (!containsHighlight.has(n.id)) classes.push('faded');
    }
    if (n.id === selectedNode) classes.push('focus-root');
    if (path && (n.id === path.from || n.id === path.to)) classes.push('path-end');
    elements.push({ group: 'nodes', data, classes });
  }
  // A claim between a group and one of its own members is drawn from the group's title edge
  // (`to-member`) or to it (`to-group`), not as a loop around the box.
  const drawnParent = new Map<string, string | undefined>();
  for (const el of elements) if (el.group === 'nodes') drawnParent.set(el.data.id, el.data.parent);
  const contains = (outer: string, inner: string) => {
    for (let p = drawnParent.get(inner); p !== undefined; p = drawnParent.get(p))
      if (p === outer) return true;
    return false;
  };
  const nesting = (l: Link): string[] =>
    contains(l.source, l.target) ? ['to-member'] : contains(l.target, l.source) ? ['to-group'] : [];

  const drawnAs = new Map<string, string>();
  for (const n of file.nodes) if (shownNodes.has(rep(n.id))) drawnAs.set(n.id, rep(n.id));
  const bundles = new Map<string, string[]>();
  const byPair = new Map<string, Link[]>();
  for (const l of links) {
    const key = `${l.source}\u0000${l.target}`;
    const list = byPair.get(key);
    if (list) list.push(l);
    else byPair.set(key, [l]);
  }
  for (const group of byPair.values()) {
    const first = group[0]!;
    const highlighted = highlightLinks && group.some((l) => highlightLinks.has(l.id));
    const mark = (classes: string[], on: boolean | undefined, ids: readonly Link[]) => {
      const out = ids.some((l) => added.has(l.id)) ? [...classes, 'added'] : classes;
      if (!highlightLinks) return out;
      return [...out, on ? highlightClass : 'faded'];
    };
    if (view.bundle && group.length > 1) {
      const id = bundleId(first.source, first.target);
      const members = group.map((l) => edgeEls.get(l.id)!);
      const strongest = members.reduce((a, b) => (b.data.weight > a.data.weight ? b : a));
      bundles.set(
        id,
        group.map((l) => l.id),
      );
      group.forEach((l) => drawnAs.set(l.id, id));
      elements.push({
        group: 'edges',
        data: {
          ...strongest.data,
          id,
          source: first.source,
          target: first.target,
          label: `${strongest.data.label} +${group.length - 1}`,
        },
        classes: mark([...strongest.classes, 'bundle', ...nesting(first)], highlighted, group),
      });
      continue;
    }
    for (const l of group) {
      const el = edgeEls.get(l.id)!;
      drawnAs.set(l.id, l.id);
      const rerouted = l.source !== el.data.source || l.target !== el.data.target;
      elements.push({
        group: 'edges',
        data: { ...el.data, source: l.source, target: l.target },
        classes: mark(
          [...el.classes, ...(rerouted ? ['rerouted'] : []), ...nesting(l)],
          highlightLinks?.has(l.id),
          [l],
        ),
      });
    }
  }

  return {
    elements,
    counts: {
      actors: { shown: countActors(shownNodes, collapse.hiddenMembers), total: file.nodes.length },
      relations: { shown: links.length, total: file.edges.length },
    },
    drawnAs,
    bundles,
    ...(path ? { path } : {}),
    notices,
    ...(isolated ? { isolated } : {}),
    addedAtStep: [...added],
  };
}

/**
 * In an "as of" view, the shown claims that begin on the timeline's latest step: after the date of
 * the previous step (the day before, among the days claims begin on) and by the "as of" date.
 */
function addedAtStep(all: readonly ClaimEdge[], shown: readonly ClaimEdge[], view: ViewState): Set<string> {
  const to = view.time.mode === 'asOf' ? view.time.to : undefined;
  if (!to) return new Set();
  const startDay = (e: ClaimEdge) => {
    const span = timeSpan(e.time);
    return span ? isoDay(span.from) : undefined;
  };
  const days = [...new Set(all.map(startDay).filter((d): d is string => d !== undefined && d <= to))].sort();
  const step = days[days.length - 1];
  if (step === undefined) return new Set();
  return new Set(shown.filter((e) => startDay(e) === step).map((e) => e.id));
}

/**
 * The picked claims that are drawn, with the actors they are drawn between; undefined when none are
 * picked or none of them is drawn (the notice says why, and the view is highlighted as without them).
 */
function pickedClaims(
  graph: Graph,
  view: ViewState,
  links: readonly Link[],
  notices: string[],
): { nodes: Set<string>; links: Set<string> } | undefined {
  const wanted = new Set(view.highlight ?? []);
  if (wanted.size === 0) return undefined;
  const drawn = links.filter((l) => wanted.has(l.id));
  const unknown = [...wanted].filter((id) => !graph.edgeById.has(id)).length;
  const hidden = wanted.size - unknown - drawn.length;
  if (unknown > 0) {
    notices.push(`${unknown} of the picked relations ${unknown === 1 ? 'is' : 'are'} not in this graph.`);
  }
  if (hidden > 0) {
    notices.push(
      `${hidden} of the ${wanted.size} picked relations ${hidden === 1 ? 'is' : 'are'} hidden by the current filters.`,
    );
  }
  if (drawn.length === 0) return undefined;
  return {
    nodes: new Set(drawn.flatMap((l) => [l.source, l.target])),
    links: new Set(drawn.map((l) => l.id)),
  };
}

function nodeKind(graph: Graph, id: string) {
  return kindOf(graph.nodeById.get(id)!);
}

/** Adds to `shown` the ancestors (from `pool`) of its members, so groups keep containing them. */
function keepAncestors(
  shown: Set<string>,
  pool: Set<string>,
  parentOf: (id: string) => string | undefined,
): void {
  for (const id of [...shown]) {
    for (let p = parentOf(id); p !== undefined && pool.has(p); p = parentOf(p)) shown.add(p);
  }
}

/** Actors shown, a collapsed group counting for itself and its hidden members. */
function countActors(shown: Set<string>, hiddenMembers: Map<string, number>): number {
  let n = 0;
  for (const id of shown) n += 1 + (hiddenMembers.get(id) ?? 0);
  return n;
}

interface FilterStage {
  nodeEls: Map<string, NodeElement>;
  edgeEls: Map<string, EdgeElement>;
  collapse: ReturnType<typeof collapseGroups>;
  rep: (id: string) => string;
  parentOf: (id: string) => string | undefined;
  candidate: Set<string>;
  links: Link[];
  added: Set<string>;
  shownNodes: Set<string>;
  notices: string[];
}

/** The last filter stage computed, and what it was computed from (compared by reference). */
let lastStage:
  { graph: Graph; collapsed: unknown; filters: unknown; time: unknown; stage: FilterStage } | undefined;

/**
 * Stages 1–4, which depend only on the graph, the collapsed groups, the filters and the time: kept
 * while those are the same objects, so selecting, focusing or finding a path does not redo them.
 * Callers must not change what it returns.
 */
function filterStage(graph: Graph, view: ViewState): FilterStage {
  if (
    lastStage &&
    lastStage.graph === graph &&
    lastStage.collapsed === view.collapsed &&
    lastStage.filters === view.filters &&
    lastStage.time === view.time
  ) {
    return lastStage.stage;
  }
  const notices: string[] = [];
  const { file } = graph;
  const base = graphElements(graph);
  const nodeEls = new Map<string, NodeElement>();
  const edgeEls = new Map<string, EdgeElement>();
  for (const el of base) {
    if (el.group === 'nodes') nodeEls.set(el.data.id, el);
    else edgeEls.set(el.data.id, el);
  }

  // 1. Collapsed groups: members are drawn as their group.
  const collapse = collapseGroups(file.nodes, view.collapsed);
  const unknownGroups = view.collapsed.filter((id) => !graph.nodeById.has(id));
  if (unknownGroups.length > 0) {
    notices.push(`Groups to collapse that are not in this graph were ignored: ${unknownGroups.join(', ')}.`);
  }
  const rep = (id: string) => collapse.representative.get(id) ?? id;

  // 2. Actors hidden by kind, and members of collapsed groups.
  const kindHidden = new Set(view.filters.kinds);
  const candidate = new Set(
    file.nodes.filter((n) => !kindHidden.has(kindOf(n)) && rep(n.id) === n.id).map((n) => n.id),
  );

  // 3. Claims that pass the filters and time, between two drawn actors that are not one group.
  const claims: ClaimEdge[] = [];
  for (const e of file.edges) {
    if (!edgePassesFilters(e, view.filters) || !edgeInTime(e, view.time)) continue;
    if (kindHidden.has(nodeKind(graph, e.source)) || kindHidden.has(nodeKind(graph, e.target))) continue;
    const s = rep(e.source);
    const t = rep(e.target);
    if (s === t || !candidate.has(s) || !candidate.has(t)) continue;
    claims.push(e);
  }
  const links: Link[] = claims.map((e) => ({
    id: e.id,
    source: rep(e.source),
    target: rep(e.target),
    ...(isDirected(e) ? {} : { undirected: true }),
  }));
  const added = addedAtStep(file.edges, claims, view);

  // 4. With a relation filter or time on, actors left without any relation are hidden too.
  const parentOf = (id: string) => graph.nodeById.get(id)?.parent;
  let shownNodes = new Set(candidate);
  if (edgeFiltersActive(view)) {
    const linked = new Set(links.flatMap((l) => [l.source, l.target]));
    shownNodes = new Set([...candidate].filter((id) => linked.has(id)));
    keepAncestors(shownNodes, candidate, parentOf);
  }

  const stage: FilterStage = {
    nodeEls,
    edgeEls,
    collapse,
    rep,
    parentOf,
    candidate,
    links,
    added,
    shownNodes,
    notices,
  };
  lastStage = { graph, collapsed: view.collapsed, filters: view.filters, time: view.time, stage };
  return stage;
}
