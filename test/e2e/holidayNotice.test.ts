/**
 * In Chromium, on a phone: an applicant tracks a just-overdue case, the agency imports a notice
 * that makes a day inside its clock a holiday, and the same tracking page then shows the new
 * reply due; the staff case page shows it too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatQueryCode } from '../../src/cases/queryCode.ts';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { demoSite, e2eUnavailable, outputDir, submitLogin } from '../support/browser.ts';
import { HOLIDAY_PHONE, importExtraHoliday, justOverdueCase } from '../support/holidayNotice.ts';

const skip = e2eUnavailable() ?? false;
const A = '/a/xiangtan-xfj';

test('a holiday notice moves the reply due on the tracking page and the case page', {
  skip,
}, async (t) => {
  const { url, browser, database } = await demoSite(t);
  const db = database.db;
  const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
  const made = await justOverdueCase(db, agency.id);
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const dir = outputDir('holiday-notice');

  const track = async () => {
    await page.goto(`${url}${A}/track`);
    await page.getByLabel('查询码').fill(formatQueryCode(made.queryCode));
    await page.getByLabel('联系电话后4位').fill(HOLIDAY_PHONE.slice(-4));
    await page.getByRole('button', { name: '查询' }).click();
    return page.locator('dt:has-text("答复期限") + dd').textContent();
  };

  assert.equal(await track(), made.due);
  await page.screenshot({ path: `${dir}/track-before.png`, fullPage: true });

  const due = await importExtraHoliday(db, made.holiday, made.due);
  assert.notEqual(due, made.due);
  assert.equal(await track(), due);
  await page.screenshot({ path: `${dir}/track-after.png`, fullPage: true });

  await page.goto(`${url}/admin/login`);
  await submitLogin(page, 'xfj-handler');
  await page.goto(`${url}/admin/xiangtan-xfj/cases/${made.id}`);
  assert.equal(await page.locator('[data-reply-due]').getAttribute('data-reply-due'), due);
  await page.screenshot({ path: `${dir}/case-after.png`, fullPage: true });
});
