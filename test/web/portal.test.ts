import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { demoApp } from '../support/app.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase(
  'portal',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    before(async () => {
      app = await demoApp(database());
    });

    test('the home page lists the county and its departments', async () => {
      const html = await (await app.request('/')).text();
      assert.match(html, /^<!DOCTYPE html><html lang="zh-CN">/);
      assert.match(html, /湘潭县人民政府/);
      assert.match(html, /href="\/a\/xiangtan-xfj">湘潭县信访局</);
    });

    test('the agency home shows its name, the disclosure columns and its contact', async () => {
      const res = await app.request('/a/xiangtan-xfj');
      assert.equal(res.status, 200);
      const html = await res.text();
      for (const column of [
        '政府信息公开指南',
        '政府信息公开制度',
        '法定主动公开内容',
        '政府信息公开年报',
        '依申请公开',
        '网上信访',
      ]) {
        assert.ok(html.includes(column), column);
      }
      assert.match(html, /主办：湘潭县信访局/);
    });

    test('unknown pages get the Chinese 404 page', async () => {
      const res = await app.request('/a/no-such-agency');
      assert.equal(res.status, 404);
      assert.match(await res.text(), /页面不存在/);
    });

    test('healthz reports the database reachable', async () => {
      const res = await app.request('/healthz');
      assert.deepEqual(await res.json(), { status: 'ok' });
    });
  },
  { demo: true },
);
