// The check every bundled graph passes when the app is built (vite.config.ts): valid under the curated
// rules, and validation returns the file's data unchanged, so the page may read it with JSON.parse
// alone (src/core/graphIndex.ts readCheckedGraph) and keep the schema out of its start-up bundle.
import { isDeepStrictEqual } from 'node:util';
import type { GraphFile } from './schema';
import { formatIssue, loadGraphText } from './validate';

/** The problems that keep a graph file out of the bundle, one line each; empty when it may go in. */
export function bundledGraphProblems(text: string, file: string): string[] {
  const result = loadGraphText(text, file, { strict: true });
  if (!result.ok) return result.issues.map(formatIssue);
  return readsAsWritten(result.graph.file, text, file);
}

/**
 * For a file already validated (`validated` is what validation made of `text`): empty when that is
 * the file's data as written, else the line that says it is not.
 */
export function readsAsWritten(validated: GraphFile, text: string, file: string): string[] {
  const read = JSON.parse(JSON.stringify(validated)) as unknown;
  if (!isDeepStrictEqual(read, JSON.parse(text))) {
    return [`${file}: validation changes this file's data, so the page could not read it as it is`];
  }
  return [];
}
