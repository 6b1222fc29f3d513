// Seeded generator of large native graphs for the speed benchmark: actors in nested groups, skewed
// degrees (preferential attachment), about 1.5 claims per actor, kinds, relations and certainties
// from the vocabulary so the explorer's styling, legend and filters all have work to do.
import { FORMAT_VERSION, RELATION_IDS, type Certainty, type NodeKind } from '../core/model';
import type { ActorNode, ClaimEdge, GraphFile, Source } from '../core/schema';

export interface GenerateOptions {
  nodes: number; // actors, groups included
  seed?: number; // same seed, same graph
  edgesPerNode?: number; // mean claims per actor
  groupShare?: number; // share of actors that are groups (compound nodes)
  memberShare?: number; // share of the other actors placed inside a group
}

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Kinds weighted roughly as in a conflict graph: many people, units and groups, few agreements. */
const KIND_WEIGHTS: Record<NodeKind, number> = {
  state: 4,
  'armed-group': 12,
  'political-organisation': 6,
  person: 30,
  'government-body': 12,
  'military-unit': 14,
  facility: 8,
  place: 6,
  'international-organisation': 3,
  coalition: 2,
  agreement: 3,
};
/** Kinds that can hold members. */
const GROUP_KINDS: NodeKind[] = ['state', 'coalition', 'armed-group', 'government-body'];
const CERTAINTY_WEIGHTS: Record<Certainty, number> = {
  confirmed: 30,
  reported: 35,
  claimed: 15,
  assessed: 10,
  conditional: 6,
  denied: 4,
};
const ASSERTERS = [
  'U.S. officials',
  'Pentagon',
  "Iran's state news media",
  'Western diplomats',
  'regional analysts',
  'local media',
];
const SYLLABLES = ['ka', 'ren', 'dor', 'sa', 'mi', 'tal', 'vo', 'ash', 'el', 'qu', 'nor', 'bi', 'zan', 'ur'];
const NOUNS: Partial<Record<NodeKind, string[]>> = {
  'armed-group': ['Brigade', 'Front', 'Militia', 'Battalion'],
  'political-organisation': ['Party', 'Movement', 'Council'],
  'government-body': ['Ministry', 'Agency', 'Directorate', 'Office'],
  'military-unit': ['Corps', 'Division', 'Fleet', 'Command'],
  facility: ['Air Base', 'Depot', 'Plant', 'Port'],
  place: ['Valley', 'Province', 'Coast'],
  'international-organisation': ['Commission', 'Mission'],
  coalition: ['Alliance', 'Pact'],
  agreement: ['Accord', 'Treaty'],
};

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<K extends string>(random: () => number, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) {
    r -= w;
    if (r < 0) return k;
  }
  return entries[entries.length - 1]![0];
}

function name(random: () => number, kind: NodeKind): string {
  const word = () => {
    const n = 2 + Math.floor(random() * 2);
    const w = Array.from({ length: n }, () => pick(random, SYLLABLES)).join('');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  if (kind === 'person') return `${word()} ${word()}`;
  const nouns = NOUNS[kind];
  return nouns ? `${word()} ${pick(random, nouns)}` : word();
}

function date(random: () => number): string {
  const year = 2015 + Math.floor(random() * 9);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const precision = random();
  return precision < 0.15 ? `${year}` : precision < 0.4 ? `${year}-${month}` : `${year}-${month}-${day}`;
}

/**
 * A native graph (format version 2, not strict: most claims are unsourced) of `nodes` actors. The
 * same options always give the same graph. Groups come before their members, so nesting has no cycles.
 */
export function generateGraph(options: GenerateOptions): GraphFile {
  const { nodes: count, seed = 1, edgesPerNode = 1.5, groupShare = 0.04, memberShare = 0.35 } = options;
  const random = seededRandom(seed);
  const sources: Source[] = [
    { id: 'wire', title: 'Generated wire report', publisher: 'Benchmark Wire', published: '2023-10-27' },
    { id: 'brief', title: 'Generated briefing', publisher: 'Benchmark Institute', published: '2023-09' },
  ];

  const nodes: ActorNode[] = [];
  const groups: number[] = []; // indices of group nodes
  for (let i = 0; i < count; i++) {
    const isGroup = i < 3 || random() < groupShare;
    const kind = isGroup ? pick(random, GROUP_KINDS) : weighted(random, KIND_WEIGHTS);
    const node: ActorNode = { id: `n${i}`, label: name(random, kind), kind };
    // Groups nest in older groups now and then; other actors join a group at the given rate.
    if (groups.length > 0 && random() < (isGroup ? 0.3 : memberShare)) {
      node.parent = `n${pick(random, groups)}`;
    }
    if (kind === 'person' && random() < 0.2) node.aliases = [name(random, kind)];
    nodes.push(node);
    if (isGroup) groups.push(i);
  }

  // Preferential attachment: each new actor links to earlier ones chosen in proportion to degree + 1
  // (every actor is in `ends` once, plus once per claim it takes part in).
  const edges: ClaimEdge[] = [];
  const ends: number[] = [0];
  let edgeId = 0;
  const whole = Math.floor(edgesPerNode);
  const fraction = edgesPerNode - whole;
  for (let i = 1; i < count; i++) {
    const m = Math.min(i, whole + (random() < fraction ? 1 : 0));
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < m && tries < 10 * m; tries++) chosen.add(pick(random, ends));
    for (const j of chosen) {
      const [source, target] = random() < 0.5 ? [i, j] : [j, i];
      const edge: ClaimEdge = { id: `e${edgeId++}`, source: `n${source}`, target: `n${target}` };
      const r = random();
      if (r < 0.9) edge.relation = pick(random, RELATION_IDS);
      else if (r < 0.96) edge.label = pick(random, ['trades with', 'hosts', 'mediates for', 'recruits from']);
      else {
        edge.label = 'is linked to';
        edge.directed = false;
      }
      if (random() < 0.85) edge.certainty = weighted(random, CERTAINTY_WEIGHTS);
      if (random() < 0.3) edge.attributedTo = pick(random, ASSERTERS);
      const t = random();
      if (t < 0.45) edge.time = { date: date(random) };
      else if (t < 0.65) edge.time = { start: date(random).slice(0, 4) };
      if (random() < 0.15) {
        edge.evidence = [{ source: pick(random, sources).id, quote: `Generated quote number ${edge.id}.` }];
      }
      edges.push(edge);
      ends.push(i, j);
    }
    ends.push(i);
  }

  return {
    format: 'actor-graph',
    version: FORMAT_VERSION,
    id: `generated-${count}-${seed}`,
    title: `Generated graph of ${count} actors (seed ${seed})`,
    description: 'Generated for the speed benchmark: nested groups, skewed degrees, mostly unsourced claims.',
    sources,
    nodes,
    edges,
  };
}
