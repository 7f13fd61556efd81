/**
 * Forms that create something answer POST → 303 → GET of a receipt and carry a one-time token:
 * a reload, a resubmission or a double click files one record, over real HTTP and in Chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/database.ts';
import { demoSite, e2eUnavailable, outputDir, submitLogin } from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';

const skip = e2eUnavailable() ?? false;
const A = '/a/xiangtan-xfj';

const petition = (name: string) => ({
  name,
  phone: '13807312468',
  subject: '一次提交测试',
  content: '小区主干道路灯已经两个月不亮，请求维修。',
  pledge: 'on',
});

test('a resubmitted or double-clicked form files one record; the receipt is the first one', {
  skip,
}, async (t) => {
  const { url, browser, database } = await demoSite(t);
  const count = async (table: 'petitioners' | 'applications', name: string) => {
    const column = table === 'petitioners' ? sql`name` : sql`applicant_name`;
    const rows = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from ${sql.raw(table)} where ${column} = ${name}`,
      ),
    );
    return rows[0].n;
  };

  // Real HTTP: the same token twice, then twice at once.
  const citizen = new HttpClient(url, { 'x-forwarded-for': '198.51.100.7' });
  for (const [name, parallel] of [
    ['一次甲', false],
    ['一次乙', true],
  ] as const) {
    const form = await citizen.get(`${A}/petition`);
    const token = form.text.match(/name="_once" value="([^"]+)"/)?.[1];
    assert.ok(token, 'the form carries a one-time token');
    const send = () => citizen.post(`${A}/petition`, { ...petition(name), _once: token });
    const answers = parallel ? await Promise.all([send(), send()]) : [await send(), await send()];
    for (const a of answers) assert.equal(a.status, 303);
    assert.equal(answers[0].location, answers[1].location, 'both answers name the first receipt');
    const receipt = await citizen.get(answers[0].location!);
    assert.equal(receipt.status, 200);
    assert.match(receipt.text, /id="query-code">\s*XF-/);
    assert.equal(await count('petitioners', name), 1, `${name}: one petition`);
    const stranger = new HttpClient(url);
    assert.equal((await stranger.get(answers[0].location!)).status, 404, 'only the submitter');
  }

  // Chromium: apply online, then reload the receipt and go back and submit again.
  const page = await browser.newPage();
  await page.goto(`${url}${A}/apply`);
  await page.getByLabel('申请人类型').selectOption('person');
  await page.getByLabel(/^姓名(（必填）)?$/).fill('一次丙');
  await page.getByLabel('身份证件类型').selectOption('居民身份证');
  await page.getByLabel(/^证件号码(（必填）)?$/).fill('11010519491231002X');
  await page.getByLabel(/^联系电话(（必填）)?$/).fill('13807312468');
  await page.getByLabel('所需信息的名称').fill('2024年湘潭县信访局信访事项统计数据');
  await page.getByLabel('信息的提供形式').selectOption('电子数据');
  await page.getByLabel('获取信息的方式').selectOption('当面领取');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.waitForURL(/\/apply\/receipt\//);
  const code = await page.locator('[data-query-code]').getAttribute('data-query-code');
  assert.ok(code);
  await page.reload();
  assert.equal(await page.locator('[data-query-code]').getAttribute('data-query-code'), code);
  await page.screenshot({ path: `${outputDir('e2e')}apply-once.png`, fullPage: true });
  assert.equal(await count('applications', '一次丙'), 1, 'one application after the reload');
});

test('staff paper intake, then Back and submit again: still one case; a retyped copy is flagged', {
  skip,
}, async (t) => {
  const { url, browser, database } = await demoSite(t);
  const cases = async () =>
    rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from applications where applicant_name = '纸质一次'`,
      ),
    )[0].n;
  const page = await browser.newPage();
  await page.goto(`${url}/admin/login`);
  await submitLogin(page, 'xfj-handler');
  await page.waitForURL(/\/admin/);
  const fill = async () => {
    await page.goto(`${url}/admin/xiangtan-xfj/cases/new`);
    await page.getByLabel('渠道').selectOption('in-person');
    await page.getByLabel('申请人类型').selectOption('person');
    await page.getByLabel(/^姓名(（必填）)?$/).fill('纸质一次');
    await page.getByLabel('身份证件类型').selectOption('居民身份证');
    await page.getByLabel(/^证件号码(（必填）)?$/).fill('11010519491231002X');
    await page.getByLabel(/^联系电话(（必填）)?$/).fill('13807312468');
    await page.getByLabel('所需信息的名称').fill('2024年湘潭县信访局信访事项统计数据');
    await page.getByLabel('信息的提供形式').selectOption('纸质');
    await page.getByLabel('获取信息的方式').selectOption('当面领取');
    await page.getByRole('button', { name: '登记', exact: true }).click();
  };
  await fill();
  await page.waitForURL(/\/cases\/\d+\?submitted=new$/);
  const receipt = page.locator('.notice.receipt');
  assert.match((await receipt.textContent()) ?? '', /申请已登记。查询码/);
  const out = outputDir('e2e');
  await page.screenshot({ path: `${out}intake-receipt.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${out}intake-receipt-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  const caseUrl = page.url().replace(/\?.*$/, '');

  // Back to the form and submit it again. Chromium fetches the form anew (a new token) and
  // restores what was typed except the ID number: the duplicate check stops the second case.
  await page.goBack();
  const idNumber = page.getByLabel(/^证件号码(（必填）)?$/);
  if ((await idNumber.inputValue()) === '') await idNumber.fill('11010519491231002X');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.waitForSelector('.duplicate-warning');
  assert.equal(await cases(), 1, 'one case after Back and submit again');
  assert.match((await page.locator('.duplicate-warning').textContent()) ?? '', /可能重复登记/);
  // Reloading the receipt (a GET after the 303) files nothing either.
  await page.goto(caseUrl);
  await page.reload();
  assert.equal(await cases(), 1);

  // The same application typed in afresh: the warning again, and confirmed, a second case.
  await fill();
  await page.waitForSelector('.duplicate-warning');
  assert.equal(await cases(), 1);
  await page.screenshot({ path: `${out}intake-duplicate.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${out}intake-duplicate-phone.png`, fullPage: true });
  await page.getByLabel('已核对，这是一件新的申请，仍然登记').check();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.waitForURL(/\/cases\/\d+\?submitted=new$/);
  assert.equal(await cases(), 2, 'confirmed, it is registered');
});
