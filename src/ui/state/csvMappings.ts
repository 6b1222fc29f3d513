// The CSV column mappings the user chose, remembered per set of headers in localStorage, so a table
// with the same columns is offered the same mapping next time. What is read back is checked: only
// known roles naming columns the table has are used.
import { EDGE_ROLES, NODE_ROLES, type CsvMapping } from '../../core/formats/csv';

const PREFIX = 'actor-graph:csv-mapping:';

/** The storage key of a table's headers: which file it is and its columns, in order. */
function keyOf(table: 'nodes' | 'edges', headers: readonly string[]): string {
  return `${PREFIX}${table}:${JSON.stringify(headers)}`;
}

/** The mapping remembered for a table with these headers, if any (and still usable). */
export function recallMapping(
  storage: Storage | undefined,
  table: 'nodes' | 'edges',
  headers: readonly string[],
): CsvMapping | undefined {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(keyOf(table, headers)) ?? null;
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const roles: readonly string[] = table === 'nodes' ? NODE_ROLES : EDGE_ROLES;
  const mapping: CsvMapping = {};
  for (const [role, column] of Object.entries(parsed)) {
    if (!roles.includes(role) || typeof column !== 'string' || !headers.includes(column)) return undefined;
    (mapping as Record<string, string>)[role] = column;
  }
  return mapping;
}

/** Remembers the mapping chosen for a table with these headers (storage errors are ignored). */
export function rememberMapping(
  storage: Storage | undefined,
  table: 'nodes' | 'edges',
  headers: readonly string[],
  mapping: CsvMapping,
): void {
  const clean = Object.fromEntries(Object.entries(mapping).filter(([, c]) => c !== undefined && c !== ''));
  try {
    storage?.setItem(keyOf(table, headers), JSON.stringify(clean));
  } catch {
    // a convenience only
  }
}
