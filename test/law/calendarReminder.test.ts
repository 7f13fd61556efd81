/** The dashboard reminder of next year's missing holiday schedule: from 1 November, until imported. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Calendar } from '../../src/law/calendar.ts';
import { missingCalendarReminder } from '../../src/law/calendarReminder.ts';

const bundled = new Calendar();
const next2027 = new Calendar({
  schedules: [
    {
      year: 2027,
      source: '国办发明电〔2026〕测试号',
      overrides: [{ day: '2027-01-01', workday: false, name: '元旦' }],
    },
  ],
});

test('silent before 1 November and when next year is loaded', () => {
  assert.equal(missingCalendarReminder('2026-10-31', bundled), null);
  assert.equal(missingCalendarReminder('2025-11-15', bundled), null, '2026 is bundled');
  assert.equal(missingCalendarReminder('2026-12-06', next2027), null);
});

test('from 1 November to 31 December it names the year and how to import it', () => {
  for (const today of ['2026-11-01', '2026-12-31']) {
    const text = missingCalendarReminder(today, bundled) ?? '';
    assert.match(text, /^2027年的节假日安排尚未载入/);
    assert.match(text, /gongkai calendar import 2027\.json --dry-run/);
    assert.match(text, /docs\/calendar\.md/);
  }
});
