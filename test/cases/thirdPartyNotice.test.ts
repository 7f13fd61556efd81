/**
 * Art. 32: disclosing over a third party's objection needs the written notice (content, reasons,
 * disclosure day), served, and the decision no earlier than the day it announced.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowedActions } from '../../src/cases/actions.ts';
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { Calendar } from '../../src/law/calendar.ts';

const calendar = new Calendar();
const consulted = (objection: boolean): CaseEvent[] => [
  { type: 'Submitted', on: '2025-03-03', channel: 'in-person' },
  { type: 'Received', on: '2025-03-03' },
  {
    type: 'ConsultationSent',
    on: '2025-03-05',
    id: 'c1',
    party: 'third-party',
    name: '某建材公司',
  },
  { type: 'ConsultationReplied', on: '2025-03-12', id: 'c1', opinion: '涉及商业秘密', objection },
];
const notified: CaseEvent = {
  type: 'ThirdPartyNotified',
  on: '2025-03-14',
  consultationId: 'c1',
  content: '该公司2024年度排污许可执行报告',
  reason: '涉及周边居民饮用水安全，不公开可能对公共利益造成重大影响',
  disclosureOn: '2025-03-28',
};
const served: CaseEvent = {
  type: 'ThirdPartyNoticeServed',
  on: '2025-03-17',
  consultationId: 'c1',
  method: '邮寄签收',
};
const disclose = (on: string, decision = 'disclose'): CaseEvent =>
  ({
    type: 'Decided',
    on,
    decision,
    text: '提供排污许可执行报告',
    withheld: '联系人电话',
    withheldReason: '个人信息',
  }) as CaseEvent;

// name, events, the outcome or the refusal's words
const table: [string, CaseEvent[], string | RegExp][] = [
  [
    'disclosed without objection: no notice needed',
    [...consulted(false), disclose('2025-03-20')],
    'open',
  ],
  [
    'withheld after an objection: no notice needed',
    [...consulted(true), disclose('2025-03-20', 'third-party-rights')],
    'w4',
  ],
  [
    'disclosed over the objection without a notice',
    [...consulted(true), disclose('2025-03-20')],
    /决定公开前须书面告知该第三方/,
  ],
  [
    'partly disclosed over the objection without a notice',
    [...consulted(true), disclose('2025-03-20', 'partial')],
    /决定公开前须书面告知该第三方/,
  ],
  [
    'the notice not yet served',
    [...consulted(true), notified, disclose('2025-03-28')],
    /告知书尚未送达/,
  ],
  [
    'served, but before the announced day',
    [...consulted(true), notified, served, disclose('2025-03-27')],
    /不能早于该日作出公开决定/,
  ],
  [
    'served, on the announced day',
    [...consulted(true), notified, served, disclose('2025-03-28')],
    'open',
  ],
  [
    'a disclosure day not after the notice',
    [...consulted(true), { ...notified, disclosureOn: '2025-03-14' } as CaseEvent],
    /应晚于书面告知第三方之日/,
  ],
  [
    'a notice to a party that did not object',
    [...consulted(false), notified],
    /不能“书面告知第三方”/,
  ],
  [
    'a notice without reasons',
    [...consulted(true), { ...notified, reason: '' } as CaseEvent],
    /须写明决定公开的内容和理由/,
  ],
];

describe('Art. 32 written notice to the third party', () => {
  for (const [name, events, expected] of table) {
    test(name, () => {
      if (expected instanceof RegExp) assert.throws(() => derive(calendar, events), expected);
      else assert.equal(derive(calendar, events).outcome, expected);
    });
  }

  test('offered after an objection, then its service; the state keeps both days', () => {
    assert.ok(!allowedActions(derive(calendar, consulted(false))).includes('ThirdPartyNotified'));
    assert.ok(allowedActions(derive(calendar, consulted(true))).includes('ThirdPartyNotified'));
    const after = derive(calendar, [...consulted(true), notified]);
    assert.ok(!allowedActions(after).includes('ThirdPartyNotified'));
    assert.ok(allowedActions(after).includes('ThirdPartyNoticeServed'));
    const done = derive(calendar, [...consulted(true), notified, served]);
    assert.deepEqual(done.consultations[0].notice, {
      on: '2025-03-14',
      disclosureOn: '2025-03-28',
      servedOn: '2025-03-17',
    });
    assert.ok(!allowedActions(done).includes('ThirdPartyNoticeServed'));
  });
});
