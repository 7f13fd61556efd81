import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { upsertAgency } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { rowsOf } from '../../src/db/database.ts';
import { listPetitionAggregates, savePetitionAggregate } from '../../src/db/petitionAggregates.ts';
import { createPetitionFromApplication } from '../../src/db/petitionHandover.ts';
import { petitionStatistics } from '../../src/db/petitionStatistics.ts';
import {
  appendPetitionEvent,
  findPetitionByApplication,
  findPetitionForTracking,
  getPetition,
  listPetitions,
  registerPetition,
} from '../../src/db/petitions.ts';
import { applications } from '../../src/db/schema/cases.ts';
import { petitions } from '../../src/db/schema/petitions.ts';
import type { PetitionAggregate } from '../../src/petitions/statistics.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = '2026-06-30';
const seed2021: PetitionAggregate = {
  periodFrom: '2021-01-01',
  periodTo: '2021-12-31',
  visitBatches: 1119,
  visitPersons: 2588,
  leaderBatches: 214,
  leaderPersons: 1065,
  writtenHandled: 3007,
  acceptanceDue: null,
  acceptanceOnTime: null,
  completionDue: null,
  completionOnTime: null,
  writtenCompletionDue: 3007,
  writtenCompletionOnTime: 3007,
  source: '湘潭县信访局2021年政府信息公开工作年度报告',
};

describeEachDatabase('petition repositories', (database) => {
  let agencyId = 0;
  let otherAgencyId = 0;
  before(async () => {
    agencyId = (await upsertAgency(database().db, { code: 'xfj', name: '测试信访局' })).id;
    otherAgencyId = (await upsertAgency(database().db, { code: 'other', name: '其他局' })).id;
  });

  const letter = (over: Partial<Parameters<typeof registerPetition>[1]> = {}) => ({
    agencyId,
    channel: 'online' as const,
    receivedOn: '2026-03-01',
    subject: '小区噪音扰民',
    content: '夜间施工噪音严重，请求处理。',
    petitioners: [{ name: '张三', phone: '138-1234-5678', address: '易俗河镇' }],
    ...over,
  });

  test('register → accept → extend → answer keeps the projection equal to the derived clock', async () => {
    const db = database().db;
    const { id, queryCode } = await registerPetition(db, letter(), { userId: null, today });
    assert.match(queryCode, /^XF-/);
    let row = (await getPetition(db, agencyId, id))!.row;
    assert.deepEqual(
      [row.status, row.acceptanceDue, row.phoneDigits],
      ['registered', '2026-03-16', '13812345678'],
    );

    await appendPetitionEvent(
      db,
      agencyId,
      id,
      { type: 'AcceptanceDecided', on: '2026-03-05', decision: 'accepted' },
      { today },
    );
    await appendPetitionEvent(
      db,
      agencyId,
      id,
      { type: 'Extended', on: '2026-04-20', days: 15, approvedBy: '李局长', reason: '需现场核查' },
      { today },
    );
    const clock = await appendPetitionEvent(
      db,
      agencyId,
      id,
      { type: 'Answered', on: '2026-05-10', text: '已责令施工单位整改。' },
      { today },
    );
    assert.equal(clock.status, 'answered');
    const detail = (await getPetition(db, agencyId, id))!;
    row = detail.row;
    assert.deepEqual(
      [
        row.status,
        row.acceptanceDecidedOn,
        row.handlingDue,
        row.extensionDays,
        row.closedOn,
        row.answerText,
        row.version,
      ],
      ['answered', '2026-03-05', '2026-05-19', 15, '2026-05-10', '已责令施工单位整改。', 4],
    );
    assert.equal(detail.events.length, 4);
    assert.equal(detail.petitioners[0].name, '张三');
    assert.ok(detail.clock.trace.some((l) => l.includes('李局长批准延长15日')));
    const actions = (await listAudit(db, { agencyId })).map((a) => a.action);
    for (const a of [
      'petition.register',
      'petition.AcceptanceDecided',
      'petition.Extended',
      'petition.Answered',
    ]) {
      assert.ok(actions.includes(a), a);
    }
  });

  test('an illegal event is refused and nothing is written', async () => {
    const db = database().db;
    const { id } = await registerPetition(db, letter(), { today });
    await assert.rejects(
      appendPetitionEvent(db, agencyId, id, { type: 'Answered', on: '2026-03-05' }, { today }),
      { code: 'petition.answer.not-accepted' },
    );
    await assert.rejects(
      appendPetitionEvent(
        db,
        agencyId,
        id,
        { type: 'AcceptanceDecided', on: '2026-07-01', decision: 'accepted' },
        { today },
      ),
      { code: 'petition.date.future' },
    );
    await appendPetitionEvent(
      db,
      agencyId,
      id,
      { type: 'AcceptanceDecided', on: '2026-03-10', decision: 'accepted' },
      { today },
    );
    await assert.rejects(
      appendPetitionEvent(db, agencyId, id, { type: 'Answered', on: '2026-03-09' }, { today }),
      { code: 'petition.events.out-of-order' },
    );
    const detail = (await getPetition(db, agencyId, id))!;
    assert.equal(detail.events.length, 2);
    assert.equal(detail.row.version, 2);
  });

  test('another agency cannot read or change the petition', async () => {
    const db = database().db;
    const { id } = await registerPetition(db, letter(), { today });
    assert.equal(await getPetition(db, otherAgencyId, id), undefined);
    await assert.rejects(
      appendPetitionEvent(
        db,
        otherAgencyId,
        id,
        { type: 'AcceptanceDecided', on: '2026-03-02', decision: 'accepted' },
        { today },
      ),
      { code: 'petition.not-found' },
    );
  });

  test('the event log is append-only in the database', async () => {
    const db = database().db;
    await registerPetition(db, letter(), { today });
    await assert.rejects(db.execute(sql`update petition_events set type = 'X'`));
    await assert.rejects(db.execute(sql`delete from petition_events`));
  });

  test('tracking needs the code and the last four digits of the phone', async () => {
    const db = database().db;
    const { queryCode } = await registerPetition(db, letter(), { today });
    assert.ok(await findPetitionForTracking(db, agencyId, queryCode, '5678'));
    assert.equal(await findPetitionForTracking(db, agencyId, queryCode, '0000'), undefined);
    assert.equal(await findPetitionForTracking(db, otherAgencyId, queryCode, '5678'), undefined);
  });

  test('visits keep their person-times and leader reception; only visits may have one', async () => {
    const db = database().db;
    const { id } = await registerPetition(
      db,
      letter({
        channel: 'visit',
        persons: 6,
        leaderReceived: true,
        leaderName: '县长',
        leaderLevel: 'county',
        receivedOn: '2026-04-01',
      }),
      { today },
    );
    const row = (await getPetition(db, agencyId, id))!.row;
    assert.deepEqual(
      [row.persons, row.leaderReceived, row.leaderName, row.leaderLevel],
      [6, true, '县长', 'county'],
    );
    const stats = await petitionStatistics(db, agencyId, '2026-04-01', '2026-04-30', today);
    assert.deepEqual(stats.leaderReceptionsByLevel.county, { batches: 1, persons: 6 });
    await assert.rejects(registerPetition(db, letter({ leaderReceived: true }), { today }), {
      code: 'petition.leader.not-visit',
    });
    const visits = await listPetitions(db, agencyId, { channel: 'visit' });
    assert.equal(visits.total, 1);
    assert.equal(visits.rows[0].petitionerName, '张三');
  });

  test('aggregates: saved, replaced, checked, and they fence off their period', async () => {
    const db = database().db;
    await savePetitionAggregate(db, agencyId, seed2021);
    await savePetitionAggregate(db, agencyId, { ...seed2021, visitBatches: 1119 });
    assert.equal((await listPetitionAggregates(db, agencyId)).length, 1);
    await assert.rejects(
      savePetitionAggregate(db, agencyId, {
        ...seed2021,
        periodFrom: '2021-06-01',
        periodTo: '2022-05-31',
      }),
      {
        code: 'petition.aggregate.overlap',
      },
    );
    await assert.rejects(
      savePetitionAggregate(db, agencyId, {
        ...seed2021,
        periodFrom: '2022-01-01',
        periodTo: '2022-12-31',
        leaderBatches: 2000,
      }),
      {
        code: 'petition.aggregate.inconsistent',
      },
    );
    await assert.rejects(
      savePetitionAggregate(db, agencyId, {
        ...seed2021,
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
      }),
      {
        code: 'petition.aggregate.has-records',
      },
    );
    await assert.rejects(registerPetition(db, letter({ receivedOn: '2021-05-01' }), { today }), {
      code: 'petition.aggregate.period',
    });
  });

  test("statistics for 2021 from the aggregate give the seed's figures", async () => {
    const stats = await petitionStatistics(database().db, agencyId, '2021-01-01', '2021-12-31');
    assert.deepEqual(stats.visits, { batches: 1119, persons: 2588 });
    assert.deepEqual(stats.leaderReceptions, { batches: 214, persons: 1065 });
    assert.equal(stats.written.handled, 3007);
    assert.equal(stats.writtenCompletion.rate, 1);
  });

  test('statistics for 2026 count the registered records', async () => {
    const stats = await petitionStatistics(database().db, agencyId, '2026-01-01', '2026-12-31');
    const rows = await database()
      .db.select()
      .from(petitions)
      .where(eq(petitions.agencyId, agencyId));
    const written = rows.filter((r) => r.channel !== 'visit').length;
    assert.equal(stats.written.handled, written);
    assert.deepEqual(stats.visits, { batches: 1, persons: 6 });
    assert.deepEqual(stats.leaderReceptions, { batches: 1, persons: 6 });
    assert.equal(stats.writtenCompletion.onTime, 1);
  });

  test('n1 hand-over: one step, linked both ways, idempotent, only for n1', async () => {
    const db = database().db;
    const base = {
      agencyId,
      queryCode: 'APPTEST0001',
      channel: 'online',
      submittedOn: '2026-05-01',
      receivedOn: '2026-05-01',
      applicantType: 'np',
      applicantName: '李四',
      phoneDigits: '13900001111',
      applicant: {
        kind: 'person' as const,
        name: '李四',
        phone: '13900001111',
        idNumber: '430321199001011234',
      },
      request: {
        description: '举报某村干部违规占地。请依法查处。',
        form: '电子',
        delivery: '电子邮件',
      },
      status: 'closed',
      outcome: 'n1',
      version: 3,
    };
    const [app] = await db.insert(applications).values(base).returning();
    const [other] = await db
      .insert(applications)
      .values({ ...base, queryCode: 'APPTEST0002', outcome: 'open' })
      .returning();

    const first = await createPetitionFromApplication(
      db,
      { applicationId: app.id, receivedOn: '2026-05-20' },
      { today },
    );
    assert.equal(first.created, true);
    const again = await createPetitionFromApplication(
      db,
      { applicationId: app.id, receivedOn: '2026-05-21' },
      { today },
    );
    assert.deepEqual(again, { ...first, created: false });

    const petition = await findPetitionByApplication(db, app.id);
    assert.equal(petition?.id, first.id);
    const detail = (await getPetition(db, agencyId, first.id))!;
    assert.deepEqual(
      [
        detail.row.sourceApplicationId,
        detail.row.channel,
        detail.row.subject,
        detail.row.acceptanceDue,
      ],
      [app.id, 'online', '（依申请公开转入）举报某村干部违规占地', '2026-06-04'],
    );
    assert.equal(detail.petitioners[0].idNumber, '430321199001011234');

    await assert.rejects(
      createPetitionFromApplication(
        db,
        { applicationId: other.id, receivedOn: '2026-05-20' },
        { today },
      ),
      {
        code: 'petition.handover.not-n1',
      },
    );
    await assert.rejects(
      createPetitionFromApplication(
        db,
        { applicationId: 999999, receivedOn: '2026-05-20' },
        { today },
      ),
      {
        code: 'petition.handover.no-application',
      },
    );
    const count = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from petitions where source_application_id = ${app.id}`,
      ),
    );
    assert.equal(count[0].n, 1);
  });
});
