import { describe, expect, it } from 'vitest';
import { formatPartialDate, formatTime, parsePartialDate, timeSpan } from './partialDate';

describe('parsePartialDate', () => {
  it.each([
    ['1979', 'year', '1979-01-01', '1980-01-01'],
    ['2020-01', 'month', '2020-01-01', '2020-02-01'],
    ['2023-10-27', 'day', '2023-10-27', '2023-10-28'],
    ['2024-02-29', 'day', '2024-02-29', '2024-03-01'],
  ])('%s has %s precision and covers [%s, %s)', (text, precision, from, to) => {
    const d = parsePartialDate(text)!;
    expect(d.precision).toBe(precision);
    expect(new Date(d.from).toISOString().slice(0, 10)).toBe(from);
    expect(new Date(d.to).toISOString().slice(0, 10)).toBe(to);
  });

  it.each(['2023-13', '2023-02-30', '2023-00-10', '2023-10-00', '23-10-27', '2023/10/27', 'Friday', ''])(
    'rejects %j',
    (text) => expect(parsePartialDate(text)).toBeUndefined(),
  );
});

describe('timeSpan', () => {
  it('treats a start without end as ongoing', () => {
    expect(timeSpan({ start: '2023-10' })).toMatchObject({ ongoing: true, to: Infinity });
  });
  it('runs to the end of the end period', () => {
    const s = timeSpan({ start: '2021', end: '2022-08' })!;
    expect(new Date(s.to).toISOString().slice(0, 10)).toBe('2022-09-01');
  });
  it('is undefined for undated relations', () => {
    expect(timeSpan(undefined)).toBeUndefined();
  });
});

describe('formatting', () => {
  it('writes dates at their precision', () => {
    expect(formatPartialDate('2023-10-27')).toBe('27 Oct 2023');
    expect(formatPartialDate('2020-01')).toBe('Jan 2020');
    expect(formatPartialDate('2015')).toBe('2015');
  });
  it('writes spans, ongoing relations and approximate dates', () => {
    expect(formatTime({ start: '2021', end: '2022-08', circa: true })).toBe('c. 2021 – Aug 2022');
    expect(formatTime({ start: '2023-10' })).toBe('since Oct 2023');
    expect(formatTime(undefined)).toBe('undated');
  });
});
