// Builds the benchmark's own pages (bare Cytoscape, sigma.js) and the scripts injected into every
// measured page, into a cache folder outside the repository's tracked tree.
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = dirname(new URL(import.meta.url).pathname);
export const BENCH_PAGES_DIR = resolve(here, '../../../node_modules/.cache/actor-graph-bench');
/** Injected with `addInitScript`, so they keep fixed names and import nothing. */
const INJECTED = ['probe', 'appHooks'];

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: BENCH_PAGES_DIR,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        bare: join(here, 'bare.html'),
        sigma: join(here, 'sigma.html'),
        probe: join(here, 'probe.ts'),
        appHooks: join(here, 'appHooks.ts'),
      },
      output: {
        entryFileNames: (chunk) => (INJECTED.includes(chunk.name) ? '[name].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
