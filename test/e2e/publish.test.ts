import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { withIdCheck } from '../../src/catalog/identifiers.ts';
import { todayInChina } from '../../src/law/date.ts';
import { xlsxWith } from '../catalog/fixtures.ts';
import { demoSite, e2eUnavailable, outputDir, submitLogin } from '../support/browser.ts';

const skip = e2eUnavailable() ?? false;

/** Runs in the page: unlabelled inputs, images without alt, heading order, nameless buttons. */
const auditScript = `(() => {
    const out = [];
    for (const el of document.querySelectorAll('input, select, textarea')) {
      const input = el;
      if (input.type === 'hidden' || input.type === 'submit') continue;
      const labelled =
        (input.id && document.querySelector('label[for="' + input.id + '"]')) ||
        input.closest('label') ||
        input.getAttribute('aria-label');
      if (!labelled) out.push(\`unlabelled \${input.tagName} \${input.name}\`);
    }
    for (const img of document.querySelectorAll('img'))
      if (!img.hasAttribute('alt')) out.push(\`img without alt \${img.src}\`);
    const levels = [...document.querySelectorAll('h1, h2, h3, h4')].map((h) =>
      Number(h.tagName[1]),
    );
    if (levels.filter((l) => l === 1).length !== 1)
      out.push(\`expected one h1, got \${levels.filter((l) => l === 1).length}\`);
    levels.forEach((l, i) => {
      if (i > 0 && l > levels[i - 1] + 1) out.push(\`heading jumps from h\${levels[i - 1]} to h\${l}\`);
    });
    for (const b of document.querySelectorAll('button'))
      if (!b.textContent?.trim() && !b.getAttribute('aria-label')) out.push('button without name');
    return out;
  })()`;

/** What axe-core would check first, done with Playwright queries (axe-core is not installed). */
async function assertAccessible(page: Page) {
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  const problems = (await page.evaluate(auditScript)) as string[];
  assert.deepEqual(problems, [], `${page.url()}`);
}

async function login(page: Page, url: string, username: string) {
  await page.goto(`${url}/admin/login`);
  await submitLogin(page, username);
  await page.waitForURL(/\/admin\//);
}

test('drafter → privacy scan blocks → fixed → three approvals → visible and searchable', {
  skip,
}, async (t) => {
  const { url, browser } = await demoSite(t);
  const shots = outputDir('e2e-publish');
  const leaky = `${shots}统计表.xlsx`;
  writeFileSync(
    leaky,
    await xlsxWith({
      hiddenSheet: [
        ['姓名', '身份证号'],
        ['李某', withIdCheck('43032119850312123')],
      ],
    }),
  );
  const clean = `${shots}统计表-修正.xlsx`;
  writeFileSync(
    clean,
    await xlsxWith({
      visible: [
        ['月份', '来信', '来访'],
        ['3月', '15', '42'],
        ['备注', '芙蓉镇联合接访'],
      ],
    }),
  );

  // the drafter creates the item and attaches a spreadsheet with a hidden sheet
  const drafter = await (await browser.newContext()).newPage();
  await login(drafter, url, 'xfj-drafter');
  await drafter.goto(`${url}/admin/xiangtan-xfj/catalog/new`);
  await assertAccessible(drafter);
  await drafter.getByLabel('信息分类').selectOption({ label: '工作动态' });
  await drafter.getByLabel('标题').fill('县信访局三月来信来访情况通报');
  await drafter.getByLabel('成文日期').fill('2024-04-01');
  await drafter.getByLabel('正文').fill('三月全县来信来访总体平稳。\n\n详见附件统计表。');
  await drafter.getByRole('button', { name: '保存' }).click();
  await drafter.waitForURL(/\/catalog\/\d+$/);
  const itemUrl = drafter.url();
  await drafter.getByLabel(/上传附件/).setInputFiles(leaky);
  await drafter.getByRole('button', { name: '上传', exact: true }).click();
  await drafter.waitForURL(/done=uploaded/);
  assert.match(
    (await drafter.locator('.findings').textContent()) ?? '',
    /隐藏工作表[\s\S]*公民身份号码/,
  );
  await drafter.getByRole('button', { name: '提交审核' }).click();
  assert.match((await drafter.getByRole('alert').first().textContent()) ?? '', /隐私检查发现/);
  await drafter.screenshot({ path: `${shots}blocked.png`, fullPage: true });

  // fixed: the file is replaced by a clean one, then submitted
  await drafter.goto(itemUrl);
  await drafter.getByRole('button', { name: /删除附件/ }).click();
  await drafter.getByLabel(/上传附件/).setInputFiles(clean);
  await drafter.getByRole('button', { name: '上传', exact: true }).click();
  await drafter.waitForURL(/done=uploaded/);
  assert.match((await drafter.locator('#privacy-h + p').textContent()) ?? '', /未发现/);
  await drafter.getByRole('button', { name: '提交审核' }).click();
  await drafter.waitForURL(/done=submitted/);

  // three approvals: 分管领导, 办公室负责人 (with 保密审查), 办公室发布
  const reviewer = await (await browser.newContext()).newPage();
  await login(reviewer, url, 'xfj-reviewer');
  await reviewer.goto(itemUrl);
  await reviewer.getByRole('button', { name: '分管领导审核通过' }).click();
  await reviewer.waitForURL(/done=approved/);
  const office = await (await browser.newContext()).newPage();
  await login(office, url, 'xfj-office');
  await office.goto(itemUrl);
  await assertAccessible(office);
  await office.getByRole('button', { name: '办公室负责人审核通过' }).click();
  await office.waitForURL(/done=approved/);
  await office.getByLabel(/不涉及国家秘密/).check();
  await office.getByRole('button', { name: '记录保密审查' }).click();
  await office.waitForURL(/done=confidentiality/);
  // 办公室发布 by another office account: one account may not clear two consecutive steps
  const publisher = await (await browser.newContext()).newPage();
  await login(publisher, url, 'xfj-publisher');
  await publisher.goto(itemUrl);
  await publisher.getByRole('button', { name: '发布', exact: true }).click();
  await publisher.waitForURL(/done=approved/);
  const index = (
    (await publisher.locator('table.meta tr', { hasText: '索引号' }).locator('td').textContent()) ??
    ''
  ).trim();
  assert.match(index, new RegExp(`^11430321MB16134126/${todayInChina().slice(0, 4)}-\\d{5}$`));

  // the public sees it and finds it by a word inside the attachment
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${url}/a/xiangtan-xfj/search`);
  await assertAccessible(visitor);
  await visitor.getByLabel('关键词').fill('芙蓉镇');
  await visitor.getByRole('button', { name: '搜索' }).click();
  await visitor.getByRole('link', { name: '县信访局三月来信来访情况通报' }).click();
  await assertAccessible(visitor);
  assert.equal((await visitor.locator('h1').textContent()) ?? '', '县信访局三月来信来访情况通报');
  assert.match(
    (await visitor.locator('table.meta').textContent()) ?? '',
    new RegExp(index.replace('/', '\\/')),
  );
  await visitor.screenshot({ path: `${shots}published.png`, fullPage: true });
  await visitor.goto(`${url}/a/xiangtan-xfj/statutory`);
  await assertAccessible(visitor);
  await visitor.goto(`${url}/a/xiangtan-xfj/guide`);
  await assertAccessible(visitor);
});
