/**
 * Agents, identity proofs and organisations without a 统一社会信用代码 on both forms: the online
 * application (multipart, with files) and paper intake; what is refused stores nothing.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { t3CellsFromCounts } from '../../src/cases/reportCells.ts';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { caseFilesOf } from '../../src/db/caseFiles.ts';
import { appendEvent, findApplication, lettersOf } from '../../src/db/cases.ts';
import { t3PlacementCounts } from '../../src/db/casesReport.ts';
import type { Db } from '../../src/db/database.ts';
import { applications, caseFiles, letters } from '../../src/db/schema/cases.ts';
import { agencies } from '../../src/db/schema.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { todayInChina } from '../../src/law/date.ts';
import { pngBytes } from '../catalog/fixtures.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const ADMIN = '/admin/xiangtan-xfj';
const today = todayInChina();

const principal = {
  applicantKind: 'person',
  name: '委托人甲',
  idType: '居民身份证',
  idNumber: '11010519491231002X',
  phone: '13912340001',
  description: '2023年湘潭县信访局信访事项办理情况统计（代理申请）',
  form: '电子数据',
  delivery: '当面领取',
  byAgent: 'on',
  agentName: '代理人乙',
  agentPhone: '13800138000',
};

const organisation = {
  applicantKind: 'organisation',
  orgType: 'ngo',
  orgName: '湘潭县无码公益协会',
  orgId: 'certificate',
  certType: '社会团体法人登记证书',
  certNumber: '湘潭社证字第0042号',
  noUsccReason: '登记证书换发中，尚未赋码',
  contactPerson: '联系人丙',
  phone: '13912340002',
  description: '2024年社会组织年检结果（无统一社会信用代码的组织）',
  form: '纸质',
  delivery: '当面领取',
};

const onceOf = (html: string) => html.match(/name="_once" value="([A-Za-z0-9_-]{24})"/)?.[1] ?? '';

const t3Cells = async (db: Db, ids: number[], year: number) =>
  t3CellsFromCounts(await t3PlacementCounts(db, ids, year));

describeEachDatabase(
  'parties: agents, identity proofs, other certificates',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    const count$ = async (table: typeof applications | typeof caseFiles) =>
      (await database().db.select({ n: count() }).from(table))[0].n;

    before(async () => {
      app = await demoApp(database());
    });

    async function applyOnline(
      fields: Record<string, string>,
      files: Record<string, { name: string; data: Buffer }>,
    ) {
      const client = new TestClient(app);
      const form = await (await client.get('/a/xiangtan-xfj/apply')).text();
      return client.multipart('/a/xiangtan-xfj/apply', { ...fields, _once: onceOf(form) }, files);
    }

    test('online: an agent needs the 委托书; with it the case keeps both, letters name the agent', async () => {
      const db = database().db;
      const [apps, files] = [await count$(applications), await count$(caseFiles)];
      const refused = await applyOnline(principal, {});
      assert.equal(refused.status, 400);
      const page = await refused.text();
      assert.match(page, /由代理人代为申请的，请上传授权委托书/);
      assert.match(page, /value="代理人乙"/, 'what was typed is kept');
      assert.equal(await count$(applications), apps, 'nothing saved');

      const notAFile = await applyOnline(principal, {
        powerOfAttorney: { name: '委托书.txt', data: Buffer.from('我委托') },
      });
      assert.equal(notAFile.status, 400);
      assert.match(await notAFile.text(), /只接受 PDF/);
      assert.equal(await count$(applications), apps, 'nothing saved');

      const done = await applyOnline(principal, {
        powerOfAttorney: { name: '授权委托书.pdf', data: pdf },
        identityProof: { name: '身份证.png', data: pngBytes },
      });
      assert.equal(done.status, 303, await done.clone().text());
      assert.equal(await count$(applications), apps + 1);
      assert.equal(await count$(caseFiles), files + 2);
      const [row] = await db
        .select()
        .from(applications)
        .where(eq(applications.applicantName, '委托人甲'));
      assert.equal(row.applicantType, 'np', "the principal's type");
      assert.deepEqual(row.applicant.agent, { name: '代理人乙', phone: '13800138000' });
      const stored = await caseFilesOf(db, row.id);
      assert.deepEqual(stored.map((f) => [f.purpose, f.userId]).sort(), [
        ['identity-proof', null],
        ['power-of-attorney', null],
      ]);

      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      const casePage = await (await handler.get(`${ADMIN}/cases/${row.id}`)).text();
      assert.match(casePage, /data-agent="true">代理人乙，13800138000/);
      assert.match(casePage, /data-power-of-attorney="已提供"/);
      assert.match(casePage, /data-identity-proof="已提供"/);
      const reviewer = new TestClient(app);
      await reviewer.login('xfj-reviewer', demoPassword);
      const masked = await (await reviewer.get(`${ADMIN}/cases/${row.id}`)).text();
      assert.match(masked, /data-agent="true">代\*\*\*，138\*\*\*\*8000/);
      assert.doesNotMatch(masked, /代理人乙|13800138000/);

      await appendEvent(db, row.id, { type: 'Received', on: today, method: '网上确认' });
      await appendEvent(db, row.id, {
        type: 'SupplementRequested',
        on: today,
        deadline: '2099-01-01',
        items: '请写明统计年度',
      });
      const [letter] = await lettersOf(db, row.id);
      const [content] = await db.select().from(letters).where(eq(letters.id, letter.id));
      const mammoth = (await import('mammoth')).default;
      const text = (await mammoth.extractRawText({ buffer: content.content })).value;
      assert.match(text, /委托人甲（代理人：代理人乙）/);
    });

    test('online: the agency can require an identity proof', async () => {
      const db = database().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const person = { ...principal, byAgent: '', name: '证明人丁', phone: '13912340003' };
      const optional = await applyOnline(person, {});
      assert.equal(optional.status, 303, 'optional by default');
      const form = await (await new TestClient(app).get('/a/xiangtan-xfj/apply')).text();
      assert.doesNotMatch(
        form,
        /身份证明（身份证件或登记证照的照片、扫描件）<span class="required">/,
      );

      await db
        .update(agencies)
        .set({ identityProofRequired: true })
        .where(eq(agencies.id, agency.id));
      try {
        const apps = await count$(applications);
        const refused = await applyOnline({ ...person, description: '另一件申请的内容描述' }, {});
        assert.equal(refused.status, 400);
        assert.match(await refused.text(), /请上传身份证明/);
        assert.equal(await count$(applications), apps);
        const ok = await applyOnline(
          { ...person, description: '另一件申请的内容描述' },
          { identityProof: { name: 'id.pdf', data: pdf } },
        );
        assert.equal(ok.status, 303);
      } finally {
        await db
          .update(agencies)
          .set({ identityProofRequired: false })
          .where(eq(agencies.id, agency.id));
      }
    });

    test('paper intake: an organisation without a USCC is registered with its certificate', async () => {
      const db = database().db;
      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      const token = onceOf(await (await handler.get(`${ADMIN}/cases/new`)).text());
      const fields = { ...organisation, channel: 'in-person', submittedOn: today, _once: token };
      const contradicts = await handler.multipart(
        `${ADMIN}/cases/new`,
        { ...fields, orgType: 'biz', certType: '基金会法人登记证书' },
        {},
      );
      assert.equal(contradicts.status, 400);
      assert.match(await contradicts.text(), /持基金会法人登记证书的组织不能登记为该组织类型/);

      const done = await handler.multipart(`${ADMIN}/cases/new`, fields, {
        certificate: { name: '登记证书.png', data: pngBytes },
      });
      assert.equal(done.status, 303, await done.clone().text());
      const id = Number(done.headers.get('location')!.match(/cases\/(\d+)/)![1]);
      const row = (await findApplication(db, id))!;
      assert.equal(row.applicantType, 'ngo');
      assert.equal(row.applicant.uscc, undefined);
      assert.equal(row.applicant.certificate?.type, '社会团体法人登记证书');
      const [file] = await caseFilesOf(db, id);
      assert.equal(file.purpose, 'certificate');
      assert.ok(file.userId !== null, 'filed by staff');
      const page = await (await handler.get(`${ADMIN}/cases/${id}`)).text();
      assert.match(
        page,
        /湘潭社证字第0042号（无统一社会信用代码：登记证书换发中，尚未赋码；证照已提供）/,
      );
      assert.match(page, /data-identity-proof="未提供"/);
    });

    test('Art. 41: a correction request is its own case type, answered with its letter, outside T3', async () => {
      const db = database().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const year = Number(today.slice(0, 4));
      const before = await t3Cells(db, [agency.id], year);
      const done = await applyOnline(
        {
          ...principal,
          byAgent: '',
          name: '更正人戊',
          phone: '13912340005',
          requestKind: 'correction',
          description: '本人信访事项登记中的住址记录有误，应为易俗河镇2号',
        },
        {},
      );
      assert.equal(done.status, 303, await done.clone().text());
      const [row] = await db
        .select()
        .from(applications)
        .where(eq(applications.applicantName, '更正人戊'));
      assert.equal(row.caseKind, 'correction');
      await appendEvent(db, row.id, { type: 'Received', on: today, method: '电话确认' });
      await assert.rejects(
        appendEvent(db, row.id, { type: 'Decided', on: today, decision: 'disclose', text: '' }),
        /不能“作出答复决定”/,
      );
      await assert.rejects(
        appendEvent(db, row.id, {
          type: 'CorrectionDecided',
          on: today,
          result: 'forwarded',
          text: '户籍信息由公安机关登记',
        }),
        /须写明有权更正的行政机关/,
      );
      await appendEvent(db, row.id, {
        type: 'CorrectionDecided',
        on: today,
        result: 'corrected',
        text: '住址更正为易俗河镇2号',
      });
      const [letter] = await lettersOf(db, row.id);
      assert.equal(letter.kind, 'correction');
      const after = await t3Cells(db, [agency.id], year);
      assert.equal(after['t3.new.tot'], before['t3.new.tot'], 'not counted in T3');
      assert.equal(after['t3.carryOut.tot'], before['t3.carryOut.tot']);

      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      const list = await (await handler.get(`${ADMIN}/cases?view=closed&kind=correction`)).text();
      const openList = await (await handler.get(`${ADMIN}/cases?view=open&kind=correction`)).text();
      const all = await (await handler.get(`${ADMIN}/cases?view=open&kind=disclosure`)).text();
      assert.match(
        openList,
        new RegExp(`/cases/${row.id}"`),
        'decided, not yet served: still open',
      );
      assert.doesNotMatch(all, new RegExp(`/cases/${row.id}"`), 'not among 依申请公开');
      assert.doesNotMatch(list, /委托人甲/, 'the filter keeps disclosure cases out');
      const page = await (await handler.get(`${ADMIN}/cases/${row.id}`)).text();
      assert.match(page, /data-case-kind="correction"/);
      assert.match(page, /data-correction="corrected">予以更正/);
    });
  },
  { demo: true },
);
