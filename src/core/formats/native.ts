// The native format, Actor Graph JSON: read with the element limit before validation (the depth
// limit is checked when the JSON is parsed), written as it is.
import type { GraphFile } from '../model';
import { validateGraph, type Graph, type GraphIssue } from '../validate';
import { issueAt, type LoadLimits, type LoadWarning } from './input';

/** Validates a parsed native file (`text` locates its problems); too many elements are refused first. */
export function readNative(
  value: Record<string, unknown>,
  name: string,
  text: string,
  limits: LoadLimits,
  strict?: boolean,
): { ok: true; graph: Graph; warnings: LoadWarning[] } | { ok: false; issues: GraphIssue[] } {
  const count =
    (Array.isArray(value.nodes) ? value.nodes.length : 0) +
    (Array.isArray(value.edges) ? value.edges.length : 0);
  if (count > limits.maxElements) {
    return {
      ok: false,
      issues: [
        issueAt(
          'too-large',
          name,
          `the file has ${count.toLocaleString('en')} nodes and edges; at most ${limits.maxElements.toLocaleString('en')} can be opened`,
        ),
      ],
    };
  }
  const result = validateGraph(value, name, text, { strict });
  return result.ok ? { ok: true, graph: result.graph, warnings: [] } : result;
}

/** The native file as written: version and strictness kept, `$schema` (a path in this repository) left out. */
export function writeNative(file: GraphFile): string {
  const { $schema: _, ...rest } = file;
  return JSON.stringify(rest, null, 2) + '\n';
}
