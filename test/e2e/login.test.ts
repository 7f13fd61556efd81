import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSite, e2eUnavailable, outputDir, submitLogin } from '../support/browser.ts';

const skip = e2eUnavailable() ?? false;

test('a visitor opens the portal, an office user logs in and sees the dashboard', {
  skip,
}, async (t) => {
  const { url, browser } = await demoSite(t);
  const page = await browser.newPage();
  const shots = outputDir('e2e');

  await page.goto(`${url}/`);
  await page.getByRole('link', { name: '湘潭县信访局' }).click();
  await page.waitForURL(/\/a\/xiangtan-xfj$/);
  assert.equal(await page.locator('h1').textContent(), '湘潭县信访局政府信息公开');
  await page.screenshot({ path: `${shots}portal-agency.png`, fullPage: true });

  await page.goto(`${url}/admin/xiangtan-xfj`);
  await page.waitForURL(/\/admin\/login/);
  await submitLogin(page, 'xfj-office');
  await page.waitForURL(/\/admin\/xiangtan-xfj$/);
  assert.match((await page.locator('h1').textContent()) ?? '', /湘潭县信访局 · 工作台/);
  await page.screenshot({ path: `${shots}admin-dashboard.png`, fullPage: true });

  await page.getByRole('button', { name: '退出' }).click();
  await page.waitForURL(/\/admin\/login$/);
});
