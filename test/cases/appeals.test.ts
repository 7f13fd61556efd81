/**
 * Appeals over a non-reply (不答复) before any decision, and 重新答复 after a corrected appeal:
 * T3 counts the application once (its first decision), T4 every appeal.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import mammoth from 'mammoth';
import { allowedActions } from '../../src/cases/actions.ts';
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { upsertAgency } from '../../src/db/agencies.ts';
import { appendEvent, letterContent, lettersOf, submitApplication } from '../../src/db/cases.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { checkedAnnualReport } from '../../src/services/annual/build.ts';
import { describeEachDatabase } from '../support/databases.ts';

const calendar = new Calendar();
const received: CaseEvent[] = [
  { type: 'Submitted', on: '2025-03-03', channel: 'in-person' },
  { type: 'Received', on: '2025-03-03' },
];
// 20 working days from 03-04: due 2025-03-31.
const filed = (on: string, id = 'a1'): CaseEvent => ({
  type: 'AppealFiled',
  on,
  appealId: id,
  kind: 'rv',
  body: '湘潭县人民政府',
});

describe('appeals over a non-reply (pure)', () => {
  test('refused while the reply period runs, recorded as 不答复 once it has passed', () => {
    assert.equal(derive(calendar, received).clock?.due, '2025-03-31');
    assert.throws(
      () => derive(calendar, [...received, filed('2025-03-31')]),
      /答复期限至2025-03-31，期满仍未答复的，才能登记对“不答复”的复议或诉讼/,
    );
    const s = derive(calendar, [...received, filed('2025-04-01')]);
    assert.equal(s.appeals[0].against, 'no-reply');
    assert.equal(s.outcome, null, 'still undecided: no T3 row yet');
    assert.ok(allowedActions(s).includes('Decided'), 'the agency can still reply');
  });
});

describe('重新答复 after a corrected appeal (pure)', () => {
  const decided: CaseEvent[] = [
    ...received,
    { type: 'Decided', on: '2025-03-20', decision: 'third-party-rights', text: '涉及商业秘密' },
    { type: 'Served', on: '2025-03-21', method: '邮寄' },
    filed('2025-04-10'),
  ];
  test('only after a 纠正 result, once per appeal; T3 keeps the first decision', () => {
    const redecide: CaseEvent = {
      type: 'Redecided',
      on: '2025-06-10',
      appealId: 'a1',
      decision: 'disclose',
      text: '提供合同文本',
    };
    assert.throws(() => derive(calendar, [...decided, redecide]), /不能“重新答复”/);
    const upheld: CaseEvent = {
      type: 'AppealClosed',
      on: '2025-06-01',
      appealId: 'a1',
      outcome: 'upheld',
    };
    assert.ok(!allowedActions(derive(calendar, [...decided, upheld])).includes('Redecided'));
    const corrected: CaseEvent = { ...upheld, outcome: 'corrected' } as CaseEvent;
    const s = derive(calendar, [...decided, corrected, redecide]);
    assert.equal(s.outcome, 'w4', 'T3 keeps the first decision');
    assert.equal(s.resolvedOn, '2025-03-20');
    assert.deepEqual(s.redecisions, [{ appealId: 'a1', on: '2025-06-10', decision: 'disclose' }]);
    assert.equal(s.status, 'decided', 'the new reply is to be served');
    assert.throws(() => derive(calendar, [...decided, corrected, redecide, redecide]), /重新答复/);
    assert.throws(
      () =>
        derive(calendar, [
          ...decided,
          corrected,
          { ...redecide, decision: 'state-secret', text: '' } as CaseEvent,
        ]),
      /不予公开须写明具体理由/,
    );
  });
});

describeEachDatabase('appeals in the report', (database) => {
  test('a 不答复 复议 and a suit after it: T4 counts both, T3 the application once', async () => {
    const db = database().db;
    const county = await upsertAgency(db, { code: 'c', name: '某县人民政府', kind: 'government' });
    const agency = await upsertAgency(db, { code: 'd', name: '某县某局', parentId: county.id });
    const { id } = await submitApplication(db, {
      agencyId: agency.id,
      channel: 'in-person',
      submittedOn: '2025-03-03',
      receivedOn: '2025-03-03',
      applicantType: 'np',
      applicant: { kind: 'person', name: '钱七', phone: '13700000000' },
      request: { description: '某项目环评批复', form: '纸质', delivery: '邮寄' },
    });
    await appendEvent(db, id, filed('2025-04-02'));
    await appendEvent(db, id, {
      type: 'AppealClosed',
      on: '2025-05-20',
      appealId: 'a1',
      outcome: 'corrected',
    });
    await appendEvent(db, id, {
      type: 'Decided',
      on: '2025-05-26',
      decision: 'process-information',
      text: '属于内部讨论记录',
    });
    await appendEvent(db, id, {
      type: 'AppealFiled',
      on: '2025-06-03',
      appealId: 'a2',
      kind: 'lr',
      body: '某县人民法院',
    });
    await appendEvent(db, id, {
      type: 'AppealClosed',
      on: '2025-08-01',
      appealId: 'a2',
      outcome: 'corrected',
    });
    await appendEvent(db, id, {
      type: 'Redecided',
      on: '2025-08-15',
      appealId: 'a2',
      decision: 'partial',
      text: '提供会议纪要',
      withheld: '个人信息',
      withheldReason: '涉及个人隐私',
    });
    const { result } = await checkedAnnualReport(db, agency, 2025);
    assert.equal(result.cells['t3.new.tot'], 1);
    assert.equal(result.cells['t3.total.tot'], 1, 'counted once');
    assert.equal(result.cells['t3.w6.np'], 1, 'in the row of its first decision');
    assert.equal(result.cells['t3.partial.np'], 0);
    assert.equal(result.cells['t4.rv.corrected'], 1, 'the 不答复 复议');
    assert.equal(result.cells['t4.lr.corrected'], 1);

    const letters = await lettersOf(db, id);
    const last = letters.at(-1)!;
    assert.equal(last.title, '政府信息公开申请答复书（重新答复）');
    const docx = await letterContent(db, id, last.id);
    const text = (await mammoth.extractRawText({ buffer: docx!.content })).value;
    assert.match(text, /经某县人民法院裁判纠正，本机关重新答复/);
    assert.match(
      text,
      /不予公开的部分不服的，应当先自收到本答复之日起60日内向某县人民政府申请行政复议/,
    );
  });
});
