import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { searchTerms } from '../../src/catalog/search.ts';
import { gramsOfTerm, searchGrams } from '../../src/catalog/searchGrams.ts';
import {
  SEARCH_COUNT_CAP,
  type SearchHit,
  searchPages,
  searchPublished,
} from '../../src/db/catalogPortal.ts';
import { type Database, type Db, rowsOf } from '../../src/db/database.ts';
import { migrateDatabase, migrationsFolder, openDatabase } from '../../src/db/open.ts';
import { addAttachment } from '../../src/db/publications/attachments.ts';
import { createPublication } from '../../src/db/publications/drafts.ts';
import { importPublication } from '../../src/db/publications/import.ts';
import { createApp } from '../../src/web/app.tsx';
import { databaseKinds, describeEachDatabase } from '../support/databases.ts';
import { docxWith } from './fixtures.ts';
import { catalogFixture, sampleInput } from './support.ts';

const sorted = (a: string[]) => [...a].sort();

test('searchGrams: every character and adjacent pair, never across a term separator', () => {
  assert.deepEqual(searchGrams('中文a'), sorted(['中', '文', 'a', '中文', '文a']));
  assert.deepEqual(searchGrams('中文中文'), sorted(['中', '文', '中文', '文中']));
  assert.deepEqual(searchGrams('a b,c，d；e\n'), ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(searchGrams('1.5'), sorted(['1', '.', '5', '1.', '.5']));
  // a character outside the BMP is one character, as in PostgreSQL
  assert.deepEqual(searchGrams('𠀀字'), sorted(['𠀀', '字', '𠀀字']));
  assert.deepEqual(searchGrams(''), []);
  assert.deepEqual(gramsOfTerm('鑫'), ['鑫']);
  assert.deepEqual(gramsOfTerm('𠀀字'), ['𠀀字']);
  assert.deepEqual(gramsOfTerm('1.5'), ['1.', '.5']);
  assert.deepEqual(gramsOfTerm('a-a-a'), ['a-', '-a']);
});

const texts = [
  '',
  ' ',
  '中',
  '中文',
  'a b',
  'ab,cd；ef;gh，ij',
  '第1.5条\n第二行\r\n第三行',
  '𠀀𠀁x',
  'tab\there',
  '全角　空格',
  'mixed ab12 中文。（一）“引号”',
  '\u00a0不换行空格\u00a0',
  Array.from(
    { length: 3000 },
    (_, i) => ['信访', '工作', '，', '2021', '年', 'x', '。\n'][i % 7],
  ).join(''),
];

/** All published items of an agency matching every term as a substring, newest first: the obvious way. */
async function substringScan(
  db: Db,
  agencyId: number,
  terms: string[],
  filter: { categoryId?: number; year?: number },
): Promise<SearchHit[]> {
  const conditions = [
    sql`agency_id = ${agencyId} and status = 'published'`,
    ...terms.map((t) => sql`strpos(search_text, ${t}) > 0`),
    ...(filter.categoryId ? [sql`category_id = ${filter.categoryId}`] : []),
    ...(filter.year ? [sql`extract(year from published_on) = ${filter.year}`] : []),
  ];
  return rowsOf<SearchHit>(
    await db.execute(sql`
      select id, title, index_number as "indexNumber", doc_number as "docNumber",
             published_on::text as "publishedOn", made_on::text as "madeOn", category_id as "categoryId",
             substr(search_text, greatest(1, strpos(search_text, ${terms[0]}) - 40), 160) as excerpt
      from publications where ${sql.join(conditions, sql` and `)}
      order by published_on desc, id desc`),
  );
}

/** The grams of every row, sorted, next to its text. */
async function storedGrams(db: Db, where = sql`true`) {
  return rowsOf<{ id: number; text: string; grams: string[] | null }>(
    await db.execute(
      sql`select id, search_text as text, search_grams as grams from publications where ${where} order by id`,
    ),
  );
}

describeEachDatabase('catalog search: the 1–2 character index', (database) => {
  test('catalog_search_grams (SQL) computes the same set as searchGrams (TypeScript)', async () => {
    const { db } = database();
    for (const text of texts) {
      const [{ grams }] = rowsOf<{ grams: string[] }>(
        await db.execute(sql`select catalog_search_grams(${text}::text) as grams`),
      );
      assert.deepEqual(sorted(grams), searchGrams(text), JSON.stringify(text.slice(0, 40)));
    }
  });

  test('search gives the same items, order, counts and excerpts as a plain substring scan', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'grams');
    const gzdt = f.category('gzdt');
    const czxx = f.category('czxx');
    // written by the application (grams computed in TypeScript)
    const imported = [
      ['关于开展信访工作宣传月活动的通知', '2021年3月全月。联合接访。', '2021-03-05', gzdt],
      ['Annual Report AB', 'The AB test, a-b and 1.5 percent.', '2021-06-01', czxx],
      ['鑫源公司信息公开', '鑫字只在这里出现。（一）工作要求：', '2020-07-01', czxx],
      ['𠀀字测试', '扩展汉字𠀀与a b分开', '2019-01-02', gzdt],
      ['百分之1.5的增长', '第1.5条；第2.0版？否；第3.1节与1.0版', '2022-12-31', gzdt],
    ] as const;
    for (const [title, body, publishedOn, categoryId] of imported)
      await importPublication(
        db,
        f.agency.id,
        { ...sampleInput(categoryId, title), body, docNumber: null, keywords: null, publishedOn },
        { userId: null },
      );
    // an attachment's text (refreshSearchText), then published by SQL without touching the text
    const draft = await createPublication(
      db,
      f.agency.id,
      { ...sampleInput(gzdt, '附件测试'), body: '正文' },
      f.drafter,
    );
    await addAttachment(
      db,
      f.agency.id,
      draft.id,
      {
        filename: '说明.docx',
        data: await docxWith({ paragraphs: ['附件独有的犇字', '镇里'] }),
      },
      f.drafter,
    );
    await db.execute(sql`update publications set status = 'published', published_on = '2021-08-08'
      where id = ${draft.id}`);
    // written by SQL alone (grams from the trigger): more than the count cap contain 镇
    const towns = ['易俗河镇', '花石镇', '射埠镇', '茶恩寺镇'];
    const rows = Array.from({ length: 230 }, (_, i) => ({
      title: `${towns[i % 4]}情况通报第${i}期`,
      day: `${2015 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}`,
      category: i % 3 === 0 ? czxx : gzdt,
    }));
    await db.execute(sql`
      insert into publications (agency_id, category_id, title, made_on, published_on, issuer, search_text, status)
      select ${f.agency.id}::int, r.category, r.title, r.day, r.day, '测试局', r.title || E'\n本期通报', 'published'
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(title text, day date, category int)`);
    // a text changed by SQL alone: the trigger recomputes its grams
    await db.execute(sql`update publications set search_text = search_text || ' 犇犇'
      where agency_id = ${f.agency.id} and title = '花石镇情况通报第1期'`);
    // a draft never appears
    await createPublication(db, f.agency.id, sampleInput(gzdt, '草稿里的鑫字'), f.drafter);

    const queries = [
      '镇',
      '通报',
      '第1',
      '鑫',
      '犇',
      '犇犇',
      '𠀀',
      '𠀀字',
      '龘',
      '龘龘',
      'a',
      'ab',
      'AB',
      'z',
      '1',
      '21',
      '15',
      '1.5',
      'a-b',
      '2.0',
      '3.0',
      '（一）',
      '。',
      '：',
      '联合接访',
      '不存在的词',
      'report',
      '信访 1',
      '镇 21',
      '镇 犇',
      'a b',
    ];
    const filters = [{}, { categoryId: gzdt }, { year: 2021 }, { categoryId: czxx, year: 2020 }];
    const pageSize = 20;
    const seen = { none: 0, some: 0, capped: 0 };
    for (const q of queries) {
      const terms = searchTerms(q);
      for (const filter of filters) {
        const all = await substringScan(db, f.agency.id, terms, filter);
        seen[all.length === 0 ? 'none' : all.length > SEARCH_COUNT_CAP ? 'capped' : 'some']++;
        for (const page of [1, 2, searchPages(pageSize) + 1]) {
          const label = `${q} ${JSON.stringify(filter)} page ${page}`;
          const got = await searchPublished(db, f.agency.id, { terms, ...filter, page, pageSize });
          const offset = (Math.min(page, searchPages(pageSize)) - 1) * pageSize;
          assert.deepEqual(got.rows, all.slice(offset, offset + pageSize), label);
          assert.equal(got.total, Math.min(all.length, SEARCH_COUNT_CAP), label);
          assert.equal(got.capped, all.length > SEARCH_COUNT_CAP, label);
        }
      }
    }
    assert.ok(seen.none > 0 && seen.some > 0 && seen.capped > 0, JSON.stringify(seen));

    // the attachment-only, SQL-changed and outside-the-BMP hits are really there
    const ids = async (q: string) =>
      (
        await searchPublished(db, f.agency.id, { terms: searchTerms(q), page: 1, pageSize })
      ).rows.map((r) => r.title);
    assert.deepEqual(await ids('犇'), ['附件测试', '花石镇情况通报第1期']);
    assert.deepEqual(await ids('𠀀'), ['𠀀字测试']);
    assert.deepEqual(await ids('鑫'), ['鑫源公司信息公开']);

    // and on the page the hit is highlighted
    const app = createApp({ database: database(), secret: 'test' });
    const page = await (await app.request(`/a/grams/search?q=${encodeURIComponent('犇')}`)).text();
    assert.match(page, /找到 2 条结果/);
    assert.match(page, /附件独有的<mark>犇<\/mark>字/);
  });

  test('every row keeps grams that match its text, whoever writes it', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'grams2');
    const item = await createPublication(
      db,
      f.agency.id,
      sampleInput(f.category('gzdt')),
      f.drafter,
    );
    await db.execute(sql`
      insert into publications (agency_id, category_id, title, made_on, issuer, search_text)
      values (${f.agency.id}, ${f.category('gzdt')}, 'sql', '2021-01-01', '测试局', '直接写入的文本 sql')`);
    await db.execute(sql`update publications set search_grams = null where id = ${item.id}`);
    await db.execute(sql`update publications set search_text = '改过的文本'
      where agency_id = ${f.agency.id} and title = 'sql'`);
    const rows = await storedGrams(db, sql`agency_id = ${f.agency.id}`);
    assert.equal(rows.length, 2);
    assert.ok(rows.some((r) => r.text === '改过的文本'));
    for (const r of rows) assert.deepEqual(sorted(r.grams ?? []), searchGrams(r.text), r.text);
  });

  test('a 1–2 character term can be answered from the GIN index', async () => {
    const { db } = database();
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return JSON.stringify(
        rowsOf(
          await tx.execute(
            sql`explain select id from publications where search_grams @> array[${'鑫'}::text]`,
          ),
        ),
      );
    });
    assert.match(plan, /publications_search_grams/);
    // without a pending list, which a search would read in full (nothing flushes it on PGlite)
    const [{ options }] = rowsOf<{ options: string[] }>(
      await db.execute(
        sql`select reloptions as options from pg_class where relname = 'publications_search_grams'`,
      ),
    );
    assert.deepEqual(options, ['fastupdate=off']);
  });
});

/** The migrations folder as it was before search_grams (through 0013). */
function migrationsBeforeGrams(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-migrations-'));
  mkdirSync(join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 13);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries as { tag: string }[])
    copyFileSync(join(migrationsFolder, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

async function openUnmigrated(kind: 'pglite' | 'postgres') {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://', url: '', migrate: false });
    return { database, drop: async () => {} };
  }
  const base = new URL(process.env.TEST_DATABASE_URL as string);
  const name = `gk_grams_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), migrate: false });
  const drop = async () => {
    const client = new pg.Client({ connectionString: base.toString() });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
  return { database, drop };
}

async function migrateTo(database: Database, folder: string) {
  if (database.kind === 'pglite')
    await migratePglite(database.db as never, { migrationsFolder: folder });
  else await migratePg(database.db as never, { migrationsFolder: folder });
}

for (const kind of databaseKinds()) {
  test(`an upgrade leaves no existing item unsearchable by a short term [${kind}]`, async () => {
    const { database, drop } = await openUnmigrated(kind);
    try {
      await migrateTo(database, migrationsBeforeGrams());
      const { db } = database;
      await db.execute(sql`insert into agencies (code, name) values ('old', '旧单位')`);
      await db.execute(sql`insert into catalog_categories (agency_id, slug, name, "column")
        select id, 'gzdt', '工作动态', 'statutory' from agencies where code = 'old'`);
      await db.execute(sql`
        insert into publications (agency_id, category_id, title, made_on, published_on, issuer, search_text, status)
        select a.id, c.id, t, '2020-01-01', '2020-01-01', '旧单位', t, 'published'
        from agencies a join catalog_categories c on c.agency_id = a.id,
          unnest(array['升级前的鑫字', '升级前的ab', '没有']) as t`);
      await migrateDatabase(database);
      for (const r of await storedGrams(db))
        assert.deepEqual(sorted(r.grams ?? []), searchGrams(r.text), r.text);
      const [agency] = rowsOf<{ id: number }>(
        await db.execute(sql`select id from agencies where code = 'old'`),
      );
      const found = async (q: string) =>
        (
          await searchPublished(db, agency.id, { terms: searchTerms(q), page: 1, pageSize: 20 })
        ).rows.map((r) => r.title);
      assert.deepEqual(await found('鑫'), ['升级前的鑫字']);
      assert.deepEqual(await found('ab'), ['升级前的ab']);
      assert.deepEqual(await found('龘'), []);
    } finally {
      await database.close();
      await drop();
    }
  });
}
