import { describe, expect, it } from 'vitest';
import { testGraph } from '../view/testGraph';
import { edgeInTime, isoDay, timeExtent } from './timeFilter';

const edges = testGraph().file.edges;
const edge = (id: string) => edges.find((e) => e.id === id)!;

describe('time filter', () => {
  it('"as of" keeps what had begun by the end of that day', () => {
    const asOf = (to: string) => ({ mode: 'asOf' as const, to, undated: 'show' as const });
    expect(edgeInTime(edge('us-strikes-irgc'), asOf('2023-10-26'))).toBe(false);
    expect(edgeInTime(edge('us-strikes-irgc'), asOf('2023-10-27'))).toBe(true);
    expect(edgeInTime(edge('biden-negotiates-iran'), asOf('2023-10-27'))).toBe(true); // ended, still part of the picture
  });
  it('a window keeps what overlaps it, ongoing relations included', () => {
    const win = { mode: 'window' as const, from: '2023-01-01', to: '2023-06-30', undated: 'show' as const };
    expect(edgeInTime(edge('iran-supplies-russia'), win)).toBe(true);
    expect(edgeInTime(edge('biden-negotiates-iran'), win)).toBe(false);
  });
  it('undated relations follow the setting', () => {
    expect(
      edgeInTime(edge('iran-backs-hezbollah'), { mode: 'asOf', to: '2000-01-01', undated: 'show' }),
    ).toBe(true);
    expect(
      edgeInTime(edge('iran-backs-hezbollah'), { mode: 'asOf', to: '2000-01-01', undated: 'hide' }),
    ).toBe(false);
  });
});

describe('timeExtent', () => {
  it('spans the dated relations and marks each one, counting undated and ongoing', () => {
    const t = timeExtent(edges)!;
    expect(isoDay(t.min)).toBe('2019-01-01');
    expect(isoDay(t.max)).toBe('2023-10-27');
    expect(t.marks).toHaveLength(8);
    expect(t.marks[0]!.edgeId).toBe('iran-backs-militias');
    expect(t.undated).toBe(2);
    expect(t.ongoing).toBe(3);
  });
  it('is undefined when nothing is dated', () => {
    expect(timeExtent([edge('iran-backs-hezbollah')])).toBeUndefined();
  });
});
