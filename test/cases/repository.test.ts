import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { derive, toClockEvents } from '../../src/cases/derive.ts';
import { upsertAgency } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { loadCalendar } from '../../src/db/calendar.ts';
import {
  appendEvent,
  eventsOf,
  findApplication,
  letterContent,
  lettersOf,
  type NewApplication,
  submitApplication,
} from '../../src/db/cases.ts';
import { casesInCell, t3PlacementCounts } from '../../src/db/casesReport.ts';
import { applicationEvents, applications } from '../../src/db/schema/cases.ts';
import { replyDue } from '../../src/law/clock.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = '2025-12-31';

function person(agencyId: number, extra: Partial<NewApplication> = {}): NewApplication {
  return {
    agencyId,
    channel: 'online',
    submittedOn: '2025-03-03',
    applicantType: 'np',
    applicant: {
      kind: 'person',
      name: '张三',
      idType: '居民身份证',
      idNumber: '11010519491231002X',
      phone: '13800138000',
    },
    request: { description: '2024年本单位信访事项办理情况统计', form: '纸质', delivery: '邮寄' },
    ...extra,
  };
}

describeEachDatabase('case repositories', (database) => {
  let agencyId = 0;

  test('submit, confirm and decide: projection, clock and letters follow the log', async () => {
    const { db } = database();
    agencyId = (await upsertAgency(db, { code: 'cases-a', name: '某县信访局' })).id;
    const { id, queryCode } = await submitApplication(db, person(agencyId), { today });
    assert.match(queryCode, /^[2-9A-HJ-NP-Z]{12}$/);
    let row = await findApplication(db, id);
    assert.equal(row?.status, 'pending');
    assert.equal(row?.receivedOn, null);
    assert.equal(row?.phoneDigits, '13800138000');

    await appendEvent(
      db,
      id,
      { type: 'Received', on: '2025-03-04', method: '电话确认' },
      { today },
    );
    await appendEvent(
      db,
      id,
      {
        type: 'SupplementRequested',
        on: '2025-03-05',
        deadline: '2025-03-20',
        items: '请写明统计口径',
      },
      { today },
    );
    await appendEvent(db, id, { type: 'SupplementReceived', on: '2025-03-10' }, { today });
    row = await findApplication(db, id);
    const calendar = await loadCalendar(db);
    const events = await eventsOf(db, id);
    const law = replyDue(calendar, toClockEvents(derive(calendar, events), events));
    assert.equal(row?.replyDue, law.due, 'the clock in the database is the law core clock');
    assert.equal(row?.status, 'open');
    assert.equal(row?.version, 4);

    const state = await appendEvent(
      db,
      id,
      {
        type: 'Decided',
        on: '2025-03-25',
        decision: 'partial',
        text: '提供统计表',
        withheld: '来信人姓名',
        withheldReason: '涉及个人隐私',
      },
      { today, userId: null },
    );
    assert.equal(state.outcome, 'partial');
    row = await findApplication(db, id);
    assert.equal(row?.status, 'decided');
    assert.equal(row?.outcome, 'partial');
    assert.equal(row?.resolvedOn, '2025-03-25');
    assert.equal(row?.replyDue, null, 'a decided case has no running clock');

    const list = await lettersOf(db, id);
    assert.deepEqual(
      list.map((l) => l.kind),
      ['supplement', 'decision'],
    );
    const docx = await letterContent(db, id, list[1].id);
    const text = (await mammoth.extractRawText({ buffer: docx!.content })).value;
    assert.match(text, /政府信息公开申请答复书/);
    assert.match(text, /第三十七条/);
    assert.match(text, /来信人姓名/);
    assert.match(
      text,
      /不予公开的部分不服的，应当先自收到本答复之日起60日内依法向有权的行政复议机关申请行政复议/,
    );
    assert.match(text, /依申请公开〔2025〕2号/, 'the second letter of the agency in 2025');
    assert.deepEqual(
      list.map((l) => l.number),
      ['依申请公开〔2025〕1号', '依申请公开〔2025〕2号'],
    );
  });

  test('an illegal event is refused and nothing changes', async () => {
    const { db } = database();
    const { id } = await submitApplication(db, person(agencyId), { today });
    await appendEvent(db, id, { type: 'Received', on: '2025-03-04' }, { today });
    const before = await findApplication(db, id);
    const auditBefore = (await listAudit(db, { agencyId })).length;
    const attempts = [
      { type: 'Served', on: '2025-03-05', method: '邮寄' },
      { type: 'Decided', on: '2025-03-05', decision: 'partial', text: '' },
      { type: 'Extension', on: '2025-03-05', workdays: 30, reason: '多', approvedBy: '王' },
      { type: 'Decided', on: '2025-03-01', decision: 'disclose', text: '' },
      { type: 'Decided', on: '2026-01-05', decision: 'disclose', text: '' },
    ] as const;
    for (const event of attempts) {
      await assert.rejects(
        appendEvent(db, id, event as never, { today }),
        /不能|不予公开的内容|20个工作日|早于|晚于今天/,
      );
    }
    const after = await findApplication(db, id);
    assert.deepEqual({ ...after, updatedAt: null }, { ...before, updatedAt: null });
    const [{ n }] = await db
      .select({ n: count() })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, id));
    assert.equal(n, 2);
    assert.equal((await listAudit(db, { agencyId })).length, auditBefore);
    assert.equal((await lettersOf(db, id)).length, 0);
  });

  test('an Art. 35 deferral: projection, letter and audit in one append; illegal uses change nothing', async () => {
    const { db } = database();
    const { id } = await submitApplication(db, person(agencyId), { today });
    await appendEvent(db, id, { type: 'Received', on: '2025-03-04' }, { today });
    const grounds = '本年度已提出申请45件';
    const asked = { type: 'ReasonsRequested', on: '2025-03-05', grounds, deadline: '2025-03-12' };
    await appendEvent(db, id, asked as never, { today });
    const judged = { type: 'ReasonsAssessed', on: '2025-03-14', finding: 'reasonable' } as const;
    await appendEvent(
      db,
      id,
      { ...judged, reasons: '课题研究', assessment: '用途相称' },
      { today },
    );
    const deferral = {
      type: 'Deferral',
      on: '2025-03-20',
      due: '2025-05-30',
      reason: '申请数量明显超过合理范围',
      approvedBy: '王主任',
    } as const;
    const refused: [object, RegExp][] = [
      [{ ...deferral, reason: ' ' }, /依第三十五条延迟答复须说明理由/],
      [{ ...deferral, due: '2025-04-01' }, /应晚于当前答复期限（2025-04-01）/],
      [{ ...deferral, on: '2025-04-02' }, /应在答复期限届满前作出/],
    ];
    const snapshot = async () => ({
      row: { ...(await findApplication(db, id)), updatedAt: null },
      events: (await eventsOf(db, id)).length,
      audit: (await listAudit(db, { agencyId })).length,
      letters: (await lettersOf(db, id)).length,
    });
    const before = await snapshot();
    assert.equal(before.row.replyDue, '2025-04-01');
    for (const [event, message] of refused) {
      await assert.rejects(appendEvent(db, id, event as never, { today }), message);
    }
    assert.deepEqual(await snapshot(), before);

    const state = await appendEvent(db, id, deferral, { today, userId: null });
    assert.equal(state.deferredTo, '2025-05-30');
    const row = await findApplication(db, id);
    assert.equal(row?.replyDue, '2025-05-30', 'the projection carries the deferred due date');
    assert.equal(row?.version, 5);
    const audited = await listAudit(db, { agencyId, action: 'case.Deferral' });
    assert.deepEqual(
      audited.map((a) => a.target),
      [`application:${id}`],
    );
    const list = await lettersOf(db, id);
    assert.deepEqual(
      list.map((l) => [l.kind, l.title, l.eventSeq, l.toApplicant]),
      [
        ['reasons', '政府信息公开申请说明理由通知书', 3, true],
        ['deferral', '政府信息公开申请延迟答复告知书', 5, true],
      ],
    );
    const docx = await letterContent(db, id, list[1].id);
    const text = (await mammoth.extractRawText({ buffer: docx!.content })).value;
    assert.match(text, /第三十五条/);
    assert.match(text, /延迟答复的合理期限至2025年5月30日/);

    const afterDeferral = await snapshot();
    await assert.rejects(
      appendEvent(
        db,
        id,
        { type: 'Extension', on: '2025-03-21', workdays: 5, reason: '甲', approvedBy: '王主任' },
        { today },
      ),
      /已依第三十五条确定延迟答复期限，不能再依第三十三条延长/,
    );
    assert.deepEqual(await snapshot(), afterDeferral);
  });

  test('the event log refuses updates and deletes', async () => {
    const { db } = database();
    const appendOnly = (error: Error & { cause?: Error }) =>
      /append-only/.test(`${error.message} ${error.cause?.message ?? ''}`);
    await assert.rejects(db.update(applicationEvents).set({ type: 'X' }), appendOnly);
    await assert.rejects(db.delete(applicationEvents), appendOnly);
  });

  test('concurrent submissions are each saved once with unique query codes', async () => {
    const { db } = database();
    const other = (await upsertAgency(db, { code: 'cases-b', name: '某县教育局' })).id;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        submitApplication(
          db,
          person(other, {
            applicant: {
              kind: 'person',
              name: `申请人${i}`,
              phone: `1390000${String(i).padStart(4, '0')}`,
            },
          }),
          { today },
        ),
      ),
    );
    assert.equal(new Set(results.map((r) => r.queryCode)).size, 40);
    assert.equal(new Set(results.map((r) => r.id)).size, 40);
    const [{ n }] = await db
      .select({ n: count() })
      .from(applications)
      .where(eq(applications.agencyId, other));
    assert.equal(n, 40);
  });

  test('T3 from records: a case received in one year and decided in the next is carried over', async () => {
    const { db } = database();
    const agency = (await upsertAgency(db, { code: 'cases-c', name: '某县民政局' })).id;
    const late = await submitApplication(
      db,
      person(agency, {
        channel: 'in-person',
        submittedOn: '2024-12-20',
        receivedOn: '2024-12-20',
        applicantType: 'law',
      }),
      { today },
    );
    await appendEvent(
      db,
      late.id,
      { type: 'Decided', on: '2025-01-10', decision: 'not-held', text: '经检索没有' },
      { today },
    );
    const y2024 = await t3PlacementCounts(db, [agency], 2024);
    assert.deepEqual(y2024, [
      { applicantType: 'law', intake: 'new', result: 'carryOut', count: 1 },
    ]);
    const y2025 = await t3PlacementCounts(db, [agency], 2025);
    assert.deepEqual(y2025, [{ applicantType: 'law', intake: 'carryIn', result: 'u1', count: 1 }]);
    const drill = await casesInCell(db, [agency], 2025, 't3.u1.law');
    assert.deepEqual(
      drill.map((c) => c.id),
      [late.id],
    );
    assert.deepEqual(await casesInCell(db, [agency], 2025, 't3.u1.np'), []);
    assert.deepEqual(
      (await casesInCell(db, [agency], 2024, 't3.carryOut.tot')).map((c) => c.id),
      [late.id],
    );
  });
});
