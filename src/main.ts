// Entry point: opens the view the URL names (a bundled graph, a recent file, or `?file=<url>`, else
// the last saved view) and mounts the explorer.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { installAutomation } from './ui/automation';
import { bundledText, isBundledName, loadBundledText } from './ui/graphs';
import { ExplorerState } from './ui/state/explorer.svelte';
import { prepareOffline, workerLoader } from './ui/state/loadRequests';
import { GraphOpener } from './ui/state/opener.svelte';
import { lazyRecentStore } from './ui/state/lazyRecent';
import { StoryState } from './ui/state/story.svelte';

const dark = window.matchMedia('(prefers-color-scheme: dark)');
let storage: Storage | undefined;
try {
  storage = window.localStorage;
} catch {
  storage = undefined; // storage disabled: views are not remembered, links still work
}
const explorer = new ExplorerState({
  storage,
  location: window.location,
  history: window.history,
  prefersDark: dark.matches,
});
const opener = new GraphOpener(explorer, {
  loader: workerLoader,
  recent: lazyRecentStore(),
  base: window.location.href,
  ...(storage ? { storage } : {}),
});
dark.addEventListener('change', (e) => (explorer.systemDark = e.matches));
// The address as the page opened: starting the explorer rewrites it.
const opened = window.location.search;
const story = new StoryState(explorer, opened);

const isBundled = (id: string) => isBundledName(`${id}.json`);
/** Fetches the text of the bundled graph a query names, if any (only the default is in the start-up bundle). */
const bundledWanted = (params: URLSearchParams) => {
  const id = params.get('g') ?? params.get('graph');
  return id && isBundled(id) ? loadBundledText(`${id}.json`) : Promise.resolve(undefined);
};

/**
 * Opens what the address names: `?file=<url>` is fetched; a graph id that is not bundled is looked
 * for among the recent files (opened before in this browser, so it opens offline too). When neither
 * works, the explorer opens as it would without them.
 */
async function openFromAddress(search: string, history: 'replace' | 'none'): Promise<boolean> {
  const params = new URLSearchParams(search);
  const file = params.get('file');
  const id = params.get('g') ?? params.get('graph');
  if (id && !isBundled(id) && (await opener.openRecent(id, params, history))) return true;
  if (file) return opener.openUrl(file, params, history);
  return false;
}

window.addEventListener('popstate', () => {
  const search = window.location.search;
  void bundledWanted(new URLSearchParams(search)).then(() => {
    if (explorer.restoreFromUrl(search)) story.restoreFromUrl(search);
    else void openFromAddress(search, 'none').then(() => story.restoreFromUrl(search));
  });
});

const params = new URLSearchParams(opened);
const wanted = params.get('g') ?? params.get('graph');
if (params.has('file') || (wanted && !isBundled(wanted))) {
  void openFromAddress(opened, 'replace').then((ok) => {
    if (!ok) {
      // Open as if the address had not named the file, and keep saying why it did not open.
      const [issues, file] = [explorer.loadIssues, explorer.loadIssuesOf];
      explorer.start();
      if (issues.length > 0) explorer.showLoadIssues(issues, file);
    }
    story.start(opened);
  });
} else if (wanted && isBundled(wanted) && !bundledText(`${wanted}.json`)) {
  void bundledWanted(params).then(() => {
    explorer.start();
    story.start(opened);
  });
} else {
  explorer.start();
  story.start(opened);
}
// Vite replaces MODE with a constant, so a production build drops the hooks and their module.
if (import.meta.env.MODE === 'automation') installAutomation(explorer, story, opener);

// `?embed=1`: the chrome-less page for an iframe.
const target = document.getElementById('app')!;
if (story.embed)
  void import('./ui/EmbedView.svelte').then((m) => mount(m.default, { target, props: { explorer, story } }));
else mount(App, { target, props: { explorer, opener, story } });
// The search is not needed for the first picture: it loads when the box is first used, or once idle.
const whenIdle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 1500));
whenIdle(() => void explorer.loadSearch(), { timeout: 3000 });
// The graph menu lists the recent files once the page is idle (their store loads then, unless the
// address named one); with any to open, the parsers load too, so they open offline.
whenIdle(
  () =>
    void opener.refreshRecent().then(() => {
      if (opener.recent.length > 0) prepareOffline();
    }),
  { timeout: 3000 },
);
