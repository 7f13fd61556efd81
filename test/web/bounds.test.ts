/**
 * Every input has bounds, refused with a Chinese message: money to the 分, realistic counts,
 * months and dates in a real year range, names normalised (invisible and bidi characters removed)
 * before the "required" check. And the staff lists page through everything they count.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { loadCalendar } from '../../src/db/calendar.ts';
import { submitApplication } from '../../src/db/cases.ts';
import { caseCounts } from '../../src/db/casesList.ts';
import { rowsOf } from '../../src/db/database.ts';
import { registerPetition } from '../../src/db/petitions.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { todayInChina } from '../../src/law/date.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

process.env.GONGKAI_TRUST_PROXY = '1';
const AGENCY = 'xiangtan-xfj';
let ip = 0;

describeEachDatabase(
  'input bounds and complete lists',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    let office: TestClient;
    const post = (client: TestClient, path: string, fields: Record<string, string>) =>
      client.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': `10.6.0.${ip++ % 250}`,
        },
        body: new URLSearchParams({ _csrf: client.csrf, ...fields }).toString(),
      });

    before(async () => {
      app = await demoApp(database());
      office = new TestClient(app);
      assert.equal((await office.login('xfj-office', demoPassword)).status, 303);
    });

    test('register figures: 0.001 元, 2,147,483,647 decisions, month 0000-01 and kind constructor are refused', async () => {
      await office.get(`/admin/${AGENCY}/registers`);
      const path = `/admin/${AGENCY}/registers`;
      const refused: [Record<string, string>, RegExp][] = [
        [{ kind: 'fee', month: '2021-03', value: '0.001' }, /精确到分/],
        [{ kind: 'lic', month: '2021-03', value: '2147483647' }, /不能超过100000/],
        [{ kind: 'lic', month: '2021-03', value: '1.5' }, /整数/],
        [{ kind: 'lic', month: '0000-01', value: '1' }, /月份应为/],
        [{ kind: 'constructor', month: '2021-03', value: '1' }, /类别|无效/],
        [{ kind: '__proto__', month: '2021-03', value: '1' }, /类别|无效/],
      ];
      for (const [fields, message] of refused) {
        const res = await post(office, path, fields);
        assert.ok(
          res.status >= 400 && res.status < 500,
          `${JSON.stringify(fields)}: ${res.status}`,
        );
        const html = await res.text();
        assert.match(html, message, JSON.stringify(fields));
        assert.doesNotMatch(html, /Invalid|Too big|expected/, 'no English validation text');
      }
      const csv = await post(office, `${path}/import`, { csv: '2021-04,constructor,3' });
      assert.match(await csv.text(), /无法识别/);
      const ok = await post(office, path, { kind: 'fee', month: '2021-03', value: '12.34' });
      assert.equal(ok.status, 303);
      const kinds = rowsOf<{ kind: string }>(
        await database().db.execute(sql`select distinct kind from register_entries`),
      ).map((r) => r.kind);
      assert.ok(
        kinds.every((k) => ['lic', 'pun', 'coe', 'fee'].includes(k)),
        kinds.join(','),
      );
    });

    test('a fee reduction of 0.001 元 or beyond bounds and a date in year 0 are refused on the case workbench', async () => {
      const db = database().db;
      const agency = (await findAgencyByCode(db, AGENCY))!;
      const today = todayInChina();
      const { id } = await submitApplication(db, {
        agencyId: agency.id,
        channel: 'in-person',
        submittedOn: today,
        receivedOn: today,
        applicantType: 'np',
        applicant: {
          kind: 'person',
          name: '边界甲',
          idType: '护照',
          idNumber: 'E1',
          phone: '13800001111',
        },
        request: { description: '边界测试用申请', form: '纸质', delivery: '当面领取' },
      });
      const page = await (await office.get(`/admin/${AGENCY}/cases/${id}`)).text();
      const version = page.match(/name="version" value="(\d+)"/)?.[1];
      assert.ok(version, 'the action forms carry the version');
      const act = (fields: Record<string, string>) =>
        post(office, `/admin/${AGENCY}/cases/${id}/act`, { version, ...fields });
      // The fee is computed from the schedule, never typed; the reduction is whole 元 and bounded.
      const feeFields = {
        action: 'ProcessingFeeNotified',
        method: 'page',
        pages: '250',
        payment: '银行转账',
      };
      const fee = await act({ ...feeFields, on: today, reduction: '0.001' });
      assert.equal(fee.status, 400);
      assert.match(await fee.text(), /请填写整数/);
      const huge = await act({ ...feeFields, on: today, reduction: '2147483648' });
      assert.equal(huge.status, 400);
      assert.match(await huge.text(), /减免金额过大/);
      const year0 = await act({ ...feeFields, on: '0000-01-01' });
      assert.equal(year0.status, 400);
      assert.match(await year0.text(), /有效日期/);
      for (const action of ['__proto__', 'constructor', 'toString']) {
        const res = await act({ action });
        assert.equal(res.status, 400, action);
        assert.match(await res.text(), /未知的操作/);
      }
    });

    test('names are normalised: a zero-width name is missing, a bidi override is removed', async () => {
      const visitor = new TestClient(app);
      await visitor.get(`/a/${AGENCY}/petition`);
      const fields = {
        phone: '13800002222',
        subject: '边界测试信访事项',
        content: '反映的情况和事实理由写在这里。',
        pledge: 'on',
      };
      const blank = await post(visitor, `/a/${AGENCY}/petition`, {
        ...fields,
        name: '\u200b\u2060',
      });
      assert.equal(blank.status, 400);
      assert.match(await blank.text(), /请填写姓名/);
      const bidi = await post(visitor, `/a/${AGENCY}/petition`, {
        ...fields,
        name: '\u202e乙甲\u202c',
      });
      assert.ok(bidi.status === 200 || bidi.status === 303, String(bidi.status));
      const names = rowsOf<{ name: string }>(
        await database().db.execute(sql`select name from petitioners where name like '%乙甲%'`),
      ).map((r) => r.name);
      assert.deepEqual(names, ['乙甲']);
    });

    test('the case list and the petition register page through everything the dashboard counts', async () => {
      const db = database().db;
      const agency = (await findAgencyByCode(db, AGENCY))!;
      const today = todayInChina();
      for (let i = 0; i < 120; i++) {
        await submitApplication(db, {
          agencyId: agency.id,
          channel: 'in-person',
          submittedOn: today,
          receivedOn: today,
          applicantType: 'np',
          applicant: {
            kind: 'person',
            name: `列表${i}`,
            idType: '护照',
            idNumber: `P${i}`,
            phone: '13800003333',
          },
          request: { description: '分页测试用申请', form: '纸质', delivery: '当面领取' },
        });
        await registerPetition(db, {
          agencyId: agency.id,
          channel: 'letter',
          receivedOn: today,
          subject: `分页测试${i}`,
          content: '分页测试内容',
          petitioners: [
            { name: `信访人${i}`, phone: '13800003333', idNumber: null, address: null },
          ],
        });
      }
      const dueBy = (await loadCalendar(db)).addWorkdays(today, 3);
      const counted = (await caseCounts(db, agency.id, today, dueBy)).open;
      assert.ok(counted > 120, `${counted} open cases`);
      const walk = async (first: string, link: RegExp) => {
        const ids = new Set<string>();
        let next: string | undefined = first;
        let total = -1;
        while (next) {
          const html = await (await office.get(next)).text();
          total = Number(html.match(/共(\d+)件/)?.[1] ?? -1);
          for (const m of html.matchAll(link)) ids.add(m[1]);
          next = html.match(/<a href="([^"]+)" rel="next"/)?.[1]?.replace(/&amp;/g, '&');
        }
        return { ids, total };
      };
      const cases = await walk(
        `/admin/${AGENCY}/cases?view=open`,
        /href="\/admin\/[\w-]+\/cases\/(\d+)"/g,
      );
      assert.equal(cases.total, counted, 'the list counts what the dashboard counts');
      assert.equal(cases.ids.size, counted, 'and shows every one of them');
      const [{ n }] = rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from petitions where agency_id = ${agency.id}`,
        ),
      );
      const petitions = await walk(
        `/admin/${AGENCY}/petitions`,
        /href="\/admin\/[\w-]+\/petitions\/(\d+)"/g,
      );
      assert.equal(petitions.total, n);
      assert.equal(petitions.ids.size, n);
    });
  },
  { demo: true },
);
