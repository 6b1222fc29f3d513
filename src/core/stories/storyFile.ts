// Writes a graph file with new stories: only the `stories` member of the file's text changes, every
// other byte (formatting included) stays as written. Then the whole file is validated again, so a
// story that cites a missing claim or holds a view that does not parse is caught before it is saved.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { writeNative } from '../formats/native';
import type { GraphFile, Story } from '../model';
import { loadGraphText, type GraphIssue } from '../validate';

export class StoryFileError extends Error {
  readonly code = 'not-an-object';
}

/** The indentation of the file's first member (two spaces when it cannot be told). */
function indentUnit(text: string, root: Node): string {
  const first = root.children?.[0];
  if (!first) return '  ';
  const lineStart = text.lastIndexOf('\n', first.offset) + 1;
  const indent = text.slice(lineStart, first.offset);
  return /^[ \t]+$/.test(indent) ? indent : '  ';
}

/**
 * `text` (a native graph file) with its `stories` replaced by `stories`, or removed when there are
 * none. Throws StoryFileError when the text is not a JSON object.
 */
export function replaceStories(text: string, stories: readonly Story[]): string {
  const root = parseTree(text);
  if (!root || root.type !== 'object') throw new StoryFileError('The graph file is not a JSON object.');
  const unit = indentUnit(text, root);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(stories, null, unit).split('\n').join(`${eol}${unit}`);
  const value = findNodeAtLocation(root, ['stories']);
  const member = value?.parent;
  if (value && member) {
    if (stories.length > 0)
      return text.slice(0, value.offset) + body + text.slice(value.offset + value.length);
    // Removing the member: take it out with the comma that joins it to its neighbour.
    const members = root.children ?? [];
    const i = members.indexOf(member);
    const before = members[i - 1];
    const after = members[i + 1];
    if (before)
      return text.slice(0, before.offset + before.length) + text.slice(member.offset + member.length);
    if (after) return text.slice(0, member.offset) + text.slice(after.offset);
    return text.slice(0, member.offset) + text.slice(member.offset + member.length);
  }
  if (stories.length === 0) return text;
  const last = root.children?.at(-1);
  const insert = `"stories": ${body}`;
  if (!last) {
    const at = root.offset + 1;
    return `${text.slice(0, at)}${eol}${unit}${insert}${eol}${text.slice(at)}`;
  }
  const at = last.offset + last.length;
  return `${text.slice(0, at)},${eol}${unit}${insert}${text.slice(at)}`;
}

export type SavedStories = { ok: true; text: string } | { ok: false; issues: GraphIssue[] };

/**
 * The graph file with `stories`, validated as a whole: from its own text when it was opened as a
 * native file (everything else kept as written), else written out from `file`. `name` names the
 * file in the issues.
 */
export function saveStories(
  source: { text?: string; file: GraphFile },
  stories: readonly Story[],
  name: string,
): SavedStories {
  let text: string;
  if (source.text !== undefined) {
    try {
      text = replaceStories(source.text, stories);
    } catch (err) {
      if (!(err instanceof StoryFileError)) throw err;
      text = writeNative(withStories(source.file, stories));
    }
  } else text = writeNative(withStories(source.file, stories));
  const checked = loadGraphText(text, name);
  return checked.ok ? { ok: true, text } : { ok: false, issues: checked.issues };
}

function withStories(file: GraphFile, stories: readonly Story[]): GraphFile {
  const { stories: _old, ...rest } = file;
  return stories.length > 0 ? { ...rest, stories: [...stories] } : rest;
}
