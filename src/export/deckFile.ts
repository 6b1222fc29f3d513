// Writes a story's deck pages as one PDF (vector drawing and real text, a page per step) or as a
// zip of PNG frames (a frame per step), in the browser. The pages come from deck.ts.
import { zipSync } from 'fflate';
import { THEMES } from '../render/palette';
import { GRAPH_FONT } from '../render/style';
import { frameName, layoutDeckPage, type DeckOptions, type DeckStep } from './deck';
import { browserMeasure } from './exportImage';
import { PDF_FONT, vectorPdfPages } from './pdf';
import { rasterise, type Progress } from './raster';
import { renderSvg, type SvgOptions } from './svg';

export interface DeckResult {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
  /** One per step. */
  pages: number;
  /** Points for PDF, pixels for the frames. */
  width: number;
  height: number;
}

/** Writes the deck of `steps`. `name` is the file name without extension, e.g. "us-iran_twin-messages". */
export async function deckFile(
  steps: readonly DeckStep[],
  options: DeckOptions,
  name: string,
  title: string,
  progress: Progress = {},
): Promise<DeckResult> {
  if (steps.length === 0) throw new Error('The story has no steps.');
  const pdf = options.format === 'pdf';
  const measure = browserMeasure(pdf ? 'Helvetica, Arial, sans-serif' : GRAPH_FONT);
  const pages = steps.map((s) => layoutDeckPage(s, options.paper, options.dpi, measure));
  const svgOptions = (step: DeckStep): SvgOptions => {
    const colours = options.background === 'white' ? THEMES.light : THEMES[step.scene.theme];
    return {
      background: options.background === 'white' ? '#ffffff' : step.scene.background,
      text: colours.text,
      muted: colours.mutedText,
      title: step.title,
      ...(pdf ? { fontFamily: PDF_FONT } : {}),
    };
  };
  const first = pages[0]!;
  if (pdf) {
    const svgs = steps.map((s, i) => renderSvg(s.scene, pages[i]!, svgOptions(s)));
    progress.onProgress?.(0.5);
    const bytes = await vectorPdfPages(svgs, first.points!, title);
    progress.onProgress?.(1);
    return {
      bytes,
      mime: 'application/pdf',
      fileName: `${name}.pdf`,
      pages: steps.length,
      width: first.points!.width,
      height: first.points!.height,
    };
  }
  const files: Record<string, Uint8Array> = {};
  for (const [i, step] of steps.entries()) {
    const page = pages[i]!;
    const o = svgOptions(step);
    const raster = await rasterise(
      {
        width: page.width,
        height: page.height,
        pixelWidth: page.pixelWidth,
        pixelHeight: page.pixelHeight,
        format: 'png',
        matte: o.background ?? '#ffffff',
        svgFor: (viewBox, pixelWidth, pixelHeight) =>
          renderSvg(step.scene, page, { ...o, viewBox, pixelWidth, pixelHeight }),
      },
      {
        ...(progress.signal ? { signal: progress.signal } : {}),
        onProgress: (f) => progress.onProgress?.((i + f) / steps.length),
      },
    );
    files[frameName(i, step.title, steps.length)] = raster.bytes;
  }
  // PNG is compressed already: store the frames as they are.
  const bytes = zipSync(files, { level: 0 });
  return {
    bytes,
    mime: 'application/zip',
    fileName: `${name}.zip`,
    pages: steps.length,
    width: first.pixelWidth,
    height: first.pixelHeight,
  };
}
