import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, planRaster } from './limits';

describe('planRaster', () => {
  it('keeps a size within the limits, in one canvas and one tile', () => {
    const plan = planRaster(2000, 1500);
    expect(plan).toMatchObject({ width: 2000, height: 1500, capped: false, singleCanvas: true });
    expect(plan.tiles).toEqual([{ x: 0, y: 0, width: 2000, height: 1500 }]);
    expect(plan.note).toBeUndefined();
  });

  it('covers every pixel exactly once with tiles', () => {
    const plan = planRaster(10_000, 5_000);
    let area = 0;
    for (const t of plan.tiles) {
      expect(t.width).toBeLessThanOrEqual(DEFAULT_LIMITS.tile);
      expect(t.height).toBeLessThanOrEqual(DEFAULT_LIMITS.tile);
      area += t.width * t.height;
    }
    expect(area).toBe(10_000 * 5_000);
    expect(plan.tiles).toHaveLength(3 * 2);
  });

  it('stitches in JavaScript beyond the canvas limits', () => {
    const plan = planRaster(40_000, 2_000);
    expect(plan).toMatchObject({ width: 40_000, height: 2_000, capped: false, singleCanvas: false });
  });

  it('makes a too-large image smaller, keeping the proportions, and says so', () => {
    const plan = planRaster(100_000, 50_000);
    expect(plan.capped).toBe(true);
    expect(plan.width).toBeLessThanOrEqual(DEFAULT_LIMITS.outputSide);
    expect(plan.width * plan.height).toBeLessThanOrEqual(DEFAULT_LIMITS.outputArea);
    expect(plan.width / plan.height).toBeCloseTo(2, 2);
    expect(plan.note).toContain('100000×50000 px');
    expect(plan.note).toContain(`${plan.width}×${plan.height} px`);
  });

  it('honours smaller limits (e.g. a browser with a small canvas)', () => {
    const plan = planRaster(3000, 2000, { ...DEFAULT_LIMITS, canvasArea: 1_000_000, tile: 1024 });
    expect(plan.singleCanvas).toBe(false);
    expect(plan.tiles).toHaveLength(3 * 2);
  });
});
