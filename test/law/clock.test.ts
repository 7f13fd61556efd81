import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isGongkaiError } from '../../src/errors.ts';
import { Calendar } from '../../src/law/calendar.ts';
import {
  consultationWindowEnd,
  feePaymentDue,
  replyDue,
  supplementNoticeDue,
} from '../../src/law/clock.ts';
import type { ClockEvent } from '../../src/law/events.ts';
import { publicationDue } from '../../src/law/publication.ts';
import { receiptDate } from '../../src/law/receipt.ts';

const calendar = new Calendar();
const received = (on: string): ClockEvent => ({
  type: 'Received',
  receipt: { channel: 'in-person', submittedOn: on },
});
const officeHead = { role: 'office-head' as const };

function rejects(events: ClockEvent[], code: string): void {
  assert.throws(
    () => replyDue(calendar, events),
    (e: unknown) => isGongkaiError(e) && e.code === code && /[\u4e00-\u9fff]/.test(e.message),
  );
}

// Base case for most scenarios: received Fri 2021-09-24, due 2021-10-27 (hand-counted).
const base = received('2021-09-24');

describe('receipt date by channel (Art. 31)', () => {
  test('in person: the day of submission', () => {
    assert.equal(receiptDate({ channel: 'in-person', submittedOn: '2021-09-24' }), '2021-09-24');
  });
  test('post signed for: the signing day, not the posting day', () => {
    const r = {
      channel: 'post-signed',
      signedOn: '2021-09-27',
      submittedOn: '2021-09-22',
    } as const;
    assert.equal(receiptDate(r), '2021-09-27');
  });
  test('post without signature, online, fax: the confirmation day', () => {
    for (const channel of ['post', 'online', 'fax'] as const) {
      assert.equal(
        receiptDate({ channel, confirmedOn: '2021-09-26', submittedOn: '2021-09-23' }),
        '2021-09-26',
      );
    }
  });
  test('a confirmation before the submission is refused', () => {
    assert.throws(
      () =>
        receiptDate({ channel: 'online', confirmedOn: '2021-09-22', submittedOn: '2021-09-23' }),
      (e: unknown) => isGongkaiError(e) && e.code === 'law.receipt.before-submission',
    );
  });
  test('the channel decides the clock start: signed post received 09-27 → due 10-29', () => {
    // 09-27 Mon: day 1 = 09-28, 09-29, 09-30, 10-08, 10-09 (Sat, make-up) = day 5 … 10-29 = day 20
    const clock = replyDue(calendar, [
      {
        type: 'Received',
        receipt: { channel: 'post-signed', signedOn: '2021-09-27', submittedOn: '2021-09-24' },
      },
    ]);
    assert.equal(clock.due, '2021-10-29');
    assert.equal(clock.receivedOn, '2021-09-27');
  });
});

describe('trace', () => {
  test('the issue example reads step by step and skips ordinary weekdays', () => {
    const { trace } = replyDue(calendar, [base]);
    assert.deepEqual(trace, [
      '收到申请：2021-09-24（当面提交）',
      '期限：20个工作日；自收到申请之日的次日起算',
      '第1个工作日：2021-09-26（国庆节调休上班）',
      '跳过国庆节假期：2021-10-01至2021-10-07（7天）',
      '第7个工作日：2021-10-09（国庆节调休上班）',
      '第20个工作日：2021-10-27',
      '答复期限：2021-10-27',
    ]);
  });
  test('explain: false gives the same result without a trace', () => {
    const quiet = replyDue(calendar, [base], { explain: false });
    assert.equal(quiet.due, '2021-10-27');
    assert.deepEqual(quiet.trace, []);
  });
  test('receipt on a holiday is said so', () => {
    const { trace } = replyDue(calendar, [
      { type: 'Received', receipt: { channel: 'online', confirmedOn: '2021-10-02' } },
    ]);
    assert.match(trace[0], /^收到申请：2021-10-02（互联网渠道.*当日为国庆节假期）$/);
  });
});

describe('补正 (Art. 30)', () => {
  test('the notice is due within 7 working days: 09-24 → 10-09 (a Saturday make-up day)', () => {
    assert.equal(supplementNoticeDue(calendar, '2021-09-24').date, '2021-10-09');
    assert.equal(replyDue(calendar, [base]).supplementNoticeDue, '2021-10-09');
  });
  test('the clock restarts from receipt of the supplement: 10-12 → 11-09', () => {
    const clock = replyDue(calendar, [
      base,
      { type: 'SupplementRequested', on: '2021-09-28', deadline: '2021-10-15' },
      { type: 'SupplementReceived', on: '2021-10-12' },
    ]);
    assert.equal(clock.due, '2021-11-09');
    assert.equal(clock.clockStart, '2021-10-12');
    assert.equal(clock.lapse, null);
    assert.ok(clock.trace.includes('收到补正后的申请：2021-10-12，答复期限自该日起重新计算'));
  });
  test('waiting for the supplement: no due date, o1 after the stated deadline', () => {
    const clock = replyDue(calendar, [
      base,
      { type: 'SupplementRequested', on: '2021-09-28', deadline: '2021-10-15' },
    ]);
    assert.equal(clock.due, null);
    assert.equal(clock.waitingFor, 'supplement');
    assert.deepEqual(
      { outcome: clock.lapse?.outcome, after: clock.lapse?.after },
      { outcome: 'o1', after: '2021-10-15' },
    );
  });
  test('a notice on the 7th working day is in time', () => {
    const clock = replyDue(calendar, [base, { type: 'SupplementRequested', on: '2021-10-09' }]);
    assert.equal(clock.waitingFor, 'supplement');
  });
  test('a notice after the 7th working day is refused', () => {
    rejects([base, { type: 'SupplementRequested', on: '2021-10-11' }], 'law.supplement.late');
  });
  test('only once', () => {
    rejects(
      [
        base,
        { type: 'SupplementRequested', on: '2021-09-27' },
        { type: 'SupplementReceived', on: '2021-09-29' },
        { type: 'SupplementRequested', on: '2021-09-30' },
      ],
      'law.supplement.repeated',
    );
  });
  test('a supplement without a notice is refused', () => {
    rejects(
      [base, { type: 'SupplementReceived', on: '2021-09-29' }],
      'law.supplement.not-requested',
    );
  });
  test('nothing else may happen while waiting for the supplement', () => {
    rejects(
      [
        base,
        { type: 'SupplementRequested', on: '2021-09-27' },
        { type: 'Extension', on: '2021-09-28', workdays: 5, approvedBy: officeHead },
      ],
      'law.events.awaiting-supplement',
    );
  });
});

describe('征求意见 (Arts. 32–34)', () => {
  test('the consulted party has 15 working days: 10-11 → 11-01', () => {
    assert.equal(consultationWindowEnd(calendar, '2021-10-11').date, '2021-11-01');
  });
  test('days after the letter up to the reply are not counted: 10-12…10-15 → due 11-02', () => {
    const clock = replyDue(calendar, [
      base,
      { type: 'ConsultationSent', id: 'c1', on: '2021-10-11', party: 'third-party' },
      { type: 'ConsultationReplied', id: 'c1', on: '2021-10-15' },
    ]);
    assert.equal(clock.due, '2021-11-02');
    assert.equal(clock.pausedWorkdays, 4);
  });
  test('no reply: the whole 15-day window is excluded → 11-17', () => {
    const clock = replyDue(calendar, [
      base,
      {
        type: 'ConsultationSent',
        id: 'c1',
        on: '2021-10-11',
        party: 'agency',
        name: '县自然资源局',
      },
    ]);
    assert.equal(clock.due, '2021-11-17');
    assert.ok(
      clock.trace.some(
        (l) =>
          l.includes('征求其他机关（县自然资源局）意见') &&
          l.includes('15个工作日期满（2021-11-01）'),
      ),
    );
  });
  test('a late reply is capped at the 15-day window', () => {
    const clock = replyDue(calendar, [
      base,
      { type: 'ConsultationSent', id: 'c1', on: '2021-10-11', party: 'third-party' },
      { type: 'ConsultationReplied', id: 'c1', on: '2021-11-05' },
    ]);
    assert.equal(clock.due, '2021-11-17');
    assert.equal(clock.pausedWorkdays, 15);
  });
  test('overlapping consultations count each paused day once: 10-12…10-20 = 7 → 11-05', () => {
    const clock = replyDue(calendar, [
      base,
      { type: 'ConsultationSent', id: 'tp', on: '2021-10-11', party: 'third-party' },
      { type: 'ConsultationSent', id: 'ag', on: '2021-10-13', party: 'agency' },
      { type: 'ConsultationReplied', id: 'tp', on: '2021-10-15' },
      { type: 'ConsultationReplied', id: 'ag', on: '2021-10-20' },
    ]);
    assert.equal(clock.due, '2021-11-05');
    assert.equal(clock.pausedWorkdays, 7);
  });
  test('a consultation after the due date is outside the case', () => {
    rejects(
      [base, { type: 'ConsultationSent', id: 'c1', on: '2021-10-28', party: 'third-party' }],
      'law.consultation.outside-case',
    );
  });
  test('a consultation before receipt is outside the case', () => {
    rejects(
      [base, { type: 'ConsultationSent', id: 'c1', on: '2021-09-20', party: 'third-party' }],
      'law.events.before-receipt',
    );
  });
  test('a reply without its letter is refused', () => {
    rejects(
      [base, { type: 'ConsultationReplied', id: 'x', on: '2021-10-15' }],
      'law.consultation.unknown',
    );
  });
});

describe('延长 (Art. 33)', () => {
  test('20 working days → 11-24', () => {
    const clock = replyDue(calendar, [
      base,
      { type: 'Extension', on: '2021-10-20', workdays: 20, approvedBy: officeHead },
    ]);
    assert.equal(clock.due, '2021-11-24');
    assert.equal(clock.extendedWorkdays, 20);
  });
  test('two extensions of 10 add up to the same 11-24', () => {
    const clock = replyDue(calendar, [
      base,
      { type: 'Extension', on: '2021-10-20', workdays: 10, approvedBy: officeHead },
      { type: 'Extension', on: '2021-11-05', workdays: 10, approvedBy: officeHead },
    ]);
    assert.equal(clock.due, '2021-11-24');
  });
  test('decided on the due date itself is still in time', () => {
    const clock = replyDue(calendar, [
      base,
      { type: 'Extension', on: '2021-10-27', workdays: 1, approvedBy: officeHead },
    ]);
    assert.equal(clock.due, '2021-10-28');
  });
  test('more than 20 in total is refused', () => {
    rejects(
      [
        base,
        { type: 'Extension', on: '2021-10-20', workdays: 10, approvedBy: officeHead },
        { type: 'Extension', on: '2021-10-21', workdays: 11, approvedBy: officeHead },
      ],
      'law.extension.too-long',
    );
    rejects(
      [base, { type: 'Extension', on: '2021-10-20', workdays: 21, approvedBy: officeHead }],
      'law.extension.too-long',
    );
  });
  test('after the due date is refused', () => {
    rejects(
      [base, { type: 'Extension', on: '2021-10-28', workdays: 5, approvedBy: officeHead }],
      'law.extension.late',
    );
  });
  test('without the head of the disclosure office is refused', () => {
    rejects(
      [base, { type: 'Extension', on: '2021-10-20', workdays: 5, approvedBy: { role: 'staff' } }],
      'law.extension.not-approved',
    );
  });
  test('zero or fractional days are refused', () => {
    rejects(
      [base, { type: 'Extension', on: '2021-10-20', workdays: 0, approvedBy: officeHead }],
      'law.extension.invalid',
    );
    rejects(
      [base, { type: 'Extension', on: '2021-10-20', workdays: 2.5, approvedBy: officeHead }],
      'law.extension.invalid',
    );
  });
});

describe('信息处理费 period (109号)', () => {
  // Received Tue 2022-03-01: due 03-29 without a fee (no holiday in March 2022).
  const march = received('2022-03-01');
  test('paid: notice 03-10, paid 03-17 → 5 days excluded → 04-06 (Sat 04-02 make-up counted, 清明 skipped)', () => {
    const clock = replyDue(calendar, [
      march,
      { type: 'ProcessingFeeNotified', on: '2022-03-10', amount: 300 },
      { type: 'ProcessingFeePaid', on: '2022-03-17' },
    ]);
    assert.equal(clock.due, '2022-04-06');
    assert.equal(clock.pausedWorkdays, 5);
    assert.equal(clock.lapse, null);
  });
  test('payment window is 20 working days: 03-10 → 04-08', () => {
    assert.equal(feePaymentDue(calendar, '2022-03-10').date, '2022-04-08');
  });
  test('unpaid: o2 after the window; the due date assumes the full window (04-26)', () => {
    const clock = replyDue(calendar, [march, { type: 'ProcessingFeeNotified', on: '2022-03-10' }]);
    assert.equal(clock.lapse?.outcome, 'o2');
    assert.equal(clock.lapse?.after, '2022-04-08');
    assert.equal(clock.due, '2022-04-26');
  });
  test('a payment without a notice is refused', () => {
    rejects([march, { type: 'ProcessingFeePaid', on: '2022-03-10' }], 'law.fee.not-notified');
  });
});

describe('Art. 35 deferral', () => {
  test('a reasoned custom deadline replaces the statutory one', () => {
    const clock = replyDue(calendar, [
      base,
      { type: 'Deferral', on: '2021-10-20', due: '2021-12-31', reason: '申请数量明显超过合理范围' },
    ]);
    assert.equal(clock.due, '2021-12-31');
    assert.equal(clock.deferred, true);
  });
  test('without a reason, or not later than the current due date, it is refused', () => {
    rejects(
      [base, { type: 'Deferral', on: '2021-10-20', due: '2021-12-31', reason: ' ' }],
      'law.deferral.no-reason',
    );
    rejects(
      [base, { type: 'Deferral', on: '2021-10-20', due: '2021-10-27', reason: '量大' }],
      'law.deferral.not-later',
    );
  });
  test('no Art. 33 extension after an Art. 35 deferral', () => {
    rejects(
      [
        base,
        { type: 'Deferral', on: '2021-10-20', due: '2021-12-31', reason: '量大' },
        { type: 'Extension', on: '2021-10-21', workdays: 5, approvedBy: officeHead },
      ],
      'law.extension.after-deferral',
    );
  });
});

describe('events', () => {
  test('the log order does not matter, only the dates', () => {
    const events: ClockEvent[] = [
      { type: 'ConsultationReplied', id: 'c1', on: '2021-10-15' },
      { type: 'ConsultationSent', id: 'c1', on: '2021-10-11', party: 'third-party' },
      base,
    ];
    assert.equal(replyDue(calendar, events).due, '2021-11-02');
  });
  test('no receipt, or two, is refused', () => {
    rejects([], 'law.events.no-receipt');
    rejects([base, received('2021-09-27')], 'law.events.duplicate-receipt');
  });
  test('an invalid date is refused', () => {
    rejects([received('2021-02-30')], 'law.date.invalid');
  });
});

describe('counting convention and coverage', () => {
  test('same-day convention: a working receipt day is day 1 → 10-26', () => {
    const sameDay = new Calendar({ convention: { dayOne: 'same-day' } });
    assert.equal(replyDue(sameDay, [base]).due, '2021-10-26');
    // received on a holiday: day 1 is still the first working day after it
    assert.equal(replyDue(sameDay, [received('2021-10-02')]).due, '2021-11-03');
  });
  test('2027 has no notice: weekends only and provisional (2026-12-10 → 2027-01-07)', () => {
    const clock = replyDue(calendar, [received('2026-12-10')]);
    assert.equal(clock.due, '2027-01-07');
    assert.equal(clock.provisional, true);
    assert.ok(clock.trace.some((l) => l.includes('2027年') && l.includes('暂定')));
  });
  test('a loaded 2027 schedule makes the year covered and moves the date (test data)', () => {
    const with2027 = new Calendar({
      schedules: [
        {
          year: 2027,
          source: '测试用通知',
          overrides: [{ day: '2027-01-01', workday: false, name: '元旦' }],
        },
      ],
    });
    const clock = replyDue(with2027, [received('2026-12-10')]);
    assert.equal(clock.due, '2027-01-08');
    assert.equal(clock.provisional, false);
  });
  test('a clock wholly inside covered years is not provisional even in late 2026', () => {
    assert.equal(replyDue(calendar, [received('2026-11-01')]).provisional, false);
  });
});

describe('proactive publication (Art. 26)', () => {
  test('20 working days from the day the information was made: 2024-09-27 → 2024-10-30', () => {
    const result = publicationDue(calendar, '2024-09-27');
    assert.equal(result.date, '2024-10-30');
    assert.equal(result.trace[0], '信息形成：2024-09-27');
    assert.equal(result.trace.at(-1), '主动公开期限：2024-10-30');
  });
  test('changed information: 2021-09-23 → 2021-10-26', () => {
    assert.equal(publicationDue(calendar, '2021-09-23', 'changed').date, '2021-10-26');
  });
});
