// Entry point: opens the view the URL names (or the last saved one) and mounts the explorer.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import EmbedView from './ui/EmbedView.svelte';
import './ui/app.css';
import { installAutomation } from './ui/automation';
import { ExplorerState } from './ui/state/explorer.svelte';
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
dark.addEventListener('change', (e) => (explorer.systemDark = e.matches));
// The address as the page opened: starting the explorer rewrites it.
const opened = window.location.search;
const story = new StoryState(explorer, opened);
window.addEventListener('popstate', () => {
  explorer.restoreFromUrl(window.location.search);
  story.restoreFromUrl(window.location.search);
});
explorer.start();
story.start(opened);
// Vite replaces MODE with a constant, so a production build drops the hooks and their module.
if (import.meta.env.MODE === 'automation') installAutomation(explorer, story);

// `?embed=1`: the chrome-less page for an iframe.
mount(story.embed ? EmbedView : App, { target: document.getElementById('app')!, props: { explorer, story } });
