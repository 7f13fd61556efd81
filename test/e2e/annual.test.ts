import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { submitApplication } from '../../src/db/cases.ts';
import type { Database } from '../../src/db/database.ts';
import { saveReportTexts } from '../../src/services/annual/workflow.ts';
import { demoApp } from '../support/app.ts';
import {
  e2eUnavailable,
  launchChromium,
  listen,
  outputDir,
  submitLogin,
} from '../support/browser.ts';
import { freshPglite } from '../support/databases.ts';

const skip = e2eUnavailable() ?? false;

async function login(page: Page, url: string, username: string) {
  await page.goto(`${url}/admin/login`);
  await submitLogin(page, username);
  await page.waitForURL(/\/admin(\/|$)/);
}

test('an office user fixes the record behind a failing cell, approves and publishes; the county sees it', {
  skip,
}, async (t) => {
  process.env.GONGKAI_PUBLISH_PDF = '0';
  const database: Database = await freshPglite({ demo: true });
  const app = await demoApp(database);
  const db = database.db;
  // The draft of 2025: the prose is written, but an online application of November was never
  // confirmed as received, so T3 cannot count it (an error finding on 本年新收).
  const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
  await saveReportTexts(
    db,
    agency,
    2025,
    {
      S1: '{{年度}}年，{{本机关}}认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开\n{{主动公开情况}}\n（二）依申请公开\n{{依申请公开情况}}\n（三）政府信息管理\n严格落实发布审核制度。\n（四）政府信息公开平台建设\n维护政府网站栏目。\n（五）监督保障\n局办公室负责。',
      S5: '（一）存在的主要问题\n公开意识有待加强。\n（二）改进情况\n加强培训。',
      S6: '{{信访情况}}{{信息处理费情况}}',
    },
    { userId: null, roles: ['office'] },
  );
  const { id } = await submitApplication(db, {
    agencyId: agency.id,
    channel: 'online',
    submittedOn: '2025-11-20',
    applicantType: 'biz',
    applicant: { kind: 'organisation', name: '湘潭某建材有限公司', phone: '0731-5555666' },
    request: { description: '2025年信访事项办理流程的规定', form: '电子', delivery: '电子邮件' },
  });
  const server = await listen(app);
  const browser: Browser = await launchChromium();
  t.after(async () => {
    delete process.env.GONGKAI_PUBLISH_PDF;
    await browser.close();
    await server.stop();
    await database.close();
  });
  const shots = outputDir('e2e');
  const page = await browser.newPage();
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/.test(m.text())) cspErrors.push(m.text());
  });

  await login(page, server.url, 'xfj-office');
  await page.goto(`${server.url}/admin/xiangtan-xfj/reports/2025`);
  const panel = page.locator('#findings');
  assert.match((await panel.textContent()) ?? '', /records.*没有登记收到申请之日/s);
  assert.equal(await page.getByRole('button', { name: '审核通过' }).isDisabled(), true);
  const flagged = page.locator('td.gk-flag-error[data-key="t3.new.tot"] a');
  const before = Number(await flagged.textContent());
  await page.screenshot({ path: `${shots}annual-draft-error.png`, fullPage: true });

  // Follow the highlighted cell to its records, open the uncounted application, confirm receipt.
  await flagged.click();
  await page.waitForURL(/\/reports\/2025\/cell\/t3\.new\.tot$/);
  await page
    .locator('.unreceived')
    .getByRole('link', { name: `申请 ${id}` })
    .click();
  await page.waitForURL(new RegExp(`/cases/${id}$`));
  const received = page.locator('details[data-action="Received"]');
  await received.locator('summary').click();
  await received.locator('input[name="on"]').fill('2025-11-21');
  await received.locator('input[name="method"]').fill('电话确认');
  await received.getByRole('button', { name: '确认收到申请' }).click();
  await page.waitForURL(new RegExp(`/cases/${id}$`));

  await page.goto(`${server.url}/admin/xiangtan-xfj/reports/2025`);
  assert.doesNotMatch((await panel.textContent()) ?? '', /records/);
  assert.equal(
    Number(await page.locator('td[data-key="t3.new.tot"] a').first().textContent()),
    before + 1,
  );
  assert.equal(await page.locator('td.gk-flag-error').count(), 0);
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.waitForURL(/done=approved/);
  await page.getByRole('button', { name: '发布并锁定' }).click();
  await page.waitForURL(/done=published/);
  assert.match((await page.locator('.report-status').textContent()) ?? '', /已发布/);
  await page.screenshot({ path: `${shots}annual-published.png`, fullPage: true });

  // The portal: the 年报 sub-column lists it; the report page shows the locked tables.
  await page.goto(`${server.url}/a/xiangtan-xfj/reports`);
  await page
    .getByRole('link', { name: '湘潭县信访局2025年政府信息公开工作年度报告' })
    .first()
    .click();
  assert.match((await page.content()) ?? '', /三、收到和处理政府信息公开申请情况/);
  await page.goto(`${server.url}/a/xiangtan-xfj/annual/2025`);
  assert.equal(Number(await page.locator('td[data-key="t3.new.tot"]').textContent()), before + 1);
  await page.screenshot({ path: `${shots}annual-portal.png`, fullPage: true });

  // The county office: status table and roll-up.
  await page.context().clearCookies();
  await login(page, server.url, 'xt-supervisor');
  await page.goto(`${server.url}/admin/xiangtan/county/2025`);
  const row = page.locator('tr[data-agency="xiangtan-xfj"]');
  assert.match((await row.textContent()) ?? '', /已发布/);
  await page.locator('#rollup td[data-key="t3.new.tot"] a').click();
  await page.waitForURL(/cell=t3\.new\.tot/);
  assert.match((await page.locator('#breakdown').textContent()) ?? '', /湘潭县信访局\s*\d+/);
  assert.ok((await page.locator('.charts svg').count()) >= 3);
  // Each chart is one image with a name, and its figures are a table under 数据表.
  for (const name of [/^各年度申请办理结果/, /^2025年主动公开信息/, /^各单位新收申请数/]) {
    assert.equal(await page.getByRole('img', { name }).count(), 1, String(name));
  }
  const outcomes = page.locator('#chart-outcomes');
  await outcomes.getByText('数据表', { exact: true }).click();
  const table = outcomes.getByRole('table', { name: /各年度申请办理结果.*（数据表）/ });
  assert.ok(await table.isVisible());
  assert.equal(await table.getByRole('row').count(), 4, 'a header and three years');
  await page.screenshot({ path: `${shots}annual-county.png`, fullPage: true });
  assert.deepEqual(cspErrors, []);
});
