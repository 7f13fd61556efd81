/**
 * GB/T 37668 / WCAG 2.1 AA on every kind of public page, at desktop width and on a 390 px phone:
 * axe-core finds no serious or critical violation, and the fields that ask for the applicant's
 * own details say which (`autocomplete`), so a browser can fill them.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { appendEvent, submitApplication } from '../../src/db/cases.ts';
import type { Db } from '../../src/db/database.ts';
import { findUserByUsername } from '../../src/db/users.ts';
import { fromDayNumber, toDayNumber, todayInChina } from '../../src/law/date.ts';
import { defaultAdmissionLimits } from '../../src/web/admission.ts';
import { createApp } from '../../src/web/app.tsx';
import { demoSite, e2eUnavailable, listen } from '../support/browser.ts';

const skip = e2eUnavailable() ?? false;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every kind of public page (GB/T 37668 / WCAG 2.1 AA), with a demo instance of each. */
const publicPages = [
  '/',
  '/a/xiangtan-xfj',
  '/a/xiangtan-xfj/guide',
  '/a/xiangtan-xfj/rules',
  '/a/xiangtan-xfj/statutory',
  '/a/xiangtan-xfj/reports',
  '/a/xiangtan-xfj/catalog/annual',
  '/a/xiangtan-xfj/search?q=信访',
  '/a/xiangtan-xfj/request',
  '/a/xiangtan-xfj/apply',
  '/a/xiangtan-xfj/track',
  '/a/xiangtan-xfj/petition',
  '/a/xiangtan-xfj/petition/track',
  '/a/xiangtan-xfj/annual',
  '/a/xiangtan-xfj/annual/2021',
  '/admin/login',
  '/a/no-such-agency',
];

/** The applicant's own details, by field name, and the autocomplete token each must carry. */
const ownDetails: Record<string, Record<string, string>> = {
  '/a/xiangtan-xfj/apply': {
    name: 'name',
    orgName: 'organization',
    contactPerson: 'name',
    phone: 'tel',
    address: 'street-address',
    postcode: 'postal-code',
    email: 'email',
  },
  '/a/xiangtan-xfj/petition': {
    name: 'name',
    phone: 'tel',
    email: 'email',
    address: 'street-address',
  },
};

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axeProblems(page: Page, label: string): Promise<{ serious: string[]; all: number }> {
  await page.addScriptTag({ path: axePath });
  const { violations, passes } = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => ({ violations: r.violations, passes: r.passes.length }))`,
  )) as { violations: Violation[]; passes: number };
  assert.ok(passes > 5, `axe ran on ${label}`);
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  return { serious, all: violations.length };
}

/** Two tracked cases: one waiting for a 补正 (its notice and the answer form), one with a fee notice. */
async function trackedCases(db: Db) {
  const today = todayInChina();
  const agencyId = (await findAgencyByCode(db, 'xiangtan-xfj'))!.id;
  const handler = { userId: (await findUserByUsername(db, 'xfj-handler'))!.id, today };
  const tracked = async (name: string, phone: string) =>
    submitApplication(db, {
      agencyId,
      channel: 'online',
      submittedOn: today,
      receivedOn: today,
      applicantType: 'np',
      applicant: { kind: 'person', name, phone, email: 'a@example.cn' },
      request: { description: '2025年信访事项办理台账', form: '电子', delivery: '网上' },
    });
  const supplement = await tracked('孙补正', '13700005501');
  await appendEvent(
    db,
    supplement.id,
    {
      type: 'SupplementRequested',
      on: today,
      deadline: fromDayNumber(toDayNumber(today) + 10),
      items: '请写明所需台账的起止月份。',
    },
    handler,
  );
  const fee = await tracked('周收费', '13700005502');
  await appendEvent(db, fee.id, { type: 'ProcessingFeeNotified', on: today, amount: 100 }, handler);
  return [
    { name: '补正', code: supplement.queryCode, phone4: '5501' },
    { name: '收费', code: fee.queryCode, phone4: '5502' },
  ];
}

test('public pages have no serious or critical accessibility violation (axe-core, WCAG 2.1 AA)', {
  skip,
}, async (t) => {
  const { url, browser, database } = await demoSite(t);
  const cases = await trackedCases(database.db);
  // The same site with no room for public readers: every public page answers 503.
  const busy = await listen(
    createApp({
      database,
      secret: 'test-secret',
      admissionLimits: { ...defaultAdmissionLimits, publicRead: { concurrency: 0, queue: 0 } },
    }),
  );
  t.after(() => busy.stop());

  const found: string[] = [];
  let minor = 0;
  let visited = 0;
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    // The site's CSP forbids inline scripts; the test context lets axe in.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    const check = async (label: string) => {
      const { serious, all } = await axeProblems(page, `${viewport.width}px ${label}`);
      found.push(...serious);
      minor += all - serious.length;
      visited++;
    };
    const pages = [...publicPages];
    await page.goto(`${url}/a/xiangtan-xfj/catalog/annual`);
    const item = await page.locator('.catalog a[href*="/items/"]').first().getAttribute('href');
    assert.ok(item, 'the catalogue lists an item');
    pages.push(item);
    for (const path of pages) {
      await page.goto(`${url}${path}`);
      await check(path);
      for (const [field, token] of Object.entries(ownDetails[path] ?? {})) {
        const input = page.locator(`[name="${field}"]`);
        if ((await input.count()) === 0) continue;
        assert.equal(await input.getAttribute('autocomplete'), token, `${path} ${field}`);
        if (token === 'tel')
          assert.equal(await input.getAttribute('type'), 'tel', 'a phone keypad');
      }
    }
    for (const tracked of cases) {
      await page.goto(`${url}/a/xiangtan-xfj/track`);
      await page.getByLabel('查询码').fill(tracked.code);
      await page.getByLabel('联系电话后4位').fill(tracked.phone4);
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByRole('link', { name: '打印申请回执' }).waitFor();
      assert.ok(
        (await page.locator('a[href*="/letters/"]').count()) > 0,
        `the ${tracked.name} case lists its letter`,
      );
      await check(`tracking page (${tracked.name})`);
      await page.getByRole('link', { name: '打印申请回执' }).click();
      await page.getByRole('heading', { name: '政府信息公开申请回执' }).waitFor();
      await check(`回执 (${tracked.name})`);
    }
    const response = await page.goto(`${busy.url}/a/xiangtan-xfj`);
    assert.equal(response?.status(), 503);
    await check('503 page');
    await context.close();
  }
  t.diagnostic(
    `${visited} pages checked; ${minor} minor or moderate violations, none serious or critical`,
  );
  assert.deepEqual(found, []);
});
