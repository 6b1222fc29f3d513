// How a problem in a file is written for people: `file:line:col path: message (code)`. Apart from the
// validator so the page can show issues without loading the schema.
import type { GraphIssue, PathSegment } from './validate';

/** `edges[12].target` from `['edges', 12, 'target']`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

/** `file:line:col`, `file (row 3, column 2)` for a CSV table, or `file` when there is no position. */
export function formatLocation(file: string, at: { line?: number; column?: number; row?: number }): string {
  if (at.row !== undefined)
    return `${file} (row ${at.row}${at.column !== undefined ? `, column ${at.column}` : ''})`;
  return at.line !== undefined ? `${file}:${at.line}:${at.column ?? 1}` : file;
}

/** One line per issue: `file:line:col edges[3].target: message (code)`, or `file (row 3, column 2) …` for CSV. */
export function formatIssue(issue: GraphIssue): string {
  const at = formatLocation(issue.file, issue);
  return `${at} ${issue.path ? issue.path + ': ' : ''}${issue.message} (${issue.code})`;
}
