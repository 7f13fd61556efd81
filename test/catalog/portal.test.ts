import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { restoreSnapshot, takeSnapshot } from '../../src/db/backup.ts';
import {
  type ListCursor,
  latestPerCategory,
  listPublishedInCategory,
  publishedYears,
  SEARCH_COUNT_CAP,
  searchPublished,
} from '../../src/db/catalogPortal.ts';
import { type Db, rowsOf } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { catalogFixture } from './support.ts';

/** Inserts items straight into the projection (as an import would), `n` at a time in one statement. */
async function insertItems(
  db: Db,
  agencyId: number,
  categoryId: number,
  n: number,
  options: { status?: string; day?: (i: number) => string; text?: (i: number) => string } = {},
) {
  const days = Array.from({ length: n }, (_, i) => options.day?.(i) ?? '2021-05-01');
  const texts = Array.from({ length: n }, (_, i) => options.text?.(i) ?? `条目${i}`);
  await db.execute(sql`
    insert into publications (agency_id, category_id, title, made_on, published_on, issuer, search_text, status)
    select ${agencyId}::int, ${categoryId}::int, t.text, t.day, t.day, '测试局', t.text, ${options.status ?? 'published'}
    from unnest(${`{${days.join(',')}}`}::date[], ${`{${texts.map((t) => `"${t}"`).join(',')}}`}::text[]) as t(day, text)`);
}

/** Every published id of a category, newest first, read the slow and obvious way. */
async function expectedOrder(db: Db, categoryId: number): Promise<number[]> {
  return rowsOf<{ id: number }>(
    await db.execute(sql`select id from publications where category_id = ${categoryId}
      and status = 'published' order by published_on desc, id desc`),
  ).map((r) => r.id);
}

async function countsMatch(db: Db, agencyId: number) {
  const rows = rowsOf<{ id: number; kept: number; actual: number }>(
    await db.execute(sql`
      select c.id, coalesce(n.published, 0)::int as kept,
             (select count(*) from publications p where p.category_id = c.id and p.status = 'published')::int as actual
      from catalog_categories c left join catalog_category_counts n on n.category_id = c.id
      where c.agency_id = ${agencyId}`),
  );
  for (const r of rows) assert.equal(r.kept, r.actual, `category ${r.id}`);
}

const day = (i: number) => `20${10 + (i % 7)}-0${1 + (i % 3)}-1${i % 4}`;

describeEachDatabase('catalog portal queries', (database) => {
  test('keyset paging returns every item exactly once, in order, both ways; ?page=N agrees', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'keyset');
    const gzdt = f.category('gzdt');
    // many items share a day, so the id tie-break decides the order
    await insertItems(db, f.agency.id, gzdt, 47, { day });
    await insertItems(db, f.agency.id, gzdt, 5, { status: 'draft', day });
    await insertItems(db, f.agency.id, f.category('czxx'), 3, { day });
    const expected = await expectedOrder(db, gzdt);
    assert.equal(expected.length, 47);
    const pageSize = 10;
    const seen: number[] = [];
    const pages: number[][] = [];
    let cursor: ListCursor | undefined;
    for (let page = 1; ; page++) {
      const list = await listPublishedInCategory(db, f.agency.id, gzdt, { page, pageSize, cursor });
      assert.equal(list.total, 47);
      assert.equal(list.hasNewer, page > 1);
      pages.push(list.rows.map((r) => r.id));
      seen.push(...list.rows.map((r) => r.id));
      const typed = await listPublishedInCategory(db, f.agency.id, gzdt, { page, pageSize });
      assert.deepEqual(
        typed.rows.map((r) => r.id),
        list.rows.map((r) => r.id),
        `?page=${page}`,
      );
      if (!list.hasOlder) break;
      const last = list.rows.at(-1)!;
      cursor = { publishedOn: last.publishedOn!, id: last.id, direction: 'after' };
    }
    assert.deepEqual(seen, expected);
    assert.equal(pages.length, 5);
    // back from the last page with `before` cursors
    for (let i = pages.length - 1; i > 0; i--) {
      const first = await db.execute(
        sql`select published_on::text as d from publications where id = ${pages[i][0]}`,
      );
      const list = await listPublishedInCategory(db, f.agency.id, gzdt, {
        page: i + 1,
        pageSize,
        cursor: {
          publishedOn: rowsOf<{ d: string }>(first)[0].d,
          id: pages[i][0],
          direction: 'before',
        },
      });
      assert.deepEqual(
        list.rows.map((r) => r.id),
        pages[i - 1],
      );
      assert.equal(list.hasNewer, i - 1 > 0);
      assert.equal(list.hasOlder, true);
    }
    const beyond = await listPublishedInCategory(db, f.agency.id, gzdt, { page: 99, pageSize });
    assert.deepEqual(beyond.rows, []);
  });

  test('category totals stay exact through inserts, withdrawals, moves and deletes', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'counts');
    const [a, b] = [f.category('gzdt'), f.category('czxx')];
    await insertItems(db, f.agency.id, a, 30);
    await insertItems(db, f.agency.id, b, 4);
    await insertItems(db, f.agency.id, a, 6, { status: 'review' });
    await countsMatch(db, f.agency.id);
    const total = async (c: number) =>
      (await listPublishedInCategory(db, f.agency.id, c, { page: 1, pageSize: 5 })).total;
    assert.equal(await total(a), 30);
    await db.execute(
      sql`update publications set status = 'withdrawn' where id in (select id from publications where category_id = ${a} and status = 'published' limit 3)`,
    );
    await db.execute(
      sql`update publications set status = 'published' where category_id = ${a} and status = 'review'`,
    );
    await db.execute(
      sql`update publications set category_id = ${b} where id in (select id from publications where category_id = ${a} and status = 'published' limit 5)`,
    );
    await db.execute(
      sql`update publications set title = title || '（修订）' where category_id = ${b}`,
    );
    assert.equal(await total(a), 30 - 3 + 6 - 5);
    assert.equal(await total(b), 4 + 5);
    await db.execute(
      sql`delete from publications where category_id = ${b} and status = 'published'`,
    );
    assert.equal(await total(b), 0);
    await countsMatch(db, f.agency.id);
    const latest = await latestPerCategory(db, f.agency.id, 4);
    const ofA = latest.filter((r) => r.categoryId === a);
    assert.equal(ofA.length, 4);
    assert.ok(ofA.every((r) => Number(r.n) === 28));
    assert.deepEqual(
      ofA.map((r) => r.id),
      (await expectedOrder(db, a)).slice(0, 4),
    );
    assert.equal(
      latest.filter((r) => r.categoryId === b).length,
      0,
      'an empty category lists nothing',
    );
  });

  test('search: counts stop at the cap; short terms and wildcards are literal; years by skip scan', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'cap');
    const gzdt = f.category('gzdt');
    await insertItems(db, f.agency.id, gzdt, SEARCH_COUNT_CAP + 15, {
      day,
      text: (i) => `联合接访第${i}期`,
    });
    await insertItems(db, f.agency.id, gzdt, 7, { day, text: (i) => `部门预算${i} 100%_` });
    await insertItems(db, f.agency.id, gzdt, 2, {
      status: 'draft',
      day: () => '2009-01-01',
      text: () => '部门预算草稿',
    });
    const q = (terms: string[], page = 1) =>
      searchPublished(db, f.agency.id, { terms, page, pageSize: 20 });
    const many = await q(['联合接访']);
    assert.equal(many.total, SEARCH_COUNT_CAP);
    assert.equal(many.capped, true);
    assert.equal(many.rows.length, 20);
    const short = await q(['接访']);
    assert.equal(short.capped, true);
    assert.deepEqual(
      short.rows.map((r) => r.id),
      many.rows.map((r) => r.id),
      'newest first on both paths',
    );
    const expected = rowsOf<{ id: number }>(
      await db.execute(sql`select id from publications where search_text like '%联合接访%'
        order by published_on desc, id desc limit 20 offset 180`),
    ).map((r) => r.id);
    assert.deepEqual(
      (await q(['联合接访'], 10)).rows.map((r) => r.id),
      expected,
    );
    assert.deepEqual(
      (await q(['联合接访'], 500)).rows.map((r) => r.id),
      expected,
      'pages past the cap show its last page',
    );
    const few = await q(['预算']);
    assert.deepEqual([few.total, few.capped, few.rows.length], [7, false, 7]);
    assert.match(few.rows[0].excerpt, /预算/);
    assert.equal((await q(['%_'])).total, 7, 'a short term with LIKE wildcards is literal');
    assert.equal((await q(['%'])).total, 7);
    assert.equal((await q(['0%_'])).total, 7);
    assert.equal((await q(['预算', '接访'])).total, 0);
    assert.equal((await q(['鑫'])).total, 0);
    assert.deepEqual(
      await publishedYears(db, f.agency.id),
      [2016, 2015, 2014, 2013, 2012, 2011, 2010],
    );
  });

  test('the category page links 下一页 by cursor, shows 第 N / M 页 and the exact total', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'pager');
    await insertItems(db, f.agency.id, f.category('gzdt'), 45, { day });
    const app = createApp({ database: database(), secret: 'test' });
    const expected = await expectedOrder(db, f.category('gzdt'));
    const seen: number[] = [];
    let path: string | undefined = '/a/pager/catalog/gzdt';
    const labels: string[] = [];
    while (path) {
      const html = await (await app.request(path)).text();
      assert.match(html, /共 45 条/);
      labels.push(/第 \d+ \/ \d+ 页/.exec(html)![0]);
      seen.push(...[...html.matchAll(/href="\/a\/pager\/items\/(\d+)"/g)].map((m) => Number(m[1])));
      path = /<a href="([^"]+)" rel="next">/.exec(html)?.[1].replace(/&amp;/g, '&');
      if (path) assert.match(path, /after=\d{4}-\d{2}-\d{2}\.\d+/);
    }
    assert.deepEqual(seen, expected);
    assert.deepEqual(labels, ['第 1 / 3 页', '第 2 / 3 页', '第 3 / 3 页']);
    const last = await (await app.request('/a/pager/catalog/gzdt?page=3')).text();
    const prev = /<a href="([^"]+)" rel="prev">/.exec(last)![1].replace(/&amp;/g, '&');
    assert.match(prev, /page=2&before=/);
    const second = await (await app.request(prev)).text();
    assert.deepEqual(
      [...second.matchAll(/href="\/a\/pager\/items\/(\d+)"/g)].map((m) => Number(m[1])),
      expected.slice(20, 40),
    );
    assert.equal((await app.request('/a/pager/catalog/gzdt?after=2021-02-30.1')).status, 200);
    const capped = await (await app.request('/a/pager/search?q=%E6%9D%A1%E7%9B%AE')).text();
    assert.match(capped, /找到 45 条结果/);
  });
});

describeEachDatabase('catalog portal totals after a restore', (database) => {
  test('a backup restores the per-category totals once, not twice', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'restore');
    await insertItems(db, f.agency.id, f.category('gzdt'), 12);
    await insertItems(db, f.agency.id, f.category('czxx'), 3, { status: 'draft' });
    const snapshot = await takeSnapshot(db);
    const target = await openDatabase({ dataDir: 'memory://', url: '' });
    try {
      await restoreSnapshot(target.db, snapshot);
      await countsMatch(target.db, f.agency.id);
      const list = await listPublishedInCategory(target.db, f.agency.id, f.category('gzdt'), {
        page: 1,
        pageSize: 5,
      });
      assert.equal(list.total, 12);
      await target.db.execute(sql`update catalog_category_counts set published = 999`);
      await countsMatch(target.db, f.agency.id);
    } finally {
      await target.close();
    }
  });
});
