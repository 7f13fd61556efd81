import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { listAudit } from '../../src/db/audit.ts';
import { issueIndexNumber } from '../../src/db/catalogIndex.ts';
import { searchPublished } from '../../src/db/catalogPortal.ts';
import { importRegisterCsv, saveRegisterEntry, t2Cells } from '../../src/db/catalogRegisters.ts';
import { rowsOf } from '../../src/db/database.ts';
import { publicationAggregate } from '../../src/db/publications/aggregate.ts';
import { createPublication, updatePublication } from '../../src/db/publications/drafts.ts';
import { getPublication, listContentVersions, listEvents } from '../../src/db/publications/read.ts';
import {
  overridePrivacy,
  recordConfidentialityReview,
  reviewPublication,
} from '../../src/db/publications/review.ts';
import { changeValidity } from '../../src/db/publications/validity.ts';
import { reproject } from '../../src/db/store/eventStore.ts';
import { fromDayNumber, toDayNumber, todayInChina } from '../../src/law/date.ts';
import { buildAnnualReport } from '../../src/services/annual/build.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { catalogFixture, sampleInput } from './support.ts';

describeEachDatabase('catalog repository', (database) => {
  test('a publication runs the chain; wrong roles, skipping and self-approval are refused', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'chain');
    const item = await createPublication(
      db,
      f.agency.id,
      sampleInput(f.category('gzdt')),
      f.drafter,
    );
    assert.equal(item.status, 'draft');
    await assert.rejects(
      reviewPublication(db, f.agency.id, item.id, { type: 'submit' }, f.reviewer),
      { code: 'catalog.review.role' },
    );
    await reviewPublication(db, f.agency.id, item.id, { type: 'submit' }, f.drafter);
    await assert.rejects(
      reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 1 }, f.office),
      { code: 'catalog.review.role' },
    );
    await assert.rejects(
      reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 2 }, f.office),
      { code: 'catalog.review.out-of-turn' },
    );
    const selfReviewer = { ...f.drafter, roles: ['drafter', 'reviewer'] as const };
    await assert.rejects(
      reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 1 }, selfReviewer),
      { code: 'catalog.review.self' },
    );
    await reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 1 }, f.reviewer);
    await reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 2 }, f.office);
    await assert.rejects(
      reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 3 }, f.office),
      { code: 'catalog.review.consecutive' },
    );
    await assert.rejects(
      reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 3 }, f.office2),
      { code: 'catalog.review.confidentiality' },
    );
    await recordConfidentialityReview(db, f.agency.id, item.id, { conclusion: 'public' }, f.office);
    const published = await reviewPublication(
      db,
      f.agency.id,
      item.id,
      { type: 'approve', step: 3 },
      f.office2,
      { today: '2021-03-10' },
    );
    assert.equal(published.status, 'published');
    assert.equal(published.publishedOn, '2021-03-10');
    assert.match(published.indexNumber ?? '', /^11430321MB16134126\/2021-\d{5}$/);
    const kinds = (await listEvents(db, item.id)).map((e) => e.kind);
    assert.deepEqual(
      kinds.filter((k) => k !== 'edited'),
      ['created', 'submitted', 'approved', 'approved', 'confidentiality-review', 'published'],
    );
    const audits = (await listAudit(db, { agencyId: f.agency.id })).map((a) => a.action);
    for (const a of [
      'catalog.created',
      'catalog.submitted',
      'catalog.approved',
      'catalog.confidentiality-review',
      'catalog.published',
    ])
      assert.ok(audits.includes(a), a);
  });

  test('reject returns the item to the drafter with the comment', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'reject');
    const item = await createPublication(
      db,
      f.agency.id,
      sampleInput(f.category('gzdt')),
      f.drafter,
    );
    await reviewPublication(db, f.agency.id, item.id, { type: 'submit' }, f.drafter);
    await assert.rejects(
      reviewPublication(
        db,
        f.agency.id,
        item.id,
        { type: 'reject', step: 1, comment: '' },
        f.reviewer,
      ),
      { code: 'catalog.review.comment' },
    );
    const back = await reviewPublication(
      db,
      f.agency.id,
      item.id,
      { type: 'reject', step: 1, comment: '请补充活动地点' },
      f.reviewer,
    );
    assert.equal(back.status, 'draft');
    assert.equal(back.step, 0);
    const last = (await listEvents(db, item.id)).at(-1)!;
    assert.equal(last.kind, 'rejected');
    assert.equal(last.details?.comment, '请补充活动地点');
  });

  test('the privacy scan blocks submission until fixed, or overridden by the office with a reason', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'privacy');
    const item = await createPublication(
      db,
      f.agency.id,
      { ...sampleInput(f.category('gzdt')), body: '来访人张某，手机13907321234。' },
      f.drafter,
    );
    assert.equal((await getPublication(db, f.agency.id, item.id))!.privacyFindings!.length, 1);
    await assert.rejects(
      reviewPublication(db, f.agency.id, item.id, { type: 'submit' }, f.drafter),
      { code: 'catalog.review.privacy' },
    );
    await assert.rejects(overridePrivacy(db, f.agency.id, item.id, '已征得本人同意', f.drafter), {
      code: 'catalog.role',
    });
    await assert.rejects(overridePrivacy(db, f.agency.id, item.id, '', f.office), {
      code: 'catalog.override.reason',
    });
    await overridePrivacy(db, f.agency.id, item.id, '号码为单位公开值班电话', f.office);
    await reviewPublication(db, f.agency.id, item.id, { type: 'submit' }, f.drafter);
    // fixing instead: a second item is edited until clean
    const other = await createPublication(
      db,
      f.agency.id,
      { ...sampleInput(f.category('gzdt')), body: '联系人手机：139 0732 1234' },
      f.drafter,
    );
    await assert.rejects(
      reviewPublication(db, f.agency.id, other.id, { type: 'submit' }, f.drafter),
      { code: 'catalog.review.privacy' },
    );
    await updatePublication(
      db,
      f.agency.id,
      other.id,
      { ...sampleInput(f.category('gzdt')), body: '联系电话：0731-57822610' },
      f.drafter,
    );
    assert.deepEqual((await getPublication(db, f.agency.id, other.id))!.privacyFindings, []);
    assert.equal(
      (await reviewPublication(db, f.agency.id, other.id, { type: 'submit' }, f.drafter)).status,
      'review',
    );
  });

  test('索引号 serials are unique per agency and year under concurrent publishing', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'serials');
    const numbers = await Promise.all(
      Array.from({ length: 40 }, () => issueIndexNumber(db, f.agency, 2022)),
    );
    const serials = numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
    assert.deepEqual(
      serials,
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    assert.equal(await issueIndexNumber(db, f.agency, 2023), '11430321MB16134126/2023-00001');
    // concurrent final approvals of different items
    const items = [];
    for (let i = 0; i < 8; i++) {
      const p = await createPublication(
        db,
        f.agency.id,
        sampleInput(f.category('gzdt'), `并发发布测试${i}`),
        f.drafter,
      );
      await reviewPublication(db, f.agency.id, p.id, { type: 'submit' }, f.drafter);
      await reviewPublication(db, f.agency.id, p.id, { type: 'approve', step: 1 }, f.reviewer);
      await reviewPublication(db, f.agency.id, p.id, { type: 'approve', step: 2 }, f.office);
      await recordConfidentialityReview(db, f.agency.id, p.id, { conclusion: 'public' }, f.office);
      items.push(p);
    }
    const done = await Promise.all(
      items.map((p) =>
        reviewPublication(db, f.agency.id, p.id, { type: 'approve', step: 3 }, f.office2, {
          today: '2024-05-06',
        }),
      ),
    );
    const issued = new Set(done.map((d) => d.indexNumber));
    assert.equal(issued.size, 8);
    assert.ok([...issued].every((n) => /\/2024-0000[1-8]$/.test(n ?? '')));
    // the same item approved twice at once: exactly one succeeds
    const p = await createPublication(
      db,
      f.agency.id,
      sampleInput(f.category('gzdt'), '重复发布'),
      f.drafter,
    );
    await reviewPublication(db, f.agency.id, p.id, { type: 'submit' }, f.drafter);
    const twice = await Promise.allSettled(
      [1, 2].map(() =>
        reviewPublication(db, f.agency.id, p.id, { type: 'approve', step: 1 }, f.reviewer),
      ),
    );
    assert.equal(twice.filter((r) => r.status === 'fulfilled').length, 1);
    assert.equal((await getPublication(db, f.agency.id, p.id))!.step, 2);
  });

  test('索引号 cannot be changed once generated (database trigger)', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'immutable');
    const p = await createPublication(db, f.agency.id, sampleInput(f.category('gzdt')), f.drafter);
    await db.execute(sql`update publications set index_number = 'X/2021-00001' where id = ${p.id}`);
    await assert.rejects(
      db.execute(sql`update publications set index_number = 'X/2021-00002' where id = ${p.id}`),
    );
  });

  test('edits after publishing create a new version; withdrawal keeps the record', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'versions');
    const p = await publish(db, f, sampleInput(f.category('gzdt'), '原标题'));
    await assert.rejects(
      updatePublication(
        db,
        f.agency.id,
        p.id,
        sampleInput(f.category('gzdt'), '新标题'),
        f.drafter,
      ),
      { code: 'catalog.role' },
    );
    await assert.rejects(
      updatePublication(db, f.agency.id, p.id, sampleInput(f.category('gzdt'), '新标题'), f.office),
      { code: 'catalog.edit.confidentiality' },
    );
    const v2 = await updatePublication(
      db,
      f.agency.id,
      p.id,
      sampleInput(f.category('gzdt'), '新标题'),
      f.office,
      { confidentiality: 'public', changedOn: '2021-04-01' },
    );
    assert.equal(v2.version, 2);
    assert.equal(v2.indexNumber, p.indexNumber);
    assert.equal(v2.changedOn, '2021-04-01');
    const versions = await listContentVersions(db, p.id);
    assert.deepEqual(
      versions.map((v) => [v.number, v.type, v.content.title, v.changed]),
      [
        [1, 'created', '原标题', []],
        [2, 'revised', '新标题', ['title']],
      ],
    );
    const withdrawn = await reviewPublication(
      db,
      f.agency.id,
      p.id,
      { type: 'withdraw', reason: '内容已调整' },
      f.office,
    );
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(withdrawn.withdrawnReason, '内容已调整');
    const found = await searchPublished(db, f.agency.id, {
      terms: ['新标题'],
      page: 1,
      pageSize: 10,
    });
    assert.equal(found.total, 0);
  });

  test('search: trigram LIKE for 3+ characters, scan for 1–2, title/body/attachment text', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'search');
    const plain = { keywords: '', summary: '' };
    await publish(db, f, {
      ...sampleInput(f.category('gzdt'), '信访宣传月活动'),
      ...plain,
      body: '开展100%_宣传',
    });
    await publish(db, f, {
      ...sampleInput(f.category('czxx'), '2021年部门预算公开'),
      ...plain,
      body: '部门预算说明',
    });
    const q = (terms: string[], extra = {}) =>
      searchPublished(db, f.agency.id, { terms, page: 1, pageSize: 10, ...extra });
    assert.equal((await q(['宣传月'])).total, 1);
    assert.equal((await q(['预算'])).total, 1);
    assert.equal((await q(['访'])).total, 1);
    assert.equal((await q(['部门', '预算'])).total, 1);
    assert.equal((await q(['信访', '预算'])).total, 0);
    assert.equal((await q(['100%_'])).total, 1);
    assert.equal((await q(['1000'])).total, 0, 'LIKE wildcards in the query are literal');
    assert.equal((await q(['预算'], { categoryId: f.category('gzdt') })).total, 0);
    assert.equal((await q(['预算'], { year: 2020 })).total, 0);
    const plan = rowsOf<Record<string, string>>(
      await db.execute(sql`explain select id from publications where search_text like '%宣传月%'`),
    )
      .map((r) => Object.values(r)[0])
      .join('\n');
    assert.ok(/publications_search_trgm|Seq Scan/.test(plan), plan);
  });

  test('a repeal dated ahead shows from its day: the daily reproject rewrites 有效性', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'ahead');
    const p = await publish(db, f, sampleInput(f.category('gzdt'), '将于下月废止的文件'));
    const tomorrow = fromDayNumber(toDayNumber(todayInChina()) + 1);
    await changeValidity(
      db,
      f.agency.id,
      p.id,
      { validity: 'repealed', since: tomorrow, note: '新规施行' },
      f.office,
    );
    assert.equal((await getPublication(db, f.agency.id, p.id))?.validity, 'valid');
    assert.deepEqual(await reproject(db, publicationAggregate, [p.id]), {
      rewritten: 1,
      failed: [],
    });
    assert.equal((await getPublication(db, f.agency.id, p.id))?.validity, 'valid', 'not yet');
    const result = await reproject(db, publicationAggregate, [p.id], {
      context: { today: tomorrow },
    });
    assert.deepEqual(result.failed, []);
    assert.equal((await getPublication(db, f.agency.id, p.id))?.validity, 'repealed');
    const events = await listEvents(db, p.id);
    assert.equal(events.length, (await getPublication(db, f.agency.id, p.id))?.eventCount);
  });

  test('T2 from the catalogue’s normative documents and the registers', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 't2');
    const norm = f.category('gfxwj');
    const a = await publish(db, f, { ...sampleInput(norm, '规范性文件甲'), madeOn: '2021-02-01' });
    const b = await publish(db, f, { ...sampleInput(norm, '规范性文件乙'), madeOn: '2020-06-01' });
    await publish(db, f, { ...sampleInput(norm, '规范性文件丙'), madeOn: '2019-06-01' });
    await publish(db, f, {
      ...sampleInput(f.category('gzdt'), '工作动态不计入'),
      madeOn: '2021-02-01',
    });
    await changeValidity(
      db,
      f.agency.id,
      b.id,
      { validity: 'repealed', since: '2021-09-30', note: '被新文件替代' },
      f.office,
    );
    await changeValidity(
      db,
      f.agency.id,
      a.id,
      { validity: 'repealed', since: '2022-01-15' },
      f.office,
    );
    await assert.rejects(
      changeValidity(
        db,
        f.agency.id,
        a.id,
        { validity: 'expired', since: '2022-01-15' },
        f.drafter,
      ),
      { code: 'catalog.role' },
    );
    await saveRegisterEntry(db, f.agency.id, { kind: 'lic', month: '2021-03', count: 4 }, f.office);
    await saveRegisterEntry(db, f.agency.id, { kind: 'lic', month: '2021-03', count: 5 }, f.office);
    await saveRegisterEntry(db, f.agency.id, { kind: 'lic', month: '2020-12', count: 9 }, f.office);
    const n = await importRegisterCsv(
      db,
      f.agency.id,
      '月份,类别,数值\n2021-01,行政处罚,2\n2021-02,pun,1\n2021-05,收费,1234.5\n2021-06,fee,0.5\n',
      f.office,
    );
    assert.equal(n, 4);
    await assert.rejects(
      importRegisterCsv(db, f.agency.id, '2021-07,行政处罚,-1\n2021-08,行政处罚,3', f.office),
      { code: 'catalog.register.csv' },
    );
    const t2 = await t2Cells(db, f.agency.id, 2021);
    assert.deepEqual(t2.cells, {
      't2.reg.made': 0,
      't2.reg.repealed': 0,
      't2.reg.valid': 0,
      't2.norm.made': 1,
      't2.norm.repealed': 1,
      't2.norm.valid': 2,
      't2.lic.decisions': 5,
      't2.pun.decisions': 3,
      't2.coe.decisions': 0,
      't2.fee.amountWan': 0.1235,
    });
    assert.deepEqual(
      t2.drillDown['t2.norm.made'].map((r) => r.publicationId),
      [a.id],
    );
    assert.deepEqual(
      t2.drillDown['t2.norm.repealed'].map((r) => r.publicationId),
      [b.id],
    );
    assert.equal((await t2Cells(db, f.agency.id, 2022)).cells['t2.norm.valid'], 1);
    const report = await buildAnnualReport(db, f.agency, 2021);
    assert.equal(report.cells['t2.lic.decisions'], 5);
    assert.equal(report.cells['t2.norm.valid'], 2);
    assert.equal(report.cells['t2.fee.amountWan'], 0.1235);
  });
});

async function publish(
  db: Parameters<typeof createPublication>[0],
  f: Awaited<ReturnType<typeof catalogFixture>>,
  input: ReturnType<typeof sampleInput>,
) {
  const p = await createPublication(db, f.agency.id, input, f.drafter);
  await reviewPublication(db, f.agency.id, p.id, { type: 'submit' }, f.drafter);
  await reviewPublication(db, f.agency.id, p.id, { type: 'approve', step: 1 }, f.reviewer);
  await reviewPublication(db, f.agency.id, p.id, { type: 'approve', step: 2 }, f.office);
  await recordConfidentialityReview(db, f.agency.id, p.id, { conclusion: 'public' }, f.office);
  return reviewPublication(db, f.agency.id, p.id, { type: 'approve', step: 3 }, f.office2, {
    today: input.madeOn > '2021-03-10' ? input.madeOn : '2021-03-10',
  });
}
