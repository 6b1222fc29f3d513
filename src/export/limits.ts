// Size limits of raster exports and the plan for one: whether it fits a single canvas, how it is
// tiled, and whether it must be made smaller (and by how much) to be produced at all.

export interface RasterLimits {
  /** Largest canvas side the browser draws on (Chromium: 65 535 px, Firefox: 32 767 px). */
  canvasSide: number;
  /** Largest canvas area (Chromium and Firefox: 16 384² = 268 435 456 px; Safari: far less). */
  canvasArea: number;
  /** Side of the tiles the SVG is rasterised in: large SVG images are not drawn reliably in one go. */
  tile: number;
  /** Largest image produced at all: 268 M px (1 GiB of RGBA while it is assembled). */
  outputArea: number;
  /** Largest side produced (JPEG cannot be wider or taller). */
  outputSide: number;
}

export const DEFAULT_LIMITS: RasterLimits = {
  canvasSide: 32_767, // the smaller of Chromium's and Firefox's; a probe confirms before use
  canvasArea: 268_435_456,
  tile: 4096,
  outputArea: 268_435_456,
  outputSide: 65_535,
};

export interface RasterPlan {
  width: number;
  height: number;
  /** True when the size asked for was too large and the image was made smaller. */
  capped: boolean;
  /** True when the image fits one canvas; otherwise tiles are stitched and encoded in JavaScript. */
  singleCanvas: boolean;
  tiles: { x: number; y: number; width: number; height: number }[];
  /** For the user, when capped: what was asked and what is produced. */
  note?: string;
}

const mp = (px: number) => `${(px / 1e6).toFixed(px < 1e7 ? 1 : 0)} million px`;

/** Plans a raster of `width` × `height` px within `limits`; never returns an empty plan. */
export function planRaster(width: number, height: number, limits: RasterLimits = DEFAULT_LIMITS): RasterPlan {
  let w = Math.max(1, Math.round(width));
  let h = Math.max(1, Math.round(height));
  let note: string | undefined;
  const k = Math.min(1, limits.outputSide / w, limits.outputSide / h, Math.sqrt(limits.outputArea / (w * h)));
  const capped = k < 1;
  if (capped) {
    const asked = `${w}×${h} px (${mp(w * h)})`;
    w = Math.max(1, Math.floor(w * k));
    h = Math.max(1, Math.floor(h * k));
    while (w * h > limits.outputArea) {
      w = Math.max(1, w - 1);
      h = Math.max(1, Math.floor((height / width) * w));
    }
    note =
      `The size asked for, ${asked}, is beyond what can be produced ` +
      `(${limits.outputSide} px a side, ${mp(limits.outputArea)} in all); ` +
      `the image was made at ${w}×${h} px instead, with the same content.`;
  }
  const tiles: RasterPlan['tiles'] = [];
  for (let y = 0; y < h; y += limits.tile) {
    for (let x = 0; x < w; x += limits.tile) {
      tiles.push({ x, y, width: Math.min(limits.tile, w - x), height: Math.min(limits.tile, h - y) });
    }
  }
  const singleCanvas = w <= limits.canvasSide && h <= limits.canvasSide && w * h <= limits.canvasArea;
  return { width: w, height: h, capped, singleCanvas, tiles, ...(note ? { note } : {}) };
}
