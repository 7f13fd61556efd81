/**
 * In Chromium (desktop and a 390×844 phone): an applicant answers a 补正 online with a file,
 * by keyboard, and after the reply is served downloads the released document; the new pages
 * have no serious or critical axe violation. Screenshots go to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { attachCaseFile } from '../../src/db/caseFiles.ts';
import { appendEvent, submitApplication } from '../../src/db/cases.ts';
import { findUserByUsername } from '../../src/db/users.ts';
import { todayInChina } from '../../src/law/date.ts';
import { personApplication, requestSupplement } from '../support/applications.ts';
import { demoSite, e2eUnavailable } from '../support/browser.ts';

const skip = e2eUnavailable() ?? false;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const shots = new URL('../../docs/screenshots/', import.meta.url).pathname;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const released = Buffer.from('%PDF-1.4\n% 2025 taizhang\ntrailer<<>>\n%%EOF\n');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations)`,
  )) as { id: string; impact: string | null }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${page.url()}: ${v.id}`);
}

test('an applicant answers a 补正 online with a file and later downloads the released documents', {
  skip,
}, async (t) => {
  const { url, browser, database } = await demoSite(t);
  const db = database.db;
  const A = `${url}/a/xiangtan-xfj`;
  const today = todayInChina();
  const agencyId = (await findAgencyByCode(db, 'xiangtan-xfj'))!.id;
  const handler = { userId: (await findUserByUsername(db, 'xfj-handler'))!.id };
  const made = await submitApplication(
    db,
    personApplication(
      agencyId,
      today,
      { name: '钱补正', phone: '13700004321' },
      { description: '2025年信访事项办理台账', form: '电子', delivery: '网上' },
    ),
  );
  await requestSupplement(db, made.id, today, '请写明所需台账的起止月份。', handler);

  const problems: string[] = [];
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${A}/track`);
    await page.getByLabel('查询码').fill(made.queryCode);
    await page.getByLabel('联系电话后4位').fill('4321');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '补正告知' }).waitFor();
    problems.push(...(await seriousViolations(page)));
    if (name === 'desktop') {
      await page.screenshot({ path: `${shots}track-supplement-desktop.png`, fullPage: true });
      // By keyboard: the text, then the file, then the button.
      await page.getByLabel('补正说明').focus();
      await page.keyboard.type('2025年1月至12月');
      await page
        .getByLabel(/补正材料/)
        .setInputFiles({ name: '月份说明.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByRole('button', { name: '提交补正' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('补正已提交').waitFor();
      assert.match((await page.locator('.public-timeline').textContent()) ?? '', /在网上提交补正/);
    } else {
      await page.screenshot({ path: `${shots}track-supplement-phone.png`, fullPage: true });
    }
    await context.close();
  }

  // Staff attach the released document, decide and serve.
  await attachCaseFile(
    db,
    made.id,
    { purpose: 'released', title: '2025年信访台账', filename: 'taizhang.pdf', data: released },
    { ...handler, agencyId },
  );
  await appendEvent(
    db,
    made.id,
    { type: 'Decided', on: today, decision: 'disclose', text: '见附件' },
    handler,
  );
  await appendEvent(db, made.id, { type: 'Served', on: today, method: '网上送达' }, handler);

  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${A}/track`);
    await page.getByLabel('查询码').fill(made.queryCode);
    await page.getByLabel('联系电话后4位').fill('4321');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '公开的政府信息' }).waitFor();
    problems.push(...(await seriousViolations(page)));
    await page.screenshot({ path: `${shots}track-released-${name}.png`, fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载《2025年信访台账》' }).click(),
    ]);
    assert.deepEqual(await readFile((await download.path())!), released);
    await page.getByRole('link', { name: '打印申请回执' }).click();
    await page.getByRole('heading', { name: '政府信息公开申请回执' }).waitFor();
    problems.push(...(await seriousViolations(page)));
    await page.screenshot({ path: `${shots}track-receipt-${name}.png`, fullPage: true });
    if (name === 'desktop') {
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${shots}track-receipt-print.png`, fullPage: true });
      assert.equal(await page.locator('.site-header').isVisible(), false, 'print hides the header');
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});
