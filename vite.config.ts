import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { leanCytoscape } from './src/build/leanCytoscape.ts';

/** The one <style> element Cytoscape adds to the page (its container's position), allowed by its hash. */
const CYTOSCAPE_STYLE = '.__________cytoscape_container { position: relative; }';
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The built page's Content-Security-Policy: everything is refused unless named here, and only what
 * the app uses is named. No inline script and no eval anywhere ('unsafe-eval' and 'unsafe-inline'
 * are absent; zod runs jitless). Svelte and Cytoscape set styles through the CSSOM (`el.style`),
 * which a policy does not restrict, so style needs no 'unsafe-inline' either. The only fetch is
 * `?file=<url>` (Gephi Lite's convention: open the graph at a link), so connect-src names exactly
 * what it needs: the page's own origin and https servers that allow other sites to read them (CORS
 * still decides); plain http elsewhere stays refused. Files are parsed in a module Web Worker built
 * into the page's own assets (worker-src 'self'). src/e2e/security.test.ts checks the app runs under
 * it unharmed, and src/e2e/open.test.ts that ?file= and the worker work under it.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", // fonts, frames, media, manifests: none are used
  "script-src 'self'", // the bundled modules only
  "worker-src 'self'", // the worker that opens graph files off the main thread (src/ui/state/loadWorker.ts)
  "connect-src 'self' https:", // ?file=<url>: a graph on this site, or on an https server that allows CORS
  `style-src 'self' ${sha256(CYTOSCAPE_STYLE)}`, // the bundled stylesheet, and Cytoscape's one rule
  "img-src 'self' blob:", // the favicon; the export preview and rasteriser draw the SVG from blob: URLs
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'", // the app's forms are handled in script and never submitted
].join('; ');

/**
 * Puts the policy into the built index.html as a <meta>, first in <head>, so it travels with the
 * files to any static host. The development server is left without it (HMR injects inline code).
 * `vite preview` sends no header of its own, so the browser tests check the policy the page carries.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'actor-graph:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Every graph in graph/ is checked before the app is built: valid under the curated rules and read by
 * validation exactly as written (`npm run validate`, run here in its own process). The page then reads
 * them with JSON.parse alone (src/ui/graphs.ts), so the schema stays out of the start-up bundle.
 */
function bundledGraphsChecked(): Plugin {
  return {
    name: 'actor-graph:bundled-graphs-checked',
    apply: 'build',
    buildStart() {
      try {
        execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts'], { stdio: 'pipe' });
      } catch (err) {
        const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
        this.error(`A bundled graph does not pass npm run validate:\n${stdout ?? ''}${stderr ?? ''}`);
      }
    },
  };
}

export default defineConfig({
  plugins: [leanCytoscape(), svelte(), contentSecurityPolicy(), bundledGraphsChecked()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // The parsers and the schema go in a chunk of their own, loaded with the first file opened or
        // saved: left to itself the bundler may hoist them into the start-up chunk.
        codeSplitting: {
          groups: [
            { name: 'parsers', test: /node_modules[\\/](papaparse|saxes|xmlchars|zod|jsonc-parser)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'graph/**/*.test.ts'],
          exclude: ['src/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['src/e2e/**/*.test.ts'],
          // Makes sure Chromium is there (installing it if it can), builds the app and serves it.
          globalSetup: ['src/e2e/globalSetup.ts'],
          // Every test fails when its page logged an error or broke the Content-Security-Policy.
          setupFiles: ['src/e2e/pageErrors.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
