import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoSite, e2eUnavailable, outputDir, submitLogin } from '../support/browser.ts';

const skip = e2eUnavailable() ?? false;

async function login(page: Page, url: string, username: string) {
  await page.goto(`${url}/admin/login`);
  await submitLogin(page, username);
  await page.waitForURL(/\/admin\//);
}

test('a return and an edit: the reviewer sees what changed; every draft can be shown', {
  skip,
}, async (t) => {
  const { url, browser } = await demoSite(t);
  const shots = outputDir('e2e-history');
  const drafter = await (await browser.newContext()).newPage();
  await login(drafter, url, 'xfj-drafter');
  await drafter.goto(`${url}/admin/xiangtan-xfj/catalog/new`);
  await drafter.getByLabel('信息分类').selectOption({ label: '工作动态' });
  await drafter.getByLabel('标题').fill('县信访局开展信访宣传月活动');
  await drafter.getByLabel('成文日期').fill('2024-04-01');
  await drafter
    .getByLabel('正文')
    .fill('# 一、活动时间\n\n四月全月。\n\n# 二、活动内容\n\n政策宣讲。');
  await drafter.getByRole('button', { name: '保存' }).click();
  await drafter.waitForURL(/\/catalog\/\d+$/);
  const itemUrl = drafter.url();
  await drafter.getByRole('button', { name: '提交审核' }).click();
  await drafter.waitForURL(/done=submitted/);

  // first round: nothing to compare yet; the reviewer returns it with a comment
  const reviewer = await (await browser.newContext()).newPage();
  await login(reviewer, url, 'xfj-reviewer');
  await reviewer.goto(itemUrl);
  assert.match((await reviewer.locator('#changes-h + p').textContent()) ?? '', /首次提交审核/);
  assert.match((await reviewer.locator('#body-h + .article').textContent()) ?? '', /政策宣讲/);
  await reviewer.getByLabel('退回意见').fill('请补充活动地点');
  await reviewer.getByRole('button', { name: '退回拟稿人' }).click();
  await reviewer.waitForURL(/done=/);

  // the drafter adds the place and a keyword, and submits again
  await drafter.goto(`${itemUrl}/edit`);
  await drafter.getByLabel('关键词').fill('信访 宣传');
  await drafter
    .getByLabel('正文')
    .fill(
      '# 一、活动时间\n\n四月全月。\n\n# 二、活动地点\n\n县信访局接待大厅。\n\n# 三、活动内容\n\n政策宣讲。',
    );
  await drafter.getByRole('button', { name: '保存' }).click();
  await drafter.waitForURL(/\/catalog\/\d+$/);
  await drafter.getByRole('button', { name: '提交审核' }).click();
  await drafter.waitForURL(/done=submitted/);

  // the reviewer sees exactly what changed since the return, and the full 正文
  await reviewer.goto(itemUrl);
  const changes =
    (await reviewer.locator('section[aria-labelledby="changes-h"]').textContent()) ?? '';
  assert.match(changes, /“退回”以来修改了：关键词、正文/);
  assert.deepEqual(await reviewer.locator('.diff ins').allTextContents(), [
    '# 二、活动地点',
    '',
    '县信访局接待大厅。',
    '',
    '# 三、活动内容',
  ]);
  assert.deepEqual(await reviewer.locator('.diff del').allTextContents(), ['# 二、活动内容']);
  await reviewer.screenshot({ path: `${shots}review-changes.png`, fullPage: true });
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await reviewer.screenshot({ path: `${shots}review-changes-phone.png`, fullPage: true });
  const phoneWidth = (await reviewer.evaluate('document.documentElement.scrollWidth')) as number;
  assert.ok(phoneWidth <= 390, `no sideways scrolling on a phone (${phoneWidth}px)`);

  // history: two drafts; the first shows its own 正文, the second its changes
  await reviewer.setViewportSize({ width: 1280, height: 900 });
  await reviewer.getByRole('link', { name: /历史稿本/ }).click();
  await reviewer.waitForURL(/\/versions$/);
  const rows = await reviewer.locator('tbody tr').allTextContents();
  assert.equal(rows.length, 2);
  assert.match(rows[0], /第2稿.*修改草稿.*关键词、正文/);
  assert.match(rows[1], /第1稿.*初稿/);
  await reviewer.screenshot({ path: `${shots}versions.png`, fullPage: true });
  await reviewer.getByRole('link', { name: '第1稿' }).click();
  const first = (await reviewer.locator('#body-h + .article').textContent()) ?? '';
  assert.match(first, /活动内容/);
  assert.doesNotMatch(first, /接待大厅/);
  await reviewer.goto(`${itemUrl}/versions/2`);
  assert.match(
    (await reviewer.locator('section[aria-labelledby="diff-h"]').textContent()) ?? '',
    /关键词[\s\S]*信访 宣传/,
  );
  await reviewer.screenshot({ path: `${shots}version-2.png`, fullPage: true });
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await reviewer.screenshot({ path: `${shots}version-2-phone.png`, fullPage: true });
  assert.equal((await reviewer.goto(`${itemUrl}/versions/9`))?.status(), 404);
});
