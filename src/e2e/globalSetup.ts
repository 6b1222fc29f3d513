// Before the browser tests: make sure Chromium is there, build the app twice and serve both builds.
// The tests drive the automation build (the production page plus the window hooks in
// src/ui/automation.ts); the production build is served too, to show it has no hooks and still works.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview, type Plugin, type PreviewServer } from 'vite';
import { AUTOMATION_DIR, buildApp } from '../cli/render';
import { ensureChromium } from '../cli/ensureChromium';

const servers: PreviewServer[] = [];

/** The format fixtures, for `?file=` tests: served at /e2e-fixtures/… beside the app, same origin. */
const FIXTURES = resolve('src/core/formats/fixtures');

function serveFixtures(): Plugin {
  return {
    name: 'actor-graph:e2e-fixtures',
    configurePreviewServer(server) {
      server.middlewares.use('/e2e-fixtures/', (req, res, next) => {
        const path = resolve(
          FIXTURES,
          decodeURIComponent((req.url ?? '').split('?')[0]!).replace(/^\/+/, ''),
        );
        if (!path.startsWith(FIXTURES + sep) || !existsSync(path) || !statSync(path).isFile()) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(readFileSync(path));
      });
    },
  };
}

async function serve(outDir: string): Promise<string> {
  const server = await preview({
    plugins: [serveFixtures()],
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  servers.push(server);
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report a URL.');
  return url;
}

export default async function setup(project: TestProject) {
  ensureChromium();
  const productionDir = join(process.cwd(), 'dist');
  await buildApp('production', productionDir);
  const automationDir = await buildApp('automation', AUTOMATION_DIR);
  project.provide('baseUrl', await serve(automationDir));
  project.provide('automationDir', automationDir);
  project.provide('productionUrl', await serve(productionDir));
  project.provide('productionDir', productionDir);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The automation build, which every browser test drives. */
    baseUrl: string;
    automationDir: string;
    /** The production build (`npm run build`), without the test hooks. */
    productionUrl: string;
    productionDir: string;
  }
}
