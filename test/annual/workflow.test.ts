import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type Agency, upsertAgency } from '../../src/db/agencies.ts';
import {
  findAnnualReportRow,
  getVersion,
  listAmendments,
  listVersions,
  versionReport,
} from '../../src/db/annual.ts';
import { listAudit } from '../../src/db/audit.ts';
import { appendEvent, type NewApplication, submitApplication } from '../../src/db/cases.ts';
import { listAttachments } from '../../src/db/publications/attachments.ts';
import { getPublication } from '../../src/db/publications/read.ts';
import { publications } from '../../src/db/schema/catalog.ts';
import { composeReport } from '../../src/services/annual/compose.ts';
import {
  approveReport,
  pendingAmendments,
  publishAmendment,
  publishReport,
  reopenReport,
  saveReportTexts,
  versionFile,
} from '../../src/services/annual/workflow.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = '2024-12-31';
const office = { userId: null, roles: ['office'] as const };
const drafter = { userId: null, roles: ['drafter'] as const };

const filled = {
  S1: [
    '{{年度}}年，{{本机关}}认真贯彻落实《中华人民共和国政府信息公开条例》。',
    '（一）主动公开',
    '{{主动公开情况}}',
    '（二）依申请公开',
    '{{依申请公开情况}}',
    '（三）政府信息管理',
    '严格落实信息发布审核制度。',
    '（四）政府信息公开平台建设',
    '配合县人民政府维护政府网站。',
    '（五）监督保障',
    '局办公室负责政务公开工作。',
  ].join('\n'),
  S5: '（一）存在的主要问题\n公开意识有待加强。\n（二）改进情况\n加强培训。',
  S6: '{{信息处理费情况}}',
};

function application(agencyId: number, submittedOn: string): NewApplication {
  return {
    agencyId,
    channel: 'in-person',
    submittedOn,
    receivedOn: submittedOn,
    applicantType: 'np',
    applicant: { kind: 'person', name: '李四', phone: '13900139000' },
    request: { description: '本单位2023年部门预算', form: '电子', delivery: '电子邮件' },
  };
}

describeEachDatabase('annual report workflow', (database) => {
  let agency: Agency;

  test('a new draft has placeholders (errors) and cannot be approved', async () => {
    const { db } = database();
    const county = await upsertAgency(db, {
      code: 'wf-county',
      name: '某县人民政府',
      kind: 'government',
    });
    agency = await upsertAgency(db, {
      code: 'wf-dept',
      name: '某县统计局',
      uscc: '11430321MB1613499X',
      parentId: county.id,
    });
    const id = (await submitApplication(db, application(agency.id, '2023-03-06'), { today })).id;
    await appendEvent(
      db,
      id,
      { type: 'Decided', on: '2023-03-20', decision: 'disclose', text: '提供预算表' },
      { today },
    );
    const composed = await composeReport(db, agency, 2023);
    assert.equal(composed.report.cells['t3.new.np'], 1);
    assert.equal(composed.report.cells['t3.open.tot'], 1);
    assert.ok(composed.findings.some((f) => f.rule === 'text' && f.severity === 'error'));
    assert.match(composed.report.sections.S1!.text, /收到政府信息公开申请1件/);
    await assert.rejects(approveReport(db, agency, 2023, office), /不能审核通过/);
  });

  test('drafters edit the text; only the office approves; errors gone, approval snapshots', async () => {
    const { db } = database();
    await saveReportTexts(db, agency, 2023, filled, drafter);
    await assert.rejects(approveReport(db, agency, 2023, drafter), /只有办公室负责人/);
    const composed = await approveReport(db, agency, 2023, office);
    assert.equal(composed.findings.filter((f) => f.severity === 'error').length, 0);
    const row = await findAnnualReportRow(db, agency.id, 2023);
    assert.equal(row?.status, 'approved');
    const version = await getVersion(db, row!.approvedVersionId!);
    assert.equal(version?.kind, 'approved');
    assert.equal(versionReport(version!).cells['t3.open.tot'], 1);
    // Editing an approved report revokes the approval.
    await saveReportTexts(db, agency, 2023, { S5: `${filled.S5}\n继续改进。` }, office);
    assert.equal((await findAnnualReportRow(db, agency.id, 2023))?.status, 'draft');
    await approveReport(db, agency, 2023, office);
    await reopenReport(db, agency, 2023, office);
    assert.equal((await findAnnualReportRow(db, agency.id, 2023))?.status, 'draft');
    await approveReport(db, agency, 2023, office);
  });

  test('publish: the approved snapshot, files, a catalogue item in 年报 with the DOCX attached', async () => {
    const { db } = database();
    const { versionId, publicationId } = await publishReport(db, agency, 2023, office, {
      today: '2024-01-20',
      pdf: false,
    });
    const row = await findAnnualReportRow(db, agency.id, 2023);
    assert.equal(row?.status, 'published');
    assert.equal(row?.publishedOn, '2024-01-20');
    const html = (await versionFile(db, versionId, 'html')).toString();
    assert.match(html, /某县统计局2023年政府信息公开工作年度报告/);
    assert.equal((await versionFile(db, versionId, 'docx')).subarray(0, 2).toString(), 'PK');
    const item = await getPublication(db, agency.id, publicationId);
    assert.equal(item?.status, 'published');
    assert.equal(item?.publishedOn, '2024-01-20');
    assert.match(item!.body, /# 三、收到和处理政府信息公开申请情况/);
    const files = await listAttachments(db, publicationId);
    assert.deepEqual(
      files.map((f) => f.filename.split('.').pop()),
      ['docx'],
    );
    const actions = (await listAudit(db, { agencyId: agency.id })).map((a) => a.action);
    for (const a of ['annual.texts', 'annual.approve', 'annual.reopen', 'annual.publish'])
      assert.ok(actions.includes(a), a);
  });

  test('the lock: no edits; snapshots are immutable in the database', async () => {
    const { db } = database();
    await assert.rejects(saveReportTexts(db, agency, 2023, filled, office), /已发布并锁定/);
    const row = (await findAnnualReportRow(db, agency.id, 2023))!;
    await assert.rejects(
      db.execute(
        sql`update annual_report_versions set note = 'x' where id = ${row.publishedVersionId}`,
      ),
    );
    await assert.rejects(db.execute(sql`delete from annual_report_files`));
  });

  test('a later record change is listed as an amendment, published only with a reason', async () => {
    const { db } = database();
    assert.deepEqual((await pendingAmendments(db, agency, 2023))?.cells, []);
    // A paper application of 2023 registered late: it changes 2023's cells.
    await submitApplication(db, application(agency.id, '2023-12-28'), { today });
    const pending = (await pendingAmendments(db, agency, 2023))!;
    const keys = pending.cells.map((c) => c.key);
    for (const k of ['t3.new.np', 't3.new.tot', 't3.carryOut.np', 't3.carryOut.tot'])
      assert.ok(keys.includes(k), k);
    assert.deepEqual(
      pending.cells.find((c) => c.key === 't3.new.tot'),
      { key: 't3.new.tot', before: 1, after: 2 },
    );
    // The published snapshot is unchanged.
    const row = (await findAnnualReportRow(db, agency.id, 2023))!;
    assert.equal(
      versionReport((await getVersion(db, row.publishedVersionId!))!).cells['t3.new.tot'],
      1,
    );
    await assert.rejects(
      publishAmendment(db, agency, 2023, '', office, { today: '2024-02-01', pdf: false }),
      /更正原因/,
    );
    const { cells } = await publishAmendment(
      db,
      agency,
      2023,
      '补录一件2023年12月收到的纸质申请',
      office,
      {
        today: '2024-02-01',
        pdf: false,
      },
    );
    assert.equal(cells.length, keys.length);
    assert.deepEqual((await pendingAmendments(db, agency, 2023))?.cells, []);
    const after = (await findAnnualReportRow(db, agency.id, 2023))!;
    assert.equal(
      versionReport((await getVersion(db, after.publishedVersionId!))!).cells['t3.new.tot'],
      2,
    );
    assert.deepEqual(
      (await listVersions(db, after.id)).map((v) => v.kind),
      ['approved', 'approved', 'approved', 'published', 'amendment'],
    );
    assert.equal((await listAmendments(db, after.id)).length, 1);
    const titles = await db
      .select({ title: publications.title })
      .from(publications)
      .where(eq(publications.agencyId, agency.id));
    assert.ok(titles.some((t) => t.title.endsWith('（更正）')));
  });

  test('the published year feeds R8 of the next year; an unreceived application is an error', async () => {
    const { db } = database();
    const id = (
      await submitApplication(
        db,
        { ...application(agency.id, '2024-05-06'), channel: 'online', receivedOn: undefined },
        { today },
      )
    ).id;
    const composed = await composeReport(db, agency, 2024);
    assert.equal(composed.previous.source, 'gongkai');
    // 2023 carried one application out (received 12-28, open); 2024's records carry it in.
    assert.equal(composed.report.cells['t3.carryIn.tot'], 1);
    assert.ok(!composed.findings.some((f) => f.rule === 'R8'));
    const records = composed.findings.find((f) => f.rule === 'records');
    assert.equal(records?.severity, 'error');
    assert.deepEqual(records?.cells, ['t3.new.tot', 't3.new.np']);
    assert.deepEqual(
      composed.unreceived.map((a) => a.id),
      [id],
    );
    await appendEvent(db, id, { type: 'Received', on: '2024-05-07' }, { today });
    const fixed = await composeReport(db, agency, 2024);
    assert.ok(!fixed.findings.some((f) => f.rule === 'records'));
    assert.equal(fixed.report.cells['t3.new.tot'], 1);
  });
});
