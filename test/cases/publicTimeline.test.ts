import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseEvent } from '../../src/cases/events.ts';
import { PUBLIC_WORDS, publicTimeline } from '../../src/cases/publicTimeline.ts';

const submitted: CaseEvent = { type: 'Submitted', on: '2026-03-02', channel: 'online' };
const decided: CaseEvent = {
  type: 'Decided',
  on: '2026-03-20',
  decision: 'disclose',
  text: '提供',
};
const served: CaseEvent = { type: 'Served', on: '2026-03-23', method: '网上送达' };
const released: CaseEvent = {
  type: 'FileAttached',
  on: '2026-03-20',
  fileId: 7,
  purpose: 'released',
  title: '2025年统计表',
  by: 'staff',
};

/** Each event type: what the applicant reads (null: not shown), and what must never show. */
const cases: { event: CaseEvent; served?: boolean; shows: RegExp | null; hides?: RegExp }[] = [
  { event: submitted, shows: /在网上提交申请/ },
  { event: { type: 'Received', on: '2026-03-03', method: '网上确认' }, shows: /确认收到申请/ },
  {
    event: { type: 'Assigned', on: '2026-03-03', handlerId: 3, handlerName: '李承办' },
    shows: null,
  },
  {
    event: { type: 'SupplementRequested', on: '2026-03-04', deadline: '2026-03-13', items: '时间' },
    shows: /补正期限至2026-03-13/,
  },
  {
    event: { type: 'SupplementReceived', on: '2026-03-05', note: '电话核实，内部备注' },
    shows: /收到补正/,
    hides: /内部备注/,
  },
  {
    event: { type: 'SupplementReceived', on: '2026-03-05', by: 'applicant', text: '2025年' },
    shows: /在网上提交补正/,
  },
  {
    event: {
      type: 'ConsultationSent',
      on: '2026-03-06',
      id: 'c1',
      party: 'third-party',
      name: '某某公司',
    },
    shows: /征求第三方或有关机关意见/,
    hides: /某某公司/,
  },
  {
    event: { type: 'ConsultationReplied', on: '2026-03-10', id: 'c1', opinion: '不同意，商业秘密' },
    shows: /征求意见结束/,
    hides: /商业秘密/,
  },
  {
    event: {
      type: 'Extension',
      on: '2026-03-11',
      workdays: 20,
      reason: '需要调取档案',
      approvedBy: '张主任',
    },
    shows: /延长答复期限20个工作日/,
    hides: /张主任/,
  },
  {
    event: {
      type: 'Deferral',
      on: '2026-03-11',
      due: '2026-05-29',
      reason: '量大',
      approvedBy: '张主任',
    },
    shows: /答复期限确定为2026-05-29/,
    hides: /张主任/,
  },
  { event: { type: 'ProcessingFeeNotified', on: '2026-03-12', amount: 100 }, shows: /100元/ },
  {
    event: { type: 'ProcessingFeeNoticeDelivered', on: '2026-03-13', method: '邮寄签收' },
    shows: /收费通知已送达/,
  },
  { event: { type: 'ProcessingFeePaid', on: '2026-03-16' }, shows: /已缴纳/ },
  { event: decided, served: false, shows: null },
  { event: decided, served: true, shows: /作出答复：/ },
  { event: served, shows: /答复已送达（网上送达）/ },
  { event: { type: 'Withdrawn', on: '2026-03-20', reason: '不需要了' }, shows: /撤回申请/ },
  { event: { type: 'Archived', on: '2026-04-01' }, shows: null },
  {
    event: {
      type: 'AppealFiled',
      on: '2026-04-02',
      appealId: 'a1',
      kind: 'rv',
      body: '湘潭县人民政府',
      caseNumber: '潭复〔2026〕1号',
    },
    shows: /提起行政复议/,
  },
  {
    event: {
      type: 'AppealClosed',
      on: '2026-05-02',
      appealId: 'a1',
      outcome: 'upheld',
      note: '内部',
    },
    shows: /结果维持/,
    hides: /内部/,
  },
  {
    event: {
      type: 'FileAttached',
      on: '2026-03-05',
      fileId: 1,
      purpose: 'supplement',
      title: '补充说明',
      by: 'applicant',
    },
    shows: /提交材料：补充说明（补正材料）/,
  },
  {
    event: { type: 'Redecided', on: '2026-06-01', appealId: 'a1', decision: 'disclose', text: '' },
    served: false,
    shows: null,
  },
  { event: released, served: false, shows: null },
  { event: released, served: true, shows: /提供公开的政府信息：2025年统计表/ },
  {
    event: { ...released, purpose: 'identity-proof', title: '身份证复印件' },
    served: true,
    shows: null,
  },
  {
    event: {
      type: 'ReasonsRequested',
      on: '2026-03-04',
      grounds: '一年内申请212件',
      deadline: '2026-03-18',
    },
    shows: /要求说明申请理由，说明期限至2026-03-18/,
  },
  {
    event: {
      type: 'ReasonsAssessed',
      on: '2026-03-19',
      finding: 'unreasonable',
      assessment: '内部审查意见',
    },
    shows: null,
  },
  {
    event: {
      type: 'ThirdPartyNotified',
      on: '2026-03-10',
      consultationId: 'c1',
      content: '合同',
      reason: '公共利益',
      disclosureOn: '2026-03-25',
    },
    shows: null,
  },
  {
    event: {
      type: 'ThirdPartyNoticeServed',
      on: '2026-03-12',
      consultationId: 'c1',
      method: '邮寄',
    },
    shows: null,
  },
  {
    event: {
      type: 'CorrectionDecided',
      on: '2026-03-20',
      result: 'corrected',
      text: '已更正出生日期',
    },
    served: false,
    shows: null,
  },
  {
    event: {
      type: 'CorrectionDecided',
      on: '2026-03-20',
      result: 'corrected',
      text: '已更正出生日期',
    },
    served: true,
    shows: /作出更正处理决定/,
  },
];

test('every event type has a public wording row', () => {
  const covered = new Set(cases.map((c) => c.event.type));
  assert.deepEqual([...covered].sort(), Object.keys(PUBLIC_WORDS).sort());
});

for (const c of cases) {
  const label = `${c.event.type}${c.served === undefined ? '' : c.served ? ' (served)' : ' (not served)'}`;
  test(`${label}: ${c.shows ? 'shown' : 'not shown'} to the applicant`, () => {
    // Served cases: a decision before the event (unless it is one) and its service after.
    const context = c.served ? (c.event === decided ? [served] : [decided, served]) : [];
    const log = c.served ? [...context.slice(0, -1), c.event, served] : [c.event];
    const around = new Set(publicTimeline(context).map((e) => e.text));
    const own = publicTimeline(log).filter((e) => c.event === served || !around.has(e.text));
    if (c.shows === null) assert.deepEqual(own, []);
    else {
      assert.equal(own.length, 1);
      assert.match(own[0].text, c.shows);
      assert.equal(own[0].on, c.event.on);
    }
    if (c.hides) assert.doesNotMatch(JSON.stringify(own), c.hides);
  });
}

test('a 重新答复 hides the released documents again until it is served', () => {
  const redecided: CaseEvent = {
    type: 'Redecided',
    on: '2026-06-01',
    appealId: 'a1',
    decision: 'disclose',
    text: '提供',
  };
  const log = [submitted, decided, released, served, redecided];
  const texts = publicTimeline(log).map((e) => e.text);
  assert.ok(texts.includes('作出答复：予以公开') || texts.some((t) => t.startsWith('作出答复')));
  assert.ok(!texts.some((t) => t.startsWith('重新答复')));
  assert.ok(!texts.some((t) => t.includes('2025年统计表')));
  const after = publicTimeline([...log, { ...served, on: '2026-06-02' }]).map((e) => e.text);
  assert.ok(after.some((t) => t.startsWith('重新答复')));
  assert.ok(after.some((t) => t.includes('2025年统计表')));
});
