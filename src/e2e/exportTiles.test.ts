// Culling tiles changes no pixel: the sample scene rasterised in small tiles, each drawing only the
// elements that meet it, is the same image as with every element drawn into every tile, whether the
// tiles go onto one canvas or are stitched in JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RasterLimits } from '../export/limits';
import { openHarness, type Harness } from './harness';
import { decodePng, inkRatio } from './pixels';

let harness: Harness;
beforeAll(async () => {
  harness = await openHarness();
});
afterAll(() => harness?.close());

async function sample(cull: boolean, limits: Partial<RasterLimits>) {
  const b64 = await harness.page.evaluate(
    ([c, l]) =>
      (
        window as unknown as {
          harnessRasteriseSample(cull: boolean, scale: number, limits: unknown): Promise<string>;
        }
      ).harnessRasteriseSample(c, 4, l),
    [cull, limits] as const,
  );
  return decodePng(Buffer.from(b64, 'base64'));
}

describe('tiles culled to what they show', () => {
  const cases: [string, Partial<RasterLimits>][] = [
    ['on one canvas', { tile: 256 }],
    ['stitched', { tile: 256, canvasSide: 1000 }],
  ];
  for (const [name, limits] of cases) {
    it(`give the same pixels as unculled tiles, ${name}`, async () => {
      const culled = await sample(true, limits);
      const whole = await sample(false, limits);
      expect(culled.width).toBeGreaterThan(256 * 4); // many tiles each way
      expect(culled.height).toBeGreaterThan(256 * 3);
      expect(inkRatio(culled, [255, 255, 255])).toBeGreaterThan(0.01);
      expect([culled.width, culled.height]).toEqual([whole.width, whole.height]);
      let differ = 0;
      for (let i = 0; i < culled.data.length; i++) if (culled.data[i] !== whole.data[i]) differ++;
      expect(differ, 'bytes that differ between the culled and the unculled image').toBe(0);
    });
  }
});
