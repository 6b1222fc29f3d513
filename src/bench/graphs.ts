// The graphs the speed benchmark runs on. Adding one is one line: a name, how many runs it gets by
// default, and a function returning the graph in the native model (a file from another tool goes
// through its parser here).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadGraphFile } from '../core/formats/load';
import type { GraphFile } from '../core/schema';
import { graphFromCyjs } from './cyjs';
import { generateGraph } from './generateGraph';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** A file of another tool, read as the explorer's Open… reads it. */
function opened(path: string): GraphFile {
  const result = loadGraphFile({ name: path.slice(path.lastIndexOf('/') + 1), text: read(path) });
  if (!result.ok) throw new Error(`${path}: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.graph.file;
}

export interface BenchGraph {
  name: string; // what `--graphs` selects
  runs: number; // default number of runs (medians are taken over them)
  load(): GraphFile;
}

export const GRAPHS: BenchGraph[] = [
  { name: 'curated', runs: 3, load: () => JSON.parse(read('graph/us-iran-2023-10.json')) as GraphFile },
  { name: '1k', runs: 3, load: () => generateGraph({ nodes: 1000, seed: 1 }) },
  { name: '5k', runs: 1, load: () => generateGraph({ nodes: 5000, seed: 1 }) },
  { name: '20k', runs: 1, load: () => generateGraph({ nodes: 20000, seed: 1 }) },
  {
    name: 'tokyo-railways',
    runs: 2,
    load: () =>
      graphFromCyjs(read('src/bench/fixtures/tokyo-railways.cyjs'), 'tokyo-railways', 'Tokyo railways'),
  },
  {
    name: '6000-elements',
    runs: 2,
    load: () =>
      graphFromCyjs(read('src/bench/fixtures/6000-elements.cyjs'), '6000-elements', '6000 elements'),
  },
  { name: 'celegans', runs: 2, load: () => opened('src/core/formats/fixtures/graphology/celegans.gexf') },
];
