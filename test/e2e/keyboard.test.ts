/**
 * The apply and track journeys by keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys — no
 * clicks): the skip link comes first, every control of the forms is reached in reading order, and
 * the focused element always shows a visible focus ring (WCAG 2.1.1, 2.4.3, 2.4.7).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { appendEvent, findByQueryCode } from '../../src/db/cases.ts';
import { findUserByUsername } from '../../src/db/users.ts';
import { todayInChina } from '../../src/law/date.ts';
import { requestSupplement } from '../support/applications.ts';
import { demoSite, e2eUnavailable } from '../support/browser.ts';

const skip = e2eUnavailable() ?? false;

interface Focused {
  tag: string;
  name: string | null;
  text: string;
  href: string | null;
  /** An outline or a shadow is drawn around it. */
  ring: boolean;
  /** Its box (left, top, right, bottom) and the viewport's size, for a failure's message. */
  where: string;
  /** It is drawn in the viewport: across its whole width, and at least in part down it. */
  inView: boolean;
}

// Run in the page (as text: this project's TypeScript has no DOM types).
const focusedScript = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring =
    (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
    style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  const text = ((el.labels && el.labels[0]) || el).textContent.replace(/\\s+/g, ' ').trim();
  return {
    tag: el.tagName.toLowerCase(),
    name: el.getAttribute('name'),
    text,
    href: el.getAttribute('href'),
    ring,
    where: [box.left, box.top, box.right, box.bottom].map(Math.round).join(',') + ' in ' + innerWidth + 'x' + innerHeight,
    // Scrolled into view (a tall field at least in part) and never wider than the screen.
    inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight &&
      box.left >= -1 && box.right <= innerWidth + 1,
  };
})()`;

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(focusedScript) as Promise<Focused | null>;
}

/** Presses `key` until the focused element matches; every stop on the way must show its focus. */
async function tabTo(
  page: Page,
  matches: (f: Focused) => boolean,
  key = 'Tab',
  limit = 80,
): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    assert.ok(f, `${key} leaves the page after ${stops.map((s) => s.text).join(' → ')}`);
    assert.ok(f.ring, `${page.url()}: focus on <${f.tag}> “${f.text}” is not visible`);
    assert.ok(
      f.inView,
      `${page.url()}: the focused <${f.tag}> “${f.text}” is off screen (${f.where})`,
    );
    stops.push(f);
    if (matches(f)) return stops;
  }
  assert.fail(`${key} never reached the target: ${stops.map((s) => s.text).join(' → ')}`);
}

const link = (text: string) => (f: Focused) => f.tag === 'a' && f.text === text;
const field = (name: string) => (f: Focused) => f.name === name;

/** Follows a link by keyboard: Tab to it, Enter, wait for the next page. */
async function follow(page: Page, text: string): Promise<void> {
  await tabTo(page, link(text));
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

/** The form's controls a user can reach, in document order, as `name` or the button's text. */
function formControls(page: Page, button: string): Promise<string[]> {
  return page.evaluate(`(() => {
    const submit = [...document.querySelectorAll('form button')].find(
      (b) => b.textContent.trim() === ${JSON.stringify(button)},
    );
    const form = submit && submit.closest('form');
    if (!form) return [];
    return [...form.querySelectorAll('input, select, textarea, button')]
      .filter((e) => e.type !== 'hidden' && e.checkVisibility())
      .map((e) => e.getAttribute('name') ?? e.textContent.trim());
  })()`) as Promise<string[]>;
}

/** What to type (or which key to press) on reaching each field of the apply form. */
const applyKeys: Record<string, (page: Page) => Promise<void>> = {
  name: (p) => p.keyboard.type('李键盘'),
  idNumber: (p) => p.keyboard.type('11010519491231002X'),
  phone: (p) => p.keyboard.type('13912346789'),
  address: (p) => p.keyboard.type('湖南省湘潭县易俗河镇建设路2号'),
  description: (p) => p.keyboard.type('2025年信访事项办理情况统计表'),
  form: (p) => p.keyboard.press('ArrowDown'),
  delivery: (p) => p.keyboard.press('ArrowDown'),
  // Space ticks a checkbox and unticks it again: no 代理人 here.
  byAgent: async (p) => {
    await p.keyboard.press('Space');
    assert.equal(await p.locator('[name=byAgent]').isChecked(), true, 'Space ticks');
    await p.keyboard.press('Space');
  },
};

for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`an applicant applies and tracks the case by keyboard alone (${name})`, {
    skip,
  }, async (t) => {
    const { url, browser, database } = await demoSite(t);
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(url);

    // The skip link is the first stop and leads past the header.
    const [first] = await tabTo(page, () => true);
    assert.equal(first.text, '跳到正文');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#main$/); // a same-page jump updates the address after the key event
    await follow(page, '湘潭县信访局');
    await follow(page, '依申请公开');
    await follow(page, '在线提交申请');
    assert.match(page.url(), /\/a\/xiangtan-xfj\/apply$/);

    // Every control of the form, in reading order, then back one with Shift+Tab.
    const expected = await formControls(page, '提交申请');
    assert.ok(
      expected.includes('description') && expected.includes('delivery'),
      'the form is read',
    );
    const reached: string[] = [];
    await tabTo(page, field(expected[0]));
    for (;;) {
      const f = (await focused(page))!;
      const key = f.name ?? f.text;
      reached.push(key);
      await applyKeys[key]?.(page);
      if (key === '提交申请') break;
      await tabTo(page, () => true);
    }
    assert.deepEqual(reached, expected, 'Tab visits every control in reading order');
    assert.notEqual(await page.locator('[name=form]').inputValue(), '', 'ArrowDown chose a form');
    assert.equal(await page.locator('[name=byAgent]').isChecked(), false);
    await tabTo(page, field('delivery'), 'Shift+Tab', 1);
    await tabTo(page, (f) => f.text === '提交申请', 'Tab', 1);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const code = await page.locator('[data-query-code]').getAttribute('data-query-code');
    assert.match(code ?? '', /^[2-9A-Z]{12}$/, 'submitted: the query code is shown');

    // Staff confirm receipt and ask for a 补正: a letter for the applicant to open.
    const db = database.db;
    const today = todayInChina();
    const agencyId = (await findAgencyByCode(db, 'xiangtan-xfj'))!.id;
    const made = (await findByQueryCode(db, agencyId, code!))!;
    const handler = { userId: (await findUserByUsername(db, 'xfj-handler'))!.id, today };
    await appendEvent(db, made.id, { type: 'Received', on: today }, handler);
    await requestSupplement(db, made.id, today, '请写明统计表的起止月份。', handler);

    // Track: the query code and the phone's last four digits, then Enter.
    await page.goto(`${url}/a/xiangtan-xfj`);
    await follow(page, '依申请公开');
    await follow(page, '查询办理进度');
    await tabTo(page, field('code'));
    await page.keyboard.type(code!);
    await tabTo(page, field('phone4'), 'Tab', 1);
    await page.keyboard.type('6789');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: '补正告知' }).waitFor();

    // The 补正 letter downloads on Enter.
    const letter = await tabTo(page, (f) => f.tag === 'a' && (f.href ?? '').includes('/letters/'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    assert.ok((await readFile((await download.path())!)).length > 0, letter.at(-1)!.text);

    // The 补正 answer, above the letters: back to its text, then past the file field to the button.
    await tabTo(page, (f) => f.tag === 'textarea', 'Shift+Tab');
    await page.keyboard.type('2025年1月至12月');
    await tabTo(page, (f) => f.tag === 'button' && f.text === '提交补正');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.getByText('补正已提交').waitFor();

    // The 回执 opens on Enter.
    await follow(page, '打印申请回执');
    await page.getByRole('heading', { name: '政府信息公开申请回执' }).waitFor();
    const grouped = code!.match(/.{4}/g)!.join('-');
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(grouped));
    await context.close();
  });
}
