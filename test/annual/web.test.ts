import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Database } from '../../src/db/database.ts';
import { demoPassword } from '../../src/demo/load.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { freshPglite } from '../support/databases.ts';

let database: Database;
let app: Hono<AppEnv>;

before(async () => {
  database = await freshPglite({ demo: true });
  app = await demoApp(database);
});
after(() => database.close());

async function signedIn(username: string) {
  const client = new TestClient(app);
  const res = await client.login(username, demoPassword);
  assert.equal(res.status, 303);
  return client;
}

test('the office sees the years, the published 2021 report with linked cells and its records', async () => {
  const client = await signedIn('xfj-office');
  const list = await (await client.get('/admin/xiangtan-xfj/reports')).text();
  assert.match(list, /2021年度/);
  const current = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  for (let year = 2021; year <= current; year++)
    assert.match(list, new RegExp(`/reports/${year}">${year}年度<`), `year ${year} listed`);
  assert.equal((await client.get(`/admin/xiangtan-xfj/reports/${current}`)).status, 200);
  const res = await client.get('/admin/xiangtan-xfj/reports/2021');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /已发布/);
  assert.match(html, /href="\/admin\/xiangtan-xfj\/reports\/2021\/cell\/t3\.new\.np"/);
  assert.match(html, /主动公开政府信息64条/);
  assert.doesNotMatch(html, /\sstyle="/);
  const cell = await client.get('/admin/xiangtan-xfj/reports/2021/cell/t3.new.tot');
  assert.equal(cell.status, 200);
  const cellHtml = await cell.text();
  assert.match(cellHtml, /构成本格的记录/);
  assert.match(cellHtml, /<h1>2021年度报告 · 表3「[^」]+」行「总计」列<\/h1>/);
  const biz = await (await client.get('/admin/xiangtan-xfj/reports/2021/cell/t3.new.biz')).text();
  assert.match(biz, /行「商业企业」列<\/h1>/);
  assert.equal((await client.get('/admin/xiangtan-xfj/reports/2021/cell/t9.bad')).status, 404);
});

test('exports: the published files, and a draft rendered from the records', async () => {
  const client = await signedIn('xfj-office');
  const docx = await client.get('/admin/xiangtan-xfj/reports/2021/export/docx');
  assert.equal(docx.status, 200);
  assert.equal(
    Buffer.from(await docx.arrayBuffer())
      .subarray(0, 2)
      .toString(),
    'PK',
  );
  const json = await client.get('/admin/xiangtan-xfj/reports/2025/export/json');
  assert.equal(json.status, 200);
  assert.equal(JSON.parse(await json.text()).year, 2025);
});

test('only the office approves; a drafter is refused', async () => {
  const client = await signedIn('xfj-drafter');
  await client.get('/admin/xiangtan-xfj/reports/2025');
  const res = await client.post('/admin/xiangtan-xfj/reports/2025/approve', {});
  assert.equal(res.status, 403);
});

test('the portal shows the published report and its catalogue item', async () => {
  const client = new TestClient(app);
  const page = await client.get('/a/xiangtan-xfj/annual/2021');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /湘潭县信访局2021年政府信息公开工作年度报告/);
  assert.match(html, /data-key="t3\.total\.tot"/);
  assert.equal((await client.get('/a/xiangtan-xfj/annual/2025')).status, 404);
  const reports = await (await client.get('/a/xiangtan-xfj/reports')).text();
  assert.match(reports, /湘潭县信访局2021年政府信息公开工作年度报告/);
});

test('the county supervisor sees the status table, the roll-up, a breakdown and charts', async () => {
  const client = await signedIn('xt-supervisor');
  const res = await client.get('/admin/xiangtan/county/2021?cell=t3.new.tot');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<tr class="state-published" data-agency="xiangtan-xfj">/);
  assert.match(html, /表3「[^」]+」行「总计」列的构成/);
  assert.match(html, /<svg/);
  assert.doesNotMatch(html, /\sstyle="|<style/);
  const office = await signedIn('xfj-office');
  assert.equal((await office.get('/admin/xiangtan/county/2021')).status, 403);
});

test('示例县: 20 departments with reports in every state, a local deadline and a deliberate error', async () => {
  const client = await signedIn('sl-supervisor');
  const html = await (await client.get('/admin/shili/county/2025')).text();
  assert.equal((html.match(/<tr class="state-[a-z-]+" data-agency="shili-/g) ?? []).length, 20);
  for (const label of [
    '已发布',
    '已发布（逾期发布）',
    '逾期未发布（已审核）',
    '逾期未发布（编制中）',
    '逾期未发布（未开始）',
  ])
    assert.ok(html.includes(`<td>${label}</td>`), label);
  assert.match(html, /2026-01-25/);
  const office = await signedIn('sl-office');
  const draft = await (await office.get('/admin/shili-tjj/reports/2025')).text();
  assert.match(draft, /没有登记收到申请之日/);
  assert.match(draft, /class="gk-flag gk-flag-error" data-key="t3\.new\.tot"/);
});
