// What an image export asks for — format, scope, size, background, decorations — with defaults and
// one validator shared by the export dialog and the command line.
import type { SceneScope } from '../render/scene';

export const FORMATS = ['png', 'jpg', 'svg', 'pdf'] as const;
export type ExportFormat = (typeof FORMATS)[number];

export const MIME: Record<ExportFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
};

export const SCOPES = ['graph', 'viewport', 'selection'] as const satisfies readonly SceneScope[];

export const PAPERS = {
  a4: { label: 'A4', width: 595.28, height: 841.89 }, // points (1/72 in), portrait
  letter: { label: 'Letter', width: 612, height: 792 },
} as const;
export type Paper = keyof typeof PAPERS;
export type Orientation = 'portrait' | 'landscape' | 'auto';

export type ExportSize =
  | { mode: 'scale'; scale: number } // natural size (1 CSS px per model unit, or the screen for the viewport) × scale
  | { mode: 'pixels'; width?: number; height?: number } // exact pixels; one side alone keeps the aspect ratio
  | { mode: 'paper'; paper: Paper; orientation: Orientation; dpi: number }; // a page; dpi sets raster pixels

export type Background = 'transparent' | 'white' | 'theme';

export interface ExportOptions {
  format: ExportFormat;
  scope: SceneScope;
  size: ExportSize;
  background: Background;
  /** Drawn above the graph; undefined uses the graph's title, '' draws none. */
  title?: string;
  legend: boolean; // the meaning of the shapes, colours and lines shown
  caption: boolean; // "Source: …" from the sources of the visible relations
  date: boolean; // the export date, bottom right
  /** PDF only: draw the page as one image at `dpi` instead of vector shapes and text. */
  pdfRaster?: boolean;
  /** JPEG quality 0…1. */
  quality?: number;
}

export const DEFAULT_OPTIONS: ExportOptions = {
  format: 'png',
  scope: 'graph',
  size: { mode: 'scale', scale: 2 }, // twice the on-screen size: sharp on high-density screens
  background: 'theme',
  legend: true,
  caption: true,
  date: true,
};

export const DEFAULT_PAPER: Extract<ExportSize, { mode: 'paper' }> = {
  mode: 'paper',
  paper: 'a4',
  orientation: 'auto', // landscape when the graph is wider than tall
  dpi: 300,
};

export const LIMITS = {
  scale: [0.1, 64],
  pixels: [16, 100_000],
  dpi: [72, 600],
} as const;

/** A problem with export options, by field. */
export interface OptionProblem {
  field: 'format' | 'scope' | 'size' | 'background' | 'quality';
  message: string;
}

/** Checks options a caller assembled; returns every problem (empty when usable). */
export function checkOptions(o: ExportOptions): OptionProblem[] {
  const problems: OptionProblem[] = [];
  if (!(FORMATS as readonly string[]).includes(o.format)) {
    problems.push({ field: 'format', message: `format "${o.format}" is not one of ${FORMATS.join(', ')}` });
  }
  if (!(SCOPES as readonly string[]).includes(o.scope)) {
    problems.push({ field: 'scope', message: `scope "${o.scope}" is not one of ${SCOPES.join(', ')}` });
  }
  const s = o.size;
  const inRange = (v: number, [lo, hi]: readonly [number, number]) =>
    Number.isFinite(v) && v >= lo && v <= hi;
  if (s.mode === 'scale' && !inRange(s.scale, LIMITS.scale)) {
    problems.push({
      field: 'size',
      message: `scale ${s.scale} is not between ${LIMITS.scale[0]} and ${LIMITS.scale[1]}`,
    });
  }
  if (s.mode === 'pixels') {
    if (s.width === undefined && s.height === undefined) {
      problems.push({ field: 'size', message: 'give a width, a height or both' });
    }
    for (const [name, v] of [
      ['width', s.width],
      ['height', s.height],
    ] as const) {
      if (v !== undefined && (!Number.isInteger(v) || !inRange(v, LIMITS.pixels))) {
        problems.push({
          field: 'size',
          message: `${name} ${v} is not a whole number of pixels between ${LIMITS.pixels[0]} and ${LIMITS.pixels[1]}`,
        });
      }
    }
  }
  if (s.mode === 'paper') {
    if (!(s.paper in PAPERS))
      problems.push({ field: 'size', message: `paper "${s.paper}" is not a4 or letter` });
    if (!['portrait', 'landscape', 'auto'].includes(s.orientation)) {
      problems.push({
        field: 'size',
        message: `orientation "${s.orientation}" is not portrait, landscape or auto`,
      });
    }
    if (!inRange(s.dpi, LIMITS.dpi)) {
      problems.push({
        field: 'size',
        message: `dpi ${s.dpi} is not between ${LIMITS.dpi[0]} and ${LIMITS.dpi[1]}`,
      });
    }
  }
  if (!['transparent', 'white', 'theme'].includes(o.background)) {
    problems.push({
      field: 'background',
      message: `background "${o.background}" is not transparent, white or theme`,
    });
  }
  if (o.background === 'transparent' && (o.format === 'jpg' || o.format === 'pdf')) {
    problems.push({
      field: 'background',
      message: `${o.format.toUpperCase()} has no transparency: use white or theme`,
    });
  }
  if (o.quality !== undefined && !(o.quality > 0 && o.quality <= 1)) {
    problems.push({ field: 'quality', message: `quality ${o.quality} is not in (0, 1]` });
  }
  return problems;
}
