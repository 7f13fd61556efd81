import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isGongkaiError } from '../../src/errors.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { parseScheduleFile } from '../../src/law/schedule-file.ts';

// Test data in the import format; not an official 2027 notice.
const file = {
  year: 2027,
  source: '测试：国务院办公厅关于2027年部分节假日安排的通知',
  holidays: ['2027-01-01', { from: '2027-02-06', to: '2027-02-12', name: '春节' }],
  workdays: [{ date: '2027-02-14', name: '春节' }],
};

describe('schedule file', () => {
  test('expands ranges into days and keeps the source', () => {
    const schedule = parseScheduleFile(file);
    assert.equal(schedule.year, 2027);
    assert.equal(schedule.overrides.length, 9);
    assert.deepEqual(schedule.overrides[1], { day: '2027-02-06', workday: false, name: '春节' });
    assert.deepEqual(schedule.overrides.at(-1), { day: '2027-02-14', workday: true, name: '春节' });
  });
  test('a loaded file covers its year', () => {
    const calendar = new Calendar({ schedules: [parseScheduleFile(file)] });
    assert.equal(calendar.coverage(2027).covered, true);
    assert.equal(calendar.isWorkday('2027-02-08'), false);
    assert.equal(calendar.isWorkday('2027-02-14'), true);
  });
  test('the previous December is allowed (元旦 may start on 12-31)', () => {
    const s = parseScheduleFile({ ...file, holidays: ['2026-12-31', '2027-01-01'] });
    assert.equal(s.overrides[0].day, '2026-12-31');
  });
  const bad: [string, unknown, RegExp][] = [
    ['not an object', [], /应为包含 year、source、holidays、workdays 的对象/],
    ['year missing', { ...file, year: undefined }, /year：year 应为年份数字/],
    ['empty source', { ...file, source: ' ' }, /source 不能为空/],
    [
      'impossible date',
      { ...file, holidays: ['2027-02-30'] },
      /holidays\[0\]：应为 YYYY-MM-DD 格式的真实日期/,
    ],
    ['date of another year', { ...file, holidays: ['2025-01-01'] }, /不在2027年/],
    ['both holiday and workday', { ...file, workdays: ['2027-01-01'] }, /2027-01-01 重复出现/],
    [
      'reversed range',
      { ...file, holidays: [{ from: '2027-02-12', to: '2027-02-06' }] },
      /结束日期早于开始日期/,
    ],
    ['unknown field', { ...file, notes: 'x' }, /不认识的字段：notes/],
  ];
  for (const [what, json, message] of bad) {
    test(`refuses ${what} with a Chinese message`, () => {
      assert.throws(
        () => parseScheduleFile(json),
        (e: unknown) =>
          isGongkaiError(e) && e.code === 'law.schedule.invalid' && message.test(e.message),
      );
    });
  }
});
