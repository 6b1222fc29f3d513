// A lean Cytoscape for the page: built from the sources Cytoscape ships (node_modules/cytoscape/src)
// rather than its one prebuilt bundle, leaving out what the page never calls, to keep the start-up
// JavaScript small (issue 11: 200 kB gzip):
// - the graph algorithms (Dijkstra, PageRank, clustering…) but breadth- and depth-first search, which
//   `eles.components()` uses: the app computes paths and neighbourhoods in its own core;
// - the layouts but null, preset and grid (Cytoscape's own defaults): the app's layouts are its own
//   (src/render/layout/computeLayout.ts) or fCoSE in the layout worker, which keeps the stock build;
// - `cy.png()` and `cy.jpg()`: the app exports from its own capture of the scene (src/export);
// - the WebGL renderer, which goes into a chunk of its own, loaded (`loadWebglRenderer`) before an
//   instance with `webgl: true` is made. Only a large graph on a hardware GPU, or ?renderer=webgl, asks.
// Only the page's build uses it (the development server, Node tests and the worker get the stock
// bundle), so the browser tests run exactly this. The build fails if a file it replaces is gone.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(require.resolve('cytoscape')), '..');
const SRC = join(ROOT, 'src');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The module the app imports to load the WebGL renderer; typed in src/render/cytoscapeWebgl.d.ts. */
export const WEBGL_MODULE = 'virtual:actor-graph/cytoscape-webgl';
const WEBGL_ID = '\0actor-graph-cytoscape-webgl';

/** Cytoscape's source files that the lean build replaces, by path under src/. */
export const REPLACED = {
  algorithms: 'collection/algorithms/index.mjs',
  layouts: 'extensions/layout/index.mjs',
  webgl: 'extensions/renderer/canvas/webgl/drawing-redraw-webgl.mjs',
  exportImage: 'extensions/renderer/canvas/export-image.mjs',
  version: 'version.mjs',
} as const;

/** Each replaced file must still exist and say what the replacement assumes. */
export function checkCytoscapeSources(src = SRC): string[] {
  const problems: string[] = [];
  const expect = (file: string, ...needles: string[]) => {
    const path = join(src, file);
    if (!existsSync(path)) {
      problems.push(`${path} is gone`);
      return;
    }
    const text = readFileSync(path, 'utf8');
    for (const n of needles) if (!text.includes(n)) problems.push(`${path} no longer contains "${n}"`);
  };
  expect('index.mjs', 'export default cytoscape');
  expect(REPLACED.algorithms, "import bfsDfs from './bfs-dfs.mjs'");
  expect(REPLACED.layouts, "import gridLayout from './grid.mjs'", "import nullLayout from './null.mjs'");
  expect(
    'extensions/renderer/canvas/index.mjs',
    "import drawingRedrawWebGL from './webgl/drawing-redraw-webgl.mjs'",
    "import exportImage from './export-image.mjs'",
  );
  expect(REPLACED.webgl, 'export default CRp');
  expect(REPLACED.exportImage, 'export default CRp');
  // The stand-ins provide what these files add to the canvas renderer: initWebgl, and nothing.
  const methods = (file: string, names: string[]) => {
    const path = join(src, file);
    if (!existsSync(path)) return; // said above
    const found = [...readFileSync(path, 'utf8').matchAll(/^CRp\.(\w+)\s*=/gm)].map((m) => m[1]).sort();
    if (found.join() !== names.join()) {
      problems.push(`${path} now adds ${found.join(', ')} to the renderer, not ${names.join(', ')}`);
    }
  };
  methods(REPLACED.webgl, ['initWebgl']);
  methods(REPLACED.exportImage, ['bufferCanvasImage', 'createBuffer', 'jpg', 'png']);
  expect(REPLACED.version, 'process.env.VERSION');
  return problems;
}

const file = (p: string) => join(SRC, p);
const clean = (id: string) => id.split('?')[0]!;

export function leanCytoscape(): Plugin {
  let build = false;
  return {
    name: 'actor-graph:lean-cytoscape',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
    },
    buildStart() {
      if (!build) return;
      const problems = checkCytoscapeSources();
      if (problems.length > 0) {
        this.error(`Cytoscape's sources changed; update src/build/leanCytoscape.ts:\n${problems.join('\n')}`);
      }
    },
    resolveId(id, importer) {
      if (id === WEBGL_MODULE) return WEBGL_ID;
      // Only the page's one Cytoscape import (not the benchmark's bare pages, not the worker).
      if (
        build &&
        id === 'cytoscape' &&
        importer &&
        /src[\\/]render[\\/]cytoscapeSetup\.ts$/.test(importer)
      ) {
        return file('index.mjs');
      }
      return null;
    },
    load(id) {
      if (id === WEBGL_ID) {
        // Served by the development server and Node too, where Cytoscape is the stock bundle with WebGL in.
        if (!build) return 'export const loadWebglRenderer = () => Promise.resolve();';
        return [
          `import { holder } from ${JSON.stringify(`${file(REPLACED.webgl)}?holder`)};`,
          'export function loadWebglRenderer() {',
          `  return import(${JSON.stringify(`${file(REPLACED.webgl)}?renderer`)}).then((m) => { holder.renderer = m.default; });`,
          '}',
        ].join('\n');
      }
      if (!build || !id.startsWith(SRC)) return null;
      const path = clean(id);
      if (path === file(REPLACED.algorithms)) {
        return "import bfsDfs from './bfs-dfs.mjs';\nexport default Object.assign({}, bfsDfs);";
      }
      if (path === file(REPLACED.layouts)) {
        return [
          "import gridLayout from './grid.mjs';",
          "import nullLayout from './null.mjs';",
          "import presetLayout from './preset.mjs';",
          "export default [{ name: 'grid', impl: gridLayout }, { name: 'null', impl: nullLayout }, { name: 'preset', impl: presetLayout }];",
        ].join('\n');
      }
      if (path === file(REPLACED.exportImage)) return 'export default {};';
      if (path === file(REPLACED.version)) return `export default ${JSON.stringify(VERSION)};`;
      if (path === file(REPLACED.webgl)) {
        if (id.endsWith('?holder')) return 'export const holder = { renderer: undefined };';
        if (id.endsWith('?renderer')) return readFileSync(path, 'utf8');
        // What the canvas renderer mixes in: initWebgl, handing over to the real one once loaded.
        return [
          `import { holder } from ${JSON.stringify(`${path}?holder`)};`,
          'export default {',
          '  initWebgl(options, fns) {',
          "    if (!holder.renderer) throw new Error('Cytoscape WebGL renderer not loaded: call loadWebglRenderer() first');",
          '    return holder.renderer.initWebgl.call(this, options, fns);',
          '  },',
          '};',
        ].join('\n');
      }
      return null;
    },
    transform(code, id) {
      if (!build || !id.startsWith(SRC) || !code.includes('process.env.NODE_ENV')) return null;
      return { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null };
    },
  };
}
