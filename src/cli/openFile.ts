// Opens a graph file of any format from disk for the command-line tools: reads the bytes, finds a
// CSV edges file's nodes file, and hands both to the one loader.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { loadGraphFile, type LoadFileResult, type LoadOptions } from '../core/formats/load';

/** The nodes file beside a `<base>.edges.csv`: `<base>.nodes.csv`, when it exists. */
export function siblingNodesFile(path: string): string | undefined {
  const m = /^(.*)\.edges\.(csv|tsv)$/i.exec(path);
  const candidate = m && `${m[1]}.nodes.${m[2]}`;
  return candidate && existsSync(candidate) ? candidate : undefined;
}

export type Opened = { name: string; result: LoadFileResult } | { name: string; unreadable: string };

/**
 * Reads `path` (and `nodesPath`, or the sibling nodes file of a `.edges.csv`) and loads it. Names in
 * messages are relative to the working directory.
 */
export function openGraphFile(path: string, options: LoadOptions & { nodesPath?: string } = {}): Opened {
  const name = relative(process.cwd(), path) || path;
  const read = (p: string) => new Uint8Array(readFileSync(p));
  let bytes: Uint8Array;
  let nodes: { name: string; bytes: Uint8Array } | undefined;
  const nodesPath = options.nodesPath ?? siblingNodesFile(path);
  try {
    bytes = read(path);
  } catch (err) {
    return { name, unreadable: (err as Error).message };
  }
  if (nodesPath) {
    const nodesName = relative(process.cwd(), nodesPath) || nodesPath;
    try {
      nodes = { name: nodesName, bytes: read(nodesPath) };
    } catch (err) {
      return { name: nodesName, unreadable: (err as Error).message };
    }
  }
  return { name, result: loadGraphFile({ name, bytes }, { ...options, nodes }) };
}
