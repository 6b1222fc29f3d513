// Entry point: opens the view the URL names (a bundled graph, a recent file, or `?file=<url>`, else
// the last saved view) and mounts the explorer.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { installAutomation } from './ui/automation';
import { BUNDLED_GRAPHS } from './ui/graphs';
import { ExplorerState } from './ui/state/explorer.svelte';
import { workerLoader } from './ui/state/loadRequests';
import { GraphOpener } from './ui/state/opener.svelte';
import { RecentStore } from './ui/state/recentFiles';

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
  recent: new RecentStore(),
  base: window.location.href,
  ...(storage ? { storage } : {}),
});
dark.addEventListener('change', (e) => (explorer.systemDark = e.matches));

const isBundled = (id: string) => BUNDLED_GRAPHS.some((g) => g.name === `${id}.json`);

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
  if (!explorer.restoreFromUrl(window.location.search)) void openFromAddress(window.location.search, 'none');
});

const params = new URLSearchParams(window.location.search);
const wanted = params.get('g') ?? params.get('graph');
if (params.has('file') || (wanted && !isBundled(wanted))) {
  void openFromAddress(window.location.search, 'replace').then((opened) => {
    if (opened) return;
    // Open as if the address had not named the file, and keep saying why it did not open.
    const [issues, file] = [explorer.loadIssues, explorer.loadIssuesOf];
    explorer.start();
    if (issues.length > 0) explorer.showLoadIssues(issues, file);
  });
} else explorer.start();
void opener.refreshRecent();
// Vite replaces MODE with a constant, so a production build drops the hooks and their module.
if (import.meta.env.MODE === 'automation') installAutomation(explorer);

mount(App, { target: document.getElementById('app')!, props: { explorer, opener } });
