import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Calendar } from '../../src/law/calendar.ts';
import { replyDue } from '../../src/law/clock.ts';

/**
 * Reply due dates (Art. 33: 20 working days; day 1 = the next working day after receipt).
 * Every row was counted by hand on a printed month calendar with the State Council holiday
 * notices for 2019–2026 (国办发明电〔2018〕15号 … the 2026 notice), not computed by this code.
 * Comments give the step that makes the row interesting.
 */
const cases: [received: string, due: string, note: string][] = [
  // Spring Festival
  [
    '2019-01-30',
    '2019-03-04',
    '2019 春节 02-04…02-10; 02-02 Sat, 02-03 Sun are make-up days 3 and 4',
  ],
  ['2019-02-01', '2019-03-06', 'day 1 = Sat 02-02 (make-up), day 2 = Sun 02-03'],
  [
    '2020-01-20',
    '2020-02-25',
    '2020 春节 extended to 02-02 (国办发明电〔2020〕1号): 02-01 is no longer a make-up day',
  ],
  ['2020-01-23', '2020-02-28', 'holiday 01-24…02-02, day 1 = 02-03'],
  ['2021-02-05', '2021-03-10', '2021 春节 02-11…02-17; make-up Sun 02-07 and Sat 02-20'],
  ['2021-02-10', '2021-03-16', 'received on the eve; day 1 = 02-18, Sat 02-20 counted'],
  [
    '2022-01-28',
    '2022-03-02',
    '2022 春节 01-31…02-06; make-up Sat 01-29 and Sun 01-30 are days 1, 2',
  ],
  ['2023-01-19', '2023-02-21', '2023 春节 01-21…01-27; make-up 01-28, 01-29'],
  ['2024-02-08', '2024-03-13', '2024 春节 02-10…02-17; make-up Sun 02-18'],
  ['2025-01-24', '2025-02-27', '2025 春节 01-28…02-04; make-up Sun 01-26, Sat 02-08'],
  ['2026-02-12', '2026-03-18', '2026 春节 02-15…02-23 (9 days); make-up Sat 02-14, Sat 02-28'],
  ['2026-02-13', '2026-03-19', 'day 1 = Sat 02-14 (make-up), day 2 = Tue 02-24'],
  // National Day with make-up Sundays and Saturdays
  ['2019-09-27', '2019-10-30', '2019 国庆 10-01…10-07; make-up Sun 09-29, Sat 10-12'],
  ['2019-09-30', '2019-11-01', 'day 1 = 10-08, Sat 10-12 counted'],
  ['2020-09-25', '2020-10-29', '2020 国庆中秋 10-01…10-08; make-up Sun 09-27, Sat 10-10'],
  ['2020-09-30', '2020-11-04', 'day 1 = 10-09, day 2 = Sat 10-10'],
  [
    '2021-09-24',
    '2021-10-27',
    'the issue example: day 1 = Sun 09-26 (make-up), Sat 10-09 is day 7',
  ],
  ['2021-09-30', '2021-11-03', 'day 1 = 10-08, day 2 = Sat 10-09'],
  [
    '2022-09-30',
    '2022-11-02',
    '2022 国庆 10-01…10-07; make-up Sat 10-08 and Sun 10-09 are days 1, 2',
  ],
  ['2023-09-27', '2023-10-31', '2023 中秋国庆 09-29…10-06; make-up Sat 10-07, Sun 10-08'],
  ['2024-09-27', '2024-10-30', '2024 国庆; make-up Sun 09-29, Sat 10-12'],
  ['2025-09-26', '2025-10-30', '2025 国庆中秋 10-01…10-08; make-up Sun 09-28, Sat 10-11'],
  [
    '2026-09-18',
    '2026-10-22',
    '2026 make-up Sun 09-20; 中秋 09-25…09-27; 国庆 10-01…10-07; Sat 10-10',
  ],
  ['2026-09-30', '2026-11-03', 'day 1 = 10-08, Sat 10-10 counted'],
  // Receipt on a holiday
  ['2021-10-02', '2021-11-03', 'received on 国庆 (post confirmed on a holiday): day 1 = 10-08'],
  ['2024-02-12', '2024-03-14', 'received during 春节; day 1 = Sun 02-18 (make-up)'],
  ['2025-05-01', '2025-06-03', 'received on 劳动节; 端午 05-31…06-02 skipped at the end'],
  ['2019-06-07', '2019-07-05', 'received on 端午'],
  // Receipt on a make-up working day
  ['2021-09-26', '2021-10-28', 'received on Sun make-up day; day 1 = 09-27'],
  ['2024-02-04', '2024-03-07', 'received on Sun make-up day; Sun 02-18 is day 6'],
  ['2025-01-26', '2025-02-28', 'received on Sun make-up day before 春节'],
  ['2026-02-28', '2026-03-27', 'received on Sat make-up day after 春节'],
  ['2023-10-07', '2023-11-02', 'received on Sat make-up day; day 1 = Sun 10-08 (make-up)'],
  // Year boundaries
  ['2019-12-20', '2020-01-19', 'due on Sun 2020-01-19, a make-up working day; 元旦 skipped'],
  ['2020-12-25', '2021-01-25', '2021 元旦 01-01…01-03'],
  ['2021-12-24', '2022-01-24', '2022 元旦 01-01…01-03'],
  ['2022-12-20', '2023-01-18', '元旦 2022-12-31…2023-01-02 (in the 2023 notice)'],
  ['2023-12-22', '2024-01-22', '2024 元旦 01-01'],
  ['2024-12-20', '2025-01-20', '2025 元旦 01-01'],
  ['2025-12-19', '2026-01-19', '2026 元旦 01-01…01-03, make-up Sun 01-04'],
  ['2026-01-01', '2026-01-29', 'received on 元旦; day 1 = Sun 01-04 (make-up)'],
  // Other festivals
  ['2019-04-26', '2019-05-27', '2019 劳动节 05-01…05-04; make-up Sun 04-28, Sun 05-05'],
  ['2020-04-30', '2020-06-01', '2020 劳动节 05-01…05-05; make-up Sat 05-09'],
  ['2022-04-01', '2022-04-29', '2022 清明 04-03…04-05; make-up Sat 04-02 and Sun 04-24'],
  ['2022-04-29', '2022-05-31', '2022 劳动节 04-30…05-04; make-up Sat 05-07; 端午 06-03 after due'],
  ['2023-03-30', '2023-04-27', '2023 清明 04-05 (one day); make-up Sun 04-23'],
  [
    '2024-04-03',
    '2024-05-06',
    '2024 清明 04-04…04-06, make-up Sun 04-07; 劳动节 make-up Sun 04-28',
  ],
  ['2025-04-30', '2025-06-03', 'make-up Sun 04-27 is before; 劳动节 and 端午 both skipped'],
  ['2020-06-20', '2020-07-20', '2020 端午 06-25…06-27; make-up Sun 06-28'],
  ['2021-06-11', '2021-07-12', '2021 端午 06-12…06-14'],
  ['2023-06-21', '2023-07-20', '2023 端午 06-22…06-24; make-up Sun 06-25'],
  ['2025-05-30', '2025-06-30', '2025 端午 05-31…06-02'],
  ['2026-04-30', '2026-06-01', '2026 劳动节 05-01…05-05; make-up Sat 05-09'],
  ['2026-06-18', '2026-07-17', '2026 端午 06-19…06-21'],
  ['2022-09-09', '2022-10-13', '2022 中秋 09-10…09-12 then 国庆, make-up 10-08, 10-09'],
  ['2024-09-10', '2024-10-14', '2024 中秋 09-15…09-17, make-up Sat 09-14, Sun 09-29, Sat 10-12'],
  // Ordinary months
  ['2019-07-01', '2019-07-29', 'no holiday: 4 weeks'],
  ['2026-11-01', '2026-11-27', 'received on a Sunday'],
];

describe('reply due: 20 working days from receipt (hand-counted, 2019–2026)', () => {
  const calendar = new Calendar();
  for (const [received, due, note] of cases) {
    test(`${received} → ${due} (${note})`, () => {
      const clock = replyDue(calendar, [
        { type: 'Received', receipt: { channel: 'in-person', submittedOn: received } },
      ]);
      assert.equal(clock.due, due);
      assert.equal(clock.provisional, false);
      assert.equal(clock.trace.at(-1), `答复期限：${due}`);
    });
  }

  test('the table has at least 55 distinct receipt dates', () => {
    assert.ok(new Set(cases.map((c) => c[0])).size >= 55);
  });
});
