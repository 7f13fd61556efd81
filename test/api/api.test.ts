import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import { type Agency, findAgencyByCode, listMemberAgencies } from '../../src/db/agencies.ts';
import { ensureAnnualReportRow, listAnnualReportRows } from '../../src/db/annual.ts';
import { rowsOf } from '../../src/db/database.ts';
import { publicCategories } from '../../src/db/openCatalogue.ts';
import { createPublication } from '../../src/db/publications/drafts.ts';
import { findUserByUsername } from '../../src/db/users.ts';
import { formatOf } from '../../src/report/formats/index.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { parseText } from '../../src/report/parse/text.ts';
import {
  approveReport,
  publishReport,
  saveReportTexts,
} from '../../src/services/annual/workflow.ts';
import type { ApiErrorBody } from '../../src/web/api/common.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { demoApp } from '../support/app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { seedPath } from '../support/shared.ts';
import { Contract, getJson } from './contract.ts';

const seed = parseText(readFileSync(seedPath, 'utf8')).report;
const xfj = '/api/v1/agencies/xiangtan-xfj';

describeEachDatabase(
  'open data API',
  (getDatabase) => {
    let app: Hono<AppEnv>;
    let contract: Contract;
    const get = (path: string, headers: Record<string, string> = {}) =>
      getJson(app, contract, path, headers);

    before(async () => {
      app = await demoApp(getDatabase());
      const res = await app.request('/api/v1/openapi.json');
      assert.equal(res.status, 200);
      contract = new Contract((await res.json()) as ConstructorParameters<typeof Contract>[0]);
    });

    test('the OpenAPI document is 3.1 and describes every resource of the issue', () => {
      const doc = contract.document as unknown as { openapi: string; paths: object };
      assert.equal(doc.openapi, '3.1.0');
      assert.deepEqual(Object.keys(doc.paths).sort(), [
        '/v1/agencies',
        '/v1/agencies/{code}',
        '/v1/agencies/{code}/publications',
        '/v1/agencies/{code}/registers/{year}',
        '/v1/agencies/{code}/reports',
        '/v1/agencies/{code}/reports/{year}',
        '/v1/agencies/{code}/statistics/{year}',
      ]);
    });

    test('agencies: the list with parents and members, one agency with its categories', async () => {
      const { body } = await get('/api/v1/agencies');
      const county = body.items.find((a: { code: string }) => a.code === 'xiangtan');
      assert.equal(county.kind, 'government');
      assert.ok(county.members.includes('xiangtan-xfj'));
      const one = await get(xfj);
      assert.equal(one.body.name, '湘潭县信访局');
      assert.equal(one.body.parent, 'xiangtan');
      assert.equal(one.body.uscc, '11430321MB16134126');
      assert.ok(one.body.categories.some((c: { slug: string }) => c.slug === 'gzdt'));
      const missing = await get('/api/v1/agencies/no-such-agency');
      assert.equal(missing.status, 404);
      assert.match(missing.body.error.message, /no-such-agency/);
      const bad = await get('/api/v1/agencies/BAD_CODE');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.issues[0].path, 'code');
    });

    test('publications: cursor pages cover every published item once, newest first', async () => {
      const seen: { id: number; publishedOn: string }[] = [];
      let path: string | null = `${xfj}/publications?limit=7`;
      let pages = 0;
      while (path) {
        const page = await get(path);
        assert.equal(page.status, 200);
        seen.push(...page.body.items);
        const link = page.headers.get('link');
        path = page.body.nextCursor
          ? `${xfj}/publications?limit=7&cursor=${page.body.nextCursor}`
          : null;
        assert.equal(link === null, path === null);
        pages++;
      }
      const db = getDatabase().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const [{ n }] = rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from publications where agency_id = ${agency.id} and status = 'published'`,
        ),
      );
      assert.equal(seen.length, n);
      assert.equal(new Set(seen.map((s) => s.id)).size, seen.length);
      assert.equal(pages, Math.ceil(seen.length / 7) + (seen.length % 7 === 0 ? 1 : 0));
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1], seen[i]];
        assert.ok(
          a.publishedOn > b.publishedOn || (a.publishedOn === b.publishedOn && a.id > b.id),
        );
      }
    });

    test('publications: filters by category, dates and words; bad parameters are 400 in Chinese', async () => {
      const byCategory = await get(`${xfj}/publications?category=czxx&limit=100`);
      assert.equal(byCategory.body.items.length, 2); // the seed's 财政信息2条
      assert.ok(
        byCategory.body.items.every(
          (i: { category: { slug: string } }) => i.category.slug === 'czxx',
        ),
      );
      const dated = await get(
        `${xfj}/publications?publishedFrom=2021-06-01&publishedTo=2021-06-30&limit=100`,
      );
      assert.ok(dated.body.items.length > 0);
      for (const item of dated.body.items) assert.match(item.publishedOn, /^2021-06-/);
      const word = await get(`${xfj}/publications?q=${encodeURIComponent('年度报告')}`);
      assert.ok(word.body.items.some((i: { title: string }) => i.title.includes('年度报告')));
      const report = word.body.items.find((i: { title: string }) =>
        i.title.includes('2021年政府信息公开工作年度报告'),
      );
      assert.match(report.indexNumber, /^11430321MB16134126\/2022-\d{5}$/);
      assert.ok(report.attachments.length > 0);
      const file = await app.request(report.attachments[0].url);
      assert.equal(file.status, 200);
      for (const [query, code] of [
        ['category=nope', 'api.bad-category'],
        ['cursor=xyz', 'api.bad-cursor'],
        ['publishedFrom=2021-13-01', 'api.bad-request'],
        ['limit=0', 'api.bad-request'],
        ['q=%00', 'api.bad-request'],
      ]) {
        const bad = await get(`${xfj}/publications?${query}`);
        assert.equal(bad.status, 400, query);
        assert.equal(bad.body.error.code, code);
        assert.match(bad.body.error.message, /[\u4e00-\u9fff]/);
      }
    });

    test('publications: a draft is never listed nor found by its words', async () => {
      const db = getDatabase().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const user = (await findUserByUsername(db, 'xfj-office'))!;
      const category = (await publicCategories(db, agency.id)).find((c) => c.slug === 'tzgg')!;
      await createPublication(
        db,
        agency.id,
        {
          categoryId: category.id,
          title: '草稿通知阿尔法贝塔',
          madeOn: '2026-01-05',
          issuer: '湘潭县信访局',
          body: '尚未审核',
        },
        { userId: user.id, roles: ['drafter'] },
      );
      const found = await get(`${xfj}/publications?q=${encodeURIComponent('阿尔法贝塔')}`);
      assert.deepEqual(found.body.items, []);
      const all = await get(`${xfj}/publications?category=tzgg&limit=100`);
      assert.ok(all.body.items.every((i: { title: string }) => i.title !== '草稿通知阿尔法贝塔'));
    });

    test('reports: the published 2021 report of 湘潭县信访局 equals the seed cell for cell', async () => {
      const list = await get(`${xfj}/reports`);
      assert.deepEqual(
        list.body.items.map((r: { year: number }) => r.year),
        [2021],
      );
      const { body, headers } = await get(`${xfj}/reports/2021`);
      assert.equal(body.schema, 'gongkai.annual-report/1');
      assert.equal(body.agency, '湘潭县信访局');
      assert.equal(body.year, 2021);
      const keys = formatOf('2021').cellKeys;
      assert.equal(keys.length, 200);
      for (const key of keys) assert.deepEqual(body.cells[key], seed.cells[key], key);
      assert.equal(body.sections.S6.text, seed.sections.S6!.text.trim());
      assert.ok(headers.get('last-modified'));
    });

    test('reports: the cells as CSV and XLSX are the same cells', async () => {
      const csv = await app.request(`${xfj}/reports/2021?format=csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type')!, /^text\/csv/);
      const lines = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines[0], 'key,label,value');
      assert.equal(lines.length, 201);
      for (const line of lines.slice(1)) {
        const [key] = line.split(',');
        const value = line.slice(line.lastIndexOf(',') + 1);
        const expected = seed.cells[key as keyof typeof seed.cells];
        assert.equal(
          value,
          expected === 'blank' ? '' : expected === 'slash' ? '/' : String(expected),
          key,
        );
      }
      const xlsx = await app.request(`${xfj}/reports/2021?format=xlsx`);
      assert.equal(xlsx.status, 200);
      const parsed = await parseFile(Buffer.from(await xlsx.arrayBuffer()), 'report.xlsx');
      for (const key of formatOf('2021').cellKeys)
        assert.deepEqual(parsed.report.cells[key], seed.cells[key], key);
      const bad = await get(`${xfj}/reports/2021?format=pdf`);
      assert.equal(bad.status, 400);
    });

    test('reports: a year that is missing, draft or only approved answers 404 with a JSON error', async () => {
      const db = getDatabase().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      await ensureAnnualReportRow(db, agency.id, 2022, null);
      for (const year of [2020, 2022]) {
        for (const path of [`${xfj}/reports/${year}`, `${xfj}/statistics/${year}`]) {
          const res = await get(path);
          assert.equal(res.status, 404, path);
          assert.equal(res.body.error.code, 'api.not-found');
          assert.match(res.body.error.message, new RegExp(`${year}年度`));
        }
      }
      const shili = (await findAgencyByCode(db, 'shili'))!;
      const members = await listMemberAgencies(db, shili.id);
      const rows = await listAnnualReportRows(
        db,
        members.map((m) => m.id),
        2025,
      );
      const approved = rows.find((r) => r.status === 'approved')!;
      const code = members.find((m) => m.id === approved.agencyId)!.code;
      assert.equal((await get(`/api/v1/agencies/${code}/reports/2025`)).status, 404);
      assert.ok(
        (await get(`/api/v1/agencies/${code}/reports`)).body.items.every(
          (r: { year: number }) => r.year !== 2025,
        ),
      );
      assert.equal((await get(`${xfj}/reports/1999`)).status, 400);
    });

    test('registers: the T2 figures of a year with the monthly entries', async () => {
      const db = getDatabase().db;
      const shili = (await findAgencyByCode(db, 'shili'))!;
      const members = await listMemberAgencies(db, shili.id);
      let withEntries: Agency | undefined;
      let body:
        | { cells: Record<string, number>; months: { kind: string; count: number | null }[] }
        | undefined;
      for (const m of members) {
        const res = await get(`/api/v1/agencies/${m.code}/registers/2025`);
        if (res.body.months.length > 0) {
          withEntries = m;
          body = res.body;
          break;
        }
      }
      assert.ok(withEntries && body, 'a 示例县 department with register entries');
      const licensed = body.months
        .filter((e) => e.kind === 'lic')
        .reduce((s, e) => s + (e.count ?? 0), 0);
      assert.equal(body.cells['t2.lic.decisions'], licensed);
      assert.equal((await get(`${xfj}/registers/2099`)).status, 404);
    });

    test('statistics: a county report gives its cells, the S6 text and the cells by member', async () => {
      const db = getDatabase().db;
      const xfjStats = await get(`${xfj}/statistics/2021`);
      assert.equal(xfjStats.status, 200);
      assert.equal(xfjStats.body.t3['t3.new.tot'], seed.cells['t3.new.tot']);
      assert.equal(xfjStats.body.members, undefined);
      assert.match(xfjStats.body.s6.text, /1119批2588人次/);
      const shili = (await findAgencyByCode(db, 'shili'))!;
      const user = (await findUserByUsername(db, 'sl-office'))!;
      const actor = { userId: user.id, roles: ['office'] as const };
      await saveReportTexts(
        db,
        shili,
        2024,
        {
          S1: '2024年，本县依法做好政府信息公开工作。',
          S5: '本年度无需要说明的问题。',
          S6: '本年度未收取信息处理费。',
        },
        actor,
      );
      await approveReport(db, shili, 2024, actor);
      await publishReport(db, shili, 2024, actor, { today: '2025-01-28', pdf: false });
      const { body } = await get('/api/v1/agencies/shili/statistics/2024');
      const members = await listMemberAgencies(db, shili.id);
      assert.equal(body.members.length, members.length);
      const published = body.members.filter((m: { published: boolean }) => m.published);
      assert.equal(published.length, 4); // the four that published 2024 on time
      for (const m of body.members) assert.equal(m.t3 === undefined, !m.published, m.code);
      const own = (await get('/api/v1/agencies/shili/reports/2024')).body;
      assert.equal(body.t3['t3.new.tot'], own.cells['t3.new.tot']);
      const sum = published.reduce(
        (s: number, m: { t3: Record<string, number> }) => s + m.t3['t3.new.tot'],
        0,
      );
      assert.ok(body.t3['t3.new.tot'] >= sum);
    });

    test('HTTP: CORS for any origin, no cookies, ETag and Last-Modified revalidate to 304', async () => {
      const first = await app.request(`${xfj}/reports/2021`, {
        headers: { origin: 'https://example.org' },
      });
      assert.equal(first.headers.get('access-control-allow-origin'), '*');
      assert.equal(first.headers.get('set-cookie'), null);
      assert.equal(first.headers.get('cache-control'), 'public, max-age=300');
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
      const again = await app.request(`${xfj}/reports/2021`, {
        headers: { 'if-none-match': etag },
      });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      const modified = first.headers.get('last-modified')!;
      const since = await app.request(`${xfj}/reports/2021`, {
        headers: { 'if-modified-since': modified },
      });
      assert.equal(since.status, 304);
      const stale = await app.request(`${xfj}/reports/2021`, {
        headers: { 'if-none-match': '"other"' },
      });
      assert.equal(stale.status, 200);
      const preflight = await app.request(`${xfj}/reports`, {
        method: 'OPTIONS',
        headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
      });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-methods')!, /GET/);
      const post = await app.request(`${xfj}/reports`, { method: 'POST' });
      assert.equal(post.status, 405);
      assert.equal(((await post.json()) as ApiErrorBody).error.code, 'api.method');
      const unknown = await app.request('/api/v1/nothing-here');
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as ApiErrorBody).error.code, 'api.not-found');
    });

    test('every operation was exercised with a 200 answer valid against the document', () => {
      for (const path of Object.keys(contract.document.paths))
        assert.ok(contract.exercised.has(`${path} 200`), `${path} 200 not exercised`);
    });
  },
  { demo: true },
);
