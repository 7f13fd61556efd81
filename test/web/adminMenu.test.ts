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
  assert.equal((await client.login(username, demoPassword)).status, 303);
  return client;
}

const menuOf = (html: string) =>
  [
    ...(/<nav class="admin-menu"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '').matchAll(
      /<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g,
    ),
  ].map(([, href, current, label]) => `${current ? '*' : ''}${label} ${href}`);

test('every back-office page carries the menu of the areas the roles may open', async () => {
  const handler = await signedIn('xfj-handler');
  const cases = menuOf(await (await handler.get('/admin/xiangtan-xfj/cases')).text());
  assert.ok(cases.includes('*依申请公开 /admin/xiangtan-xfj/cases'), cases.join('|'));
  assert.ok(cases.includes('工作台 /admin/xiangtan-xfj'));
  assert.ok(!cases.some((m) => m.includes('单位设置') || m.includes('登记簿')), cases.join('|'));
  for (const item of cases.filter((m) => !m.startsWith('*'))) {
    const href = item.split(' ')[1];
    assert.equal((await handler.get(href)).status, 200, `${item} opens for the handler`);
  }

  const office = await signedIn('xfj-office');
  const menu = menuOf(await (await office.get('/admin/xiangtan-xfj/reports')).text());
  assert.ok(menu.includes('*年度报告 /admin/xiangtan-xfj/reports'), menu.join('|'));
  assert.ok(menu.includes('登记簿 /admin/xiangtan-xfj/registers'));
  assert.ok(!menu.some((m) => m.includes('各单位汇总')), 'a department has no county page');
});

test('a 403 page still has the account box with logout and leads to the user’s own agency', async () => {
  const handler = await signedIn('xfj-handler');
  const res = await handler.get('/admin/xiangtan-xfj/settings');
  assert.equal(res.status, 403);
  const html = await res.text();
  assert.match(html, /action="\/admin\/logout"/);
  assert.match(html, /<a href="\/admin\/xiangtan-xfj">湘潭县信访局后台<\/a>/);
  const other = await handler.get('/admin/shili/reports');
  assert.equal(other.status, 403);
  assert.match(await other.text(), /退出/);
});
