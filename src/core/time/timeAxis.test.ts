import { describe, expect, it } from 'vitest';
import { parsePartialDate } from './partialDate';
import { durationLabel, timeAxis } from './timeAxis';

const at = (text: string) => parsePartialDate(text)!.from;
// The dates the curated graph's claims start on.
const DATES = ['1979', '2015', '2020-01', '2021', '2022', '2023-10', '2023-10-07', '2023-10-27'];

describe('timeAxis', () => {
  const axis = timeAxis(DATES.map(at))!;

  it('runs forward: later dates sit further along, and the ends are 0 and 1', () => {
    const xs = DATES.map((d) => axis.toX(at(d)));
    expect(xs[0]).toBe(0);
    expect(xs[xs.length - 1]).toBe(1);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
  });

  it('does not space the dates evenly: a longer gap takes more room', () => {
    const x = (d: string) => axis.toX(at(d));
    const days20 = x('2023-10-27') - x('2023-10-07');
    const years5 = x('2020-01') - x('2015');
    const years36 = x('2015') - x('1979');
    expect(years5).toBeGreaterThan(days20 * 2);
    expect(years36).toBeGreaterThan(years5);
  });

  it('leaves the week of the strikes enough room to tell its days apart on a 400 px track', () => {
    expect((axis.toX(at('2023-10-27')) - axis.toX(at('2023-10-07'))) * 400).toBeGreaterThan(12);
  });

  it('marks the long quiet spans as breaks that say how long they are', () => {
    expect(axis.breaks.map((b) => b.label)).toContain('36 years');
    for (const b of axis.breaks) expect(b.x1).toBeGreaterThan(b.x0);
  });

  it('turns a position back into the instant it stands for', () => {
    for (const d of ['1990-06-01', '2018-03-03', '2023-10-15']) {
      expect(Math.abs(axis.fromX(axis.toX(at(d))) - at(d))).toBeLessThan(60_000);
    }
  });

  it('labels ticks by what changes: the year, then the day within it', () => {
    expect(axis.ticks(0).map((t) => t.label)).toEqual([
      '1979',
      '2015',
      '2020',
      '2021',
      '2022',
      'Oct 2023',
      '7 Oct',
      '27 Oct',
    ]);
    const sparse = axis.ticks(0.2);
    for (let i = 1; i < sparse.length; i++)
      expect(sparse[i]!.x - sparse[i - 1]!.x).toBeGreaterThanOrEqual(0.2);
  });

  it('keeps long labels apart: two centred labels never overlap', () => {
    // A claim every 40 days over eight years: most ticks would carry a full date.
    const days = Array.from({ length: 75 }, (_, i) => at('2015-10-27') + i * 40 * 86_400_000);
    const dense = timeAxis(days)!;
    const char = 6.5 / 600; // 6.5 px a character on a 600 px track
    const ticks = dense.ticks(58 / 600, char);
    expect(ticks.length).toBeGreaterThan(3);
    for (let i = 1; i < ticks.length; i++) {
      const [a, b] = [ticks[i - 1]!, ticks[i]!];
      const halfWidths = ((a.label.length + b.label.length) / 2) * char;
      expect(b.x - a.x, `${a.label} | ${b.label}`).toBeGreaterThan(halfWidths);
    }
  });

  it('copes with one date, or none', () => {
    expect(timeAxis([])).toBeUndefined();
    const one = timeAxis([at('2023-10-27')])!;
    expect(one.toX(at('2023-10-27'))).toBe(0);
  });

  it('says durations in words', () => {
    expect(durationLabel(36 * 365.25 * 86_400_000)).toBe('36 years');
    expect(durationLabel(20 * 86_400_000)).toBe('20 days');
    expect(durationLabel(150 * 86_400_000)).toBe('5 months');
  });
});
