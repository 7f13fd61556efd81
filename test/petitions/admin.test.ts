import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { todayInChina } from '../../src/law/date.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const root = '/admin/xiangtan-xfj/petitions';
const today = todayInChina();

describeEachDatabase(
  'petition back office',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    let petitionPath = '';
    const as = async (username: string) => {
      const client = new TestClient(app);
      await client.login(username, demoPassword);
      return client;
    };

    before(async () => {
      app = await demoApp(database());
      const handler = await as('xfj-handler');
      await handler.get(`${root}/new`);
      const res = await handler.post(`${root}/new`, {
        channel: 'letter',
        receivedOn: today,
        subject: '道路积水',
        content: '雨后道路积水严重，影响出行。',
        petitionerName: '赵六一',
        petitionerPhone: '13912345678',
        petitionerIdNumber: '11010519491231002X',
        petitionerAddress: '湘潭县易俗河镇某小区',
      });
      assert.equal(res.status, 303);
      petitionPath = res.headers.get('location')!;
      assert.match(petitionPath, /^\/admin\/xiangtan-xfj\/petitions\/\d+$/);
    });

    test('petition staff see the petitioner; other roles see the register masked', async () => {
      for (const username of ['xfj-handler', 'xfj-office']) {
        const html = await (await (await as(username)).get(petitionPath)).text();
        assert.ok(html.includes('赵六一'), username);
        assert.ok(html.includes('13912345678'), username);
        assert.ok(html.includes('11010519491231002X'), username);
        assert.ok(html.includes('雨后道路积水严重'), username);
      }
      for (const username of [
        'xfj-auditor',
        'xfj-supervisor',
        'xfj-admin',
        'xfj-drafter',
        'xt-supervisor',
      ]) {
        const client = await as(username);
        const res = await client.get(petitionPath);
        assert.equal(res.status, 200, username);
        const html = await res.text();
        assert.ok(html.includes('道路积水'), `${username} sees the subject`);
        for (const secret of [
          '赵六一',
          '13912345678',
          '11010519491231002X',
          '雨后道路积水严重',
          '某小区',
        ]) {
          assert.ok(!html.includes(secret), `${username} must not see ${secret}`);
        }
        assert.ok(html.includes('赵**'), username);
        assert.ok(html.includes('139****5678'), username);
        const list = await (await client.get(root)).text();
        assert.ok(list.includes('赵**') && !list.includes('赵六一'), `${username} register`);
      }
    });

    test('only petition staff may register or act; the auditor is refused', async () => {
      const auditor = await as('xfj-auditor');
      assert.equal((await auditor.get(`${root}/new`)).status, 403);
      await auditor.get(root);
      assert.equal(
        (
          await auditor.post(`${root}/new`, {
            channel: 'letter',
            receivedOn: today,
            subject: 'x',
            content: 'x',
            petitionerName: 'x',
          })
        ).status,
        403,
      );
      assert.equal(
        (await auditor.post(`${petitionPath}/accept`, { decision: 'accepted', on: today })).status,
        403,
      );
      const html = await (await auditor.get(petitionPath)).text();
      assert.ok(!html.includes('记录受理告知'), 'no action forms for the auditor');
    });

    test('a form without the CSRF token is refused', async () => {
      const handler = await as('xfj-handler');
      await handler.get(petitionPath);
      const res = await handler.post(`${petitionPath}/accept`, {
        _csrf: null,
        decision: 'accepted',
        on: today,
      });
      assert.equal(res.status, 403);
    });

    test('invalid input is shown again with Chinese messages and nothing lost', async () => {
      const handler = await as('xfj-handler');
      await handler.get(`${root}/new`);
      const res = await handler.post(`${root}/new`, {
        channel: 'letter',
        receivedOn: '2026-02-30',
        subject: '保留的标题',
        content: '',
        petitionerName: '钱七',
        petitionerPhone: '12345',
        petitionerIdNumber: '430321199001011235',
        leaderReceived: 'on',
      });
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /收到日期应为1949—2100年间的有效日期/);
      assert.match(html, /请填写诉求内容/);
      assert.match(html, /请填写有效的联系电话/);
      assert.match(html, /身份证号码格式或校验位不正确/);
      assert.match(html, /value="保留的标题"/);
    });

    test('accept, extend (reviewer), answer: the page shows the clocks, the audit log has each step', async () => {
      const handler = await as('xfj-handler');
      await handler.get(petitionPath);
      assert.equal(
        (
          await handler.post(`${petitionPath}/accept`, {
            decision: 'accepted',
            on: today,
            note: '',
          })
        ).status,
        303,
      );
      // the extension form is not the handler's
      await handler.get(petitionPath);
      assert.equal(
        (
          await handler.post(`${petitionPath}/extend`, {
            on: today,
            days: '10',
            approvedBy: '局长',
            reason: '复杂',
          })
        ).status,
        403,
      );
      const reviewer = await as('xfj-reviewer');
      await reviewer.get(petitionPath);
      const tooLong = await reviewer.post(`${petitionPath}/extend`, {
        on: today,
        days: '31',
        approvedBy: '局长',
        reason: '复杂',
      });
      assert.equal(tooLong.status, 400);
      assert.match(await tooLong.text(), /延长不得超过30日/);
      assert.equal(
        (
          await reviewer.post(`${petitionPath}/extend`, {
            on: today,
            days: '10',
            approvedBy: '局长',
            reason: '需多部门会商',
          })
        ).status,
        303,
      );
      await handler.get(petitionPath);
      const before = await handler.post(`${petitionPath}/answer`, {
        on: '2000-01-01',
        text: '已处理',
      });
      assert.equal(before.status, 400);
      assert.match(await before.text(), /早于/);
      assert.equal(
        (await handler.post(`${petitionPath}/answer`, { on: today, text: '已安排疏通排水。' }))
          .status,
        303,
      );
      const html = await (await handler.get(petitionPath)).text();
      assert.match(html, /已办结（已出具处理意见书）/);
      assert.match(html, /经局长批准延长10日/);
      assert.match(html, /已安排疏通排水。/);
      const agency = (await findAgencyByCode(database().db, 'xiangtan-xfj'))!;
      const actions = (await listAudit(database().db, { agencyId: agency.id })).map(
        (a) => a.action,
      );
      for (const a of [
        'petition.AcceptanceDecided',
        'petition.Extended',
        'petition.Answered',
        'petition.view-personal',
      ]) {
        assert.ok(actions.includes(a), a);
      }
    });

    test('statistics show every figure with its definition and the S6 sentence', async () => {
      const client = await as('xfj-auditor');
      const year = today.slice(0, 4);
      const html = await (
        await client.get(`${root}/statistics?from=${year}-01-01&to=${year}-12-31`)
      ).text();
      assert.match(html, /id="stat-written">1件</);
      assert.match(html, /网信办结率：/);
      assert.match(
        html,
        new RegExp(
          `${year}年，县人民来访接待中心未接待群众来访。群众来信、网上信访共办理信访事项1件，网信办结率100%。`,
        ),
      );
      const bad = await (await client.get(`${root}/statistics?from=x&to=${year}-12-31`)).text();
      assert.match(bad, /开始日期应为1949—2100年间的有效日期/);
    });

    test('aggregates: the office enters them, the auditor may not', async () => {
      const fields = {
        periodFrom: '2019-01-01',
        periodTo: '2019-12-31',
        visitBatches: '10',
        visitPersons: '20',
        leaderBatches: '2',
        leaderPersons: '5',
        writtenHandled: '30',
        writtenCompletionDue: '30',
        writtenCompletionOnTime: '29',
        source: '2019年年报',
      };
      const auditor = await as('xfj-auditor');
      await auditor.get(`${root}/statistics`);
      assert.equal((await auditor.post(`${root}/aggregates`, fields)).status, 403);
      const office = await as('xfj-office');
      await office.get(`${root}/statistics`);
      const bad = await office.post(`${root}/aggregates`, { ...fields, leaderPersons: '50' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /领导接访人次不能多于来访人次/);
      const ok = await office.post(`${root}/aggregates`, fields);
      assert.equal(ok.status, 303);
      const html = await (await office.get(ok.headers.get('location')!)).text();
      assert.match(
        html,
        /2019年，县人民来访接待中心共接待群众来访10批20人次，县级领导接待来访群众2批5人次。群众来信、网上信访共办理信访事项30件，网信办结率96.6%。/,
      );
      assert.match(html, /id="stat-acceptance">无法确定</);
    });

    test("the dashboard panel shows this year's figures with links", async () => {
      const html = await (await (await as('xfj-office')).get('/admin/xiangtan-xfj')).text();
      assert.match(html, /id="petition-panel"/);
      assert.match(
        html,
        new RegExp(`${today.slice(0, 4)}年：来访0批0人次，来信、网上信访\\s*1件，网信办结率100%`),
      );
      assert.match(html, /当前逾期未办：0件/);
    });

    test('unknown and foreign petitions are 404', async () => {
      const handler = await as('xfj-handler');
      assert.equal((await handler.get(`${root}/999999`)).status, 404);
      assert.equal((await handler.get('/admin/xiangtan/petitions/1')).status, 403);
    });

    test('a leader reception needs the leader level, and the record shows it', async () => {
      const handler = await as('xfj-handler');
      await handler.get(`${root}/new`);
      const visit = {
        channel: 'visit',
        receivedOn: today,
        persons: '3',
        leaderReceived: 'on',
        leaderName: '李副镇长',
        subject: '征地补偿',
        content: '征地补偿款未足额发放。',
        petitionerName: '孙八',
        petitionerEmail: 'sun@example.cn',
      };
      const refused = await handler.post(`${root}/new`, visit);
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /请选择接访领导的级别/);
      await handler.get(`${root}/new`);
      const res = await handler.post(`${root}/new`, { ...visit, leaderLevel: 'township' });
      assert.equal(res.status, 303);
      const page = await (await handler.get(res.headers.get('location')!)).text();
      assert.match(page, /领导接访（乡级领导 李副镇长）/);
    });
  },
  { demo: true },
);
