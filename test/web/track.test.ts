/**
 * The applicant's tracking page (issue 18, point 2): the public timeline, 补正 online with files,
 * the released documents after service, the session bound to one case, the printable 回执.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { attachCaseFile, caseFilesOf } from '../../src/db/caseFiles.ts';
import { appendEvent, eventsOf, submitApplication } from '../../src/db/cases.ts';
import type { Db } from '../../src/db/database.ts';
import { findUserByUsername } from '../../src/db/users.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { fromDayNumber, toDayNumber, todayInChina } from '../../src/law/date.ts';
import { pngBytes } from '../catalog/fixtures.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

process.env.GONGKAI_TRUST_PROXY = '1';

const A = '/a/xiangtan-xfj';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let ip = 0;

async function newCase(db: Db, agencyId: number, phone: string) {
  const today = todayInChina();
  return submitApplication(db, {
    agencyId,
    channel: 'in-person',
    submittedOn: today,
    receivedOn: today,
    applicantType: 'np',
    applicant: { kind: 'person', name: '赵补正', phone },
    request: { description: '2025年信访事项办理台账', form: '电子', delivery: '网上' },
  });
}

/** A browser that tracked `code` (from its own address, away from the rate limit). */
async function tracking(app: Awaited<ReturnType<typeof demoApp>>, code: string, phone4: string) {
  const client = new TestClient(app);
  const headers = { 'x-forwarded-for': `10.18.0.${ip++}` };
  await client.get(`${A}/track`, headers);
  const body = new URLSearchParams({ _csrf: client.csrf, code, phone4 });
  const res = await client.request(`${A}/track`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${A}/track/case`);
  return client;
}

function answer(client: TestClient, fields: Record<string, string>, files: [string, Buffer][]) {
  const form = new FormData();
  form.set('_csrf', client.csrf);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const [name, data] of files) form.append('files', new File([new Uint8Array(data)], name));
  return client.request(`${A}/track/supplement`, { method: 'POST', body: form });
}

describeEachDatabase(
  'the applicant tracking page',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    let caseA: { id: number; queryCode: string };
    let caseB: { id: number; queryCode: string };
    let agencyId: number;
    let handlerId: number;
    const today = todayInChina();
    const deadline = fromDayNumber(toDayNumber(today) + 10);

    before(async () => {
      app = await demoApp(database());
      const { db } = database();
      agencyId = (await findAgencyByCode(db, 'xiangtan-xfj'))!.id;
      handlerId = (await findUserByUsername(db, 'xfj-handler'))!.id;
      caseA = await newCase(db, agencyId, '13900002468');
      caseB = await newCase(db, agencyId, '13900001357');
      await appendEvent(
        db,
        caseA.id,
        { type: 'SupplementRequested', on: today, deadline, items: '请写明所需台账的起止月份。' },
        { userId: handlerId },
      );
    });

    test('without a tracking session every case page leads back to the form', async () => {
      const stranger = new TestClient(app);
      for (const path of ['/track/case', '/track/receipt']) {
        const res = await stranger.get(`${A}${path}`);
        assert.equal(res.status, 303, path);
        assert.equal(res.headers.get('location'), `${A}/track?expired=1`);
      }
      for (const path of ['/track/files/1', '/track/letters/1'])
        assert.equal((await stranger.get(`${A}${path}`)).status, 404, path);
      const form = await stranger.get(`${A}/track?expired=1`);
      assert.match(await form.text(), /查询已超时，请重新输入查询码/);
    });

    test('the 补正 is answered online with a text and a file, once; bad answers keep nothing', async () => {
      const { db } = database();
      const client = await tracking(app, caseA.queryCode, '2468');
      const page = await (await client.get(`${A}/track/case`)).text();
      assert.match(page, /请写明所需台账的起止月份。/);
      assert.match(page, new RegExp(`补正期限至<strong>${deadline}</strong>`));
      assert.match(page, /要求补正申请内容/, 'the timeline says so in plain words');
      assert.doesNotMatch(page, /xfj-handler|承办人/, 'no staff names');
      assert.match(page, /正在等待您补正申请/, 'the deadline is explained');
      const once = page.match(/name="_once" value="([^"]+)"/)![1];
      const before = (await caseFilesOf(db, caseA.id)).length;

      const empty = await answer(client, { _once: once, text: '  ' }, []);
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /请填写补正说明或选择补正材料/);
      const text = await answer(client, { _once: once, text: '起止月份' }, [
        ['note.txt', Buffer.from('plain')],
      ]);
      assert.equal(text.status, 400);
      const refusal = await text.text();
      assert.match(refusal, /只接受 PDF.*补正未提交/);
      assert.match(refusal, />起止月份<\/textarea>/, 'what was typed is kept');
      const many = await answer(
        client,
        { _once: once, text: '' },
        Array.from({ length: 6 }, (_, i) => [`p${i}.png`, pngBytes] as [string, Buffer]),
      );
      assert.equal(many.status, 400);
      assert.match(await many.text(), /补正材料最多5个文件/);
      assert.equal((await caseFilesOf(db, caseA.id)).length, before, 'nothing stored');
      assert.equal((await eventsOf(db, caseA.id)).at(-1)?.type, 'SupplementRequested');

      const sent = await answer(client, { _once: once, text: '2025年1月至12月' }, [
        ['月份说明.pdf', pdf],
      ]);
      assert.equal(sent.status, 303);
      assert.equal(sent.headers.get('location'), `${A}/track/case?answered=1`);
      const again = await answer(client, { _once: once, text: '2025年1月至12月' }, [
        ['月份说明.pdf', pdf],
      ]);
      assert.equal(again.status, 303, 'a resubmission leads to the same page …');
      const files = await caseFilesOf(db, caseA.id);
      assert.equal(files.length, before + 1, '… and stores nothing more');
      assert.deepEqual(
        { purpose: files.at(-1)!.purpose, userId: files.at(-1)!.userId },
        { purpose: 'supplement', userId: null },
      );
      const last = (await eventsOf(db, caseA.id)).at(-1)!;
      assert.deepEqual(last, {
        type: 'SupplementReceived',
        on: today,
        by: 'applicant',
        text: '2025年1月至12月',
        fileIds: [files.at(-1)!.id],
      });
      const after = await (await client.get(`${A}/track/case?answered=1`)).text();
      assert.match(after, /补正已提交/);
      assert.match(after, /在网上提交补正/);
      assert.doesNotMatch(after, /name="_once"/, 'no second answer form');
      const own = await client.get(`${A}/track/files/${files.at(-1)!.id}`);
      assert.equal(own.status, 200, 'the applicant downloads what they sent');

      const office = new TestClient(app);
      await office.login('xfj-handler', demoPassword);
      const staffPage = await (await office.get(`/admin/xiangtan-xfj/cases/${caseA.id}`)).text();
      assert.match(staffPage, /2025年1月至12月/, 'the handler reads the answer on the case page');
      assert.match(staffPage, /月份说明/);
    });

    test('released documents are downloadable once the reply is served, only through their own case', async () => {
      const { db } = database();
      const staff = { userId: handlerId, agencyId };
      const released = await attachCaseFile(
        db,
        caseA.id,
        { purpose: 'released', title: '2025年信访台账', filename: 'taizhang.png', data: pngBytes },
        staff,
      );
      const internal = await attachCaseFile(
        db,
        caseA.id,
        { purpose: 'other', title: '内部审批单', filename: 'neibu.pdf', data: pdf },
        staff,
      );
      const otherCase = await attachCaseFile(
        db,
        caseB.id,
        { purpose: 'released', title: '别人的文件', filename: 'b.pdf', data: pdf },
        staff,
      );
      const client = await tracking(app, caseA.queryCode, '2468');
      const early = await client.get(`${A}/track/files/${released.id}`);
      assert.equal(early.status, 404, 'not before the reply is served');
      assert.doesNotMatch(await (await client.get(`${A}/track/case`)).text(), /2025年信访台账/);

      await appendEvent(
        db,
        caseA.id,
        { type: 'Decided', on: today, decision: 'disclose', text: '见附件' },
        { userId: handlerId },
      );
      await appendEvent(
        db,
        caseA.id,
        { type: 'Served', on: today, method: '网上送达' },
        { userId: handlerId },
      );
      const page = await (await client.get(`${A}/track/case`)).text();
      assert.match(page, /公开的政府信息/);
      assert.match(page, /下载《2025年信访台账》/);
      assert.match(page, /提供公开的政府信息：2025年信访台账/);
      assert.doesNotMatch(page, /内部审批单/);
      const got = await client.get(`${A}/track/files/${released.id}`);
      assert.equal(got.status, 200);
      assert.deepEqual(Buffer.from(await got.arrayBuffer()), pngBytes);
      assert.equal(got.headers.get('cache-control'), 'no-store');
      for (const id of [internal.id, otherCase.id, 999999]) {
        assert.equal((await client.get(`${A}/track/files/${id}`)).status, 404, `file ${id}`);
      }
      const b = await tracking(app, caseB.queryCode, '1357');
      assert.equal((await b.get(`${A}/track/files/${released.id}`)).status, 404);
    });

    test('the printable 回执: for the tracked case, and for case staff on the case page', async () => {
      const client = await tracking(app, caseB.queryCode, '1357');
      const sheet = await (await client.get(`${A}/track/receipt`)).text();
      assert.match(sheet, /政府信息公开申请回执/);
      assert.match(sheet, new RegExp(`data-query-code="${caseB.queryCode}"`));
      assert.match(sheet, /2025年信访事项办理台账/);
      assert.match(sheet, /第三十三条/);
      assert.match(sheet, /\/a\/xiangtan-xfj\/track/);
      const ended = await client.get(`${A}/track/end`);
      assert.equal(ended.status, 303);
      assert.equal((await client.get(`${A}/track/receipt`)).status, 303, 'the session has ended');

      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      const casePage = await (await handler.get(`/admin/xiangtan-xfj/cases/${caseB.id}`)).text();
      assert.match(casePage, new RegExp(`href="/admin/xiangtan-xfj/cases/${caseB.id}/receipt"`));
      const staffSheet = await (
        await handler.get(`/admin/xiangtan-xfj/cases/${caseB.id}/receipt`)
      ).text();
      assert.match(staffSheet, /政府信息公开申请回执/);
      assert.match(staffSheet, /赵补正/);
    });
  },
  { demo: true },
);
