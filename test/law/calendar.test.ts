import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Calendar } from '../../src/law/calendar.ts';
import { fromDayNumber, toDayNumber } from '../../src/law/date.ts';

const calendar = new Calendar();

describe('days', () => {
  const days: [string, boolean, string][] = [
    ['2021-09-26', true, 'makeup'], // Sunday make-up for 国庆 2021
    ['2021-10-09', true, 'makeup'],
    ['2021-10-01', false, 'holiday'],
    ['2021-09-27', true, 'workday'],
    ['2021-09-25', false, 'weekend'],
    ['2020-02-01', false, 'holiday'], // 2020 春节 extended: the Saturday make-up day was cancelled
    ['2022-12-31', false, 'holiday'], // 元旦 of the 2023 notice
    ['2026-02-14', true, 'makeup'],
    ['2026-02-23', false, 'holiday'], // 9-day 2026 春节
    ['2026-01-04', true, 'makeup'],
    ['2027-01-01', true, 'workday'], // no 2027 notice: weekends only
  ];
  for (const [date, workday, kind] of days) {
    test(`${date} is ${kind}`, () => {
      const info = calendar.day(date);
      assert.equal(info.workday, workday);
      assert.equal(info.kind, kind);
      assert.equal(calendar.isWorkday(date), workday);
    });
  }
  test('holiday names come from the notice', () => {
    assert.equal(calendar.day('2021-10-09').name, '国庆节');
    assert.equal(calendar.day('2021-09-27').name, null);
  });
});

describe('coverage', () => {
  test('2004–2026 are covered by the bundled data, 2027 is not', () => {
    assert.equal(calendar.coverage(2019).covered, true);
    assert.equal(calendar.coverage(2026).covered, true);
    assert.match(calendar.coverage(2026).source ?? '', /2026年部分节假日安排/);
    assert.deepEqual(calendar.coverage(2027), { year: 2027, covered: false, source: null });
    assert.equal(calendar.day('2027-03-01').covered, false);
  });
  test('a loaded schedule covers its year and names its source', () => {
    const loaded = new Calendar({ schedules: [{ year: 2027, source: '测试通知', overrides: [] }] });
    assert.deepEqual(loaded.coverage(2027), { year: 2027, covered: true, source: '测试通知' });
  });
  test('without bundled data nothing is covered', () => {
    assert.equal(new Calendar({ bundled: false }).coverage(2021).covered, false);
    assert.equal(new Calendar({ bundled: false }).isWorkday('2021-10-01'), true);
  });
  test('an override corrects a bundled day', () => {
    const local = new Calendar({
      schedules: [
        {
          year: 2021,
          source: '地方调整',
          overrides: [{ day: '2021-09-27', workday: false, name: '地方假日' }],
        },
      ],
    });
    assert.equal(local.isWorkday('2021-09-27'), false);
    assert.equal(local.day('2021-09-27').kind, 'holiday');
  });
  test('uncoveredYears lists only the years without a notice', () => {
    assert.deepEqual(
      calendar.uncoveredYears(toDayNumber('2026-12-01'), toDayNumber('2028-01-05')),
      [2027, 2028],
    );
  });
});

describe('exceptions of a year (from the notices)', () => {
  test('2021: 31 rest days and 7 make-up days', () => {
    const days = calendar.exceptions(2021);
    assert.equal(days.filter((d) => !d.workday).length, 31);
    assert.deepEqual(
      days.filter((d) => d.workday).map((d) => d.date),
      [
        '2021-02-07',
        '2021-02-20',
        '2021-04-25',
        '2021-05-08',
        '2021-09-18',
        '2021-09-26',
        '2021-10-09',
      ],
    );
  });
  test('2026 make-up days', () => {
    assert.deepEqual(
      calendar
        .exceptions(2026)
        .filter((d) => d.workday)
        .map((d) => d.date),
      ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    );
  });
});

describe('counting', () => {
  test('working days per year, counted from the notices', () => {
    // 2021: 261 weekdays − 18 weekday holidays + 7 make-up days
    assert.equal(calendar.countWorkdays('2020-12-31', '2021-12-31'), 250);
    assert.equal(calendar.countWorkdays('2018-12-31', '2019-12-31'), 250);
    // 2026: 261 − 19 + 6
    assert.equal(calendar.countWorkdays('2025-12-31', '2026-12-31'), 248);
  });
  test('addWorkdays(·, 0) is the day itself; count of an empty range is 0', () => {
    assert.equal(calendar.addWorkdays('2021-10-02', 0), '2021-10-02');
    assert.equal(calendar.countWorkdays('2021-10-05', '2021-10-01'), 0);
  });
  test('a multi-year jump crosses year tables: 250 working days after 2020-12-31 is 2021-12-31', () => {
    assert.equal(calendar.addWorkdays('2020-12-31', 250), '2021-12-31');
    assert.equal(calendar.addWorkdays('2020-12-31', 251), '2022-01-04');
  });
  test('negative counts are refused', () => {
    assert.throws(() => calendar.addWorkdays('2021-01-01', -1), { code: 'law.workdays.invalid' });
  });
});

describe('properties (against a naive day-by-day loop)', () => {
  const start = toDayNumber('2018-06-01');
  const naiveAdd = (day: number, n: number) => {
    let d = day;
    let left = n;
    while (left > 0) {
      d += 1;
      if (calendar.isWorkdayOn(d)) left -= 1;
    }
    return d;
  };
  test('addWorkdays equals the naive loop and lands on a working day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 1, max: 300 }),
        (offset, n) => {
          const day = start + offset;
          const fast = calendar.addWorkdaysOn(day, n);
          assert.equal(fast, naiveAdd(day, n));
          assert.equal(calendar.isWorkdayOn(fast), true);
          assert.equal(calendar.countWorkdaysOn(day, fast), n);
        },
      ),
    );
  });
  test('dates round-trip through day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 80000 }), (n) => {
        assert.equal(toDayNumber(fromDayNumber(n)), n);
      }),
    );
  });
  test('invalid dates are refused', () => {
    for (const bad of ['2021-02-29', '2021-13-01', '2021-9-1', '20210901', '']) {
      assert.throws(() => toDayNumber(bad), { code: 'law.date.invalid' });
    }
    assert.equal(fromDayNumber(toDayNumber('2024-02-29')), '2024-02-29');
  });
});
