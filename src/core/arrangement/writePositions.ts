// Writes an arrangement into an Actor Graph JSON file's own text: each placed node's `position` is
// set (or replaced) where it stands, and every other character of the file is left as it was.
import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';
import type { GraphFile } from '../schema';
import type { Point } from './crossings';

export interface WritePositionsResult {
  text: string;
  /** Ids of the nodes whose position was written (changed or not), in file order. */
  written: string[];
}

/** The text is not an Actor Graph JSON file with a `nodes` list: nothing could be written. */
export class NotAGraphFileError extends Error {
  readonly code = 'not-a-graph-file';
}

/**
 * Sets `position` on every node of `text` (Actor Graph JSON) that `positions` places, rounded to
 * whole pixels; nodes it does not place keep theirs (or none). Only the position's own characters
 * change: an existing one is replaced in its own layout (on one line or several), a new one is added
 * after the node's last field, indented as that field is. Throws NotAGraphFileError when the text is
 * not JSON with a `nodes` array.
 */
export function writePositions(
  text: string,
  positions: Readonly<Record<string, Point>>,
): WritePositionsResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true });
  const nodes = root && errors.length === 0 ? findNodeAtLocation(root, ['nodes']) : undefined;
  if (!nodes || nodes.type !== 'array') {
    throw new NotAGraphFileError('The text is not a graph file with a "nodes" list.');
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const step = indentStep(text);
  const edits: { offset: number; length: number; content: string }[] = [];
  const written: string[] = [];
  for (const node of nodes.children ?? []) {
    if (node.type !== 'object') continue;
    const idNode = findNodeAtLocation(node, ['id']);
    const id = idNode?.type === 'string' ? (idNode.value as string) : undefined;
    const p = id !== undefined && Object.hasOwn(positions, id) ? positions[id] : undefined;
    if (id === undefined || !p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const x = Math.round(p.x) + 0; // + 0: no "-0" in the file
    const y = Math.round(p.y) + 0;
    written.push(id);
    const existing = findNodeAtLocation(node, ['position']);
    const props = node.children ?? [];
    const last = props[props.length - 1];
    if (existing) {
      const old = text.slice(existing.offset, existing.offset + existing.length);
      const indent = indentAt(text, existing.parent!.offset);
      edits.push({
        offset: existing.offset,
        length: existing.length,
        content: point(x, y, old.includes('\n') ? indent : undefined, step, eol),
      });
    } else if (last) {
      const oneLine = !text.slice(node.offset, node.offset + node.length).includes('\n');
      const indent = indentAt(text, last.offset);
      const at = last.offset + last.length;
      edits.push({
        offset: at,
        length: 0,
        content: oneLine
          ? `, "position": ${point(x, y, undefined, step, eol)}`
          : `,${eol}${indent}"position": ${point(x, y, indent, step, eol)}`,
      });
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  }
  return { text: out, written };
}

/** `{ "x": …, "y": … }` on one line, or over several lines under a field indented by `indent`. */
function point(x: number, y: number, indent: string | undefined, step: string, eol: string): string {
  if (indent === undefined) return `{ "x": ${x}, "y": ${y} }`;
  const inner = indent + step;
  return `{${eol}${inner}"x": ${x},${eol}${inner}"y": ${y}${eol}${indent}}`;
}

/** The white space before `offset` on its line ("" when something else precedes it there). */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : '';
}

/** The file's indentation step: a tab, or the smallest run of leading spaces (2 when it cannot tell). */
function indentStep(text: string): string {
  if (/^\t/m.test(text)) return '\t';
  let least = Infinity;
  for (const m of text.matchAll(/\n( +)\S/g)) least = Math.min(least, m[1]!.length);
  return ' '.repeat(Number.isFinite(least) ? least : 2);
}

/**
 * `file` with each node that `positions` places given that `position` (rounded to whole pixels), for
 * writers that build their text from the data (GEXF, GraphML, CSV …); the file itself is not changed.
 */
export function placeNodes(file: GraphFile, positions: Readonly<Record<string, Point>>): GraphFile {
  return {
    ...file,
    nodes: file.nodes.map((n) => {
      const p = Object.hasOwn(positions, n.id) ? positions[n.id] : undefined;
      if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return n;
      return { ...n, position: { x: Math.round(p.x) + 0, y: Math.round(p.y) + 0 } };
    }),
  };
}
