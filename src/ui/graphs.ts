// The curated graphs bundled with the app: every JSON file in graph/ except the schema, as text.
const files = import.meta.glob<string>(['../../graph/*.json', '!../../graph/schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface BundledGraph {
  /** File name inside graph/, e.g. "us-iran-2023-10.json". */
  name: string;
  text: string;
}

export const BUNDLED_GRAPHS: BundledGraph[] = Object.entries(files)
  .map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** The graph the explorer opens when nothing else is asked for. */
export const DEFAULT_GRAPH_NAME = 'us-iran-2023-10.json';
