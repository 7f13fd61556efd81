import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../src/law/date.ts';
import { demoSite, e2eUnavailable, outputDir, submitLogin } from '../support/browser.ts';

const skip = e2eUnavailable() ?? false;

test('an online petition is submitted, accepted and answered; the statistics follow', {
  skip,
}, async (t) => {
  const { url, browser } = await demoSite(t);
  const shots = outputDir('e2e');
  const year = todayInChina().slice(0, 4);
  const statsUrl = `${url}/admin/xiangtan-xfj/petitions/statistics?from=${year}-01-01&to=${year}-12-31`;
  const cell = async (page: Page, id: string) =>
    ((await page.locator(`#${id}`).textContent()) ?? '').trim();

  // Staff first look at this year's statistics.
  const staff = await browser.newPage();
  await staff.goto(`${url}/admin/xiangtan-xfj/petitions`);
  await staff.waitForURL(/\/admin\/login/);
  await submitLogin(staff, 'xfj-handler');
  await staff.waitForURL(/\/admin\/xiangtan-xfj\/petitions$/);
  await staff.goto(statsUrl);
  const writtenBefore = Number.parseInt(await cell(staff, 'stat-written'), 10);
  assert.equal(await cell(staff, 'stat-written-completion'), '—（0/0）');

  // A citizen submits a petition online and keeps the query code.
  const citizen = await browser.newPage();
  await citizen.goto(`${url}/a/xiangtan-xfj/petition`);
  await citizen.getByRole('button', { name: '提交信访事项' }).click();
  assert.match((await citizen.locator('.alert').first().textContent()) ?? '', /需要修改/);
  await citizen.getByLabel(/^姓名(（必填）)?$/).fill('周九');
  await citizen.getByLabel(/^联系电话(（必填）)?$/).fill('13807312468');
  await citizen.getByLabel('事项标题').fill('小区路灯长期不亮');
  await citizen
    .getByLabel('诉求及事实理由')
    .fill('小区主干道路灯已经两个月不亮，夜间出行存在安全隐患，请求维修。');
  await citizen.getByLabel('本人承诺所反映的情况属实').check();
  await citizen.getByRole('button', { name: '提交信访事项' }).click();
  const code = ((await citizen.locator('#query-code').textContent()) ?? '').trim();
  assert.match(code, /^XF-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await citizen.screenshot({ path: `${shots}petition-submitted.png`, fullPage: true });

  // The statistics count it at once.
  await staff.goto(statsUrl);
  assert.equal(Number.parseInt(await cell(staff, 'stat-written'), 10), writtenBefore + 1);

  // Staff accept it, then answer it.
  await staff.goto(`${url}/admin/xiangtan-xfj/petitions`);
  await staff.getByRole('link', { name: code }).click();
  assert.match((await staff.locator('.status').textContent()) ?? '', /已登记，待受理告知/);
  assert.ok(await staff.getByText('周九').isVisible());
  await staff.getByRole('button', { name: '记录受理告知' }).click();
  await staff.waitForSelector('text=已受理，办理中');
  await staff.getByLabel('处理意见').fill('已通知物业公司更换路灯，三日内完成。');
  await staff.getByRole('button', { name: '办结' }).click();
  await staff.waitForSelector('text=已办结（已出具处理意见书）');
  assert.ok(await staff.getByText('出具信访处理意见书（办结）').isVisible());
  await staff.screenshot({ path: `${shots}petition-answered.png`, fullPage: true });

  // The statistics follow: one more written matter handled, closed on time.
  await staff.goto(statsUrl);
  assert.equal(await cell(staff, 'stat-written-completion'), '100%（1/1）');
  assert.match(
    (await staff.locator('#s6-text').textContent()) ?? '',
    /群众来信、网上信访共办理信访事项\d+件，网信办结率100%。/,
  );
  await staff.screenshot({ path: `${shots}petition-statistics.png`, fullPage: true });

  // The petitioner sees the reply with the code and the phone's last four digits.
  await citizen.goto(`${url}/a/xiangtan-xfj/petition/track`);
  await citizen.getByLabel('查询码').fill(code.toLowerCase());
  await citizen.getByLabel('联系电话后4位').fill('2468');
  await citizen.getByRole('button', { name: '查询' }).click();
  assert.match((await citizen.locator('#petition-status').textContent()) ?? '', /已办结/);
  assert.match((await citizen.locator('#petition-answer').textContent()) ?? '', /更换路灯/);
});
