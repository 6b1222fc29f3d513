// Decodes screenshots and exported images and measures how much of them is drawn on.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export interface Decoded {
  width: number;
  height: number;
  data: Buffer; // RGBA
}

export function decodePng(buffer: Buffer): Decoded {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

/**
 * Share (0…1) of pixels in the region that differ from `background` by more than `tolerance` in any
 * channel; transparent pixels count as background.
 */
export function inkRatio(
  img: Decoded,
  background: [number, number, number],
  region = { x: 0, y: 0, width: img.width, height: img.height },
  tolerance = 24,
): number {
  let ink = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i + 3]! < 16) continue;
      if (
        Math.abs(img.data[i]! - background[0]) > tolerance ||
        Math.abs(img.data[i + 1]! - background[1]) > tolerance ||
        Math.abs(img.data[i + 2]! - background[2]) > tolerance
      ) {
        ink++;
      }
    }
  }
  return ink / (region.width * region.height);
}

/** Decodes a JPEG (exported images) to RGBA. */
export function decodeJpeg(buffer: Buffer): Decoded {
  const img = jpeg.decode(buffer, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 2048 });
  return {
    width: img.width,
    height: img.height,
    data: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength),
  };
}

/**
 * Share (0…1) of pixels that differ between two images of the same size by more than `tolerance`
 * in any channel (alpha included).
 */
export function diffRatio(a: Decoded, b: Decoded, tolerance = 48): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differ = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > tolerance) {
        differ++;
        break;
      }
    }
  }
  return differ / (a.width * a.height);
}
