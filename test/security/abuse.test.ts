/**
 * Abuse resistance: rate limits (429), body and upload limits (413, content-checked types), the
 * security headers on every kind of response, and hostile strings (SQL injection, NUL, very long,
 * XSS) typed into every field of every form the app shows — found by reading the pages, not
 * listed by hand — which must be stored verbatim or refused with a message, never answer 500,
 * and be shown escaped wherever they appear (pages, search highlighting, feed, letters, reports).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { idCardCheckChar } from '../../src/cases/identifiers.ts';
import { MAX_ATTACHMENT_BYTES } from '../../src/catalog/attachments/fileType.ts';
import { submitApplication } from '../../src/db/cases.ts';
import { listCategories } from '../../src/db/catalogCategories.ts';
import { type Db, rowsOf } from '../../src/db/database.ts';
import { importPublication } from '../../src/db/publications/import.ts';
import { todayInChina } from '../../src/law/date.ts';
import { createApp } from '../../src/web/app.tsx';
import { pdfWith } from '../catalog/fixtures.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type FormField, formsOf, type PageForm } from './forms.ts';
import { buildWorld, COUNTY, concretePath, DEPARTMENT, password, type World } from './world.ts';

process.env.GONGKAI_TRUST_PROXY = '1';

const XSS_SCRIPT = '<script>alert(1)</script>';
const XSS_IMG = '"><img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(1)';
const SQL_OR = "' OR 1=1 --";
const SQL_DROP = "'); DROP TABLE applications; --";
const PAYLOADS = [SQL_OR, SQL_DROP, XSS_SCRIPT, XSS_IMG, JS_URL, 'a\u0000b', '长'.repeat(20_000)];

let ipCounter = 0;
const freshIp = () => `10.8.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

async function postFrom(
  client: TestClient,
  ip: string,
  path: string,
  fields: Record<string, string>,
): Promise<Response> {
  const body = new URLSearchParams({ _csrf: client.csrf, ...fields });
  return client.request(path, {
    method: 'POST',
    headers: { 'x-forwarded-for': ip, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
}

/** Markup an attacker would want to get into a page; escaped text never matches. */
function activeMarkup(html: string): string | null {
  const patterns = [
    /<script>alert/i,
    /<img[^>]*onerror/i,
    /\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/i,
  ];
  return patterns.find((p) => p.test(html))?.source ?? null;
}

const validId = (() => {
  const first = '43032119900101123';
  return `${first}${idCardCheckChar(first)}`;
})();

/** Valid values for fields with a fixed shape; every other text field gets the payload. */
const SHAPED: Record<string, string> = {
  phone: '13800001111',
  petitionerPhone: '13800001111',
  phone4: '1111',
  idNumber: validId,
  petitionerIdNumber: validId,
  email: 'a@example.cn',
  uscc: '',
  month: '1',
  value: '1',
  monthDay: '01-20',
};
const TEXT_TYPES = new Set(['text', 'textarea', 'search', 'tel', 'email', 'password', 'url']);

function fill(form: PageForm, payload: string, everywhere: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const today = todayInChina();
  for (const f of form.fields) {
    if (f.type === 'file' || f.type === 'submit') continue;
    if (f.type === 'checkbox' || f.type === 'radio') {
      if (!(f.name in out)) out[f.name] = f.value || 'on';
      continue;
    }
    if (TEXT_TYPES.has(f.type) && (everywhere || !(f.name in SHAPED))) out[f.name] = payload;
    else if (f.name in SHAPED && TEXT_TYPES.has(f.type)) out[f.name] = SHAPED[f.name];
    else out[f.name] = defaultValue(f, today);
  }
  return out;
}

function defaultValue(f: FormField, today: string): string {
  if (f.value) return f.value;
  if (f.type === 'date') return today;
  if (f.type === 'number') return '1';
  return f.value;
}

describeEachDatabase(
  'abuse resistance',
  (database) => {
    let world: World;
    const clients = new Map<string, TestClient>();
    const signedIn = (username: string) => clients.get(username)!;

    before(async () => {
      world = await buildWorld(database());
      for (const username of ['xfj-office', 'xfj-drafter', 'xt-office']) {
        const client = new TestClient(world.app);
        assert.equal((await client.login(username, password)).status, 303);
        clients.set(username, client);
      }
    });

    test('rate limits: login, application, petition and both tracking forms answer 429', async () => {
      const visitor = new TestClient(world.app);
      await visitor.get(`/a/${DEPARTMENT}/apply`);
      const limits: [string, number][] = [
        [`/a/${DEPARTMENT}/apply`, 10],
        [`/a/${DEPARTMENT}/petition`, 10],
        [`/a/${DEPARTMENT}/track`, 20],
        [`/a/${DEPARTMENT}/petition/track`, 20],
      ];
      // Only forms that would create something count: refused ones do not (issue 13.5).
      const valid = (path: string, i: number): Record<string, string> =>
        path.endsWith('/apply')
          ? {
              applicantKind: 'person',
              name: '限流测试',
              idType: '居民身份证',
              idNumber: validId,
              phone: '13800001111',
              description: '限流测试用申请内容',
              form: '纸质',
              delivery: '当面领取',
            }
          : path.endsWith('/petition')
            ? {
                name: '限流测试',
                phone: '13800001111',
                subject: '限流测试',
                content: '限流测试用信访内容一二三',
                pledge: 'on',
              }
            : { code: `AAAA-BBBB-CC${i % 10}C`, phone4: '1234' };
      for (const [path, limit] of limits) {
        const ip = freshIp();
        for (let i = 0; i < limit; i++) {
          const res = await postFrom(visitor, ip, path, valid(path, i));
          assert.notEqual(res.status, 429, `${path} request ${i + 1} is within the limit`);
        }
        const over = await postFrom(visitor, ip, path, valid(path, limit));
        assert.equal(over.status, 429, `${path} after ${limit} requests`);
        assert.match(await over.text(), /过于频繁/);
        assert.notEqual(
          (await postFrom(visitor, freshIp(), path, {})).status,
          429,
          'another address is not affected',
        );
      }
      // Many wrong guesses on one query code never lock the code itself (its applicant could not
      // track it): only the guessing addresses are limited.
      for (const path of [`/a/${DEPARTMENT}/track`, `/a/${DEPARTMENT}/petition/track`]) {
        const code = path.includes('petition') ? 'XF-QQQQ-WWWW-EEEE' : 'QQQQ-WWWW-EEEE';
        for (let i = 0; i < 30; i++) {
          const res = await postFrom(visitor, freshIp(), path, { code, phone4: String(1000 + i) });
          assert.equal(res.status, 404, `${path}: guess ${i + 1} on one code is not locked`);
        }
      }
      // Login: 20 failures from one address lock it, whatever the user names.
      const ip = freshIp();
      for (let i = 0; i < 20; i++) {
        const res = await postFrom(visitor, ip, '/admin/login', {
          username: `nobody${i}`,
          password: 'x',
        });
        assert.equal(res.status, 401);
      }
      const locked = await postFrom(visitor, ip, '/admin/login', {
        username: 'xfj-auditor',
        password,
      });
      assert.equal(locked.status, 429, 'even a right password from a locked address');
      const elsewhere = await postFrom(visitor, freshIp(), '/admin/login', {
        username: 'xfj-auditor',
        password,
      });
      assert.equal(elsewhere.status, 303);
    });

    test('body and upload limits: 413 above them; an .exe or HTML named .pdf is refused on content', async () => {
      const visitor = new TestClient(world.app);
      // The petition form takes no files, so the 1 MB default applies (the apply form takes files).
      await visitor.get(`/a/${DEPARTMENT}/petition`);
      const big = await postFrom(visitor, freshIp(), `/a/${DEPARTMENT}/petition`, {
        content: 'x'.repeat(1_100_000),
      });
      assert.equal(big.status, 413);
      assert.match(await big.text(), /提交内容过大/);

      const drafter = signedIn('xfj-drafter');
      const item = `/admin/${DEPARTMENT}/catalog/${world.ids.draftId}`;
      await drafter.get(item);
      const upload = (name: string, data: Uint8Array) => {
        const form = new FormData();
        form.set('_csrf', drafter.csrf);
        form.set('file', new File([data], name));
        return drafter.request(`${item}/attachments`, { method: 'POST', body: form });
      };
      const huge = await upload('big.pdf', new Uint8Array(MAX_ATTACHMENT_BYTES + 300 * 1024));
      assert.equal(huge.status, 413);
      const count = async () =>
        rowsOf<{ n: number }>(
          await database().db.execute(
            sql`select count(*)::int as n from publication_attachments where publication_id = ${world.ids.draftId}`,
          ),
        )[0].n;
      const before = await count();
      const exe = Buffer.concat([
        Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
        Buffer.alloc(512, 1),
      ]);
      for (const [name, data] of [
        ['report.pdf', exe],
        ['page.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
      ] as const) {
        const res = await upload(name, data);
        assert.ok(
          res.status === 400 || res.status === 422 || res.status === 200,
          `${name}: ${res.status}`,
        );
        assert.match(
          await res.text(),
          /class="alert|role="alert"/,
          `${name}: refused with a message`,
        );
      }
      assert.deepEqual(await count(), before, 'nothing was stored');
      const pdf = await upload('ok.pdf', pdfWith('fine'));
      assert.equal(pdf.status, 303, 'a real PDF passes');
    });

    test('security headers on every kind of response', async () => {
      const office = signedIn('xfj-office');
      const visitor = new TestClient(world.app);
      const boom = createApp({ database: database(), secret: 'test-secret' });
      boom.get('/boom', () => {
        throw new Error('secret internal detail');
      });
      const responses: [string, Response][] = [
        ['portal home', await visitor.get('/')],
        ['portal agency', await visitor.get(`/a/${DEPARTMENT}`)],
        ['portal item', await visitor.get(`/a/${DEPARTMENT}/items/${world.ids.publishedId}`)],
        ['portal search', await visitor.get(`/a/${DEPARTMENT}/search?q=信访`)],
        ['feed', await visitor.get(`/a/${DEPARTMENT}/feed.xml`)],
        [
          'portal file',
          await visitor.get(
            `/a/${DEPARTMENT}/items/${world.ids.publishedId}/files/${world.ids.publishedAttachmentId}`,
          ),
        ],
        ['login', await visitor.get('/admin/login')],
        ['admin', await office.get(`/admin/${DEPARTMENT}`)],
        ['admin case', await office.get(`/admin/${DEPARTMENT}/cases/${world.ids.personalCaseId}`)],
        [
          'letter docx',
          await office.get(
            `/admin/${DEPARTMENT}/cases/${world.ids.caseId}/letters/${world.ids.letterId}`,
          ),
        ],
        ['report export', await office.get(`/admin/${DEPARTMENT}/reports/2021/export/json`)],
        ['static css', await visitor.get('/static/site.css')],
        ['health', await visitor.get('/healthz')],
        ['400', await visitor.get(`/a/${DEPARTMENT}/search?q=a%00b`)],
        ['403', await office.get(`/admin/${COUNTY}/county/2021`)],
        ['404', await visitor.get('/no/such/page')],
        ['500', await boom.request('/boom')],
      ];
      for (const [kind, res] of responses) {
        const csp = res.headers.get('content-security-policy') ?? '';
        assert.match(csp, /default-src 'self'/, `${kind}: CSP`);
        assert.match(csp, /script-src 'self'(;|$)/, `${kind}: scripts from the site only`);
        assert.match(csp, /style-src 'self'(;|$)/, `${kind}: styles from the site only`);
        assert.match(csp, /object-src 'none'/, kind);
        assert.match(csp, /frame-ancestors 'none'/, kind);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, kind);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', kind);
        assert.equal(res.headers.get('x-frame-options'), 'DENY', kind);
        assert.ok(res.headers.get('referrer-policy'), `${kind}: referrer policy`);
        assert.ok(res.headers.get('content-type'), `${kind}: a content type`);
      }
      const statuses = Object.fromEntries(responses.map(([k, r]) => [k, r.status]));
      assert.equal(statuses['400'], 400);
      assert.equal(statuses['403'], 403);
      assert.equal(statuses['404'], 404);
      assert.equal(statuses['500'], 500);
      const failed = await responses.find(([k]) => k === '500')![1].text();
      assert.doesNotMatch(
        failed,
        /secret internal detail|at .*\.ts/,
        'no internals on the 500 page',
      );
      for (const kind of ['portal file', 'letter docx'])
        assert.match(
          responses.find(([k]) => k === kind)![1].headers.get('content-disposition') ?? '',
          /^attachment/,
        );
    });

    test('hostile strings in every field of every form: never a 500, shown escaped, tables intact', async () => {
      const db = database().db;
      const before = await tableCounts(db);
      const forms = await discoverForms(world, clients);
      assert.ok(forms.length >= 20, `found ${forms.length} forms`);
      const failures: string[] = [];
      let submissions = 0;
      for (const { who, page, form } of forms) {
        const client = who ? signedIn(who) : new TestClient(world.app);
        let current: PageForm | undefined = form;
        let stale = true;
        for (const payload of PAYLOADS) {
          for (const everywhere of [false, true]) {
            // Read the page again after a change: current CSRF token and record version.
            if (stale)
              current = formsOf(await (await client.get(page)).text(), page).find(
                (f) => f.action === form.action && sameFields(f, form),
              );
            stale = false;
            const fresh = current;
            if (!fresh) continue;
            const fields = fill(fresh, payload, everywhere);
            submissions++;
            const label = `${who ?? 'anonymous'} ${fresh.method.toUpperCase()} ${fresh.action} [${JSON.stringify(payload.slice(0, 30))}${everywhere ? ', all fields' : ''}]`;
            const res =
              fresh.method === 'get'
                ? await client.get(`${fresh.action}?${new URLSearchParams(fields)}`, {
                    'x-forwarded-for': freshIp(),
                  })
                : await postFrom(client, freshIp(), fresh.action, fields);
            if (res.status >= 500) failures.push(`${label}: ${res.status}`);
            let html = await res.text();
            const location = res.headers.get('location');
            if (res.status === 303) stale = true;
            if (res.status === 303 && location && !location.startsWith('/admin/login')) {
              const shown = await client.get(location);
              if (shown.status >= 500) failures.push(`${label} → ${location}: ${shown.status}`);
              html = await shown.text();
            }
            const markup = activeMarkup(html);
            if (markup) failures.push(`${label}: active markup /${markup}/`);
          }
        }
      }
      console.log(`hostile strings: ${forms.length} forms, ${submissions} submissions`);
      assert.deepEqual(failures, [], failures.join('\n'));
      const after = await tableCounts(db);
      for (const [table, n] of Object.entries(before))
        assert.ok((after[table] ?? -1) >= n, `${table} still exists and lost nothing`);
    });

    test('hostile strings are stored verbatim where they are accepted', async () => {
      const db = database().db;
      const visitor = new TestClient(world.app);
      await visitor.get(`/a/${DEPARTMENT}/apply`);
      const named = async (payload: string) =>
        rowsOf(
          await db.execute(
            sql`select id from applications where applicant_name = ${payload} and request->>'description' = ${`${payload} 的相关文件`}`,
          ),
        ).length;
      for (const payload of [SQL_OR, SQL_DROP, XSS_IMG]) {
        const before = await named(payload);
        const res = await postFrom(visitor, freshIp(), `/a/${DEPARTMENT}/apply`, {
          applicantKind: 'person',
          name: payload,
          idType: '居民身份证',
          idNumber: validId,
          phone: '13800001111',
          address: payload,
          description: `${payload} 的相关文件`,
          form: '纸质',
          delivery: '邮寄',
        });
        assert.equal(res.status, 303, await res.text());
        assert.equal(await named(payload), before + 1, `stored verbatim: ${payload}`);
      }
      const office = signedIn('xfj-office');
      const list = await (await office.get(`/admin/${DEPARTMENT}/cases?view=pending`)).text();
      assert.ok(
        list.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'),
        'the list shows it as text',
      );
      assert.equal(activeMarkup(list), null);
    });

    test('search highlighting, item page, feed and back office show hostile titles as text', async () => {
      const db = database().db;
      const [category] = await listCategories(db, world.agencies.department.id);
      const title = `安全测试 ${XSS_SCRIPT} ${XSS_IMG} <mark>x</mark> &amp; ${JS_URL}`;
      const item = await importPublication(
        db,
        world.agencies.department.id,
        {
          categoryId: category.id,
          title,
          madeOn: '2025-01-02',
          issuer: '测试',
          summary: title,
          body: `正文 ${XSS_SCRIPT}\n\n[链接](${JS_URL}) ${JS_URL}`,
          publishedOn: '2025-01-02',
        },
        { userId: null },
      );
      const visitor = new TestClient(world.app);
      const terms = [
        '安全测试',
        'script',
        'onerror',
        '<script>',
        'img src',
        'alert(1)',
        '"',
        "'",
        '&',
        'amp',
        'lt',
        'mark',
        '<mark>',
        '>',
        'javascript:',
      ];
      let marked = 0;
      for (const q of terms) {
        const res = await visitor.get(`/a/${DEPARTMENT}/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, q);
        const html = await res.text();
        assert.equal(activeMarkup(html), null, `search ${q}`);
        for (const m of html.matchAll(/<mark>([\s\S]*?)<\/mark>/g)) {
          marked++;
          assert.doesNotMatch(
            m[1],
            /[<>"]/,
            `search ${q}: a highlighted run holds markup: ${m[1]}`,
          );
        }
        assert.doesNotMatch(
          html,
          /<mark>x<\/mark>/,
          `search ${q}: the title's own <mark> stays text`,
        );
      }
      assert.ok(marked > terms.length, 'the hostile item was found and highlighted');
      for (const [url, client] of [
        [`/a/${DEPARTMENT}/items/${item.id}`, visitor],
        [`/a/${DEPARTMENT}/feed.xml`, visitor],
        [`/admin/${DEPARTMENT}/catalog`, signedIn('xfj-office')],
        [`/admin/${DEPARTMENT}/catalog/${item.id}`, signedIn('xfj-office')],
      ] as const) {
        const res = await client.get(url);
        assert.equal(res.status, 200, url);
        const text = await res.text();
        assert.equal(activeMarkup(text), null, url);
        assert.doesNotMatch(text, /<script>|<img /, url);
      }
    });

    test('letters (.docx) and report sections keep hostile text as text', async () => {
      const office = signedIn('xfj-office');
      const today = todayInChina();
      const { id } = await submitApplication(database().db, {
        agencyId: world.agencies.department.id,
        channel: 'in-person',
        submittedOn: today,
        receivedOn: today,
        applicantType: 'np',
        applicant: { kind: 'person', name: XSS_IMG, phone: '13800001111' },
        request: { description: `${XSS_SCRIPT} 的文件`, form: '纸质', delivery: '邮寄' },
      });
      const casePage = `/admin/${DEPARTMENT}/cases/${id}`;
      const form = formsOf(await (await office.get(casePage)).text(), casePage).find((f) =>
        f.fields.some((x) => x.name === 'items'),
      );
      assert.ok(form, 'the 补正告知 form is on the case page');
      const fields = fill(form, `${XSS_SCRIPT}${XSS_IMG}${SQL_DROP}`, false);
      fields.deadline = new Date(Date.parse(today) + 15 * 86_400_000).toISOString().slice(0, 10);
      const res = await postFrom(office, freshIp(), form.action, fields);
      assert.equal(
        res.status,
        303,
        (await res.text()).match(/role="alert"[^<]*|field-error[^<]*/g)?.join(' '),
      );
      const page = await (await office.get(casePage)).text();
      assert.equal(activeMarkup(page), null);
      const link = page.match(/href="([^"]*\/letters\/\d+)"/)?.[1];
      assert.ok(link, 'the case has a letter');
      const docx = Buffer.from(await (await office.get(link)).arrayBuffer());
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      assert.ok(
        xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;'),
        'the letter has the text, escaped',
      );
      assert.doesNotMatch(xml, /<script>|<img /);

      const year = Number(todayInChina().slice(0, 4)) - 1;
      const reportPage = `/admin/${DEPARTMENT}/reports/${year}`;
      const textsForm = formsOf(await (await office.get(reportPage)).text(), reportPage).find((f) =>
        f.action.endsWith('/texts'),
      );
      assert.ok(textsForm, `the ${year} report has a text editor`);
      const saved = await postFrom(
        office,
        freshIp(),
        textsForm.action,
        fill(textsForm, `${XSS_SCRIPT} ${XSS_IMG}`, false),
      );
      assert.ok(saved.status === 303 || saved.status === 200, `texts saved: ${saved.status}`);
      for (const url of [reportPage, `${reportPage}/export/html`]) {
        const html = await (await office.get(url)).text();
        assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${url} shows the text`);
        assert.equal(activeMarkup(html), null, url);
      }
      const exported = Buffer.from(
        await (await office.get(`${reportPage}/export/docx`)).arrayBuffer(),
      );
      const reportXml = await (await JSZip.loadAsync(exported))
        .file('word/document.xml')!
        .async('string');
      assert.ok(reportXml.includes('&lt;script&gt;'), 'the docx report has the text, escaped');
    });
  },
  { demo: true },
);

function sameFields(a: PageForm, b: PageForm) {
  const names = (f: PageForm) =>
    f.fields
      .map((x) => x.name)
      .sort()
      .join(',');
  return names(a) === names(b);
}

const TABLES = [
  'applications',
  'application_events',
  'letters',
  'petitions',
  'publications',
  'publication_attachments',
  'users',
  'memberships',
  'audit_log',
];

async function tableCounts(db: Db) {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const rows = rowsOf<{ n: number }>(
      await db.execute(sql.raw(`select count(*)::int as n from ${table}`)),
    );
    out[table] = Number(rows[0].n);
  }
  return out;
}

/** Every form on every page the app serves to the public and to the staff roles that write. */
async function discoverForms(world: World, clients: Map<string, TestClient>) {
  const found = new Map<string, { who: string | null; page: string; form: PageForm }>();
  const year = Number(todayInChina().slice(0, 4)) - 1;
  const extra = [
    `/admin/${DEPARTMENT}/catalog/${world.ids.publishedId}`,
    `/admin/${DEPARTMENT}/reports/${year}`,
  ];
  // The handler's forms are the office's; the drafter alone creates catalogue items.
  for (const who of [null, 'xfj-office', 'xfj-drafter', 'xt-office']) {
    const client = who ? clients.get(who)! : new TestClient(world.app);
    const pages = world.app.routes
      .filter(
        (r) =>
          r.method === 'GET' &&
          !/static|files|export|letters|attachments\/|healthz|feed|sitemap|annual\//.test(r.path),
      )
      .map((r) =>
        concretePath(r.path, r.path.includes('/county/') ? COUNTY : DEPARTMENT, world.ids),
      );
    for (const page of [...new Set([...pages, ...extra])]) {
      const res = await client.get(page);
      if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('html')) continue;
      for (const form of formsOf(await res.text(), page)) {
        if (form.multipart || form.action === '/admin/logout') continue;
        const key = `${form.method} ${form.action.replace(/\d+/g, 'N')} ${form.fields
          .map((f) => f.name)
          .sort()
          .join(',')}`;
        if (!form.fields.some((f) => TEXT_TYPES.has(f.type))) continue;
        if (!found.has(key)) found.set(key, { who, page, form });
      }
    }
  }
  return [...found.values()];
}
