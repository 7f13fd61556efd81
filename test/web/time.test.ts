import assert from 'node:assert/strict';
import { test } from 'node:test';
import { beijingDate, beijingDateTime } from '../../src/web/views/time.ts';

test('times are shown in Beijing time, across the UTC day boundary', () => {
  const cases: [string, string, string][] = [
    ['2026-12-05T16:30:00Z', '2026-12-06 00:30', '2026-12-06'],
    ['2026-12-05T15:59:00Z', '2026-12-05 23:59', '2026-12-05'],
    ['2026-12-31T16:00:00Z', '2027-01-01 00:00', '2027-01-01'],
    ['2024-02-28T20:00:00Z', '2024-02-29 04:00', '2024-02-29'],
  ];
  for (const [utc, time, day] of cases) {
    assert.equal(beijingDateTime(new Date(utc)), time, utc);
    assert.equal(beijingDate(new Date(utc)), day, utc);
  }
});
