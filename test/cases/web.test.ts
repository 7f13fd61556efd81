import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { findByQueryCode, loadCase } from '../../src/db/cases.ts';
import { findUserByUsername } from '../../src/db/users.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { todayInChina } from '../../src/law/date.ts';
import { publicLimits } from '../../src/web/portal/apply/routes.tsx';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const A = '/a/xiangtan-xfj';
const ADMIN = '/admin/xiangtan-xfj/cases';

const goodForm = {
  applicantKind: 'person',
  name: '李四',
  idType: '居民身份证',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  address: '湖南省湘潭县易俗河镇1号',
  email: '',
  description: '2024年湘潭县信访局受理信访事项的统计数据',
  documentNumber: '',
  purpose: '',
  form: '纸质',
  delivery: '邮寄',
};

describeEachDatabase(
  '依申请公开 on the web',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    let queryCode = '';
    let caseId = 0;

    test('the form keeps what was typed and explains each error in Chinese', async () => {
      app = await demoApp(database());
      const citizen = new TestClient(app);
      assert.equal((await citizen.get(`${A}/apply`)).status, 200);
      const bad = await citizen.post(`${A}/apply`, {
        ...goodForm,
        idNumber: '110105194912310021',
        phone: '12345',
      });
      assert.equal(bad.status, 400);
      const html = await bad.text();
      assert.match(html, /居民身份证号码不正确/);
      assert.match(html, /请填写11位手机号码/);
      assert.match(html, /value="110105194912310021"/);
      assert.match(html, /2024年湘潭县信访局受理信访事项的统计数据<\/textarea>/);
      const org = await citizen.post(`${A}/apply`, {
        ...goodForm,
        applicantKind: 'organisation',
        uscc: '914403001922038217',
      });
      assert.match(await org.text(), /统一社会信用代码不正确/);
    });

    test('a valid application gets a receipt with a query code and tracks as pending', async () => {
      const citizen = new TestClient(app);
      await citizen.get(`${A}/apply`);
      const res = await citizen.submit(`${A}/apply`, goodForm);
      assert.equal(res.status, 200);
      const html = await res.text();
      queryCode = html.match(/data-query-code="([A-Z0-9]{12})"/)?.[1] ?? '';
      assert.ok(queryCode);
      assert.match(html, /第三十一条/);
      const agency = await findAgencyByCode(database().db, 'xiangtan-xfj');
      const row = await findByQueryCode(database().db, agency!.id, queryCode);
      assert.equal(row?.status, 'pending');
      caseId = row!.id;

      await citizen.get(`${A}/track`);
      const wrong = await citizen.post(`${A}/track`, { code: queryCode, phone4: '0000' });
      assert.equal(wrong.status, 404);
      assert.match(await wrong.text(), /查询码或联系电话后4位不正确/);
      const right = await citizen.post(`${A}/track`, {
        code: queryCode.toLowerCase(),
        phone4: '5678',
      });
      assert.equal(right.status, 303, 'a tracking session opens the case page');
      const tracked = await citizen.get(right.headers.get('location')!);
      assert.equal(tracked.status, 200);
      assert.match(await tracked.text(), /待确认收到/);
    });

    test('staff confirm, send a 补正 notice, record the supplement and decide; illegal actions change nothing', async () => {
      const office = new TestClient(app);
      await office.login('xfj-office', demoPassword);
      const dashboard = await (await office.get('/admin/xiangtan-xfj')).text();
      const pending = Number(dashboard.match(/data-count="pending">(\d+)</)?.[1]);
      assert.ok(pending >= 1, 'the dashboard counts the pending application');
      const list = await (await office.get(`${ADMIN}?view=pending`)).text();
      assert.match(list, new RegExp(`>#${caseId}<`));
      const page = await office.get(`${ADMIN}/${caseId}`);
      assert.equal(page.status, 200);
      const today = todayInChina();
      const act = async (action: string, fields: Record<string, string>) => {
        const html = await (await office.get(`${ADMIN}/${caseId}`)).text();
        const version = html.match(/name="version" value="(\d+)"/)?.[1] ?? '0';
        return office.post(`${ADMIN}/${caseId}/act`, { action, version, on: today, ...fields });
      };
      const early = await act('Decided', { decision: 'disclose', text: '提供' });
      assert.equal(early.status, 400);
      assert.match(await early.text(), /不能“作出答复决定”/);
      assert.equal((await act('Received', { method: '电话确认' })).status, 303);
      const deadline = new Date(Date.parse(today) + 10 * 86400_000).toISOString().slice(0, 10);
      assert.equal(
        (await act('SupplementRequested', { deadline, items: '请写明统计的起止时间' })).status,
        303,
      );
      const noAmendment = await act('SupplementReceived', {
        amendedRequest: '',
        note: '2024年全年',
      });
      assert.equal(noAmendment.status, 400);
      assert.match(await noAmendment.text(), /请填写补正后的申请内容/);
      const amended = { amendedRequest: '2024年1月至12月信访事项统计表', note: '2024年全年' };
      assert.equal((await act('SupplementReceived', amended)).status, 303);
      const afterSupplement = await (await office.get(`${ADMIN}/${caseId}`)).text();
      assert.match(
        afterSupplement,
        /补正后的申请内容<\/dt><dd class="amended-request">2024年1月至12月信访事项统计表/,
      );
      const noReason = await act('Decided', { decision: 'partial', text: '提供统计表' });
      assert.equal(noReason.status, 400);
      assert.match(await noReason.text(), /不予公开的内容/);
      const decided = await act('Decided', {
        decision: 'partial',
        text: '提供统计表',
        withheld: '信访人姓名',
        withheldReason: '涉及个人隐私，依条例第十五条不予公开',
      });
      assert.equal(decided.status, 303);
      assert.equal((await act('Served', { method: '网上送达' })).status, 303);
      const html = await (await office.get(`${ADMIN}/${caseId}`)).text();
      assert.match(html, /data-outcome="partial"/);
      assert.match(html, /期限推算过程/);
      const letter = html.match(
        /href="(\/admin\/xiangtan-xfj\/cases\/\d+\/letters\/\d+)">政府信息公开申请答复书/,
      )?.[1];
      assert.ok(letter);
      const docx = await office.get(letter);
      assert.equal(docx.status, 200);
      const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) }))
        .value;
      assert.match(text, /信访人姓名/);
    });

    test('the office head sets an Art. 35 deferral; a handler may not; illegal uses keep what was typed', async () => {
      const citizen = new TestClient(app);
      await citizen.get(`${A}/apply`);
      const receipt = await (await citizen.submit(`${A}/apply`, goodForm)).text();
      const code = receipt.match(/data-query-code="([A-Z0-9]{12})"/)?.[1] ?? '';
      const agency = await findAgencyByCode(database().db, 'xiangtan-xfj');
      const id = (await findByQueryCode(database().db, agency!.id, code))!.id;
      const today = todayInChina();
      const office = new TestClient(app);
      await office.login('xfj-office', demoPassword);
      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      const page = async (client: TestClient) => (await client.get(`${ADMIN}/${id}`)).text();
      const act = async (client: TestClient, action: string, fields: Record<string, string>) => {
        const version = (await page(client)).match(/name="version" value="(\d+)"/)?.[1] ?? '0';
        return client.post(`${ADMIN}/${id}/act`, { action, version, on: today, ...fields });
      };
      assert.doesNotMatch(await page(office), /data-action="Deferral"/, 'not before receipt');
      assert.equal((await act(office, 'Received', { method: '电话确认' })).status, 303);
      const later = new Date(Date.parse(today) + 120 * 86400_000).toISOString().slice(0, 10);
      const reason = '申请数量、频次明显超过合理范围，需逐件检索';
      const received = await page(office);
      assert.doesNotMatch(
        received,
        /data-action="Deferral"/,
        'only after reasons judged reasonable',
      );
      assert.match(received, /data-action="ReasonsRequested"/);
      const unasked = await act(office, 'Deferral', { due: later, reason });
      assert.equal(unasked.status, 400);
      assert.match(await unasked.text(), /须先要求申请人说明理由/);
      const grounds = { grounds: '本年度已提出申请45件', deadline: later };
      assert.equal((await act(office, 'ReasonsRequested', grounds)).status, 303);
      const judged = { finding: 'reasonable', reasons: '课题研究', assessment: '用途与数量相称' };
      assert.equal((await act(office, 'ReasonsAssessed', judged)).status, 303);
      const opened = await page(office);
      assert.match(opened, /data-action="Deferral"/);
      assert.match(opened, /政府信息公开申请说明理由通知书/);
      const currentDue = opened.match(/data-reply-due="(\d{4}-\d{2}-\d{2})"/)?.[1] ?? '';
      assert.ok(currentDue);

      assert.doesNotMatch(await page(handler), /data-action="Deferral"/);
      const byHandler = await act(handler, 'Deferral', { due: later, reason });
      assert.equal(byHandler.status, 400);
      assert.match(await byHandler.text(), /您没有进行此项操作的权限/);

      const empty = await act(office, 'Deferral', { due: '', reason: '   ' });
      assert.equal(empty.status, 400);
      const emptyHtml = await empty.text();
      assert.match(emptyHtml, /请填写延迟答复的期限（年-月-日）/);
      assert.match(emptyHtml, /请填写延迟答复理由/);

      const notLater = await act(office, 'Deferral', { due: currentDue, reason });
      assert.equal(notLater.status, 400);
      const notLaterHtml = await notLater.text();
      assert.match(
        notLaterHtml,
        new RegExp(`延迟答复期限（${currentDue}）应晚于当前答复期限（${currentDue}）`),
      );
      assert.match(notLaterHtml, /（未作任何更改）/);
      assert.match(notLaterHtml, new RegExp(`${reason}</textarea>`), 'the reason is kept');
      assert.match(notLaterHtml, new RegExp(`value="${currentDue}"`));
      assert.doesNotMatch(notLaterHtml, /延迟答复告知书/);

      assert.equal((await act(office, 'Deferral', { due: later, reason })).status, 303);
      const html = await page(office);
      assert.match(html, new RegExp(`data-reply-due="${later}"`));
      assert.match(html, new RegExp(`data-deferred-to="${later}"`));
      assert.ok(
        html.includes(
          `<li>依第三十五条确定延迟答复的合理期限：${today}决定，期限至${later}（理由：${reason}）</li>`,
        ),
        'the clock trace shows the deferral line',
      );
      assert.doesNotMatch(html, /data-action="Extension"/, 'no extension is offered after it');
      const officeHead = await findUserByUsername(database().db, 'xfj-office');
      const extension = await act(office, 'Extension', {
        workdays: '5',
        reason: '调取档案',
        approverId: String(officeHead!.id),
      });
      assert.equal(extension.status, 400);
      assert.match(
        await extension.text(),
        /已依第三十五条确定延迟答复期限，不能再依第三十三条延长/,
      );

      const letter = html.match(
        /href="(\/admin\/xiangtan-xfj\/cases\/\d+\/letters\/\d+)">政府信息公开申请延迟答复告知书/,
      )?.[1];
      assert.ok(letter);
      const docx = await office.get(letter);
      assert.equal(docx.status, 200);
      const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) }))
        .value;
      assert.match(text, /第三十五条/);
      const [y, m, d] = later.split('-').map(Number);
      assert.match(text, new RegExp(`延迟答复的合理期限至${y}年${m}月${d}日`));
    });

    test('an extension carries its approver into the clock; only the office head may approve', async () => {
      const citizen = new TestClient(app);
      await citizen.get(`${A}/apply`);
      const receipt = await (await citizen.submit(`${A}/apply`, goodForm)).text();
      const code = receipt.match(/data-query-code="([A-Z0-9]{12})"/)?.[1] ?? '';
      const db = database().db;
      const agency = await findAgencyByCode(db, 'xiangtan-xfj');
      const id = (await findByQueryCode(db, agency!.id, code))!.id;
      const today = todayInChina();
      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      const page = async () => (await handler.get(`${ADMIN}/${id}`)).text();
      const act = async (action: string, fields: Record<string, string>) => {
        const version = (await page()).match(/name="version" value="(\d+)"/)?.[1] ?? '0';
        return handler.post(`${ADMIN}/${id}/act`, { action, version, on: today, ...fields });
      };
      assert.equal((await act('Received', { method: '电话确认' })).status, 303);
      const [officeHead, leader, colleague] = await Promise.all(
        ['xfj-office', 'xfj-reviewer', 'xfj-handler'].map((u) => findUserByUsername(db, u)),
      );
      const form = await page();
      assert.match(
        form,
        new RegExp(`<option value="${officeHead!.id}"[^>]*>[^<]*（政府信息公开工作机构负责人）`),
      );
      assert.match(form, new RegExp(`<option value="${leader!.id}"[^>]*>[^<]*（分管领导）`));
      const fields = { workdays: '10', reason: '需调取档案' };

      const byLeader = await act('Extension', { ...fields, approverId: String(leader!.id) });
      assert.equal(byLeader.status, 400);
      assert.match(await byLeader.text(), /延长答复期限须经政府信息公开工作机构负责人同意/);
      const byColleague = await act('Extension', { ...fields, approverId: String(colleague!.id) });
      assert.equal(byColleague.status, 400);
      assert.match(await byColleague.text(), /请选择本单位的批准人/);
      const missing = await act('Extension', fields);
      assert.equal(missing.status, 400);
      assert.match(await missing.text(), /请选择批准人/);
      assert.equal((await loadCase(db, id))!.state.extendedWorkdays, 0, 'nothing was recorded');

      const approved = await act('Extension', { ...fields, approverId: String(officeHead!.id) });
      assert.equal(approved.status, 303);
      const { events, state } = (await loadCase(db, id))!;
      assert.equal(state.extendedWorkdays, 10);
      assert.deepEqual(events.at(-1), {
        type: 'Extension',
        on: today,
        ...fields,
        workdays: 10,
        approvedBy: { userId: officeHead!.id, name: officeHead!.displayName, role: 'office-head' },
      });
      assert.ok(
        (await page()).includes(`经政府信息公开工作机构负责人（${officeHead!.displayName}）同意`),
        'the clock trace names the approver',
      );
    });

    test('the citizen downloads the served reply; the report counts the case in 部分公开 · 自然人', async () => {
      const citizen = new TestClient(app);
      await citizen.get(`${A}/track`);
      const html = await (
        await citizen.submit(`${A}/track`, { code: queryCode, phone4: '5678' })
      ).text();
      assert.match(html, /部分公开/);
      const letterId = [...html.matchAll(/track\/letters\/(\d+)"/g)].map((m) => m[1]);
      assert.equal(letterId.length, 2, 'the 补正 notice and the reply');
      const res = await citizen.get(`${A}/track/letters/${letterId[1]}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /wordprocessingml/);
      const stranger = new TestClient(app);
      const other = await stranger.get(`${A}/track/letters/${letterId[1]}`);
      assert.equal(other.status, 404, 'not without the tracking session of its case');

      const auditor = new TestClient(app);
      await auditor.login('xfj-auditor', demoPassword);
      const year = todayInChina().slice(0, 4);
      const report = await (await auditor.get(`${ADMIN}/report?year=${year}`)).text();
      const cell = report.match(/data-cell="t3\.partial\.np"><a href="([^"]+)">(\d+)</);
      assert.ok(cell);
      const drill = await (await auditor.get(cell[1].replaceAll('&amp;', '&'))).text();
      assert.match(drill, new RegExp(`#${caseId}<`));
      const casePage = await (await auditor.get(`${ADMIN}/${caseId}`)).text();
      assert.match(casePage, /110105\*+002X/, 'an auditor sees the ID number masked');
      assert.doesNotMatch(casePage, /name="action"/, 'and no actions');
      const forbidden = await auditor.post(`${ADMIN}/${caseId}/act`, {
        action: 'Archived',
        version: '1',
        on: '2025-01-01',
      });
      assert.equal(forbidden.status, 403);
    });

    test('tracking is throttled per client address against guessing', async () => {
      const saved = { ...publicLimits.track };
      publicLimits.track.limit = 3;
      // Earlier tests tracked from the same (unknown) address: start this one's count afresh.
      await database().db.execute(sql`delete from rate_limits where key like 'track:ip:%'`);
      try {
        const guesser = new TestClient(app);
        await guesser.get(`${A}/apply`);
        const receipt = await (await guesser.submit(`${A}/apply`, goodForm)).text();
        const code = receipt.match(/data-query-code="([A-Z0-9]{12})"/)?.[1] ?? '';
        await guesser.get(`${A}/track`);
        const codes: number[] = [];
        for (let i = 0; i < 5; i++) {
          codes.push((await guesser.post(`${A}/track`, { code, phone4: String(1000 + i) })).status);
        }
        assert.deepEqual(codes, [404, 404, 404, 429, 429]);
      } finally {
        Object.assign(publicLimits.track, saved);
      }
    });

    test('applications are throttled per client address, keeping what was typed', async () => {
      const saved = { ...publicLimits.apply };
      publicLimits.apply.limit = 0;
      try {
        const client = new TestClient(app);
        await client.get(`${A}/apply`);
        const res = await client.post(`${A}/apply`, goodForm);
        assert.equal(res.status, 429);
        const html = await res.text();
        assert.match(html, /提交过于频繁/);
        assert.match(html, /value="李四"/);
      } finally {
        Object.assign(publicLimits.apply, saved);
      }
    });
  },
  { demo: true },
);
