import { mayOverlap, partitionSpan } from '../../src/monitor/partitions.js';

const span = (p: string) => {
  const s = partitionSpan(p);
  return s && [new Date(s.start).toISOString(), new Date(s.end).toISOString()];
};
const DAY = ['2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z'];
const HOUR = ['2026-12-01T13:00:00.000Z', '2026-12-01T14:00:00.000Z'];

describe('partitionSpan: the hours or days a path names', () => {
  test.each([
    ['logs/date=2026-12-01/hour=13/part-0.parquet', HOUR],
    ['logs/date=2026-12-01/part-0.parquet', DAY],
    ['s3/dt=2026-12-01/x.jsonl', DAY],
    ['day=2026-12-01/x.csv', DAY],
    ['year=2026/month=12/day=01/hour=13/x.csv', HOUR],
    ['year=2026/month=12/day=1/x.csv', DAY],
    ['logs/2026-12-01T13.jsonl', HOUR],
    ['logs/2026-12-01.jsonl', DAY],
    ['logs/2026-12-01/events.jsonl', DAY],
    ['logs/2026/12/01/13/part-0.parquet', HOUR],
    ['logs/2026/12/01/13.jsonl', HOUR],
    ['logs/2026/12/01/part.jsonl', DAY],
    ['year=2026/month=12/x.csv', ['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']],
  ])('%s', (path, want) => {
    expect(span(path)).toEqual(want);
  });

  test.each(['logs/part-0.jsonl', 'data/2026-13-01.csv', 'data/2026-02-30.csv', 'logs/1234.csv', 'hour=13/x.csv', 'logs/20261201.jsonl'])(
    '%s names no usable span',
    (path) => {
      expect(partitionSpan(path)).toBeUndefined();
    },
  );

  test('overlap is half-open on both sides; undated files always may overlap', () => {
    const w = { start: new Date('2026-12-01T14:00:00Z'), end: new Date('2026-12-01T15:00:00Z') };
    expect(mayOverlap('date=2026-12-01/hour=13/x.csv', w)).toBe(false);
    expect(mayOverlap('date=2026-12-01/hour=14/x.csv', w)).toBe(true);
    expect(mayOverlap('date=2026-12-01/hour=15/x.csv', w)).toBe(false);
    expect(mayOverlap('date=2026-12-01/x.csv', w)).toBe(true);
    expect(mayOverlap('x.csv', w)).toBe(true);
  });
});
