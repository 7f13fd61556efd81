/**
 * 信息处理费 in the workflow: computed from the applicant's pieces in the month (109号 第四条) or
 * the pages (第五条), reduced only with a reason; the notice states basis, standard, amount and
 * how to pay; the payment window runs from the day after the applicant receives the notice.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import mammoth from 'mammoth';
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { assessFee } from '../../src/cases/feeAssessment.ts';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { letterContent, lettersOf, submitApplication } from '../../src/db/cases.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const calendar = new Calendar();
const payment = '到本机关办公室缴纳，或转账至县财政非税收入账户（户名、账号见附页），取得财政票据';

describe('the fee assessment (pure)', () => {
  test('the applicant’s only application this month is free: no notice (the 500 元 case)', () => {
    assert.throws(
      () => assessFee({ method: 'piece', quantity: 1, reduction: 0, payment }),
      /第1件申请，10件以内（含）不收费/,
    );
  });
  test('the 11th piece is 100 元, the 45th 300 元; pages go by the Art. 5 bands', () => {
    assert.equal(assessFee({ method: 'piece', quantity: 11, reduction: 0, payment }).amount, 100);
    assert.equal(assessFee({ method: 'piece', quantity: 45, reduction: 0, payment }).amount, 300);
    assert.equal(assessFee({ method: 'page', quantity: 250, reduction: 0, payment }).amount, 4700);
    assert.throws(
      () => assessFee({ method: 'page', quantity: 30, reduction: 0, payment }),
      /30页以内/,
    );
  });
  test('a reduction needs its reason; a full waiver sends no notice; the way to pay is required', () => {
    assert.throws(
      () => assessFee({ method: 'page', quantity: 120, reduction: 100, payment }),
      /减免信息处理费须写明理由/,
    );
    const reduced = assessFee({
      method: 'page',
      quantity: 120,
      reduction: 100,
      reductionReason: '申请人为低保对象',
      payment,
    });
    assert.equal(reduced.amount, 1000);
    assert.throws(
      () =>
        assessFee({
          method: 'page',
          quantity: 120,
          reduction: 1100,
          reductionReason: '困难',
          payment,
        }),
      /已全部免除，无需发出收费通知/,
    );
    assert.throws(
      () => assessFee({ method: 'page', quantity: 120, reduction: 0, payment: ' ' }),
      /缴纳方式/,
    );
  });
  test('a recorded amount that is not the schedule’s is refused', () => {
    const { fee } = assessFee({ method: 'piece', quantity: 12, reduction: 0, payment });
    const events: CaseEvent[] = [
      { type: 'Submitted', on: '2026-03-02', channel: 'in-person' },
      { type: 'Received', on: '2026-03-02' },
      { type: 'ProcessingFeeNotified', on: '2026-03-04', amount: 500, fee },
    ];
    assert.throws(() => derive(calendar, events), /收费金额应为100元/);
  });
  test('the payment window runs 20 working days from the day after the applicant receives it', () => {
    const { fee, amount } = assessFee({ method: 'piece', quantity: 12, reduction: 0, payment });
    const start: CaseEvent[] = [
      { type: 'Submitted', on: '2025-03-03', channel: 'in-person' },
      { type: 'Received', on: '2025-03-03' },
      { type: 'ProcessingFeeNotified', on: '2025-03-04', amount, fee },
    ];
    const notDelivered = derive(calendar, start);
    // 20 working days from 03-05: 03-05 … 04-01 (no holiday in March 2025).
    assert.equal(notDelivered.clock?.lapse?.after, '2025-04-01');
    const delivered = derive(calendar, [
      ...start,
      { type: 'ProcessingFeeNoticeDelivered', on: '2025-03-10', method: '邮寄签收' },
    ]);
    // from 03-11: 03-11 … 04-07 (04-04 清明 is a holiday in 2025) → 04-08.
    assert.equal(delivered.clock?.lapse?.after, '2025-04-08');
    assert.throws(
      () =>
        derive(calendar, [
          ...start,
          { type: 'ProcessingFeeNoticeDelivered', on: '2025-03-10', method: '邮寄签收' },
          { type: 'Decided', on: '2025-04-08', decision: 'fee-unpaid', text: '' },
        ]),
      /缴费期限至2025-04-08/,
    );
    const lapsed = derive(calendar, [
      ...start,
      { type: 'ProcessingFeeNoticeDelivered', on: '2025-03-10', method: '邮寄签收' },
      { type: 'Decided', on: '2025-04-09', decision: 'fee-unpaid', text: '' },
    ]);
    assert.equal(lapsed.outcome, 'o2');
  });
});

describeEachDatabase(
  'fees in the workbench',
  (database) => {
    test('the amount comes from the applicant’s count this month; the notice states it all', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const ids: number[] = [];
      for (let i = 1; i <= 11; i++) {
        const on = `2026-11-${String(i + 1).padStart(2, '0')}`;
        const { id } = await submitApplication(db, {
          agencyId: agency.id,
          channel: 'in-person',
          submittedOn: on,
          receivedOn: on,
          applicantType: 'np',
          applicant: { kind: 'person', name: '赵六', phone: '139 0000 1111' },
          request: { description: `第${i}项信息`, form: '纸质', delivery: '邮寄' },
        });
        ids.push(id);
      }
      const office = new TestClient(app);
      await office.login('xfj-office', demoPassword);
      const act = async (id: number, action: string, fields: Record<string, string>) => {
        const html = await (await office.get(`/admin/xiangtan-xfj/cases/${id}`)).text();
        const version = html.match(/name="version" value="(\d+)"/)?.[1] ?? '0';
        return office.post(`/admin/xiangtan-xfj/cases/${id}/act`, {
          action,
          version,
          on: '2026-11-20',
          ...fields,
        });
      };
      const free = await act(ids[0], 'ProcessingFeeNotified', {
        method: 'piece',
        payment,
        amount: '500',
      });
      assert.equal(free.status, 400);
      assert.match(await free.text(), /第1件申请，10件以内（含）不收费/);

      const charged = await act(ids[10], 'ProcessingFeeNotified', { method: 'piece', payment });
      assert.equal(charged.status, 303);
      const [notice] = (await lettersOf(db, ids[10])).filter((l) => l.kind === 'fee');
      const docx = await letterContent(db, ids[10], notice.id);
      const text = (await mammoth.extractRawText({ buffer: docx!.content })).value;
      assert.match(text, /第四十二条/);
      assert.match(text, /国办函〔2020〕109号）第三条、第四条（按件计收）/);
      assert.match(text, /本件为申请人本自然月向本机关提出的第11件申请/);
      assert.match(text, /应缴金额：人民币100\.00元/);
      assert.match(text, /缴纳方式：到本机关办公室缴纳/);
      assert.match(text, /自收到本通知之次日起20个工作日内缴纳/);
      assert.match(text, new RegExp(notice.number!.replace(/[〔〕]/g, '.')));

      const delivered = await act(ids[10], 'ProcessingFeeNoticeDelivered', { method: '邮寄签收' });
      assert.equal(delivered.status, 303);
      const page = await (await office.get(`/admin/xiangtan-xfj/cases/${ids[10]}`)).text();
      assert.match(page, /100元（按件，本月第11件，标准100元）/);
      assert.match(page, /邮寄签收；缴费期限自次日起20个工作日/);
    });
  },
  { demo: true },
);
