/** Case files: stored with their FileAttached event in one transaction; uploads and downloads on the case page. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { attachCaseFile, caseFilesOf, readCaseFile } from '../../src/db/caseFiles.ts';
import { submitApplication, timelineOf } from '../../src/db/cases.ts';
import type { Db } from '../../src/db/database.ts';
import { caseFiles } from '../../src/db/schema/cases.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { isGongkaiError } from '../../src/errors.ts';
import { pngBytes } from '../catalog/fixtures.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function newCase(db: Db, agencyId: number) {
  const { id } = await submitApplication(db, {
    agencyId,
    channel: 'in-person',
    submittedOn: '2026-03-02',
    receivedOn: '2026-03-02',
    applicantType: 'np',
    applicant: { kind: 'person', name: '王五', phone: '13800000000' },
    request: { description: '某项目批复', form: '纸质', delivery: '邮寄' },
  });
  return id;
}

const fileCount = async (db: Db) => (await db.select({ n: count() }).from(caseFiles))[0].n;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isGongkaiError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describeEachDatabase(
  'case files',
  (database) => {
    test('a file and its event are stored together; what cannot be stored leaves nothing', async () => {
      await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const other = (await findAgencyByCode(db, 'shili'))!;
      const id = await newCase(db, agency.id);
      const before = await fileCount(db);

      const info = await attachCaseFile(
        db,
        id,
        { purpose: 'power-of-attorney', title: '', filename: '授权委托书.pdf', data: pdf },
        { userId: null, agencyId: agency.id },
      );
      assert.equal(info.title, '授权委托书', 'a blank title becomes the file name');
      assert.equal(info.mediaType, 'application/pdf');
      const stored = await readCaseFile(db, id, info.id);
      assert.deepEqual(stored?.data, pdf);
      const last = (await timelineOf(db, id)).at(-1)!.event;
      assert.deepEqual(
        { ...last, on: undefined },
        {
          type: 'FileAttached',
          on: undefined,
          fileId: info.id,
          purpose: 'power-of-attorney',
          title: '授权委托书',
          by: 'applicant',
        },
      );

      const refusedFor = (filename: string, data: Buffer, agencyId = agency.id) =>
        refusal(attachCaseFile(db, id, { purpose: 'other', filename, data }, { agencyId }));
      const text = Buffer.from('身份证号 430321199001011234');
      assert.equal(await refusedFor('a.pdf', text), 'catalog.file.type');
      const huge = Buffer.concat([pngBytes, Buffer.alloc(10 * 1024 * 1024)]);
      assert.equal(await refusedFor('b.png', huge), 'case.file.too-large');
      assert.equal(
        await refusedFor('c.png', pngBytes, other.id),
        'case.not-found',
        'another agency cannot attach to this case',
      );
      assert.equal(await fileCount(db), before + 1, 'only the first file was stored');
      assert.equal((await caseFilesOf(db, id)).length, 1);
    });

    test('staff upload on the case page and download it; other roles and agencies cannot', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const id = await newCase(db, agency.id);
      const page = `/admin/xiangtan-xfj/cases/${id}`;
      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      await handler.get(page);

      const refused = await handler.upload(
        `${page}/files`,
        { purpose: 'released', title: '' },
        {
          name: 'notes.txt',
          data: Buffer.from('plain text'),
        },
      );
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /未能添加材料：只接受 PDF/);

      const saved = await handler.upload(
        `${page}/files`,
        { purpose: 'released', title: '2025年项目批复' },
        { name: 'pifu.png', data: pngBytes },
      );
      assert.equal(saved.status, 303);
      const shown = await (await handler.get(page)).text();
      assert.match(shown, /2025年项目批复<\/a>/);
      assert.match(
        shown,
        /添加材料.*公开的政府信息：2025年项目批复/s,
        'the timeline shows the event',
      );
      const [file] = await caseFilesOf(db, id);
      const download = await handler.get(`${page}/files/${file.id}`);
      assert.equal(download.status, 200);
      assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(download.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await download.arrayBuffer()), pngBytes);

      const reviewer = new TestClient(app);
      await reviewer.login('xfj-reviewer', demoPassword);
      assert.equal((await reviewer.get(`${page}/files/${file.id}`)).status, 403);
      const masked = await (await reviewer.get(page)).text();
      assert.match(masked, /本件有 1 个材料（含个人信息，仅承办人员可查看）/);
      assert.doesNotMatch(masked, /2025年项目批复<\/a>/);

      const stranger = new TestClient(app);
      await stranger.login('sl-office', demoPassword);
      const elsewhere = await stranger.get(`/admin/shili/cases/${id}/files/${file.id}`);
      assert.equal(elsewhere.status, 404);
      assert.equal(
        (await db.select({ n: count() }).from(caseFiles).where(eq(caseFiles.applicationId, id)))[0]
          .n,
        1,
      );
    });
  },
  { demo: true },
);
