// What the speed benchmark measures side by side: the app, bare Cytoscape with a grid layout (the
// floor for drawing with Cytoscape), bare Cytoscape with fCoSE at its defaults, and sigma.js with
// ForceAtlas2 in a worker (the peer). Each is a page plus the scripts injected into it.
import { join } from 'node:path';
import { appDir } from '../cli/render';
import { BENCH_PAGES_DIR } from './pages/vite.config';

export type SubjectKey = 'app' | 'grid' | 'fcose' | 'sigma';

export interface SubjectDef {
  key: SubjectKey;
  title: string; // column heading
  server: 'app' | 'pages'; // which of the two preview servers serves it
  path: string; // page, relative to that server's root
  initScripts: string[]; // run before the page's own scripts, in this order
  opensFirstGraph: boolean; // opens the first graph (the app's default) by itself; others are handed it
}

const PROBE = join(BENCH_PAGES_DIR, 'probe.js');

/**
 * How the app is built for the benchmark and how a graph gets into it. The build is the one the
 * command-line renderer uses (it has the automation hooks); the page opens on its default graph and
 * `pages/appHooks.ts` hands the graph over through `window.actorGraphLoad`. Change these two places
 * when the hooks move (e.g. behind an automation build).
 */
export const app = {
  build: (log: (s: string) => void): Promise<string> => appDir(log),
  subject: {
    key: 'app',
    title: 'app',
    server: 'app',
    path: '',
    initScripts: [PROBE, join(BENCH_PAGES_DIR, 'appHooks.js')],
    opensFirstGraph: true,
  } satisfies SubjectDef,
  /** The graph the app opens by default, which the other pages are handed first, so all start alike. */
  firstGraph: 'graph/us-iran-2023-10.json',
};

export const SUBJECTS: SubjectDef[] = [
  app.subject,
  {
    key: 'grid',
    title: 'bare grid',
    server: 'pages',
    path: 'bare.html?layout=grid',
    initScripts: [PROBE],
    opensFirstGraph: false,
  },
  {
    key: 'fcose',
    title: 'bare fCoSE',
    server: 'pages',
    path: 'bare.html?layout=fcose',
    initScripts: [PROBE],
    opensFirstGraph: false,
  },
  {
    key: 'sigma',
    title: 'sigma.js',
    server: 'pages',
    path: 'sigma.html',
    initScripts: [PROBE],
    opensFirstGraph: false,
  },
];
