// The graph vocabulary: actor kinds, relations with their conflict–cooperation category and intensity,
// certainties, partial dates, and the types of a curated graph once loaded.

/** Native file format name; every graph file carries it with a `version`. */
export const FORMAT = 'actor-graph';
/**
 * The newest native format version this build reads and writes. Version 2 added imported (unsourced)
 * data, free relations, attributes, positions and stories; version 1 files read as strict version 2.
 */
export const FORMAT_VERSION = 2;

/** Kinds of actor (and of the places and agreements actors act on). */
export const NODE_KINDS = {
  state: { label: 'State', description: 'A sovereign state or its government as a whole.' },
  'armed-group': {
    label: 'Armed group',
    description: 'A non-state armed group, militia or proxy force.',
  },
  'political-organisation': {
    label: 'Political organisation',
    description: 'A party or movement acting politically (it may also have an armed wing).',
  },
  person: { label: 'Person', description: 'A leader, official or other individual.' },
  'government-body': {
    label: 'Government body',
    description: 'A ministry, agency, office or department of a government.',
  },
  'military-unit': {
    label: 'Military unit',
    description: 'Armed forces, a service branch, a command or a deployed force.',
  },
  facility: {
    label: 'Facility',
    description: 'A base, depot, factory or other installation.',
  },
  place: { label: 'Place', description: 'A territory, region or city acted upon.' },
  'international-organisation': {
    label: 'International organisation',
    description: 'An intergovernmental body or its officials, such as nuclear inspectors.',
  },
  coalition: {
    label: 'Coalition',
    description: 'An informal group of states or actors named together, such as "European allies".',
  },
  agreement: {
    label: 'Agreement',
    description: 'A treaty, deal or accord that actors conclude, negotiate or leave.',
  },
} as const satisfies Record<string, { label: string; description: string }>;
export type NodeKind = keyof typeof NODE_KINDS;
export const NODE_KIND_IDS = Object.keys(NODE_KINDS) as [NodeKind, ...NodeKind[]];

/**
 * The conflict–cooperation scale of GDELT/CAMEO (QuadClass), from most cooperative to most hostile.
 */
export const CATEGORIES = {
  'verbal-cooperation': { label: 'Verbal cooperation', quadClass: 1 },
  'material-cooperation': { label: 'Material cooperation', quadClass: 2 },
  'verbal-conflict': { label: 'Verbal conflict', quadClass: 3 },
  'material-conflict': { label: 'Material conflict', quadClass: 4 },
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as [Category, ...Category[]];

interface RelationDef {
  /** Verb phrase used in sentences: "<source> <verb> <target>". */
  verb: string;
  /** The same verb after a plural subject: "Western governments sanction Iran". */
  verbPlural: string;
  category: Category;
  /** Default intensity on the Goldstein scale, −10 (most hostile) … +10 (most cooperative). */
  intensity: number;
  /** The CAMEO event code the relation corresponds to. */
  cameo: string;
  description: string;
}

/**
 * The controlled vocabulary of relations. Intensities follow the Goldstein (1992) weights that GDELT
 * attaches to the CAMEO code named beside each relation.
 */
export const RELATIONS = {
  // material conflict
  strikes: {
    verb: 'strikes',
    verbPlural: 'strike',
    category: 'material-conflict',
    intensity: -10,
    cameo: '195',
    description: 'Strikes from the air or with missiles.',
  },
  attacks: {
    verb: 'attacks',
    verbPlural: 'attack',
    category: 'material-conflict',
    intensity: -10,
    cameo: '190',
    description: 'Uses armed force: rockets, drones, raids, fighting.',
  },
  // CAMEO codes whoever orders a use of force as the actor of the fight itself (19, Goldstein −10).
  'authorises-force': {
    verb: 'authorises force against',
    verbPlural: 'authorise force against',
    category: 'material-conflict',
    intensity: -10,
    cameo: '19',
    description: 'Approves or orders a use of force against the target, e.g. a president approving strikes.',
  },
  kills: {
    verb: 'kills',
    verbPlural: 'kill',
    category: 'material-conflict',
    intensity: -10,
    cameo: '186',
    description: 'Kills or assassinates a person.',
  },
  blockades: {
    verb: 'blockades',
    verbPlural: 'blockade',
    category: 'material-conflict',
    intensity: -9.5,
    cameo: '191',
    description: 'Imposes a blockade or restricts movement.',
  },
  sanctions: {
    verb: 'sanctions',
    verbPlural: 'sanction',
    category: 'material-conflict',
    intensity: -8,
    cameo: '163',
    description: 'Imposes economic or other sanctions.',
  },
  'deploys-against': {
    verb: 'deploys forces against',
    verbPlural: 'deploy forces against',
    category: 'material-conflict',
    intensity: -7.2,
    cameo: '150',
    description: 'Moves or posts forces and equipment as a show of force.',
  },
  'withdraws-from': {
    verb: 'withdraws from',
    verbPlural: 'withdraw from',
    category: 'material-conflict',
    intensity: -4,
    cameo: '16',
    description: 'Leaves an agreement or reduces relations.',
  },
  // verbal conflict
  threatens: {
    verb: 'threatens',
    verbPlural: 'threaten',
    category: 'verbal-conflict',
    intensity: -7,
    cameo: '138',
    description: 'Threatens force or other harm, including conditional threats.',
  },
  deters: {
    verb: 'deters',
    verbPlural: 'deter',
    category: 'verbal-conflict',
    intensity: -6,
    cameo: '13',
    description: 'Acts or signals to dissuade another actor from acting.',
  },
  pressures: {
    verb: 'pressures',
    verbPlural: 'pressure',
    category: 'verbal-conflict',
    intensity: -5,
    cameo: '10',
    description: 'Demands, coerces verbally or presses another actor to act.',
  },
  demands: {
    verb: 'makes demands of',
    verbPlural: 'make demands of',
    category: 'verbal-conflict',
    intensity: -5,
    cameo: '10',
    description: 'Raises demands on another actor.',
  },
  opposes: {
    verb: 'opposes',
    verbPlural: 'oppose',
    category: 'verbal-conflict',
    intensity: -2,
    cameo: '11',
    description: 'Criticises, disapproves of, or works against another actor.',
  },
  // verbal cooperation
  'calls-for': {
    verb: 'calls for action by',
    verbPlural: 'call for action by',
    category: 'verbal-cooperation',
    intensity: 3,
    cameo: '02',
    description: 'Appeals to another actor, e.g. for a cease-fire or aid.',
  },
  supports: {
    verb: 'supports',
    verbPlural: 'support',
    category: 'verbal-cooperation',
    intensity: 3.5,
    cameo: '05',
    description: 'Gives political or diplomatic support.',
  },
  'allies-with': {
    verb: 'is allied with',
    verbPlural: 'are allied with',
    category: 'verbal-cooperation',
    intensity: 3.5,
    cameo: '05',
    description: 'Aligns politically with another actor.',
  },
  'cooperates-with': {
    verb: 'cooperates with',
    verbPlural: 'cooperate with',
    category: 'verbal-cooperation',
    intensity: 3.5,
    cameo: '05',
    description: 'Works together diplomatically towards a shared aim.',
  },
  encourages: {
    verb: 'encourages',
    verbPlural: 'encourage',
    category: 'verbal-cooperation',
    intensity: 3,
    cameo: '02',
    description: 'Urges another actor to act.',
  },
  'avoids-conflict-with': {
    verb: 'seeks to avoid conflict with',
    verbPlural: 'seek to avoid conflict with',
    category: 'verbal-cooperation',
    intensity: 4,
    cameo: '03',
    description: 'States or shows the intent not to fight or escalate.',
  },
  meets: {
    verb: 'meets',
    verbPlural: 'meet',
    category: 'verbal-cooperation',
    intensity: 2.5,
    cameo: '044',
    description: 'Meets in person.',
  },
  visits: {
    verb: 'visits',
    verbPlural: 'visit',
    category: 'verbal-cooperation',
    intensity: 1.9,
    cameo: '042',
    description: 'Travels to a place or actor.',
  },
  consults: {
    verb: 'consults',
    verbPlural: 'consult',
    category: 'verbal-cooperation',
    intensity: 1,
    cameo: '040',
    description: 'Holds consultations or talks.',
  },
  negotiates: {
    verb: 'negotiates with',
    verbPlural: 'negotiate with',
    category: 'verbal-cooperation',
    intensity: 7,
    cameo: '046',
    description: 'Engages in negotiation.',
  },
  concludes: {
    verb: 'concludes',
    verbPlural: 'conclude',
    category: 'verbal-cooperation',
    intensity: 8,
    cameo: '057',
    description: 'Signs or strikes an agreement or deal.',
  },
  influences: {
    verb: 'has influence over',
    verbPlural: 'have influence over',
    category: 'verbal-cooperation',
    intensity: 1,
    cameo: '04',
    description: 'Can sway the decisions of another actor.',
  },
  // Being told of an attack beforehand: CAMEO has no code for knowing, only for being consulted (04).
  'privy-to': {
    verb: 'is privy to the plans of',
    verbPlural: 'are privy to the plans of',
    category: 'verbal-cooperation',
    intensity: 1,
    cameo: '04',
    description: "Knows of another actor's plans in advance, e.g. of an attack.",
  },
  // Judging another actor is neither cooperation nor conflict: coded as a statement (01, weight 0).
  assesses: {
    verb: 'assesses',
    verbPlural: 'assess',
    category: 'verbal-cooperation',
    intensity: 0,
    cameo: '01',
    description:
      'Makes an intelligence or analytic judgement about another actor; the judgement is the summary.',
  },
  'part-of': {
    verb: 'is part of',
    verbPlural: 'are part of',
    category: 'verbal-cooperation',
    intensity: 0,
    cameo: '01',
    description: 'Belongs to, commands or speaks for another actor.',
  },
  // material cooperation
  backs: {
    verb: 'backs',
    verbPlural: 'back',
    category: 'material-cooperation',
    intensity: 7,
    cameo: '07',
    description: 'Sponsors a proxy or ally with money, arms or direction.',
  },
  funds: {
    verb: 'funds',
    verbPlural: 'fund',
    category: 'material-cooperation',
    intensity: 7.4,
    cameo: '071',
    description: 'Provides money or economic aid.',
  },
  'supplies-weapons': {
    verb: 'supplies weapons to',
    verbPlural: 'supply weapons to',
    category: 'material-cooperation',
    intensity: 8.3,
    cameo: '072',
    description: 'Provides weapons, drones or munitions.',
  },
  supplies: {
    verb: 'supplies',
    verbPlural: 'supply',
    category: 'material-cooperation',
    intensity: 7,
    cameo: '07',
    description: 'Provides supplies other than, or not specified as, weapons.',
  },
  trains: {
    verb: 'trains',
    verbPlural: 'train',
    category: 'material-cooperation',
    intensity: 8.3,
    cameo: '072',
    description: 'Trains fighters or forces.',
  },
  'sells-oil': {
    verb: 'sells oil to',
    verbPlural: 'sell oil to',
    category: 'material-cooperation',
    intensity: 6.4,
    cameo: '061',
    description: 'Sells oil or other commodities.',
  },
  'cooperates-militarily': {
    verb: 'cooperates militarily with',
    verbPlural: 'cooperate militarily with',
    category: 'material-cooperation',
    intensity: 7.4,
    cameo: '062',
    description: 'Builds, produces or operates military capacity together.',
  },
  'sends-aid': {
    verb: 'sends aid to',
    verbPlural: 'send aid to',
    category: 'material-cooperation',
    intensity: 7.4,
    cameo: '073',
    description: 'Delivers humanitarian aid.',
  },
  protects: {
    verb: 'protects',
    verbPlural: 'protect',
    category: 'material-cooperation',
    intensity: 6,
    cameo: '06',
    description: 'Defends or reinforces another actor or its forces.',
  },
} as const satisfies Record<string, RelationDef>;
export type Relation = keyof typeof RELATIONS;
export const RELATION_IDS = Object.keys(RELATIONS) as [Relation, ...Relation[]];

/** How sure the claim is, from the point of view of who asserts it. */
export const CERTAINTIES = {
  confirmed: { label: 'Confirmed', description: 'Stated as fact by the actor or officially confirmed.' },
  reported: { label: 'Reported', description: 'Reported by the source or by media it cites.' },
  claimed: { label: 'Claimed', description: 'Claimed by a party with a stake in it.' },
  assessed: { label: 'Assessed', description: 'An intelligence or analytic judgement.' },
  conditional: {
    label: 'Conditional',
    description: 'Hypothetical or stated as depending on something else ("if … then …").',
  },
  denied: {
    label: 'Denied',
    description: 'Asserted not to have happened, or said to lack any evidence.',
  },
} as const;
export type Certainty = keyof typeof CERTAINTIES;
export const CERTAINTY_IDS = Object.keys(CERTAINTIES) as [Certainty, ...Certainty[]];

export type DatePrecision = 'year' | 'month' | 'day';

/** A calendar date known to a precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Stable, readable identifiers: lower-case words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type {
  ActorNode,
  ClaimEdge,
  Evidence,
  GraphFile,
  Position,
  Source,
  Story,
  StoryStep,
  TimeSpec,
} from './schema';
import type { ActorNode, ClaimEdge } from './schema';

/** What an edge is filed under when its relation is not in the vocabulary (imported data). */
export const UNCLASSIFIED = 'unclassified';
/** A category to filter and colour by: one of the four, or unclassified. */
export type CategoryKey = Category | typeof UNCLASSIFIED;
export const CATEGORY_KEYS: readonly CategoryKey[] = [...CATEGORY_IDS, UNCLASSIFIED];

/** What a claim without a certainty (imported data) is filed under. */
export const UNSTATED = 'unstated';
export type CertaintyKey = Certainty | typeof UNSTATED;
export const CERTAINTY_KEYS: readonly CertaintyKey[] = [...CERTAINTY_IDS, UNSTATED];

/** What a node without a kind (imported data) is filed under. */
export const UNSPECIFIED = 'unspecified';
export type KindKey = NodeKind | typeof UNSPECIFIED;
export const KIND_KEYS: readonly KindKey[] = [...NODE_KIND_IDS, UNSPECIFIED];

/** Labels of every filter key, the three "not given" ones included. */
export const KEY_LABELS: Record<KindKey | CategoryKey | CertaintyKey, string> = {
  ...(Object.fromEntries(NODE_KIND_IDS.map((k) => [k, NODE_KINDS[k].label])) as Record<NodeKind, string>),
  ...(Object.fromEntries(CATEGORY_IDS.map((c) => [c, CATEGORIES[c].label])) as Record<Category, string>),
  ...(Object.fromEntries(CERTAINTY_IDS.map((c) => [c, CERTAINTIES[c].label])) as Record<Certainty, string>),
  [UNSPECIFIED]: 'Unspecified kind',
  [UNCLASSIFIED]: 'Unclassified',
  [UNSTATED]: 'Certainty not stated',
};

/** The kind of a node, or "unspecified" for imported nodes without one. */
export function nodeKind(node: Pick<ActorNode, 'kind'>): KindKey {
  return node.kind ?? UNSPECIFIED;
}

/** The category of an edge: its override, its relation's, or "unclassified" for a free relation. */
export function edgeCategory(edge: Pick<ClaimEdge, 'relation' | 'category'>): CategoryKey {
  return edge.category ?? (edge.relation ? RELATIONS[edge.relation].category : UNCLASSIFIED);
}

/** The intensity of an edge on the Goldstein scale: its override, its relation's default, or 0. */
export function edgeIntensity(edge: Pick<ClaimEdge, 'relation' | 'intensity'>): number {
  return edge.intensity ?? (edge.relation ? RELATIONS[edge.relation].intensity : 0);
}

/** The certainty of a claim, or "unstated" for imported data without one. */
export function edgeCertainty(edge: Pick<ClaimEdge, 'certainty'>): CertaintyKey {
  return edge.certainty ?? UNSTATED;
}

/** True when the claim carries at least one quote with its source. */
export function isSourced(edge: Pick<ClaimEdge, 'evidence'>): boolean {
  return (edge.evidence?.length ?? 0) > 0;
}

/** Whether the edge points from source to target (imported undirected edges do not). */
export function isDirected(edge: Pick<ClaimEdge, 'directed'>): boolean {
  return edge.directed !== false;
}

/**
 * The relation as a verb phrase after its subject: the vocabulary's verb (in the plural after a
 * plural name), the edge's own wording, or "is linked to" when it has neither.
 */
export function edgeVerb(edge: Pick<ClaimEdge, 'relation' | 'label'>, pluralSubject = false): string {
  if (edge.relation)
    return pluralSubject ? RELATIONS[edge.relation].verbPlural : RELATIONS[edge.relation].verb;
  if (edge.label) return edge.label;
  return pluralSubject ? 'are linked to' : 'is linked to';
}

/** Short name of the relation for legends and filters: the verb, or the edge's own wording. */
export function relationKey(edge: Pick<ClaimEdge, 'relation' | 'label'>): string {
  return edge.relation ?? `label:${edge.label ?? ''}`;
}
