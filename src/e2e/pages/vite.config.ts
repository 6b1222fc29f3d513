// Builds the export tests' harness page (./harness.html) into a cache folder outside the tracked tree.
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'vite';
import { leanCytoscape } from '../../build/leanCytoscape.ts';

const here = dirname(new URL(import.meta.url).pathname);
export const HARNESS_DIR = resolve(here, '../../../node_modules/.cache/actor-graph-e2e-harness');

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  // Cytoscape as the app gets it: lean, with the WebGL renderer loaded on demand.
  plugins: [leanCytoscape()],
  build: {
    outDir: HARNESS_DIR,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { harness: join(here, 'harness.html') } },
  },
});
