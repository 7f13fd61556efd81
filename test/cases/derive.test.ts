import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowedActions } from '../../src/cases/actions.ts';
import { derive, toClockEvents } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { isValidIdCardNumber, isValidUscc, maskIdNumber } from '../../src/cases/identifiers.ts';
import { letterFor } from '../../src/cases/letters.ts';
import { formatQueryCode, newQueryCode, normalizeQueryCode } from '../../src/cases/queryCode.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { replyDue } from '../../src/law/clock.ts';

const calendar = new Calendar();

const online = (on = '2025-03-03'): CaseEvent => ({ type: 'Submitted', on, channel: 'online' });
const received = (on = '2025-03-04'): CaseEvent => ({ type: 'Received', on });
const decide = (on: string, decision: string, extra: object = {}): CaseEvent =>
  ({ type: 'Decided', on, decision, text: '提供相关文件', ...extra }) as CaseEvent;

const deferral = (on: string, due: string, reason = '申请数量明显超过合理范围'): CaseEvent => ({
  type: 'Deferral',
  on,
  due,
  reason,
  approvedBy: '王主任',
});

/** Art. 35: the applicant was asked for reasons, which were judged as given. */
const reasons = (on: string, askedOn = '2025-03-05', deadline = '2025-03-12'): CaseEvent[] => [
  { type: 'ReasonsRequested', on: askedOn, grounds: '本年度已提出申请45件', deadline },
  {
    type: 'ReasonsAssessed',
    on,
    finding: 'reasonable',
    reasons: '用于课题研究',
    assessment: '所述用途与申请数量相称',
  },
];

const legal: [string, CaseEvent[], { status: string; outcome: string | null }][] = [
  [
    'online: confirm, disclose, serve, archive',
    [
      online(),
      received(),
      decide('2025-03-20', 'disclose'),
      { type: 'Served', on: '2025-03-21', method: '电子邮件' },
      { type: 'Archived', on: '2025-03-28' },
    ],
    { status: 'archived', outcome: 'open' },
  ],
  [
    'in person: 补正, supplement, partial disclosure, served',
    [
      { type: 'Submitted', on: '2025-03-03', channel: 'in-person' },
      { type: 'Received', on: '2025-03-03' },
      {
        type: 'SupplementRequested',
        on: '2025-03-05',
        deadline: '2025-03-20',
        items: '请写明文件名称',
      },
      { type: 'SupplementReceived', on: '2025-03-10' },
      decide('2025-03-25', 'partial', {
        withheld: '第三页个人信息',
        withheldReason: '涉及个人隐私',
      }),
      { type: 'Served', on: '2025-03-26', method: '邮寄' },
    ],
    { status: 'closed', outcome: 'partial' },
  ],
  [
    'consultation, extension by the office head, withheld for a third party',
    [
      online(),
      received(),
      {
        type: 'ConsultationSent',
        on: '2025-03-05',
        id: 'c1',
        party: 'third-party',
        name: '某公司',
      },
      { type: 'ConsultationReplied', on: '2025-03-12', id: 'c1', opinion: '不同意公开' },
      {
        type: 'Extension',
        on: '2025-03-20',
        workdays: 10,
        reason: '需要调取档案',
        approvedBy: '王主任',
      },
      decide('2025-04-10', 'third-party-rights'),
    ],
    { status: 'decided', outcome: 'w4' },
  ],
  [
    'fee notified and paid, then disclosed',
    [
      online(),
      received(),
      { type: 'ProcessingFeeNotified', on: '2025-03-06', amount: 120 },
      { type: 'ProcessingFeePaid', on: '2025-03-10' },
      decide('2025-03-25', 'disclose'),
    ],
    { status: 'decided', outcome: 'open' },
  ],
  [
    'fee not paid within 20 working days: o2',
    [
      online(),
      received(),
      { type: 'ProcessingFeeNotified', on: '2025-03-06', amount: 120 },
      decide('2025-04-10', 'fee-unpaid'),
    ],
    { status: 'decided', outcome: 'o2' },
  ],
  [
    'no supplement by the deadline: o1',
    [
      online(),
      received(),
      {
        type: 'SupplementRequested',
        on: '2025-03-05',
        deadline: '2025-03-20',
        items: '请写明年份',
      },
      decide('2025-03-21', 'supplement-lapsed'),
    ],
    { status: 'decided', outcome: 'o1' },
  ],
  [
    'withdrawn after receipt: o3, closed',
    [online(), received(), { type: 'Withdrawn', on: '2025-03-05', reason: '申请人书面撤回' }],
    { status: 'closed', outcome: 'o3' },
  ],
  [
    'withdrawn before confirmation: never counted',
    [online(), { type: 'Withdrawn', on: '2025-03-04', reason: '重复提交' }],
    { status: 'closed', outcome: null },
  ],
  [
    'appeal filed and closed after the reply',
    [
      online(),
      received(),
      decide('2025-03-20', 'not-held'),
      { type: 'Served', on: '2025-03-21', method: '邮寄' },
      { type: 'AppealFiled', on: '2025-04-01', appealId: 'a1', kind: 'rv', body: '湘潭县人民政府' },
      { type: 'AppealClosed', on: '2025-05-20', appealId: 'a1', outcome: 'upheld' },
    ],
    { status: 'closed', outcome: 'u1' },
  ],
  [
    'Art. 35 deferral by the office head, a consultation after it, disclosed by the new date',
    [
      online(),
      received(),
      ...reasons('2025-03-14'),
      deferral('2025-03-20', '2025-05-30'),
      {
        type: 'ConsultationSent',
        on: '2025-04-01',
        id: 'c1',
        party: 'agency',
        name: '县自然资源局',
      },
      { type: 'ConsultationReplied', on: '2025-04-08', id: 'c1' },
      decide('2025-05-20', 'disclose'),
    ],
    { status: 'decided', outcome: 'open' },
  ],
  [
    'an Art. 33 extension, then an Art. 35 deferral past the extended date, then a second one',
    [
      online(),
      received(),
      {
        type: 'Extension',
        on: '2025-03-10',
        workdays: 10,
        reason: '需要调取档案',
        approvedBy: '王主任',
      },
      ...reasons('2025-03-21', '2025-03-11', '2025-03-18'),
      deferral('2025-04-10', '2025-06-30'),
      deferral('2025-06-20', '2025-07-31'),
    ],
    { status: 'open', outcome: null },
  ],
];

describe('the case state machine accepts legal sequences', () => {
  for (const [name, events, expected] of legal) {
    test(name, () => {
      const state = derive(calendar, events);
      assert.equal(state.status, expected.status);
      assert.equal(state.outcome, expected.outcome);
    });
  }

  test('the clock is the law core clock of the same events', () => {
    const state = derive(calendar, legal[2][1]);
    const law = replyDue(calendar, [
      {
        type: 'Received',
        receipt: { channel: 'online', confirmedOn: '2025-03-04', submittedOn: '2025-03-03' },
      },
      {
        type: 'ConsultationSent',
        on: '2025-03-05',
        id: 'c1',
        party: 'third-party',
        name: '某公司',
      },
      { type: 'ConsultationReplied', on: '2025-03-12', id: 'c1' },
      {
        type: 'Extension',
        on: '2025-03-20',
        workdays: 10,
        reason: '需要调取档案',
        approvedBy: { role: 'office-head', name: '王主任' },
      },
    ]);
    assert.equal(state.clock?.due, law.due);
    assert.ok(state.clock?.trace.some((line) => line.includes('征求第三方')));
  });

  test('only the actions the state allows are offered', () => {
    assert.deepEqual(allowedActions(derive(calendar, [online()])), [
      'Assigned',
      'FileAttached',
      'Received',
      'Withdrawn',
    ]);
    const awaiting = derive(calendar, legal[5][1].slice(0, 3));
    assert.equal(awaiting.status, 'awaitingApplicant');
    assert.ok(allowedActions(awaiting).includes('SupplementReceived'));
    assert.ok(!allowedActions(awaiting).includes('ConsultationSent'));
    const decided = derive(calendar, legal[0][1].slice(0, 3));
    assert.deepEqual(allowedActions(decided), [
      'Assigned',
      'FileAttached',
      'Served',
      'AppealFiled',
    ]);
  });
});

const illegal: [string, CaseEvent[], RegExp][] = [
  [
    'a decision before the receipt',
    [online(), decide('2025-03-05', 'disclose')],
    /不能“作出答复决定”/,
  ],
  [
    'service before a decision',
    [online(), received(), { type: 'Served', on: '2025-03-05', method: '邮寄' }],
    /不能“送达”/,
  ],
  [
    'a second 补正 notice',
    [
      online(),
      received(),
      { type: 'SupplementRequested', on: '2025-03-05', deadline: '2025-03-20', items: '甲' },
      { type: 'SupplementReceived', on: '2025-03-06' },
      { type: 'SupplementRequested', on: '2025-03-07', deadline: '2025-03-20', items: '乙' },
    ],
    /不能“补正告知”/,
  ],
  [
    'a 补正 notice after 7 working days',
    [
      online(),
      received(),
      { type: 'SupplementRequested', on: '2025-03-20', deadline: '2025-03-30', items: '甲' },
    ],
    /7个工作日/,
  ],
  [
    'extensions beyond 20 working days',
    [
      online(),
      received(),
      { type: 'Extension', on: '2025-03-10', workdays: 15, reason: '甲', approvedBy: '王主任' },
      { type: 'Extension', on: '2025-03-11', workdays: 10, reason: '乙', approvedBy: '王主任' },
    ],
    /累计不得超过20个工作日/,
  ],
  [
    'partial disclosure without the withheld part',
    [online(), received(), decide('2025-03-10', 'partial')],
    /不予公开的内容/,
  ],
  [
    'o1 before the supplement deadline',
    [
      online(),
      received(),
      { type: 'SupplementRequested', on: '2025-03-05', deadline: '2025-03-20', items: '甲' },
      decide('2025-03-15', 'supplement-lapsed'),
    ],
    /期满后/,
  ],
  [
    'o2 before the payment window ends',
    [
      online(),
      received(),
      { type: 'ProcessingFeeNotified', on: '2025-03-06', amount: 50 },
      decide('2025-03-10', 'fee-unpaid'),
    ],
    /期满后/,
  ],
  [
    'a disclosure while awaiting the supplement',
    [
      online(),
      received(),
      { type: 'SupplementRequested', on: '2025-03-05', deadline: '2025-03-20', items: '甲' },
      decide('2025-03-08', 'disclose'),
    ],
    /等待申请人补正/,
  ],
  [
    'an event dated before the last one',
    [online(), received('2025-03-10'), decide('2025-03-05', 'disclose')],
    /不能早于/,
  ],
  [
    'in person received on another day',
    [{ type: 'Submitted', on: '2025-03-03', channel: 'in-person' }, received('2025-03-04')],
    /提交之日/,
  ],
  [
    'anything after archiving but appeals',
    [
      online(),
      received(),
      decide('2025-03-20', 'disclose'),
      { type: 'Served', on: '2025-03-21', method: '邮寄' },
      { type: 'Archived', on: '2025-03-22' },
      { type: 'Served', on: '2025-03-23', method: '邮寄' },
    ],
    /不能“送达”/,
  ],
  ['a second submission', [online(), online('2025-03-04')], /不能“提交申请”/],
  ['a log that does not start with the submission', [received()], /提交申请/],
  [
    'a withdrawal recorded as a decision',
    [online(), received(), decide('2025-03-05', 'withdrawn')],
    /撤回申请/,
  ],
  [
    'an appeal over a non-reply while the reply period still runs',
    [
      online(),
      received(),
      { type: 'AppealFiled', on: '2025-03-05', appealId: 'a', kind: 'rv', body: '县政府' },
    ],
    /答复期限至2025-04-01，期满仍未答复的，才能登记对“不答复”的复议或诉讼/,
  ],
  [
    'a deferral without a reason',
    [online(), received(), ...reasons('2025-03-14'), deferral('2025-03-20', '2025-05-30', '  ')],
    /依第三十五条延迟答复须说明理由/,
  ],
  [
    'a deferral not later than the current due date (2025-04-01)',
    [online(), received(), ...reasons('2025-03-14'), deferral('2025-03-20', '2025-04-01')],
    /延迟答复期限（2025-04-01）应晚于当前答复期限（2025-04-01）/,
  ],
  [
    'a deferral decided after the due date',
    [online(), received(), ...reasons('2025-03-14'), deferral('2025-04-02', '2025-05-30')],
    /应在答复期限届满前作出：2025-04-02已晚于当前答复期限2025-04-01/,
  ],
  [
    'an Art. 33 extension after an Art. 35 deferral',
    [
      online(),
      received(),
      ...reasons('2025-03-14'),
      deferral('2025-03-20', '2025-05-30'),
      { type: 'Extension', on: '2025-03-21', workdays: 5, reason: '甲', approvedBy: '王主任' },
    ],
    /已依第三十五条确定延迟答复期限，不能再依第三十三条延长/,
  ],
  [
    'a deferral while awaiting the supplement',
    [
      online(),
      received(),
      { type: 'SupplementRequested', on: '2025-03-05', deadline: '2025-03-20', items: '甲' },
      deferral('2025-03-06', '2025-05-30'),
    ],
    /须先要求申请人说明理由/,
  ],
  [
    'a deferral after the decision',
    [online(), received(), decide('2025-03-20', 'disclose'), deferral('2025-03-21', '2025-05-30')],
    /不能“确定延迟答复期限”/,
  ],
  [
    'a deferral without the approval of the office head',
    [
      online(),
      received(),
      ...reasons('2025-03-14'),
      { ...deferral('2025-03-20', '2025-05-30'), approvedBy: ' ' } as CaseEvent,
    ],
    /须经政府信息公开工作机构负责人同意/,
  ],
];

describe('the case state machine refuses illegal sequences', () => {
  for (const [name, events, message] of illegal) {
    test(name, () => {
      assert.throws(
        () => derive(calendar, events),
        (error: Error & { code?: string }) => {
          assert.match(error.message, message);
          assert.match(error.code ?? '', /^(cases\.illegal|law)\./);
          return true;
        },
      );
    });
  }
});

describe('Art. 35 deferral (延迟答复)', () => {
  const asked = [online(), received(), ...reasons('2025-03-14')];
  const deferred = [...asked, deferral('2025-03-20', '2025-05-30')];

  test('the reply due date is the deferral date, explained by the law core trace', () => {
    const state = derive(calendar, deferred);
    assert.equal(state.deferredTo, '2025-05-30');
    assert.equal(state.clock?.due, '2025-05-30');
    assert.equal(state.clock?.deferred, true);
    assert.ok(
      state.clock?.trace.includes(
        '依第三十五条确定延迟答复的合理期限：2025-03-20决定，期限至2025-05-30（理由：申请数量明显超过合理范围）',
      ),
    );
    assert.equal(state.clock?.trace.at(-1), '答复期限：2025-05-30');
  });

  test('offered while the case runs; afterwards no Art. 33 extension and no 补正', () => {
    const before = allowedActions(derive(calendar, asked));
    assert.ok(before.includes('Deferral'));
    assert.ok(before.includes('Extension'));
    const after = allowedActions(derive(calendar, deferred));
    assert.ok(after.includes('Deferral'));
    assert.ok(!after.includes('Extension'));
    assert.ok(!after.includes('SupplementRequested'));
    assert.ok(!allowedActions(derive(calendar, [online()])).includes('Deferral'));
  });

  test('the refusal of an extension after it is the law core message', () => {
    const extension: CaseEvent = {
      type: 'Extension',
      on: '2025-03-21',
      workdays: 5,
      reason: '甲',
      approvedBy: '王主任',
    };
    const state = derive(calendar, deferred);
    let fromCases = '';
    try {
      derive(calendar, [...deferred, extension]);
    } catch (error) {
      fromCases = (error as Error).message;
    }
    let fromLaw = '';
    try {
      replyDue(calendar, [
        ...toClockEvents(state, deferred),
        { type: 'Extension', on: '2025-03-21', workdays: 5, approvedBy: { role: 'office-head' } },
      ]);
    } catch (error) {
      fromLaw = (error as Error).message;
    }
    assert.ok(fromLaw.length > 0);
    assert.equal(fromCases, fromLaw);
  });

  test('the 延迟答复告知书 names Art. 35 and the new date', () => {
    const state = derive(calendar, deferred);
    const letter = letterFor(
      {
        agencyName: '湘潭县信访局',
        applicationId: 8,
        applicantName: '张三',
        description: '2024年信访统计',
        state,
        number: '依申请公开〔2025〕1号',
        bodies: { reconsiderationBody: '湘潭县人民政府', court: null },
      },
      deferred[4],
    );
    assert.ok(letter);
    assert.equal(letter.kind, 'deferral');
    assert.equal(letter.title, '政府信息公开申请延迟答复告知书');
    assert.equal(letter.toApplicant, true);
    assert.equal(letter.basis, '依据《中华人民共和国政府信息公开条例》第三十五条。');
    assert.match(letter.paragraphs[0], /因申请数量明显超过合理范围/);
    assert.match(letter.paragraphs[0], /延迟答复的合理期限至2025年5月30日/);
  });
});

describe('identifiers, query codes and letters', () => {
  test('身份证 and 统一社会信用代码 checksums', () => {
    assert.ok(isValidIdCardNumber('11010519491231002X'));
    assert.ok(isValidIdCardNumber('11010519491231002x'));
    assert.ok(!isValidIdCardNumber('110105194912310021'), 'wrong check digit');
    assert.ok(!isValidIdCardNumber('110105194902300023'), 'no 30 February');
    assert.ok(!isValidIdCardNumber('1101051949123100'), 'too short');
    assert.ok(isValidUscc('91350100M000100Y43'));
    assert.ok(isValidUscc('914403001922038216'));
    assert.ok(!isValidUscc('914403001922038217'));
    assert.ok(!isValidUscc('91440300192203821I'), 'I is not in the alphabet');
    assert.equal(maskIdNumber('11010519491231002X'), '110105********002X');
  });

  test('query codes are random, normalised and readable', () => {
    const codes = new Set(Array.from({ length: 2000 }, newQueryCode));
    assert.equal(codes.size, 2000);
    const code = [...codes][0];
    assert.equal(normalizeQueryCode(formatQueryCode(code).toLowerCase()), code);
    assert.equal(normalizeQueryCode('O1IO-0000-0000'), null);
  });

  test('the decision letter carries the legal basis and the remedy text', () => {
    const events = legal[1][1];
    const state = derive(calendar, events);
    const letter = letterFor(
      {
        agencyName: '湘潭县信访局',
        applicationId: 7,
        applicantName: '张三',
        description: '2024年信访统计',
        state,
        number: '依申请公开〔2025〕1号',
        bodies: { reconsiderationBody: '湘潭县人民政府', court: null },
      },
      events[4],
    );
    assert.ok(letter);
    assert.equal(letter.title, '政府信息公开申请答复书');
    assert.match(letter.basis ?? '', /第三十七条/);
    assert.match(
      letter.remedy ?? '',
      /不予公开的部分不服的，应当先自收到本答复之日起60日内向湘潭县人民政府申请行政复议/,
    );
    assert.ok(
      letter.paragraphs.some((p) => p.includes('第三页个人信息') && p.includes('涉及个人隐私')),
    );
    const withdrawal = letterFor(
      { ...ctxOf(state), applicationId: 1 },
      { type: 'Withdrawn', on: '2025-03-05', reason: '撤回' },
    );
    assert.equal(withdrawal, null);
  });

  test('an n1 decision tells the applicant the petition channel (Art. 39)', () => {
    const state = derive(calendar, legal[1][1]);
    const ctx = {
      agencyName: '湘潭县信访局',
      applicationId: 9,
      applicantName: '李四',
      description: '投诉',
      state,
      number: '依申请公开〔2025〕2号',
      bodies: { reconsiderationBody: '湘潭县人民政府', court: null },
    };
    const n1 = letterFor(ctx, decide('2025-03-05', 'petition', { text: '' }));
    assert.ok(
      n1?.paragraphs.some(
        (p) => p.includes('不作为政府信息公开申请处理') && p.includes('网上信访'),
      ),
    );
    const open = letterFor(ctx, decide('2025-03-05', 'disclose'));
    assert.ok(!open?.paragraphs.some((p) => p.includes('网上信访')));
  });
});

function ctxOf(state: ReturnType<typeof derive>) {
  return {
    agencyName: '甲',
    applicationId: 7,
    applicantName: '乙',
    description: '丙',
    state,
    number: '依申请公开〔2025〕3号',
    bodies: { reconsiderationBody: null, court: null },
  };
}
