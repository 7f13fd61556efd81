import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { sendDueMessages } from '../../src/jobs/outboxSender.ts';
import { todayInChina } from '../../src/law/date.ts';
import { demoSite, e2eUnavailable, outputDir, submitLogin } from '../support/browser.ts';
import { mailServer } from '../support/mail.ts';

const skip = e2eUnavailable() ?? false;

async function act(
  page: Page,
  action: string,
  fill: (form: ReturnType<Page['locator']>) => Promise<void>,
) {
  const box = page.locator(`details[data-action="${action}"]`);
  await box.locator('summary').click();
  await fill(box);
  await Promise.all([page.waitForURL(/\/cases\/\d+$/), box.getByRole('button').click()]);
  assert.equal(await page.locator('.alert').count(), 0, `${action} was refused`);
}

test('a citizen applies online, staff run the case to a partial disclosure, the citizen downloads the reply, T3 counts it', {
  skip,
}, async (t) => {
  const { url, browser, database } = await demoSite(t);
  const smtp = await mailServer();
  t.after(smtp.close);
  const shots = outputDir('e2e');
  const today = todayInChina();
  const year = today.slice(0, 4);

  // The citizen applies; a wrong ID number is explained and nothing typed is lost.
  const citizen = await browser.newPage();
  await citizen.goto(`${url}/a/xiangtan-xfj/apply`);
  await citizen.getByLabel('申请人类型').selectOption('person');
  await citizen.getByLabel(/^姓名(（必填）)?$/).fill('王小明');
  await citizen.getByLabel('身份证件类型').selectOption('居民身份证');
  await citizen.getByLabel(/^证件号码(（必填）)?$/).fill('110105194912310021');
  await citizen.getByLabel(/^联系电话(（必填）)?$/).fill('13812345678');
  await citizen.getByLabel('通信地址').fill('湖南省湘潭县易俗河镇建设路1号');
  await citizen.getByLabel('所需信息的名称').fill('2025年湘潭县信访局信访事项办理情况统计表');
  await citizen.getByLabel('信息的提供形式').selectOption('电子数据');
  await citizen.getByLabel('获取信息的方式').selectOption('邮寄');
  await citizen.getByLabel('电子邮箱').fill('wangxm@example.cn');
  await citizen.getByRole('button', { name: '提交申请' }).click();
  await citizen.getByText('居民身份证号码不正确').waitFor();
  assert.equal(await citizen.getByLabel(/^姓名(（必填）)?$/).inputValue(), '王小明');
  await citizen.screenshot({ path: `${shots}apply-error.png`, fullPage: true });
  await citizen.getByLabel(/^证件号码(（必填）)?$/).fill('11010519491231002X');
  await citizen.getByRole('button', { name: '提交申请' }).click();
  const code = await citizen.locator('[data-query-code]').getAttribute('data-query-code');
  assert.match(code ?? '', /^[2-9A-Z]{12}$/);
  await citizen.screenshot({ path: `${shots}apply-receipt.png`, fullPage: true });

  // Staff find it among the pending cases and run it.
  const staff = await browser.newPage();
  await staff.goto(`${url}/admin/login`);
  await submitLogin(staff, 'xfj-office');
  await staff.waitForURL(/\/admin\/xiangtan-xfj$/);
  await staff.locator('#panel-cases').getByRole('link', { name: '待确认收到' }).click();
  await staff
    .getByRole('row', { name: /王小明/ })
    .getByRole('link')
    .click();
  await staff.waitForURL(/\/cases\/\d+$/);
  const caseUrl = staff.url();
  await act(staff, 'Received', async (f) => {
    await f.getByLabel('确认方式').fill('电话确认');
  });
  const deadline = new Date(Date.parse(today) + 10 * 86400_000).toISOString().slice(0, 10);
  await act(staff, 'SupplementRequested', async (f) => {
    await f.getByLabel('补正期限').fill(deadline);
    await f.getByLabel('需要补正的事项').fill('请写明统计表的时间范围。');
  });
  await act(staff, 'SupplementReceived', async (f) => {
    await f
      .getByLabel('补正后的申请内容（申请人补正后所需信息的描述）')
      .fill('2025年1月至6月信访统计表');
    await f.getByLabel('补正情况说明').fill('申请人来电补正');
  });
  await act(staff, 'Decided', async (f) => {
    await f.getByLabel('答复决定').selectOption('partial');
    await f.getByLabel('答复内容').fill('提供统计表（电子版）。');
    await f.getByLabel('不予公开的内容').fill('信访人姓名及联系方式');
    await f
      .getByLabel('不予公开的理由')
      .fill('涉及个人隐私，依《政府信息公开条例》第十五条不予公开。');
  });
  await act(staff, 'Served', async (f) => {
    await f.getByLabel('送达方式').selectOption('网上送达');
  });
  assert.equal(await staff.locator('[data-outcome]').getAttribute('data-outcome'), 'partial');
  await staff.screenshot({ path: `${shots}case-page.png`, fullPage: true });

  // The citizen was told by mail at receipt, at the 补正 and when the reply was made: the query
  // code and the tracking page only, no personal data.
  await sendDueMessages(database.db, smtp.transports());
  const mails = smtp.inbox.filter((m) => m.to === 'wangxm@example.cn');
  assert.deepEqual(
    mails.map((m) => m.subject),
    [
      '湘潭县信访局已收到您的政府信息公开申请',
      '湘潭县信访局请您补正政府信息公开申请',
      '湘潭县信访局已对您的政府信息公开申请作出答复',
    ],
  );
  for (const mail of mails) {
    assert.match(mail.text, new RegExp(`查询码：${code}`));
    assert.match(mail.text, /\/a\/xiangtan-xfj\/track/);
    assert.doesNotMatch(mail.text, /王小明|统计表/);
  }

  // The citizen tracks the case and downloads the reply letter.
  await citizen.goto(`${url}/a/xiangtan-xfj/track`);
  await citizen.getByLabel('查询码').fill(code!);
  await citizen.getByLabel('联系电话后4位').fill('5678');
  await citizen.getByRole('button', { name: '查询' }).click();
  await citizen.getByText('部分公开').first().waitFor();
  await citizen.screenshot({ path: `${shots}track.png`, fullPage: true });
  const [download] = await Promise.all([
    citizen.waitForEvent('download'),
    citizen
      .getByRole('link', { name: /政府信息公开申请答复书/ })
      .first()
      .click(),
  ]);
  const text = (await mammoth.extractRawText({ buffer: await readFile((await download.path())!) }))
    .value;
  assert.match(text, /信访人姓名及联系方式/);
  assert.match(text, /第三十七条/);
  assert.match(text, /行政复议/);

  // T3 shows it under （二）部分公开 · 自然人, and the cell drills down to the case.
  await staff.goto(`${url}/admin/xiangtan-xfj/cases/report?year=${year}`);
  const cell = staff.locator('td[data-cell="t3.partial.np"]');
  assert.equal((await cell.textContent())?.trim(), '1');
  await staff.screenshot({ path: `${shots}t3.png`, fullPage: true });
  await cell.getByRole('link').click();
  await staff.getByRole('link', { name: new RegExp(`#${caseUrl.split('/').pop()}`) }).waitFor();
});
