// Rasterises an exported SVG page to PNG or JPEG in the browser, tile by tile. Images that fit one
// canvas are encoded by the browser; larger ones are stitched and encoded in JavaScript, so a large
// export never comes out blank or cut off. Yields to the event loop between tiles and can be cancelled.
import type { Rect } from '../render/scene';
import { DEFAULT_LIMITS, planRaster, type RasterLimits, type RasterPlan } from './limits';

export interface RasterJob {
  width: number; // design units of the page
  height: number;
  /** The SVG document for the part `viewBox` of the page, drawn at `pixelWidth` × `pixelHeight`. */
  svgFor(viewBox: Rect, pixelWidth: number, pixelHeight: number): string;
  pixelWidth: number;
  pixelHeight: number;
  format: 'png' | 'jpg';
  /** JPEG has no transparency: pixels left transparent are painted this colour. */
  matte: string;
  quality?: number; // JPEG, 0…1
}

export interface RasterResult {
  bytes: Uint8Array;
  plan: RasterPlan;
}

export interface Progress {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  limits?: Partial<RasterLimits>;
}

export class ExportError extends Error {
  constructor(
    readonly code: 'image-load' | 'canvas' | 'encode' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportError('cancelled', 'The export was cancelled.');
}

const nextTurn = () => new Promise<void>((r) => setTimeout(r, 0));

async function loadSvg(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const img = new Image();
  try {
    img.src = url;
    await img.decode();
    return img;
  } catch {
    throw new ExportError('image-load', 'The browser could not draw the exported SVG.');
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas of the size, or undefined when the browser cannot give one (too large, out of memory). */
function probeCanvas(width: number, height: number): HTMLCanvasElement | undefined {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: false });
  if (!ctx || canvas.width !== width || canvas.height !== height) return undefined;
  // A canvas past the browser's limits silently draws nothing: check a pixel in the far corner.
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(width - 1, height - 1, 1, 1);
  const px = ctx.getImageData(width - 1, height - 1, 1, 1).data;
  ctx.clearRect(width - 1, height - 1, 1, 1);
  return px[0] === 255 ? canvas : undefined;
}

function toBlob(canvas: HTMLCanvasElement, mime: string, quality?: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, mime, quality));
}

/** The part of the page (design units) that tile `t` of `plan` shows. */
export function tileViewBox(job: RasterJob, plan: RasterPlan, t: RasterPlan['tiles'][number]): Rect {
  const kx = job.width / plan.width;
  const ky = job.height / plan.height;
  return { x: t.x * kx, y: t.y * ky, width: t.width * kx, height: t.height * ky };
}

/** Rasterises `job`; the result's plan says the size produced and whether it was capped. */
export async function rasterise(job: RasterJob, progress: Progress = {}): Promise<RasterResult> {
  const limits = { ...DEFAULT_LIMITS, ...progress.limits };
  const plan = planRaster(job.pixelWidth, job.pixelHeight, limits);
  const { signal, onProgress } = progress;
  const steps = plan.tiles.length + 1;
  const mime = job.format === 'png' ? 'image/png' : 'image/jpeg';

  const big = plan.singleCanvas ? probeCanvas(plan.width, plan.height) : undefined;
  if (big) {
    const ctx = big.getContext('2d')!;
    if (job.format === 'jpg') {
      ctx.fillStyle = job.matte;
      ctx.fillRect(0, 0, plan.width, plan.height);
    }
    for (const [i, t] of plan.tiles.entries()) {
      checkCancelled(signal);
      const img = await loadSvg(job.svgFor(tileViewBox(job, plan, t), t.width, t.height));
      ctx.drawImage(img, t.x, t.y, t.width, t.height);
      onProgress?.((i + 1) / steps);
      await nextTurn();
    }
    checkCancelled(signal);
    const blob = await toBlob(big, mime, job.quality);
    big.width = big.height = 0; // give the memory back now
    if (blob && blob.size > 0) {
      onProgress?.(1);
      return { bytes: new Uint8Array(await blob.arrayBuffer()), plan };
    }
    // The browser could not encode a canvas this large: fall through to stitching.
  }

  const rgba = new Uint8Array(plan.width * plan.height * 4);
  const tile = document.createElement('canvas');
  for (const [i, t] of plan.tiles.entries()) {
    checkCancelled(signal);
    tile.width = t.width;
    tile.height = t.height;
    const ctx = tile.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ExportError('canvas', 'The browser could not create a drawing surface.');
    if (job.format === 'jpg') {
      ctx.fillStyle = job.matte;
      ctx.fillRect(0, 0, t.width, t.height);
    }
    const img = await loadSvg(job.svgFor(tileViewBox(job, plan, t), t.width, t.height));
    ctx.drawImage(img, 0, 0, t.width, t.height);
    const data = ctx.getImageData(0, 0, t.width, t.height).data;
    for (let row = 0; row < t.height; row++) {
      const from = row * t.width * 4;
      rgba.set(data.subarray(from, from + t.width * 4), ((t.y + row) * plan.width + t.x) * 4);
    }
    onProgress?.((i + 1) / steps);
    await nextTurn();
  }
  checkCancelled(signal);
  try {
    if (job.format === 'png') {
      const { encode } = await import('fast-png');
      const bytes = encode({ width: plan.width, height: plan.height, data: rgba, channels: 4, depth: 8 });
      onProgress?.(1);
      return { bytes, plan };
    }
    const jpeg = await import('jpeg-js');
    // jpeg-js returns a Node Buffer when bundled as CommonJS; in the browser a Uint8Array does.
    const g = globalThis as { Buffer?: unknown };
    if (g.Buffer === undefined) g.Buffer = { from: (bytes: ArrayLike<number>) => Uint8Array.from(bytes) };
    const encoded = jpeg.encode(
      { width: plan.width, height: plan.height, data: rgba },
      Math.round((job.quality ?? 0.92) * 100),
    );
    onProgress?.(1);
    return {
      bytes: new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength),
      plan,
    };
  } catch (err) {
    throw new ExportError('encode', `The image could not be encoded: ${(err as Error).message}`);
  }
}
