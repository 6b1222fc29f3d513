// Entry point: loads the default curated graph and mounts the explorer.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { ExplorerState } from './ui/state/explorer.svelte';

const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
const explorer = new ExplorerState(prefersDark ? 'dark' : 'light');
const requested = new URLSearchParams(window.location.search).get('graph');
if (!requested || !explorer.loadBundled(`${requested}.json`)) explorer.loadBundled();

mount(App, { target: document.getElementById('app')!, props: { state: explorer } });
