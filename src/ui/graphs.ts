// The curated graphs bundled with the app: every JSON file in graph/ except the schema, as text, with
// its title for the graph menu.
const files = import.meta.glob<string>(['../../graph/*.json', '!../../graph/schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
// Only the `title` field of each file, picked out at build time (Vite's named JSON exports), so the
// menu names a graph without parsing it. A file without a string title is named by its file name.
const titles = import.meta.glob<unknown>(['../../graph/*.json', '!../../graph/schema.json'], {
  import: 'title',
  eager: true,
});

export interface BundledGraph {
  /** File name inside graph/, e.g. "us-iran-2023-10.json". */
  name: string;
  /** The graph's title, e.g. "The U.S. and Iran, October 2023", or its file name without one. */
  title: string;
  text: string;
}

export const BUNDLED_GRAPHS: BundledGraph[] = Object.entries(files)
  .map(([path, text]) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const title = titles[path];
    return { name, title: typeof title === 'string' && title.trim() ? title : name, text };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

/** The graph the explorer opens when nothing else is asked for. */
export const DEFAULT_GRAPH_NAME = 'us-iran-2023-10.json';
