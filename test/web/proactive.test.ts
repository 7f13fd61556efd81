/**
 * Art. 44 in the workbench: the office sees the prompt on the dashboard and on the cases, opens a
 * draft publication from it (with the drafter role) or dismisses it with a reason; the number of
 * applicants is a setting on the 答复文书 page. The same dashboard reminds of next year's missing
 * holiday schedule.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { loadCalendar } from '../../src/db/calendar.ts';
import { submitApplication } from '../../src/db/cases.ts';
import { getPublication } from '../../src/db/publications/read.ts';
import { createUser, grantRole } from '../../src/db/users.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { missingCalendarReminder } from '../../src/law/calendarReminder.ts';
import { todayInChina } from '../../src/law/date.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const code = 'xiangtan-xfj';
const dashboard = `/admin/${code}`;
const subject = '某某村道路硬化工程验收报告';

describeEachDatabase(
  'Art. 44 prompts in the workbench',
  (database) => {
    test('shown to the office, drafted with the drafter role, dismissed with a reason', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, code))!;
      const today = todayInChina();
      const ask = (name: string, phone: string, description: string) =>
        submitApplication(
          db,
          {
            agencyId: agency.id,
            channel: 'in-person',
            submittedOn: today,
            receivedOn: today,
            applicantType: 'np',
            applicant: { kind: 'person', name, phone },
            request: { description, form: '纸质', delivery: '邮寄' },
          },
          { today },
        );
      const a = await ask('甲某', '13900000011', subject);
      const b = await ask('乙某', '13900000012', `请公开${subject}`);

      const office = new TestClient(app);
      assert.equal((await office.login('xfj-office', demoPassword)).status, 303);
      const first = await (await office.get(dashboard)).text();
      assert.doesNotMatch(first, /道路硬化/, 'two: no prompt');
      assert.match(
        first,
        /<strong data-applicants="true">3<\/strong>位申请人申请公开相同的政府信息：“本县信访事项办理工作流程图”/,
        'the demo prompt',
      );

      const admin = new TestClient(app);
      await admin.login('xfj-admin', demoPassword);
      const settings = `/admin/${code}/settings/letters`;
      const shown = await (await admin.get(settings)).text();
      assert.match(shown, /name="proactivePromptApplicants"[^>]*value="3"/);
      const keep = { reconsiderationBody: '', court: '', letterNumberTemplate: '' };
      const one = await admin.post(settings, { ...keep, proactivePromptApplicants: '1' });
      assert.equal(one.status, 422);
      assert.match(await one.text(), /请填写2至50之间的整数/);
      const two = await admin.post(settings, { ...keep, proactivePromptApplicants: '2' });
      assert.equal(two.status, 303);
      assert.equal((await findAgencyByCode(db, code))!.proactivePromptApplicants, 2);

      const home = await (await office.get(dashboard)).text();
      assert.match(home, /建议转为主动公开（条例第四十四条）/);
      assert.match(home, /<strong data-applicants="true">2<\/strong>位申请人/);
      assert.ok(home.includes(`href="/admin/${code}/cases/${a.id}"`));
      assert.ok(home.includes(`href="/admin/${code}/cases/${b.id}"`));
      const casePage = await (await office.get(`${dashboard}/cases/${b.id}`)).text();
      assert.match(casePage, /建议转为主动公开/);

      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      assert.doesNotMatch(await (await handler.get(dashboard)).text(), /条例第四十四条/);

      const ids = `${a.id},${b.id}`;
      const year = today.slice(0, 4);
      const draft = `${dashboard}/cases/proactive/draft`;
      const refused = await office.post(draft, { year, ids });
      assert.equal(refused.status, 403);
      assert.match(await refused.text(), /须由“股室拟稿”角色办理/);
      const dismiss = `${dashboard}/cases/proactive/dismiss`;
      const short = await office.post(dismiss, { year, ids, reason: '不' });
      assert.equal(short.status, 400);
      assert.match(await short.text(), /至少4个字/);
      const bad = await office.post(dismiss, { year, ids: 'x', reason: '已在村务公开栏公开' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /请刷新后重试/);
      const noToken = await office.post(dismiss, { _csrf: null, year, ids, reason: '已公开过' });
      assert.equal(noToken.status, 403);

      const both = await createUser(db, { username: 'xfj-office-drafter', password: demoPassword });
      await grantRole(db, both.id, agency.id, 'office');
      await grantRole(db, both.id, agency.id, 'drafter');
      const drafter = new TestClient(app);
      await drafter.login('xfj-office-drafter', demoPassword);
      await drafter.get(dashboard);
      const made = await drafter.post(draft, { year, ids });
      assert.equal(made.status, 303);
      const id = Number(/\/catalog\/(\d+)\/edit$/.exec(made.headers.get('location') ?? '')?.[1]);
      const publication = await getPublication(db, agency.id, id);
      assert.equal(publication?.status, 'draft');
      assert.match(publication?.summary ?? '', /2位申请人.*第四十四条/);

      const done = await office.post(dismiss, { year, ids, reason: '已在村务公开栏公开' });
      assert.equal(done.status, 303);
      assert.match(await (await office.get(done.headers.get('location')!)).text(), /已记录暂不转/);
      assert.doesNotMatch(await (await office.get(dashboard)).text(), /道路硬化/);
      const [entry] = await listAudit(db, {
        agencyId: agency.id,
        action: 'cases.proactive.dismiss',
      });
      assert.equal((entry.details as { reason: string }).reason, '已在村务公开栏公开');
      const again = await office.post(dismiss, { year, ids, reason: '已在村务公开栏公开' });
      assert.equal(again.status, 400);
      assert.match(await again.text(), /该提示已处理或已变化/);

      await admin.post(settings, { ...keep, proactivePromptApplicants: '3' });
    });

    test('the admin and the office see the missing-calendar reminder when it is due; a handler does not', async () => {
      const app = await demoApp(database());
      const due = missingCalendarReminder(todayInChina(), await loadCalendar(database().db));
      for (const [user, sees] of [
        ['xfj-admin', due !== null],
        ['xfj-office', due !== null],
        ['xfj-handler', false],
      ] as const) {
        const client = new TestClient(app);
        await client.login(user, demoPassword);
        const page = await (await client.get(dashboard)).text();
        assert.equal(page.includes('id="calendar-reminder"'), sees, user);
        if (sees) assert.ok(page.includes('gongkai calendar import'));
      }
    });
  },
  { demo: true },
);
