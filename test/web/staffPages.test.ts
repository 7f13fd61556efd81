import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, isNotNull } from 'drizzle-orm';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { applications, letters } from '../../src/db/schema/cases.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const ADMIN = '/admin/xiangtan-xfj';

describeEachDatabase(
  'staff search and the print view of a case',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    const signedIn = async (username: string) => {
      const client = new TestClient(app);
      await client.login(username, demoPassword);
      return client;
    };
    const numbered = async () => {
      const { db } = database();
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const [row] = await db
        .select({
          caseId: letters.applicationId,
          number: letters.number,
          name: applications.applicantName,
        })
        .from(letters)
        .innerJoin(applications, eq(applications.id, letters.applicationId))
        .where(
          and(
            eq(applications.agencyId, agency.id),
            isNotNull(letters.number),
            eq(applications.applicantType, 'np'),
          ),
        )
        .limit(1);
      return row as { caseId: number; number: string; name: string };
    };

    test('the search box is in the menu; a letter number finds its case; tabs and paging keep the query', async () => {
      app = await demoApp(database());
      const office = await signedIn('xfj-office');
      const home = await (await office.get(ADMIN)).text();
      assert.match(home, /action="\/admin\/xiangtan-xfj\/search"/);
      const { caseId, number } = await numbered();
      const res = await office.get(`${ADMIN}/search?q=${encodeURIComponent(number)}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.ok(html.includes(`href="${ADMIN}/cases/${caseId}"`), 'the case is listed');
      assert.match(html, /依申请公开（\d+件）/);
      assert.match(html, /主动公开（\d+条/);
      assert.match(html, /<mark>/);
      const catalogue = await (
        await office.get(`${ADMIN}/search?q=${encodeURIComponent('信访')}&in=catalog`)
      ).text();
      assert.match(catalogue, /href="\/admin\/xiangtan-xfj\/catalog\/\d+"/);
      assert.match(catalogue, /aria-current="page">主动公开/);
    });

    test('a drafter searches the catalogue only; bad parameters are a page, not an error', async () => {
      const drafter = await signedIn('xfj-drafter');
      const html = await (await drafter.get(`${ADMIN}/search?q=信访&in=cases`)).text();
      assert.doesNotMatch(html, /依申请公开（/);
      assert.match(html, /主动公开（/);
      for (const q of ['?q=%25&page=abc', '?in=nothing', `?q=${'长'.repeat(500)}`]) {
        const res = await drafter.get(`${ADMIN}/search${q}`);
        assert.equal(res.status, 200, q);
        await res.arrayBuffer();
      }
      assert.equal(
        (await (await signedIn('xfj-drafter')).get(`${ADMIN}/cases/1/print`)).status,
        403,
      );
    });

    test('the list filters keep their choice: cases by handler and kind, petitions by status', async () => {
      const office = await signedIn('xfj-office');
      const select = (html: string, id: string) =>
        html.match(new RegExp(`<select id="${id}"[\\s\\S]*?</select>`))?.[0] ?? '';
      const cases = await (await office.get(`${ADMIN}/cases?kind=correction&handler=999`)).text();
      assert.match(select(cases, 'kind'), /<option value="">全部<\/option>/);
      assert.match(select(cases, 'kind'), /<option value="correction" selected="">/);
      assert.match(select(cases, 'handler'), /<option value="">全部<\/option><option value="\d+">/);
      assert.doesNotMatch(select(cases, 'handler'), /selected/);
      const petitions = await (await office.get(`${ADMIN}/petitions?status=answered`)).text();
      assert.match(select(petitions, 'status'), /<option value="answered" selected="">/);
      const all = await (await office.get(`${ADMIN}/petitions`)).text();
      assert.doesNotMatch(select(all, 'status'), /selected/);
    });

    test('the print view: no menu, the clock explained, the timeline, letters with numbers; names masked for a reviewer', async () => {
      const { caseId, number, name } = await numbered();
      const handler = await signedIn('xfj-handler');
      const page = await (await handler.get(`${ADMIN}/cases/${caseId}`)).text();
      assert.ok(page.includes(`href="${ADMIN}/cases/${caseId}/print"`));
      const res = await handler.get(`${ADMIN}/cases/${caseId}/print`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.doesNotMatch(html, /admin-menu|site-header|退出/);
      assert.match(html, /政府信息公开申请办理单/);
      assert.match(html, /期限推算过程/);
      assert.match(html, /办理记录/);
      assert.ok(html.includes(number), 'the letter number');
      assert.ok(html.includes(name), 'the full name for case staff');
      assert.match(html, /media="print"/);
      const reviewer = await signedIn('xfj-reviewer');
      const masked = await (await reviewer.get(`${ADMIN}/cases/${caseId}/print`)).text();
      assert.ok(!masked.includes(name), 'the reviewer sees the name masked');
      const other = await signedIn('sl-office');
      assert.equal((await other.get(`/admin/shili/cases/${caseId}/print`)).status, 404);
    });
  },
  { demo: true },
);
