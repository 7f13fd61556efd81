import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Calendar } from '../../src/law/calendar.ts';
import {
  isOverdue,
  type PetitionClock,
  type PetitionEvent,
  petitionClock,
} from '../../src/petitions/index.ts';

const reg = (on: string, channel: 'visit' | 'letter' | 'online' | 'referred' = 'online') =>
  ({ type: 'Registered', on, channel }) as const;
const accept = (on: string) => ({ type: 'AcceptanceDecided', on, decision: 'accepted' }) as const;

const pick = (c: PetitionClock) => ({
  status: c.status,
  acceptanceDue: c.acceptance.due,
  acceptanceOnTime: c.acceptance.onTime,
  handlingDue: c.handling?.due ?? null,
  handlingOnTime: c.handling?.onTime ?? null,
  extensionDays: c.extensionDays,
  reviewRequestDue: c.reviewRequest?.due ?? null,
  reviewRequestOnTime: c.reviewRequest?.onTime ?? null,
  reviewAnswerDue: c.reviewAnswer?.due ?? null,
  recheckRequestDue: c.recheckRequest?.due ?? null,
  recheckAnswerDue: c.recheckAnswer?.due ?? null,
  recheckAnswerOnTime: c.recheckAnswer?.onTime ?? null,
  closedOn: c.closedOn,
});

// Each row: the events, and the fields of the derived clock it must produce (calendar days, day 1 = next day).
const rows: { name: string; events: PetitionEvent[]; want: Partial<ReturnType<typeof pick>> }[] = [
  {
    name: 'registered only: acceptance notice due 15 days after receipt',
    events: [reg('2021-03-01')],
    want: {
      status: 'registered',
      acceptanceDue: '2021-03-16',
      acceptanceOnTime: null,
      handlingDue: null,
    },
  },
  {
    name: 'accepted on day 9: handling due 60 days after acceptance',
    events: [reg('2021-03-01'), accept('2021-03-10')],
    want: { status: 'accepted', acceptanceOnTime: true, handlingDue: '2021-05-09' },
  },
  {
    name: 'acceptance notice on day 15 is still in time',
    events: [reg('2021-03-01'), accept('2021-03-16')],
    want: { acceptanceOnTime: true, handlingDue: '2021-05-15' },
  },
  {
    name: 'acceptance notice on day 16 is late',
    events: [reg('2021-03-01'), accept('2021-03-17')],
    want: { acceptanceOnTime: false },
  },
  {
    name: 'not accepted: no handling clock',
    events: [
      reg('2021-03-01', 'letter'),
      {
        type: 'AcceptanceDecided',
        on: '2021-03-05',
        decision: 'not-accepted',
        note: '已进入诉讼程序',
      },
    ],
    want: { status: 'not-accepted', acceptanceOnTime: true, handlingDue: null },
  },
  {
    name: 'forwarded to the competent agency',
    events: [
      reg('2021-03-01', 'visit'),
      { type: 'AcceptanceDecided', on: '2021-03-02', decision: 'forwarded', note: '县自然资源局' },
    ],
    want: { status: 'forwarded', handlingDue: null },
  },
  {
    name: 'extended by the maximum 30 days',
    events: [
      reg('2021-03-01'),
      accept('2021-03-10'),
      { type: 'Extended', on: '2021-05-01', days: 30, approvedBy: '局长', reason: '情况复杂' },
    ],
    want: { handlingDue: '2021-06-08', extensionDays: 30 },
  },
  {
    name: 'extension approved on the last handling day',
    events: [
      reg('2021-03-01'),
      accept('2021-03-10'),
      { type: 'Extended', on: '2021-05-09', days: 10, approvedBy: '局长', reason: '' },
    ],
    want: { handlingDue: '2021-05-19' },
  },
  {
    name: 'answered on the extended last day is on time',
    events: [
      reg('2021-03-01'),
      accept('2021-03-10'),
      { type: 'Extended', on: '2021-05-01', days: 30, approvedBy: '局长', reason: '情况复杂' },
      { type: 'Answered', on: '2021-06-08' },
    ],
    want: {
      status: 'answered',
      handlingOnTime: true,
      closedOn: '2021-06-08',
      reviewRequestDue: '2021-07-08',
    },
  },
  {
    name: 'answered a day after the handling deadline is late',
    events: [reg('2021-03-01'), accept('2021-03-10'), { type: 'Answered', on: '2021-05-10' }],
    want: { handlingOnTime: false },
  },
  {
    name: 'review window runs from the day the reply was served',
    events: [
      reg('2021-03-01'),
      accept('2021-03-10'),
      { type: 'Answered', on: '2021-04-20', servedOn: '2021-04-22' },
    ],
    want: { reviewRequestDue: '2021-05-22' },
  },
  {
    name: 'late 复查 request is recorded as out of time, not refused by the clock',
    events: [
      reg('2021-03-01'),
      accept('2021-03-10'),
      { type: 'Answered', on: '2021-04-20' },
      { type: 'ReviewRequested', on: '2021-05-21', stage: 'review' },
    ],
    want: {
      status: 'review-requested',
      reviewRequestDue: '2021-05-20',
      reviewRequestOnTime: false,
      reviewAnswerDue: '2021-06-20',
    },
  },
  {
    name: '复查 then 复核 with a two-day hearing not counted',
    events: [
      reg('2021-03-01'),
      accept('2021-03-10'),
      { type: 'Answered', on: '2021-04-20', servedOn: '2021-04-22' },
      { type: 'ReviewRequested', on: '2021-05-10', stage: 'review' },
      { type: 'ReviewAnswered', on: '2021-06-01', stage: 'review', servedOn: '2021-06-03' },
      { type: 'ReviewRequested', on: '2021-06-20', stage: 'recheck' },
      { type: 'HearingHeld', on: '2021-07-01', until: '2021-07-02' },
      { type: 'ReviewAnswered', on: '2021-07-22', stage: 'recheck' },
    ],
    want: {
      status: 'rechecked',
      reviewAnswerDue: '2021-06-09',
      recheckRequestDue: '2021-07-03',
      recheckAnswerDue: '2021-07-22',
      recheckAnswerOnTime: true,
    },
  },
  {
    name: 'across a leap day',
    events: [reg('2024-02-20')],
    want: { acceptanceDue: '2024-03-06' },
  },
  {
    name: 'across the year end',
    events: [reg('2021-12-20', 'referred'), accept('2021-12-31')],
    want: { acceptanceDue: '2022-01-04', handlingDue: '2022-03-01' },
  },
  {
    name: 'a last day in the National Day holiday is not moved by default',
    events: [reg('2021-09-18')],
    want: { acceptanceDue: '2021-10-03' },
  },
];

describe('petition clocks (calendar days, 《信访工作条例》)', () => {
  for (const row of rows) {
    test(row.name, () => {
      const got = pick(petitionClock(row.events));
      const subset = Object.fromEntries(
        Object.keys(row.want).map((k) => [k, got[k as keyof typeof got]]),
      );
      assert.deepEqual(subset, row.want);
    });
  }

  test('with rollover, a last day on a holiday moves to the next working day, and the trace says why', () => {
    const calendar = new Calendar();
    const clock = petitionClock([reg('2021-09-18')], { calendar, rollover: true });
    assert.equal(clock.acceptance.due, '2021-10-08');
    assert.ok(
      clock.trace.some(
        (l) => l.includes('国庆节假期') && l.includes('顺延至其后第一个工作日2021-10-08'),
      ),
    );
    const strict = petitionClock([reg('2021-09-18')], { calendar });
    assert.equal(strict.acceptance.due, '2021-10-03');
    assert.ok(strict.trace.some((l) => l.includes('不顺延')));
  });

  test('the trace explains every step in Chinese', () => {
    const clock = petitionClock([
      reg('2021-03-01', 'letter'),
      accept('2021-03-10'),
      {
        type: 'Extended',
        on: '2021-05-01',
        days: 20,
        approvedBy: '王局长',
        reason: '涉及多个部门',
      },
      { type: 'Answered', on: '2021-05-25' },
    ]);
    assert.deepEqual(clock.trace.slice(0, 3), [
      '收到信访事项：2021-03-01（来信）',
      '受理告知期限：15日（日历日），自收到之日（2021-03-01）的次日起算，第1日为2021-03-02，第15日为2021-03-16',
      '受理告知期限届满：2021-03-16',
    ]);
    assert.ok(clock.trace.includes('受理告知：2021-03-10，受理（在期限2021-03-16内）'));
    assert.ok(
      clock.trace.some((l) =>
        l.startsWith(
          '延长办理期限：2021-05-01经王局长批准延长20日，理由：涉及多个部门；办理期限由2021-05-09延至2021-05-29',
        ),
      ),
    );
    assert.ok(clock.trace.includes('出具信访处理意见书（办结）：2021-05-25（在期限2021-05-29内）'));
  });

  test('a late step says by how many days', () => {
    const clock = petitionClock([reg('2021-03-01'), accept('2021-03-20')]);
    assert.ok(clock.trace.includes('受理告知：2021-03-20，受理（逾期4日，期限为2021-03-16）'));
  });

  test('isOverdue: the due day itself is in time, the next day is overdue, done is never overdue', () => {
    const clock = petitionClock([reg('2021-03-01')]);
    assert.equal(isOverdue(clock.acceptance, '2021-03-16'), false);
    assert.equal(isOverdue(clock.acceptance, '2021-03-17'), true);
    const done = petitionClock([reg('2021-03-01'), accept('2021-03-20')]);
    assert.equal(isOverdue(done.acceptance, '2021-04-01'), false);
    assert.equal(isOverdue(null, '2021-04-01'), false);
  });
});

describe('petition events that the law does not allow', () => {
  const invalid: { name: string; events: PetitionEvent[]; code: string }[] = [
    {
      name: 'no registration first',
      events: [accept('2021-03-10')],
      code: 'petition.events.no-registration',
    },
    {
      name: 'registered twice',
      events: [reg('2021-03-01'), reg('2021-03-02')],
      code: 'petition.events.registered-twice',
    },
    {
      name: 'event before receipt',
      events: [reg('2021-03-01'), accept('2021-02-28')],
      code: 'petition.events.before-receipt',
    },
    {
      name: 'acceptance notice twice',
      events: [reg('2021-03-01'), accept('2021-03-02'), accept('2021-03-03')],
      code: 'petition.acceptance.twice',
    },
    {
      name: 'extension before acceptance',
      events: [
        reg('2021-03-01'),
        { type: 'Extended', on: '2021-03-02', days: 10, approvedBy: '局长', reason: '' },
      ],
      code: 'petition.extension.not-accepted',
    },
    {
      name: 'extension over 30 days',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'Extended', on: '2021-03-03', days: 31, approvedBy: '局长', reason: '' },
      ],
      code: 'petition.extension.days',
    },
    {
      name: 'extension of 0 days',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'Extended', on: '2021-03-03', days: 0, approvedBy: '局长', reason: '' },
      ],
      code: 'petition.extension.days',
    },
    {
      name: 'extension without approval',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'Extended', on: '2021-03-03', days: 10, approvedBy: ' ', reason: '' },
      ],
      code: 'petition.extension.approval',
    },
    {
      name: 'second extension',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'Extended', on: '2021-03-03', days: 10, approvedBy: '局长', reason: '' },
        { type: 'Extended', on: '2021-03-04', days: 10, approvedBy: '局长', reason: '' },
      ],
      code: 'petition.extension.twice',
    },
    {
      name: 'extension after the deadline',
      events: [
        reg('2021-03-01'),
        accept('2021-03-10'),
        { type: 'Extended', on: '2021-05-10', days: 10, approvedBy: '局长', reason: '' },
      ],
      code: 'petition.extension.late',
    },
    {
      name: 'extension after closing',
      events: [
        reg('2021-03-01'),
        accept('2021-03-10'),
        { type: 'Answered', on: '2021-04-01' },
        { type: 'Extended', on: '2021-04-02', days: 10, approvedBy: '局长', reason: '' },
      ],
      code: 'petition.extension.closed',
    },
    {
      name: 'answer before acceptance',
      events: [reg('2021-03-01'), { type: 'Answered', on: '2021-03-05' }],
      code: 'petition.answer.not-accepted',
    },
    {
      name: 'answer after not accepting',
      events: [
        reg('2021-03-01'),
        { type: 'AcceptanceDecided', on: '2021-03-02', decision: 'not-accepted' },
        { type: 'Answered', on: '2021-03-05' },
      ],
      code: 'petition.answer.not-accepted',
    },
    {
      name: 'answer dated before acceptance',
      events: [reg('2021-03-01'), accept('2021-03-10'), { type: 'Answered', on: '2021-03-05' }],
      code: 'petition.answer.before-acceptance',
    },
    {
      name: 'answered twice',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'Answered', on: '2021-03-05' },
        { type: 'Answered', on: '2021-03-06' },
      ],
      code: 'petition.answer.twice',
    },
    {
      name: 'served before issued',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'Answered', on: '2021-03-05', servedOn: '2021-03-04' },
      ],
      code: 'petition.served.before-issued',
    },
    {
      name: '复查 before the reply',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'ReviewRequested', on: '2021-03-05', stage: 'review' },
      ],
      code: 'petition.review.too-early',
    },
    {
      name: '复核 before 复查 opinion',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'Answered', on: '2021-03-05' },
        { type: 'ReviewRequested', on: '2021-03-06', stage: 'recheck' },
      ],
      code: 'petition.recheck.too-early',
    },
    {
      name: '复查 opinion without request',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'Answered', on: '2021-03-05' },
        { type: 'ReviewAnswered', on: '2021-03-06', stage: 'review' },
      ],
      code: 'petition.review.not-requested',
    },
    {
      name: 'hearing outside 复核',
      events: [
        reg('2021-03-01'),
        accept('2021-03-02'),
        { type: 'HearingHeld', on: '2021-03-05', until: '2021-03-06' },
      ],
      code: 'petition.hearing.outside-recheck',
    },
    { name: 'invalid date', events: [reg('2021-02-30')], code: 'law.date.invalid' },
  ];
  for (const row of invalid) {
    test(row.name, () => {
      assert.throws(
        () => petitionClock(row.events),
        (e: { code?: string; message?: string }) => {
          assert.equal(e.code, row.code);
          assert.match(e.message ?? '', /[\u4e00-\u9fff]/);
          return true;
        },
      );
    });
  }
});
