// Decodes screenshots and exported images and measures how much of them is drawn on.
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
