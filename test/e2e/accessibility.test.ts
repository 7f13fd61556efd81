import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { demoSite, e2eUnavailable } from '../support/browser.ts';

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

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

test('public pages have no serious or critical accessibility violation (axe-core, WCAG 2.1 AA)', {
  skip,
}, async (t) => {
  const { url, browser } = await demoSite(t);
  const found: string[] = [];
  let minor = 0;
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    // The site's CSP forbids inline scripts; the test context lets axe in.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    const pages = [...publicPages];
    await page.goto(`${url}/a/xiangtan-xfj/catalog/annual`);
    const item = await page.locator('table.catalog td.title a').first().getAttribute('href');
    if (item) pages.push(item);
    for (const path of pages) {
      await page.goto(`${url}${path}`);
      await page.addScriptTag({ path: axePath });
      const { violations, passes } = (await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then((r) => ({ violations: r.violations, passes: r.passes.length }))`,
      )) as { violations: Violation[]; passes: number };
      assert.ok(passes > 5, `axe ran on ${path}`);
      minor += violations.length;
      for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
        found.push(
          `${viewport.width}px ${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
        );
    }
    await context.close();
  }
  t.diagnostic(`${minor} violations in all, none serious or critical`);
  assert.deepEqual(found, []);
});
