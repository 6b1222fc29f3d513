// The curated graphs bundled with the app: every JSON file in graph/ except the schema, with its title
// for the graph menu. Only the default graph's text is in the start-up bundle; the others are fetched
// as their own chunks when asked for (`loadBundledText`). All of them were validated when the app was
// built (vite.config.ts, bundledGraphsChecked), so the page reads them without the schema.
import DEFAULT_TEXT from '../../graph/us-iran-2023-10.json?raw';

/** The graph the explorer opens when nothing else is asked for. */
export const DEFAULT_GRAPH_NAME = 'us-iran-2023-10.json';

const lazyTexts = import.meta.glob<string>(
  ['../../graph/*.json', '!../../graph/schema.json', '!../../graph/us-iran-2023-10.json'],
  { query: '?raw', import: 'default' },
);
// Only the `title` field of each file, picked out at build time (Vite's named JSON exports), so the
// menu names a graph without loading it. A file without a string title is named by its file name.
const titles = import.meta.glob<unknown>(['../../graph/*.json', '!../../graph/schema.json'], {
  import: 'title',
  eager: true,
});

export interface BundledGraph {
  /** File name inside graph/, e.g. "us-iran-2023-10.json". */
  name: string;
  /** The graph's title, e.g. "The U.S. and Iran, October 2023", or its file name without one. */
  title: string;
}

const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export const BUNDLED_GRAPHS: BundledGraph[] = [...Object.keys(lazyTexts), `../../graph/${DEFAULT_GRAPH_NAME}`]
  .map((path) => {
    const title = titles[path];
    return { name: nameOf(path), title: typeof title === 'string' && title.trim() ? title : nameOf(path) };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const loaded = new Map<string, string>([[DEFAULT_GRAPH_NAME, DEFAULT_TEXT]]);

/** The text of a bundled graph when it is already at hand (the default always is). */
export function bundledText(name: string): string | undefined {
  return loaded.get(name);
}

/** Fetches a bundled graph's text (its own chunk); undefined when no bundled graph has that name. */
export async function loadBundledText(name: string): Promise<string | undefined> {
  const have = loaded.get(name);
  if (have !== undefined) return have;
  const entry = Object.entries(lazyTexts).find(([path]) => nameOf(path) === name);
  if (!entry) return undefined;
  const text = await entry[1]();
  loaded.set(name, text);
  return text;
}

export const isBundledName = (name: string): boolean => BUNDLED_GRAPHS.some((g) => g.name === name);
