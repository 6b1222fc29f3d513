// Which CSV column plays which role: the roles, and the mapping guessed from the headers (Gephi's Id,
// Label / Source, Target, Type, Label, Weight; Kumu's From, To, Type; this project's own, in any case).
// Apart from the parser so the page can guess a mapping without loading papaparse.
/** What a column can mean. Node roles apply to a nodes file, edge roles to an edges file. */
export const NODE_ROLES = [
  'id',
  'label',
  'kind',
  'parent',
  'description',
  'x',
  'y',
  'size',
  'colour',
] as const;
export const EDGE_ROLES = [
  'id',
  'source',
  'target',
  'relation',
  'direction',
  'weight',
  'date',
  'start',
  'end',
  'certainty',
  'attributedTo',
  'summary',
  'quote',
  'sourceUrl',
  'colour',
] as const;
export type CsvRole = (typeof NODE_ROLES)[number] | (typeof EDGE_ROLES)[number];

/** Which column (by its header) plays which role; roles left out are not read. */
export type CsvMapping = Partial<Record<CsvRole, string>>;

/** Header names each role is recognised by (compared in lower case, spaces and underscores alike). */
export const NODE_SYNONYMS: Record<(typeof NODE_ROLES)[number], string[]> = {
  id: ['id', 'node id', 'key', 'node', 'identifier'],
  label: ['label', 'name', 'title'],
  kind: ['kind', 'type', 'node type', 'category'],
  parent: ['parent', 'parent id', 'part of'],
  description: ['description'],
  x: ['x'],
  y: ['y'],
  size: ['size'],
  colour: ['colour', 'color'],
};
export const EDGE_SYNONYMS: Record<(typeof EDGE_ROLES)[number], string[]> = {
  id: ['id', 'edge id', 'key'],
  source: ['source', 'from', 'source id', 'source node'],
  target: ['target', 'to', 'target id', 'target node'],
  relation: ['relation', 'relationship', 'label', 'interaction', 'connection type', 'predicate'],
  direction: ['direction', 'directed'],
  weight: ['weight', 'strength'],
  date: ['date'],
  start: ['start', 'start date'],
  end: ['end', 'end date'],
  certainty: ['certainty', 'confidence'],
  attributedTo: ['attributed to', 'attributedto', 'asserted by', 'according to'],
  summary: ['summary'],
  quote: ['quote', 'evidence', 'excerpt'],
  sourceUrl: ['source url', 'url', 'link', 'source link'],
  colour: ['colour', 'color'],
};

const normHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
export const DIRECTIONS = new Set(['', 'directed', 'undirected', 'mutual', 'true', 'false', 'yes', 'no']);

/** Whether a table with these headers is an edge list (it has a source and a target column). */
export function isEdgeTable(headers: readonly string[]): boolean {
  const h = new Set(headers.map(normHeader));
  return EDGE_SYNONYMS.source.some((s) => h.has(s)) && EDGE_SYNONYMS.target.some((s) => h.has(s));
}

/**
 * The mapping the headers suggest. `table` says which file this is (default: edges when there are
 * source and target columns). Gephi's `Type` is the direction and Kumu's (beside From/To) the
 * relation; given `rows`, a Type column whose values are not directions is read as the relation.
 */
export function guessCsvMapping(
  headers: readonly string[],
  table?: 'nodes' | 'edges',
  rows?: readonly (readonly string[])[],
): CsvMapping {
  const kind = table ?? (isEdgeTable(headers) ? 'edges' : 'nodes');
  const synonyms: Record<string, string[]> = kind === 'edges' ? { ...EDGE_SYNONYMS } : NODE_SYNONYMS;
  const normalised = headers.map(normHeader);
  const find = (names: string[]) => {
    for (const name of names) {
      const i = normalised.indexOf(name);
      if (i !== -1) return headers[i];
    }
    return undefined;
  };
  const mapping: CsvMapping = {};
  const used = new Set<string>();
  for (const [role, names] of Object.entries(synonyms)) {
    const col = find(names.filter((n) => !used.has(n)));
    if (col !== undefined && ![...Object.values(mapping)].includes(col)) {
      mapping[role as CsvRole] = col;
      used.add(normHeader(col));
    }
  }
  if (kind === 'edges') {
    const type = find(['type', 'edge type']);
    if (type !== undefined) {
      const i = headers.indexOf(type);
      const kumu = normalised.includes('from') && normalised.includes('to');
      const values = rows?.map((r) => (r[i] ?? '').trim().toLowerCase());
      const isDirection = values ? values.every((v) => DIRECTIONS.has(v)) : !kumu;
      if (isDirection && mapping.direction === undefined) mapping.direction = type;
      else if (!isDirection && mapping.relation === undefined) mapping.relation = type;
      else if (!isDirection && mapping.relation !== undefined && kumu) {
        mapping.relation = type;
      }
    }
  } else if (mapping.id === undefined && mapping.label !== undefined) {
    mapping.id = mapping.label; // Kumu: the label is the id
  }
  return mapping;
}
