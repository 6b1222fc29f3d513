// A page for the export's browser tests that the app cannot stage: a Cytoscape instance of the app's
// elements and style in WebGL mode (the app picks its renderer by the machine), and the sample scene
// rasterised with and without tile culling. Its hooks mirror the automation build's where they can
// (`actorGraphExport`), so src/cli/render.ts's exportInPage copies the bytes out.
import type { ElementDefinition } from 'cytoscape';
import { loadGraphText } from '../../core/validate';
import type { Graph } from '../../core/validate';
import { exportImage, rasterJob, type ExportResult, type PreparedExport } from '../../export/exportImage';
import { sampleScene } from '../../export/fixtures/scene';
import { layoutPage } from '../../export/layout';
import type { RasterLimits } from '../../export/limits';
import type { ExportOptions } from '../../export/options';
import { rasterise } from '../../export/raster';
import { cytoscape } from '../../render/cytoscapeSetup';
import { rendererKind } from '../../render/cytoscapeInternals';
import { THEMES, type ThemeName } from '../../render/palette';
import type { SceneSource } from '../../render/scene';
import { graphStyle, labelRulesFor } from '../../render/style';
import { loadWebglRenderer } from 'virtual:actor-graph/cytoscape-webgl';

export interface MountOptions {
  /** Elements as the app's Cytoscape instance holds them (`cy.json().elements`, positions included). */
  elements: ElementDefinition[];
  /** The graph file's text, for the export's title and caption. */
  graphText: string;
  theme: ThemeName;
  webgl: boolean;
}

export interface HarnessHooks {
  /** Draws the elements with the app's style; says which renderer draws them. */
  harnessMount(options: MountOptions): Promise<{ renderer: string; nodes: number; edges: number }>;
  /** The export of what is mounted, as the app's export dialog makes it. */
  actorGraphExport(options: ExportOptions, limits?: Partial<RasterLimits>): Promise<ExportResult>;
  /** The sample scene (src/export/fixtures/scene.ts) as PNG, its tiles culled or not, base64. */
  harnessRasteriseSample(cull: boolean, scale: number, limits: Partial<RasterLimits>): Promise<string>;
}

const container = document.getElementById('graph')!;
let source: (SceneSource & { graph: Graph }) | undefined;
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

const hooks: HarnessHooks = {
  async harnessMount({ elements, graphText, theme, webgl }) {
    source?.cy.destroy();
    const loaded = loadGraphText(graphText, 'graph.json');
    if (!loaded.ok) throw new Error(`the graph does not load: ${loaded.issues.length} issues`);
    container.setAttribute('data-theme', theme);
    container.style.background = THEMES[theme].background;
    if (webgl) await loadWebglRenderer(); // its own chunk, as in the app (src/build/leanCytoscape.ts)
    // `renderer` and its `webgl` (Cytoscape ≥ 3.31) are missing from Cytoscape's type declarations.
    const renderer = { renderer: { name: 'canvas', webgl } };
    const cy = cytoscape({
      container,
      elements,
      style: graphStyle(theme, labelRulesFor(1)),
      layout: { name: 'preset' },
      ...renderer,
    });
    cy.fit(undefined, 20);
    source = { cy, graph: loaded.graph, withLabelsAt: (_zoom, fn) => fn() };
    await frame();
    await frame();
    return { renderer: rendererKind(cy), nodes: cy.nodes().length, edges: cy.edges().length };
  },
  async actorGraphExport(options, limits) {
    if (!source) throw new Error('nothing is mounted');
    return exportImage({ view: source, graph: source.graph }, options, limits ? { limits } : {});
  },
  async harnessRasteriseSample(cull, scale, limits) {
    const scene = sampleScene();
    const page = layoutPage(
      scene,
      { title: '', legend: [], caption: '', date: '' },
      { mode: 'scale', scale },
    );
    const prepared: PreparedExport = {
      scene,
      page,
      svgOptions: { background: scene.background, text: '#000000', muted: '#555555' },
      fileName: 'sample.png',
      title: '',
    };
    const { bytes } = await rasterise(rasterJob(prepared, 'png', undefined, { cull }), { limits });
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  },
};
Object.assign(window, hooks);
