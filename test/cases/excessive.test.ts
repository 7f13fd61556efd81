/**
 * Art. 35 on the case: 要求说明理由 is an event with its own letter; n4 and 延迟答复 follow only
 * from its finding; the request does not stop the Art. 33 clock.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowedActions } from '../../src/cases/actions.ts';
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { Calendar } from '../../src/law/calendar.ts';
import type { ReasonsFinding } from '../../src/law/excessive.ts';

const calendar = new Calendar();
const start: CaseEvent[] = [
  { type: 'Submitted', on: '2025-03-03', channel: 'online' },
  { type: 'Received', on: '2025-03-04' },
];
const asked: CaseEvent = {
  type: 'ReasonsRequested',
  on: '2025-03-05',
  grounds: '本年度已向本机关提出申请45件，其中30件内容相同',
  deadline: '2025-03-12',
};
const assessed = (finding: ReasonsFinding, on = '2025-03-14'): CaseEvent => ({
  type: 'ReasonsAssessed',
  on,
  finding,
  reasons: finding === 'not-given' ? undefined : '用于课题研究',
  assessment: '审查意见甲',
});
const n4: CaseEvent = { type: 'Decided', on: '2025-03-20', decision: 'excessive', text: '' };
const defer: CaseEvent = {
  type: 'Deferral',
  on: '2025-03-20',
  due: '2025-05-30',
  reason: '申请数量大，需逐件检索',
  approvedBy: '王主任',
};

// name, events after receipt, expected outcome or the refusal's words
const table: [string, CaseEvent[], { outcome?: string | null; deferredTo?: string } | RegExp][] = [
  ['n4 without a request for reasons', [n4], /须先要求申请人说明理由/],
  ['n4 while the reasons are awaited', [asked, n4], /须先登记申请人说明理由的情况/],
  ['n4 after no reasons were given', [asked, assessed('not-given'), n4], { outcome: 'n4' }],
  ['n4 after unreasonable reasons', [asked, assessed('unreasonable'), n4], { outcome: 'n4' }],
  ['n4 after reasonable reasons', [asked, assessed('reasonable'), n4], /不能按第三十五条不予处理/],
  ['a deferral without a request', [defer], /确定延迟答复期限，须先要求申请人说明理由/],
  [
    'a deferral after unreasonable reasons',
    [asked, assessed('unreasonable'), defer],
    /理由经审查合理/,
  ],
  [
    'a deferral after reasonable reasons',
    [asked, assessed('reasonable'), defer],
    { outcome: null, deferredTo: '2025-05-30' },
  ],
  [
    '“not given” recorded before the deadline passed',
    [asked, assessed('not-given', '2025-03-12')],
    /期满后才能登记“未说明理由”/,
  ],
  [
    'reasons judged without the reasons',
    [asked, { ...assessed('unreasonable'), reasons: ' ' } as CaseEvent],
    /请填写申请人说明的理由/,
  ],
  [
    'a request without its grounds',
    [{ ...asked, grounds: ' ' } as CaseEvent],
    /须写明申请数量、频次明显超过合理范围的具体情况/,
  ],
  [
    'a second request for reasons',
    [asked, assessed('reasonable'), { ...asked, on: '2025-03-15', deadline: '2025-03-25' }],
    /不能“要求说明理由”/,
  ],
];

describe('Art. 35 on the case', () => {
  for (const [name, events, expected] of table) {
    test(name, () => {
      if (expected instanceof RegExp) {
        assert.throws(() => derive(calendar, [...start, ...events]), expected);
        return;
      }
      const state = derive(calendar, [...start, ...events]);
      if ('outcome' in expected) assert.equal(state.outcome, expected.outcome);
      if (expected.deferredTo) assert.equal(state.clock?.due, expected.deferredTo);
    });
  }

  test('asking for reasons leaves the Art. 33 reply deadline where it was', () => {
    const before = derive(calendar, start).clock?.due;
    assert.equal(before, '2025-04-01');
    assert.equal(derive(calendar, [...start, asked]).clock?.due, before);
    assert.equal(derive(calendar, [...start, asked, assessed('unreasonable')]).clock?.due, before);
  });

  test('the actions follow the request: assess once, then defer only on reasonable grounds', () => {
    const offered = (events: CaseEvent[]) =>
      allowedActions(derive(calendar, [...start, ...events]));
    assert.ok(offered([]).includes('ReasonsRequested'));
    assert.ok(!offered([]).includes('Deferral'));
    assert.ok(offered([asked]).includes('ReasonsAssessed'));
    assert.ok(!offered([asked]).includes('ReasonsRequested'));
    assert.ok(offered([asked, assessed('reasonable')]).includes('Deferral'));
    assert.ok(!offered([asked, assessed('unreasonable')]).includes('Deferral'));
    assert.ok(!offered([asked, assessed('unreasonable')]).includes('ReasonsAssessed'));
  });
});
