// The graph vocabulary: actor kinds, relations with their conflict–cooperation category and intensity,
// certainties, partial dates, and the types of a curated graph once loaded.

/** Native file format name; every graph file carries it with a `version`. */
export const FORMAT = 'actor-graph';
/** The newest native format version this build reads and writes. */
export const FORMAT_VERSION = 1;

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
export const NODE_KIND_IDS = Object.keys(NODE_KINDS) as NodeKind[];

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
export const CATEGORY_IDS = Object.keys(CATEGORIES) as Category[];

interface RelationDef {
  /** Verb phrase used in sentences: "<source> <verb> <target>". */
  verb: string;
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
    category: 'material-conflict',
    intensity: -10,
    cameo: '195',
    description: 'Strikes from the air or with missiles.',
  },
  attacks: {
    verb: 'attacks',
    category: 'material-conflict',
    intensity: -10,
    cameo: '190',
    description: 'Uses armed force: rockets, drones, raids, fighting.',
  },
  // CAMEO codes whoever orders a use of force as the actor of the fight itself (19, Goldstein −10).
  'authorises-force': {
    verb: 'authorises force against',
    category: 'material-conflict',
    intensity: -10,
    cameo: '19',
    description: 'Approves or orders a use of force against the target, e.g. a president approving strikes.',
  },
  kills: {
    verb: 'kills',
    category: 'material-conflict',
    intensity: -10,
    cameo: '186',
    description: 'Kills or assassinates a person.',
  },
  blockades: {
    verb: 'blockades',
    category: 'material-conflict',
    intensity: -9.5,
    cameo: '191',
    description: 'Imposes a blockade or restricts movement.',
  },
  sanctions: {
    verb: 'sanctions',
    category: 'material-conflict',
    intensity: -8,
    cameo: '163',
    description: 'Imposes economic or other sanctions.',
  },
  'deploys-against': {
    verb: 'deploys forces against',
    category: 'material-conflict',
    intensity: -7.2,
    cameo: '150',
    description: 'Moves or posts forces and equipment as a show of force.',
  },
  'withdraws-from': {
    verb: 'withdraws from',
    category: 'material-conflict',
    intensity: -4,
    cameo: '16',
    description: 'Leaves an agreement or reduces relations.',
  },
  // verbal conflict
  threatens: {
    verb: 'threatens',
    category: 'verbal-conflict',
    intensity: -7,
    cameo: '138',
    description: 'Threatens force or other harm, including conditional threats.',
  },
  deters: {
    verb: 'deters',
    category: 'verbal-conflict',
    intensity: -6,
    cameo: '13',
    description: 'Acts or signals to dissuade another actor from acting.',
  },
  pressures: {
    verb: 'pressures',
    category: 'verbal-conflict',
    intensity: -5,
    cameo: '10',
    description: 'Demands, coerces verbally or presses another actor to act.',
  },
  demands: {
    verb: 'makes demands of',
    category: 'verbal-conflict',
    intensity: -5,
    cameo: '10',
    description: 'Raises demands on another actor.',
  },
  opposes: {
    verb: 'opposes',
    category: 'verbal-conflict',
    intensity: -2,
    cameo: '11',
    description: 'Criticises, disapproves of, or works against another actor.',
  },
  // verbal cooperation
  'calls-for': {
    verb: 'calls for action by',
    category: 'verbal-cooperation',
    intensity: 3,
    cameo: '02',
    description: 'Appeals to another actor, e.g. for a cease-fire or aid.',
  },
  supports: {
    verb: 'supports',
    category: 'verbal-cooperation',
    intensity: 3.5,
    cameo: '05',
    description: 'Gives political or diplomatic support.',
  },
  'allies-with': {
    verb: 'is allied with',
    category: 'verbal-cooperation',
    intensity: 3.5,
    cameo: '05',
    description: 'Aligns politically with another actor.',
  },
  'cooperates-with': {
    verb: 'cooperates with',
    category: 'verbal-cooperation',
    intensity: 3.5,
    cameo: '05',
    description: 'Works together diplomatically towards a shared aim.',
  },
  encourages: {
    verb: 'encourages',
    category: 'verbal-cooperation',
    intensity: 3,
    cameo: '02',
    description: 'Urges another actor to act.',
  },
  'avoids-conflict-with': {
    verb: 'seeks to avoid conflict with',
    category: 'verbal-cooperation',
    intensity: 4,
    cameo: '03',
    description: 'States or shows the intent not to fight or escalate.',
  },
  meets: {
    verb: 'meets',
    category: 'verbal-cooperation',
    intensity: 2.5,
    cameo: '044',
    description: 'Meets in person.',
  },
  visits: {
    verb: 'visits',
    category: 'verbal-cooperation',
    intensity: 1.9,
    cameo: '042',
    description: 'Travels to a place or actor.',
  },
  consults: {
    verb: 'consults',
    category: 'verbal-cooperation',
    intensity: 1,
    cameo: '040',
    description: 'Holds consultations or talks.',
  },
  negotiates: {
    verb: 'negotiates with',
    category: 'verbal-cooperation',
    intensity: 7,
    cameo: '046',
    description: 'Engages in negotiation.',
  },
  concludes: {
    verb: 'concludes',
    category: 'verbal-cooperation',
    intensity: 8,
    cameo: '057',
    description: 'Signs or strikes an agreement or deal.',
  },
  influences: {
    verb: 'has influence over',
    category: 'verbal-cooperation',
    intensity: 1,
    cameo: '04',
    description: 'Can sway the decisions of another actor.',
  },
  // Judging another actor is neither cooperation nor conflict: coded as a statement (01, weight 0).
  assesses: {
    verb: 'assesses',
    category: 'verbal-cooperation',
    intensity: 0,
    cameo: '01',
    description:
      'Makes an intelligence or analytic judgement about another actor; the judgement is the summary.',
  },
  'part-of': {
    verb: 'is part of',
    category: 'verbal-cooperation',
    intensity: 0,
    cameo: '01',
    description: 'Belongs to, commands or speaks for another actor.',
  },
  // material cooperation
  backs: {
    verb: 'backs',
    category: 'material-cooperation',
    intensity: 7,
    cameo: '07',
    description: 'Sponsors a proxy or ally with money, arms or direction.',
  },
  funds: {
    verb: 'funds',
    category: 'material-cooperation',
    intensity: 7.4,
    cameo: '071',
    description: 'Provides money or economic aid.',
  },
  'supplies-weapons': {
    verb: 'supplies weapons to',
    category: 'material-cooperation',
    intensity: 8.3,
    cameo: '072',
    description: 'Provides weapons, drones or munitions.',
  },
  supplies: {
    verb: 'supplies',
    category: 'material-cooperation',
    intensity: 7,
    cameo: '07',
    description: 'Provides supplies other than, or not specified as, weapons.',
  },
  trains: {
    verb: 'trains',
    category: 'material-cooperation',
    intensity: 8.3,
    cameo: '072',
    description: 'Trains fighters or forces.',
  },
  'sells-oil': {
    verb: 'sells oil to',
    category: 'material-cooperation',
    intensity: 6.4,
    cameo: '061',
    description: 'Sells oil or other commodities.',
  },
  'cooperates-militarily': {
    verb: 'cooperates militarily with',
    category: 'material-cooperation',
    intensity: 7.4,
    cameo: '062',
    description: 'Builds, produces or operates military capacity together.',
  },
  'sends-aid': {
    verb: 'sends aid to',
    category: 'material-cooperation',
    intensity: 7.4,
    cameo: '073',
    description: 'Delivers humanitarian aid.',
  },
  protects: {
    verb: 'protects',
    category: 'material-cooperation',
    intensity: 6,
    cameo: '06',
    description: 'Defends or reinforces another actor or its forces.',
  },
} as const satisfies Record<string, RelationDef>;
export type Relation = keyof typeof RELATIONS;
export const RELATION_IDS = Object.keys(RELATIONS) as Relation[];

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
export const CERTAINTY_IDS = Object.keys(CERTAINTIES) as Certainty[];

export type DatePrecision = 'year' | 'month' | 'day';

/** A calendar date known to a precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Stable, readable identifiers: lower-case words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * When a relation held. Either one `date`, or a `start` with an optional `end`; a `start` without
 * an `end` is ongoing. `circa` marks dates the source gives only approximately ("eight years ago").
 */
export type TimeSpec = { date: string; circa?: boolean } | { start: string; end?: string; circa?: boolean };

export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** `YYYY-MM-DD` (or coarser). */
  published: string;
  url?: string;
  author?: string;
  /** Path, relative to the repository root, of a plain-text copy used to check quotes. */
  localCopy?: string;
}

export interface Evidence {
  /** Id of an entry in `sources`. */
  source: string;
  /** Verbatim words from that source. */
  quote: string;
}

export interface ActorNode {
  id: string;
  label: string;
  kind: NodeKind;
  aliases?: string[];
  /** Id of the node this one belongs to (the IRGC inside Iran); enables grouping. */
  parent?: string;
  description?: string;
  /** Verbatim quotes supporting the node's membership (`parent`) and `description`. */
  evidence?: Evidence[];
}

export interface ClaimEdge {
  id: string;
  /** The actor that acts. */
  source: string;
  /** The actor acted upon. */
  target: string;
  relation: Relation;
  /** Overrides the relation's category. */
  category?: Category;
  /** Overrides the relation's intensity, −10 … +10. */
  intensity?: number;
  time?: TimeSpec;
  certainty: Certainty;
  /** Who asserts the claim ("U.S. officials", "Pentagon"); absent when the source says it itself. */
  attributedTo?: string;
  /** One line in the curator's words, e.g. the toll of an attack. */
  summary?: string;
  evidence: Evidence[];
}

export interface GraphFile {
  $schema?: string;
  format: typeof FORMAT;
  version: number;
  id: string;
  title: string;
  description?: string;
  sources: Source[];
  nodes: ActorNode[];
  edges: ClaimEdge[];
}

/** The category of an edge: its override, or its relation's. */
export function edgeCategory(edge: Pick<ClaimEdge, 'relation' | 'category'>): Category {
  return edge.category ?? RELATIONS[edge.relation].category;
}

/** The intensity of an edge on the Goldstein scale: its override, or its relation's default. */
export function edgeIntensity(edge: Pick<ClaimEdge, 'relation' | 'intensity'>): number {
  return edge.intensity ?? RELATIONS[edge.relation].intensity;
}
