import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOSTILE_BUT_VALID } from '../fixtures/hostileStrings';
import { KEY_LABELS, type CategoryKey } from '../model';
import { loadGraphText } from '../validate';
import { overTime } from './overTime';
import {
  chartText,
  describePeriod,
  estimateWidth,
  formatNumber,
  layoutChart,
  niceTicks,
  pairName,
  wrapText,
  type Who,
} from './overTimeChart';

const loaded = loadGraphText(
  readFileSync('graph/us-iran-2023-10.json', 'utf8'),
  'graph/us-iran-2023-10.json',
);
if (!loaded.ok) throw new Error('the curated graph does not load');
const file = loaded.graph.file;
const labels = KEY_LABELS as Record<CategoryKey, string>;
const who = (patch: Partial<Who> = {}): Who => ({
  a: 'United States',
  b: 'Iran',
  flow: 'both',
  members: true,
  graphTitle: file.title,
  categoryLabels: labels,
  ...patch,
});

describe('the chart of the United States and Iran', () => {
  const data = overTime(file, { a: 'united-states', b: 'iran' });
  const text = chartText(data, who());
  const chart = layoutChart(data, text, { width: 520 });

  it('has one bar per year from 1979 to 2023, left to right, inside the plot', () => {
    expect(chart.bars.map((b) => b.label)).toEqual(Array.from({ length: 45 }, (_, i) => String(1979 + i)));
    for (const [i, bar] of chart.bars.entries()) {
      if (i > 0) expect(bar.x).toBeGreaterThan(chart.bars[i - 1]!.x);
      for (const r of bar.rects) {
        expect(r.y).toBeGreaterThanOrEqual(chart.plot.y - 1e-6);
        expect(r.y + r.height).toBeLessThanOrEqual(chart.plot.y + chart.plot.height + 1e-6);
      }
    }
  });

  it('stacks the parts of a bar without gaps, the tallest bar reaching the top tick or below', () => {
    const tallest = chart.bars.reduce((a, b) => (b.total > a.total ? b : a));
    expect(tallest.label).toBe('2023');
    for (let i = 1; i < tallest.rects.length; i++)
      expect(tallest.rects[i]!.y + tallest.rects[i]!.height).toBeCloseTo(tallest.rects[i - 1]!.y);
    expect(tallest.rects.at(-1)!.y).toBeGreaterThanOrEqual(chart.countTicks.at(-1)!.at - 1e-6);
  });

  it('labels the time axis with years, as many as fit', () => {
    const labelsShown = chart.xTicks.map((t) => t.label);
    expect(labelsShown.length).toBeGreaterThan(3);
    for (const l of labelsShown) expect(l).toMatch(/^(19|20)\d\d$/);
    for (let i = 1; i < chart.xTicks.length; i++)
      expect(chart.xTicks[i]!.at - chart.xTicks[i - 1]!.at).toBeGreaterThanOrEqual(4 * 11 * 0.6);
  });

  it('draws a Goldstein marker for every year with claims, at its sum', () => {
    expect(chart.goldsteinPoints.map((p) => p.key)).toEqual(
      data.periods.filter((p) => p.total > 0).map((p) => p.key),
    );
    const zero = chart.goldsteinZero;
    const y2023 = chart.goldsteinPoints.find((p) => p.key === '2023')!;
    expect(y2023.value).toBeLessThan(0);
    expect(y2023.y).toBeGreaterThan(zero);
  });

  it('says what is not shown and how the sum is made', () => {
    expect(text.title).toBe('Conflict and cooperation: United States and Iran');
    expect(text.subtitle).toContain('1979\u20132023');
    expect(text.notes).toContain(`${data.undated.length} undated claims not shown.`);
    expect(chart.legend.map((l) => l.label)).toContain('Goldstein sum (denied claims excluded)');
    expect(chart.notes.length).toBeGreaterThanOrEqual(text.notes.length);
    expect(chart.height).toBeGreaterThan(chart.notes.at(-1)!.y);
  });

  it('describes each year in words', () => {
    const p2020 = data.periods.find((p) => p.key === '2020')!;
    expect(describePeriod(p2020, labels)).toBe(
      '2020: 3 claims \u2014 2 verbal cooperation, 1 material conflict; Goldstein sum \u22122',
    );
    expect(
      describePeriod(
        data.periods.find((p) => p.key === '1990')!,
        labels,
      ),
    ).toBe('1990: 2 claims \u2014 2 verbal cooperation; Goldstein sum 8');
  });
});

describe('from a year on', () => {
  it('says how many earlier claims are not shown', () => {
    const whole = overTime(file, { a: 'united-states', b: 'iran' });
    const data = overTime(file, { a: 'united-states', b: 'iran', since: 2023 });
    const drawn = (d: typeof data) => new Set(d.periods.flatMap((p) => p.claims)).size;
    expect(data.before.length).toBeGreaterThan(0);
    expect(drawn(data) + data.before.length).toBe(drawn(whole));
    expect(chartText(data, who()).notes).toContain(`${data.before.length} claims before 2023 not shown.`);
    expect(data.granularity).toBe('month');
    expect(data.periods.map((p) => p.label)).toContain('Oct 2023');
  });
});

describe('a single period', () => {
  it('is one slender bar, and names no members when nobody has any', () => {
    const data = overTime(file, { a: 'hezbollah' });
    const text = chartText(data, who({ a: 'Hezbollah', b: undefined, members: undefined }));
    expect(text.subtitle).toBe('Claims per month by category, Oct 2023');
    const chart = layoutChart(data, text, { width: 520 });
    expect(chart.bars).toHaveLength(1);
    expect(chart.bars[0]!.rects[0]!.width).toBeLessThanOrEqual(48);
    expect(chart.xTicks).toEqual([{ at: chart.plot.x + chart.plot.width / 2, label: 'Oct 2023' }]);
  });
});

describe('months', () => {
  it('labels months with their year, or only Januaries when months are too narrow', () => {
    const data = overTime(file, { a: 'united-states', b: 'iran', granularity: 'month' });
    const chart = layoutChart(data, chartText(data, who()), { width: 520 });
    expect(chart.bars).toHaveLength((2023 - 1979) * 12 + 10);
    for (const t of chart.xTicks) expect(t.label).toMatch(/^\d{4}$/);

    const oct = overTime(file, { a: 'hezbollah', granularity: 'month' });
    const wide = layoutChart(oct, chartText(oct, who({ a: 'Hezbollah', b: undefined })), { width: 520 });
    expect(wide.xTicks.map((t) => t.label)).toContain('Oct 2023');
  });
});

describe('helpers', () => {
  it('picks round ticks', () => {
    expect(niceTicks(0, 24)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(-24, 15)).toEqual([-30, -20, -10, 0, 10, 20]);
    expect(niceTicks(0, 1 / 12)).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(niceTicks(0, 0)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('writes numbers with a true minus and at most two decimals', () => {
    expect(formatNumber(-24)).toBe('\u221224');
    expect(formatNumber(1 / 12)).toBe('0.08');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(0)).toBe('0');
  });

  it('wraps text at spaces, breaks words wider than a line, and cuts with an ellipsis', () => {
    const chars = (t: string) => Array.from(t).length;
    expect(wrapText('one two three four', 9, chars)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('x'.repeat(25), 10, chars)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(wrapText('a b c d e f', 3, chars, 2)).toEqual(['a b', 'c…']);
    // An emoji with its joiners is one character on screen and is never split.
    const family = '👩‍👩‍👧‍👦';
    expect(wrapText(family.repeat(3), 2, (t) => [...new Intl.Segmenter().segment(t)].length)).toEqual([
      family.repeat(2),
      family,
    ]);
  });

  it('keeps bidirectional labels inside their place in the title', () => {
    expect(pairName({ a: '\u202Eevil\u202C', b: 'Iran', flow: 'from' })).toBe(
      '\u2068\u202Eevil\u202C\u2069 \u2192 Iran',
    );
    expect(pairName({ a: 'Iran', flow: 'to' })).toBe('All others \u2192 Iran');
  });

  it('lays out any label within the width, in at most three title lines', () => {
    const data = overTime(file, { a: 'united-states', b: 'iran' });
    for (const label of HOSTILE_BUT_VALID) {
      const chart = layoutChart(data, chartText(data, who({ a: label, graphTitle: label })), { width: 360 });
      expect(chart.title.filter((t) => t.bold).length).toBeLessThanOrEqual(3);
      for (const line of [...chart.title, ...chart.notes])
        expect(estimateWidth(line.text, line.size)).toBeLessThanOrEqual(360 - 2 * 12);
    }
  });
});
