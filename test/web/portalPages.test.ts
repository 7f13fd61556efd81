import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { linkRuns } from '../../src/catalog/body.ts';
import { getVersion, versionReport } from '../../src/db/annual.ts';
import { annualReports } from '../../src/db/schema/annual.ts';
import { agencies } from '../../src/db/schema.ts';
import { catalogBody } from '../../src/services/annual/catalogItem.ts';
import { demoApp } from '../support/app.ts';
import { demoSite, e2eUnavailable } from '../support/browser.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase(
  'portal pages: agency home, 依申请公开 landing, links',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    before(async () => {
      app = await demoApp(database());
    });

    test('the agency home has a search box and its newest items, newest first', async () => {
      const html = await (await app.request('/a/xiangtan-xfj')).text();
      assert.match(html, /<form[^>]*action="\/a\/xiangtan-xfj\/search"/);
      const section = html.slice(html.indexOf('最新公开'));
      const dates = [...section.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]);
      assert.ok(dates.length > 0 && dates.length <= 8, `${dates.length} items`);
      assert.deepEqual(dates, [...dates].sort().reverse());
      assert.match(html, /href="\/a\/xiangtan-xfj\/request">依申请公开</);
    });

    test('the 依申请公开 landing page states the steps and last year’s figures from the published report', async () => {
      const db = database().db;
      const published = await db
        .select({
          code: agencies.code,
          year: annualReports.year,
          versionId: annualReports.publishedVersionId,
        })
        .from(annualReports)
        .innerJoin(agencies, eq(agencies.id, annualReports.agencyId))
        .where(eq(annualReports.status, 'published'));
      const busiest = new Map<string, { year: number; versionId: number }>();
      for (const r of published)
        if (r.versionId && (busiest.get(r.code)?.year ?? 0) < r.year)
          busiest.set(r.code, { year: r.year, versionId: r.versionId });
      let checked = 0;
      for (const [code, { year, versionId }] of busiest) {
        const report = versionReport((await getVersion(db, versionId))!);
        const received = report.cells['t3.new.tot'];
        if (typeof received !== 'number' || received === 0) continue;
        const html = await (await app.request(`/a/${code}/request`)).text();
        assert.match(html, new RegExp(`href="/a/${code}/annual/${year}">${year}年度报告`));
        const row = new RegExp(`新收政府信息公开申请</th><td>${received}</td>`);
        assert.match(html, row, `${code} ${year}`);
        assert.match(html, /20个工作日内答复/);
        assert.match(html, new RegExp(`href="/a/${code}/apply"`));
        checked++;
      }
      assert.ok(checked > 0, 'some agency published a report with applications');
    });

    test('an agency without a published report says 暂无数据', async () => {
      const html = await (await app.request('/a/xiangtan')).text();
      assert.ok(html.length > 0);
      const landing = await app.request('/a/xiangtan/request');
      assert.equal(landing.status, 200);
      assert.match(await landing.text(), /暂无数据/);
    });

    test('the public forms say what each personal field is (autocomplete, WCAG 1.3.5)', async () => {
      const expected: Record<string, string> = {
        name: 'name',
        phone: 'tel',
        email: 'email',
        address: 'street-address',
        orgName: 'organization',
        idNumber: 'off',
        code: 'off',
      };
      let seen = 0;
      for (const path of [
        '/a/xiangtan-xfj/apply',
        '/a/xiangtan-xfj/petition',
        '/a/xiangtan-xfj/track',
      ]) {
        const html = await (await app.request(path)).text();
        for (const [, tag, name] of html.matchAll(/(<input [^>]*name="([A-Za-z0-9]+)"[^>]*>)/g)) {
          if (!expected[name]) continue;
          assert.match(tag, new RegExp(`autocomplete="${expected[name]}"`), `${path}: ${tag}`);
          seen++;
        }
      }
      assert.ok(seen >= 10, `${seen} personal fields`);
    });

    test('the favicon is served', async () => {
      const res = await app.request('/favicon.ico');
      assert.equal(res.status, 301);
      assert.equal(res.headers.get('location'), '/static/favicon.svg');
      const svg = await app.request('/static/favicon.svg');
      assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    });

    test('a published report’s catalogue item names the T2 columns and links to the report', async () => {
      const list = await (await app.request('/a/xiangtan-xfj/catalog/annual')).text();
      const id = /href="\/a\/xiangtan-xfj\/items\/(\d+)">湘潭县信访局2021年/.exec(list)?.[1];
      assert.ok(id);
      const html = await (await app.request(`/a/xiangtan-xfj/items/${id}`)).text();
      assert.doesNotMatch(html, /reg\.made|norm\.valid/);
      assert.match(html, /规章：本年制发件数 \d+，本年废止件数 \d+，现行有效件数 \d+/);
      assert.match(
        html,
        /<a href="\/a\/xiangtan-xfj\/annual\/2021">\/a\/xiangtan-xfj\/annual\/2021<\/a>/,
      );
    });
  },
  { demo: true },
);

test('site paths in a body become links, nothing else does', () => {
  assert.deepEqual(linkRuns('在线查看：/a/xt-1/annual/2021。'), [
    { text: '在线查看：' },
    { text: '/a/xt-1/annual/2021', href: '/a/xt-1/annual/2021' },
    { text: '。' },
  ]);
  assert.deepEqual(linkRuns('见 https://example.com/x 与 javascript:alert(1)'), [
    { text: '见 https://example.com/x 与 javascript:alert(1)' },
  ]);
});

test('the catalogue body of a 2019-format report labels T2 with the 2019 columns', () => {
  const body = catalogBody(
    {
      agency: '某局',
      year: 2019,
      formatVersion: '2019',
      sections: {},
      cells: { 't2.reg.newMade': 2 },
    },
    '/a/x/annual/2019',
  );
  assert.match(body, /规章：本年新制作数量 2，/);
});

const skip = e2eUnavailable() ?? false;

test('on a 390 px phone the catalogue is a list of readable cards', { skip }, async (t) => {
  const { url, browser } = await demoSite(t);
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${url}/a/xiangtan-xfj/catalog/annual`);
  const title = page.locator('table.catalog td.title').first();
  const box = await title.boundingBox();
  assert.ok(box && box.width > 300, `title cell ${box?.width} px wide`);
  const width = await page.evaluate('document.documentElement.scrollWidth');
  assert.ok(Number(width) <= 390, `page ${width} px wide`);
  const label = await page.evaluate(
    `getComputedStyle(document.querySelector('table.catalog td.index'), '::before').content`,
  );
  assert.equal(label, '"索引号："');
});
