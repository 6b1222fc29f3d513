import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, checkOptions, type ExportOptions } from './options';

const fields = (o: ExportOptions) => checkOptions(o).map((p) => p.field);

describe('checkOptions', () => {
  it('accepts the defaults', () => {
    expect(checkOptions(DEFAULT_OPTIONS)).toEqual([]);
  });
  it.each<[string, Partial<ExportOptions>, string[]]>([
    ['an unknown format', { format: 'gif' as 'png' }, ['format']],
    ['an unknown scope', { scope: 'all' as 'graph' }, ['scope']],
    ['a scale of 0', { size: { mode: 'scale', scale: 0 } }, ['size']],
    ['a scale above 64', { size: { mode: 'scale', scale: 65 } }, ['size']],
    ['pixels without width or height', { size: { mode: 'pixels' } }, ['size']],
    ['fractional pixels', { size: { mode: 'pixels', width: 100.5 } }, ['size']],
    ['a dpi of 1200', { size: { mode: 'paper', paper: 'a4', orientation: 'auto', dpi: 1200 } }, ['size']],
    ['a transparent JPEG', { format: 'jpg', background: 'transparent' }, ['background']],
    ['a transparent PDF', { format: 'pdf', background: 'transparent' }, ['background']],
    ['a quality of 2', { quality: 2 }, ['quality']],
  ])('rejects %s', (_, patch, expected) => {
    expect(fields({ ...DEFAULT_OPTIONS, ...patch })).toEqual(expected);
  });
  it('accepts a transparent PNG and SVG', () => {
    expect(checkOptions({ ...DEFAULT_OPTIONS, background: 'transparent' })).toEqual([]);
    expect(checkOptions({ ...DEFAULT_OPTIONS, format: 'svg', background: 'transparent' })).toEqual([]);
  });
});
