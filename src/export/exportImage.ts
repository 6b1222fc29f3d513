// Exports what the canvas shows as PNG, JPEG, SVG or PDF: captures the scene, lays out the page
// with title, legend, source caption and date, writes the SVG, and rasterises or converts it. The
// export dialog, its preview and the command line (through window.actorGraphExport) all use this.
import { resolveAppearance } from '../core/appearance/mapping';
import type { Graph } from '../core/validate';
import type { ViewState } from '../core/view/viewState';
import { THEMES } from '../render/palette';
import { captureScene, type Scene, type SceneElement, type SceneSource } from '../render/scene';
import { GRAPH_FONT, labelRulesFor, sameLabelRules } from '../render/style';
import { captionText, dateStamp } from './caption';
import { generousMeasure, sceneRectOf, SceneIndex, type MeasureLine } from './cull';
import { exportFileName } from './fileName';
import { layoutPage, type Decorations, type Measure, type Page } from './layout';
import { legendGroups } from './legend';
import { MIME, checkOptions, type ExportFormat, type ExportOptions } from './options';
import { PDF_FONT, rasterPdf, vectorPdf } from './pdf';
import { rasterise, type Progress, type RasterJob } from './raster';
import { renderSvg, type SvgOptions } from './svg';

export interface ExportSource {
  view: SceneSource;
  graph: Graph;
  /** The explorer's view, for the file name. */
  viewState?: Partial<ViewState>;
  /** The claims one drawn line stands for (a bundle stands for several); default: its own id. */
  claimsOf?: (edgeId: string) => readonly string[];
  /** The export date; default now. */
  now?: Date;
}

export interface PreparedExport {
  scene: Scene;
  page: Page;
  svgOptions: SvgOptions;
  fileName: string;
  title: string;
}

export interface ExportResult {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
  /** Pixels for PNG/JPEG/SVG; points for PDF. */
  width: number;
  height: number;
  /** Things the user must know, e.g. that the image was made smaller than asked. */
  notes: string[];
}

export class OptionsError extends Error {
  readonly code = 'bad-options';
}

let measureCtx: CanvasRenderingContext2D | null | undefined;

/** Text widths as the browser draws them, in the font the export uses. */
export function browserMeasure(family: string): Measure {
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  const ctx = measureCtx;
  return (text, { size, weight }) => {
    if (!ctx) return text.length * size * 0.58;
    ctx.font = `${weight} ${size}px ${family}`;
    return ctx.measureText(text).width;
  };
}

/**
 * The zoom a page shows its graph at, as the canvas counts zoom (CSS px per graph unit): its pixels
 * per graph unit, or on paper 4/3 px a point whatever the dpi (a label is as legible printed at
 * 300 dpi as at 150).
 */
export function pictureZoom(page: Page): number {
  return page.points ? (page.graph.scale * 96) / 72 : (page.graph.scale * page.pixelWidth) / page.width;
}

/** Captures and lays out an export without drawing it (also what the preview uses). */
export function prepareExport(source: ExportSource, options: ExportOptions): PreparedExport {
  const problems = checkOptions(options);
  if (problems.length > 0) throw new OptionsError(problems.map((p) => p.message).join('; '));
  const now = source.now ?? new Date();
  const title = options.title ?? source.graph.file.title;
  const pdf = options.format === 'pdf' && !options.pdfRaster;
  const family = pdf ? PDF_FONT : GRAPH_FONT;
  const compose = (scene: Scene): Page => {
    const claims = new Set<string>();
    for (const el of scene.elements) {
      if (el.type !== 'edge') continue;
      for (const id of source.claimsOf?.(el.id) ?? el.claims) claims.add(id);
    }
    const deco: Decorations = {
      title,
      legend: options.legend
        ? legendGroups(
            scene,
            source.viewState?.appearance
              ? resolveAppearance(source.graph.file, source.viewState.appearance)
              : undefined,
          )
        : [],
      caption: options.caption ? captionText(source.graph, claims) : '',
      date: options.date ? dateStamp(now) : '',
    };
    return layoutPage(
      scene,
      deco,
      options.size,
      browserMeasure(pdf ? 'Helvetica, Arial, sans-serif' : family),
    );
  };
  // A picture of the whole graph (or a selection) carries the labels legible at its own scale, as
  // the canvas would draw them at that zoom: a vector file (SVG, PDF) can be zoomed, so at zoom 1;
  // an image at its pixels' scale, so a large graph made small is not blotted with labels and dashes
  // too small to see (which cost the rasteriser most of its time). The scene is first taken as
  // drawn, and again only when the labels it needs differ from the canvas's own.
  const vector = options.format === 'svg' || pdf;
  let scene = captureScene(source.view, options.scope, vector ? 1 : 'as-drawn');
  let page = compose(scene);
  if (!vector && options.scope !== 'viewport') {
    const zoom = pictureZoom(page);
    const drawn = source.view.labelRules;
    if (!drawn || !sameLabelRules(drawn, labelRulesFor(zoom))) {
      scene = captureScene(source.view, options.scope, zoom);
      page = compose(scene);
    }
  }
  const colours = options.background === 'white' ? THEMES.light : THEMES[scene.theme];
  const svgOptions: SvgOptions = {
    ...(options.background === 'transparent'
      ? {}
      : { background: options.background === 'white' ? '#ffffff' : scene.background }),
    text: colours.text,
    muted: colours.mutedText,
    title: title || source.graph.file.title,
    ...(pdf ? { fontFamily: PDF_FONT } : {}),
  };
  const fileName = exportFileName(source.graph.file.id, source.viewState, options.scope, options.format, now);
  return { scene, page, svgOptions, fileName, title: svgOptions.title ?? '' };
}

/** The SVG of a prepared export scaled to fit `maxWidth` × `maxHeight` pixels, for a preview. */
export function previewSvg(prepared: PreparedExport, maxWidth: number, maxHeight: number): string {
  const { page } = prepared;
  const k = Math.min(maxWidth / page.width, maxHeight / page.height);
  return renderSvg(prepared.scene, page, {
    ...prepared.svgOptions,
    pixelWidth: Math.max(1, Math.round(page.width * k)),
    pixelHeight: Math.max(1, Math.round(page.height * k)),
  });
}

/** Widths of label lines as the browser draws them, a little widened to be safe. */
const measureLine: MeasureLine = (text, font) => {
  if (measureCtx === undefined && typeof document !== 'undefined') {
    measureCtx = document.createElement('canvas').getContext('2d');
  }
  if (!measureCtx) return generousMeasure(text, font);
  measureCtx.font = `${font.style} ${font.weight} ${font.size}px ${font.family}`;
  return measureCtx.measureText(text).width * 1.1 + font.size * 0.5;
};

/**
 * The raster job of a prepared export. Each tile's SVG holds only the elements whose bounds meet
 * the tile (`cull: false` writes every element into every tile, for comparison); the bounds are
 * computed once, at the first tile, and filed by tile.
 */
export function rasterJob(
  prepared: PreparedExport,
  format: 'png' | 'jpg',
  quality?: number,
  { cull = true }: { cull?: boolean } = {},
): RasterJob {
  const { scene, page, svgOptions } = prepared;
  let index: SceneIndex | undefined;
  return {
    width: page.width,
    height: page.height,
    pixelWidth: page.pixelWidth,
    pixelHeight: page.pixelHeight,
    format,
    matte: svgOptions.background ?? '#ffffff',
    ...(quality !== undefined ? { quality } : {}),
    svgFor(viewBox, pixelWidth, pixelHeight) {
      let elements: SceneElement[] | undefined;
      if (cull) {
        const part = sceneRectOf(page, viewBox);
        index ??= new SceneIndex(scene, Math.max(part.width, part.height), measureLine);
        elements = index.within(part);
      }
      return renderSvg(scene, page, {
        ...svgOptions,
        viewBox,
        pixelWidth,
        pixelHeight,
        ...(elements ? { elements } : {}),
      });
    },
  };
}

const encoder = new TextEncoder();

/**
 * Exports the current view. Throws SceneScopeError (e.g. nothing selected), OptionsError, or
 * ExportError (code 'cancelled' when `progress.signal` aborts).
 */
export async function exportImage(
  source: ExportSource,
  options: ExportOptions,
  progress: Progress = {},
): Promise<ExportResult> {
  const prepared = prepareExport(source, options);
  const { scene, page, svgOptions, fileName, title } = prepared;
  const format: ExportFormat = options.format;
  const result = (bytes: Uint8Array, width: number, height: number, notes: string[] = []): ExportResult => ({
    bytes,
    mime: MIME[format],
    fileName,
    width,
    height,
    notes,
  });

  if (format === 'svg') {
    progress.onProgress?.(1);
    return result(encoder.encode(renderSvg(scene, page, svgOptions)), page.pixelWidth, page.pixelHeight);
  }
  const points = page.points ?? { width: page.width * 0.75, height: page.height * 0.75 };
  if (format === 'pdf' && !options.pdfRaster) {
    progress.onProgress?.(0.1);
    const bytes = await vectorPdf(renderSvg(scene, page, svgOptions), points, title);
    progress.onProgress?.(1);
    return result(bytes, points.width, points.height);
  }
  const raster = await rasterise(
    rasterJob(prepared, format === 'jpg' ? 'jpg' : 'png', options.quality),
    progress,
  );
  const notes = raster.plan.note ? [raster.plan.note] : [];
  if (format === 'pdf') {
    return result(await rasterPdf(raster.bytes, points, title), points.width, points.height, notes);
  }
  return result(raster.bytes, raster.plan.width, raster.plan.height, notes);
}
