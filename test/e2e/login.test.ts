import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Database } from '../../src/db/database.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { demoApp } from '../support/app.ts';
import { e2eUnavailable, launchChromium, listen, outputDir } from '../support/browser.ts';
import { freshPglite } from '../support/databases.ts';

const skip = e2eUnavailable() ?? false;

test('a visitor opens the portal, an office user logs in and sees the dashboard', {
  skip,
}, async (t) => {
  const database: Database = await freshPglite({ demo: true });
  const server = await listen(await demoApp(database));
  const browser: Browser = await launchChromium();
  t.after(async () => {
    await browser.close();
    await server.stop();
    await database.close();
  });
  const page = await browser.newPage();
  const shots = outputDir('e2e');

  await page.goto(`${server.url}/`);
  await page.getByRole('link', { name: '湘潭县信访局' }).click();
  await page.waitForURL(/\/a\/xiangtan-xfj$/);
  assert.equal(await page.locator('h1').textContent(), '湘潭县信访局政府信息公开');
  await page.screenshot({ path: `${shots}portal-agency.png`, fullPage: true });

  await page.goto(`${server.url}/admin/xiangtan-xfj`);
  await page.waitForURL(/\/admin\/login/);
  await page.getByLabel('用户名').fill('xfj-office');
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/admin\/xiangtan-xfj$/);
  assert.match((await page.locator('h1').textContent()) ?? '', /湘潭县信访局 · 工作台/);
  await page.screenshot({ path: `${shots}admin-dashboard.png`, fullPage: true });

  await page.getByRole('button', { name: '退出' }).click();
  await page.waitForURL(/\/admin\/login$/);
});
