/**
 * Every staff form that creates a record carries a one-time token: the same token twice creates
 * one record and leads both times to it; the second time the page says nothing new was created.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/database.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { todayInChina } from '../../src/law/date.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const ADMIN = '/admin/xiangtan-xfj';
const today = todayInChina();
const AGAIN = /这份表单已经提交过，没有重复登记/;

const paperForm = (name: string, description: string) => ({
  channel: 'in-person',
  submittedOn: today,
  receivedOn: '',
  applicantKind: 'person',
  name,
  idType: '居民身份证',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  address: '湖南省湘潭县易俗河镇1号',
  description,
  form: '纸质',
  delivery: '当面领取',
});

/** The `_once` token of the form on `html` (the first, or the one after `marker`). */
function onceToken(html: string, marker = '') {
  const from = marker ? html.indexOf(marker) : 0;
  assert.ok(from >= 0, `the page has ${marker}`);
  const token = html.slice(from).match(/name="_once" value="([A-Za-z0-9_-]{24})"/)?.[1];
  assert.ok(token, 'the form carries a one-time token');
  return token;
}

describeEachDatabase(
  'submit once, everywhere',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    const as = async (username: string) => {
      const client = new TestClient(app);
      await client.login(username, demoPassword);
      return client;
    };
    const count = async (query: ReturnType<typeof sql>) =>
      rowsOf<{ n: number }>(await database().db.execute(query))[0].n;

    /** Posts the same form twice; both answers lead to the first record, the second says so. */
    async function twice(client: TestClient, path: string, fields: Record<string, string>) {
      const first = await client.post(path, fields);
      assert.equal(first.status, 303, await first.clone().text());
      const second = await client.post(path, fields);
      assert.equal(second.status, 303);
      const firstLocation = first.headers.get('location')!;
      const secondLocation = second.headers.get('location')!;
      assert.equal(
        secondLocation.replace(/[?&]submitted=again$|\?done=again$/, ''),
        firstLocation.replace(/\?submitted=new$/, ''),
      );
      const page = await client.get(secondLocation);
      assert.equal(page.status, 200);
      return { firstLocation, page: await page.text() };
    }

    before(async () => {
      app = await demoApp(database());
    });

    test('paper intake: the same token twice registers one case; the case page is the receipt', async () => {
      const handler = await as('xfj-handler');
      const token = onceToken(await (await handler.get(`${ADMIN}/cases/new`)).text());
      const fields = {
        ...paperForm('一次登记甲', '2023年湘潭县信访局信访事项办理情况统计'),
        _once: token,
      };
      const { firstLocation, page } = await twice(handler, `${ADMIN}/cases/new`, fields);
      assert.match(firstLocation, /\/cases\/\d+\?submitted=new$/);
      assert.match(page, AGAIN);
      const receipt = await (await handler.get(firstLocation)).text();
      assert.match(receipt, /申请已登记。查询码\s*<strong data-query-code="[A-Z0-9]{12}">/);
      assert.equal(
        await count(
          sql`select count(*)::int as n from applications where applicant_name = '一次登记甲'`,
        ),
        1,
      );
      // Another browser cannot use the token to reach the case: its form is stale.
      const other = await as('xfj-office');
      await other.get(`${ADMIN}/cases/new`);
      const stale = await other.post(`${ADMIN}/cases/new`, fields);
      assert.equal(stale.status, 400);
      assert.match(await stale.text(), /表单已失效，请核对后再次提交/);
    });

    test('paper intake: a likely duplicate asks to confirm; confirmed, it is registered', async () => {
      const handler = await as('xfj-handler');
      const description = '2022年湘潭县信访局信访事项办理情况统计';
      const first = paperForm('一次登记乙', description);
      const token1 = onceToken(await (await handler.get(`${ADMIN}/cases/new`)).text());
      assert.equal(
        (await handler.post(`${ADMIN}/cases/new`, { ...first, _once: token1 })).status,
        303,
      );
      const token2 = onceToken(await (await handler.get(`${ADMIN}/cases/new`)).text());
      const retyped = { ...first, description: `${description}。`, _once: token2 };
      const warned = await handler.post(`${ADMIN}/cases/new`, retyped);
      assert.equal(warned.status, 409);
      const html = await warned.text();
      assert.match(html, /可能重复登记/);
      assert.match(html, /申请 #\d+<\/a>（/);
      assert.match(html, /name="confirmDuplicate"/);
      assert.equal(onceToken(html), token2, 'the warning keeps the same token');
      assert.match(html, /value="一次登记乙"/, 'what was typed is kept');
      const confirmed = await handler.post(`${ADMIN}/cases/new`, {
        ...retyped,
        confirmDuplicate: 'on',
      });
      assert.equal(confirmed.status, 303);
      assert.equal(
        await count(
          sql`select count(*)::int as n from applications where applicant_name = '一次登记乙'`,
        ),
        2,
      );
    });

    test('paper intake: contradictory dates are refused with a message, nothing registered', async () => {
      const handler = await as('xfj-handler');
      await handler.get(`${ADMIN}/cases/new`);
      const base = paperForm('一次登记丙', '2021年湘潭县信访局信访事项办理情况统计');
      const refusals: [Record<string, string>, RegExp][] = [
        [
          { channel: 'post-signed', submittedOn: '2026-01-10', receivedOn: '2026-01-05' },
          /不能早于提交日期/,
        ],
        [
          { channel: 'in-person', submittedOn: '2026-01-10', receivedOn: '2026-01-12' },
          /当面提交的，收到申请之日就是提交之日/,
        ],
        [{ submittedOn: '2100-01-01' }, /不能晚于今天/],
        [{ channel: 'fax', submittedOn: '2005-03-01' }, /施行之日/],
        [{ submittedOn: '2026-02-30' }, /有效日期/],
        [{ channel: 'online' }, /请选择收件渠道/],
      ];
      for (const [change, message] of refusals) {
        const res = await handler.post(`${ADMIN}/cases/new`, { ...base, ...change });
        assert.equal(res.status, 400, JSON.stringify(change));
        assert.match(await res.text(), message);
      }
      assert.equal(
        await count(
          sql`select count(*)::int as n from applications where applicant_name = '一次登记丙'`,
        ),
        0,
      );
    });

    test('appeal (and every case action): the same token twice appends one event', async () => {
      const handler = await as('xfj-handler');
      const token = onceToken(await (await handler.get(`${ADMIN}/cases/new`)).text());
      const created = await handler.post(`${ADMIN}/cases/new`, {
        ...paperForm('一次复议', '2020年湘潭县信访局信访事项办理情况统计'),
        _once: token,
      });
      const casePath = created.headers.get('location')!.replace(/\?.*$/, '');
      const office = await as('xfj-office');
      const act = async (action: string, fields: Record<string, string>) => {
        const html = await (await office.get(casePath)).text();
        return {
          action,
          version: html.match(/name="version" value="(\d+)"/)![1],
          on: today,
          ...fields,
          _once: onceToken(html, `data-action="${action}"`),
        };
      };
      const decided = await act('Decided', { decision: 'disclose', text: '同意公开，见附件。' });
      assert.equal((await office.post(`${casePath}/act`, decided)).status, 303);
      const fields = await act('AppealFiled', {
        kind: 'rv',
        body: '湘潭县人民政府',
        caseNumber: '潭县复〔2026〕1号',
      });
      const { page } = await twice(office, `${casePath}/act`, fields);
      assert.match(page, AGAIN);
      const id = Number(casePath.split('/').pop());
      assert.equal(
        await count(
          sql`select count(*)::int as n from application_events where application_id = ${id} and type = 'AppealFiled'`,
        ),
        1,
      );
    });

    test('staff petition entry: the same token twice registers one petition', async () => {
      const handler = await as('xfj-handler');
      const token = onceToken(await (await handler.get(`${ADMIN}/petitions/new`)).text());
      const { firstLocation, page } = await twice(handler, `${ADMIN}/petitions/new`, {
        channel: 'visit',
        receivedOn: today,
        persons: '1',
        subject: '一次信访',
        content: '小区门口路灯不亮，请求维修。',
        petitionerName: '一次信访人',
        petitionerPhone: '13912345678',
        _once: token,
      });
      assert.match(firstLocation, /\/petitions\/\d+$/);
      assert.match(page, AGAIN);
      assert.equal(
        await count(sql`select count(*)::int as n from petitions where subject = '一次信访'`),
        1,
      );
    });

    test('a stale token: the form comes back as typed with a fresh token, nothing is created', async () => {
      const citizen = new TestClient(app);
      await citizen.get('/a/xiangtan-xfj/petition');
      const fields = {
        name: '过期表单人',
        phone: '13912345678',
        subject: '过期表单',
        content: '小区门口路灯不亮，请求维修。',
        pledge: 'on',
        _once: 'not-a-token',
      };
      const stale = await citizen.post('/a/xiangtan-xfj/petition', fields);
      assert.equal(stale.status, 400);
      const html = await stale.text();
      assert.match(html, /表单已失效，请核对后再次提交/);
      assert.match(html, /value="过期表单人"/);
      assert.notEqual(onceToken(html), fields._once);
      const handler = await as('xfj-handler');
      const staff = await handler.post(`${ADMIN}/petitions/new`, {
        channel: 'visit',
        receivedOn: today,
        persons: '1',
        subject: '过期表单',
        content: '小区门口路灯不亮，请求维修。',
        petitionerName: '过期表单人',
        _once: 'not-a-token',
      });
      assert.equal(staff.status, 400);
      onceToken(await staff.text());
      assert.equal(
        await count(sql`select count(*)::int as n from petitions where subject = '过期表单'`),
        0,
      );
    });

    test('petition aggregate entry: the same token twice saves once', async () => {
      const office = await as('xfj-office');
      const token = onceToken(
        await (await office.get(`${ADMIN}/petitions/statistics`)).text(),
        '/aggregates',
      );
      const { firstLocation, page } = await twice(office, `${ADMIN}/petitions/aggregates`, {
        periodFrom: '2018-01-01',
        periodTo: '2018-12-31',
        visitBatches: '10',
        visitPersons: '20',
        leaderBatches: '2',
        leaderPersons: '5',
        writtenHandled: '30',
        source: '2018年年报',
        _once: token,
      });
      assert.match(firstLocation, /statistics\?from=2018-01-01&to=2018-12-31$/);
      assert.match(page, AGAIN);
      assert.equal(
        await count(
          sql`select count(*)::int as n from audit_log where action = 'petition.aggregate.save' and details->>'source' = '2018年年报'`,
        ),
        1,
      );
    });

    test('new publication: the same token twice creates one draft', async () => {
      const drafter = await as('xfj-drafter');
      const form = await (await drafter.get(`${ADMIN}/catalog/new`)).text();
      const category = /<option value="(\d+)">工作动态<\/option>/.exec(form)![1];
      const { firstLocation, page } = await twice(drafter, `${ADMIN}/catalog/new`, {
        categoryId: category,
        title: '一次发布测试',
        madeOn: today,
        issuer: '湘潭县信访局',
        body: '深入乡镇开展联合接访。',
        _once: onceToken(form),
      });
      assert.match(firstLocation, /\/catalog\/\d+$/);
      assert.match(page, /这份表单已经提交过，没有重复新建/);
      assert.equal(
        await count(sql`select count(*)::int as n from publications where title = '一次发布测试'`),
        1,
      );
      const edit = await (await drafter.get(`${firstLocation}/edit`)).text();
      assert.doesNotMatch(edit, /name="_once"/, 'editing is not creating: no token');
    });
  },
  { demo: true },
);
