/**
 * Migration 0022 turns publication rows into logs: a database at migration 0021 with rows of
 * every status is upgraded, and the same publications show — then carry on through the store.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { searchPublished } from '../../src/db/catalogPortal.ts';
import { type Database, type Db, rowsOf } from '../../src/db/database.ts';
import { migrateDatabase, migrationsFolder, openDatabase } from '../../src/db/open.ts';
import { publicationAggregate, publicationLog } from '../../src/db/publications/aggregate.ts';
import { updatePublication } from '../../src/db/publications/drafts.ts';
import { getPublication, publicationState } from '../../src/db/publications/read.ts';
import {
  recordConfidentialityReview,
  reviewPublication,
} from '../../src/db/publications/review.ts';
import { reproject } from '../../src/db/store/eventStore.ts';
import { sampleInput, staffFixture } from '../catalog/support.ts';
import { databaseKinds } from '../support/databases.ts';

/** The migrations folder as it stood before 0022. */
function foldersBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const at = journal.entries.findIndex((e: { tag: string }) => e.tag.startsWith(tag));
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function openUnmigrated(kind: 'pglite' | 'postgres') {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://', url: '', migrate: false });
    return { database, drop: async () => {} };
  }
  const base = new URL(process.env.TEST_DATABASE_URL as string);
  const name = `gk_mig_${process.pid}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), migrate: false });
  const drop = async () => {
    const client = new pg.Client({ connectionString: base.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
  return { database, drop };
}

/** What the pages show of a publication, read the same way before and after the upgrade. */
async function shown(db: Db, id: number) {
  const result = await db.execute(sql`
    select title, body, status, step, version, index_number, published_on::text, changed_on::text,
      validity, author_id, withdrawn_reason, privacy_override->>'reason' as override_reason
    from publications where id = ${id}`);
  return rowsOf<Record<string, unknown>>(result)[0];
}

for (const kind of databaseKinds()) {
  describe(`migration 0022: publication rows become logs [${kind}]`, () => {
    let database: Database;
    let drop = async () => {};
    let folder = '';
    before(async () => {
      ({ database, drop } = await openUnmigrated(kind));
      folder = foldersBefore('0022_');
      await migrateDatabase(database, folder);
    });
    after(async () => {
      await database?.close();
      await drop();
      rmSync(folder, { recursive: true, force: true });
    });

    test('every status shows the same after the upgrade, and the store carries on', async () => {
      const { db } = database;
      // The agency as the tables stood at 0021 (today's repository would write later columns).
      const [agency] = rowsOf<{ id: number }>(
        await db.execute(sql`insert into agencies (code, name, uscc)
          values ('mig', 'mig局', '11430321MB16134126') returning id`),
      );
      const f = await staffFixture(db, 'mig', { id: Number(agency.id) });
      const cat = f.category('gzdt');
      const insert = async (values: Record<string, unknown>) => {
        const v: Record<string, unknown> = {
          ...sampleInput(cat),
          status: 'draft',
          step: 0,
          version: 1,
          ...values,
        };
        const result = await db.execute(sql`
          insert into publications (agency_id, category_id, title, doc_number, made_on, issuer, topic,
            keywords, summary, body, status, step, version, author_id, index_number, published_on,
            changed_on, validity, withdrawn_reason, privacy_override, privacy_findings)
          values (${f.agency.id}, ${cat}, ${v.title}, ${v.docNumber}, ${v.madeOn}, ${v.issuer},
            ${v.topic}, ${v.keywords}, ${v.summary}, ${v.body}, ${v.status}, ${v.step}, ${v.version},
            ${f.drafter.userId}, ${v.indexNumber ?? null}, ${v.publishedOn ?? null},
            ${v.changedOn ?? null}, ${v.validity ?? 'valid'}, ${v.withdrawnReason ?? null},
            ${v.override ? JSON.stringify(v.override) : null}::jsonb, '[]'::jsonb)
          returning id`);
        const id = Number(rowsOf<{ id: number }>(result)[0].id);
        await db.execute(sql`insert into publication_events (publication_id, user_id, kind, step, details)
          values (${id}, ${f.drafter.userId}, 'created', null, '{}'::jsonb),
                 (${id}, ${f.drafter.userId}, 'edited', 0, '{}'::jsonb)`);
        return id;
      };
      const published = await insert({
        title: '已发布并已废止的规范性文件',
        status: 'published',
        step: 3,
        version: 2,
        indexNumber: '11430321MB16134126/2021-00001',
        publishedOn: '2021-03-10',
        changedOn: '2021-04-01',
        validity: 'repealed',
      });
      await db.execute(sql`insert into publication_validity (publication_id, validity, since, user_id)
        values (${published}, 'valid', '2021-03-01', ${f.office.userId}),
               (${published}, 'repealed', '2021-06-01', ${f.office.userId})`);
      const draft = await insert({
        title: '带附件的草稿',
        override: { reason: '已人工核对，无个人信息', userId: f.office.userId, at: '2021-05-01' },
      });
      await db.execute(sql`insert into publication_attachments
          (publication_id, filename, media_type, size, sha256, data, text, hidden)
        values (${draft}, 'a.docx', 'application/x', 1, 'x', '\\x00'::bytea, '附件正文',
          '[{"kind":"docx-comment","source":"a.docx","excerpt":"批注"}]'::jsonb)`);
      const inReview = await insert({ title: '审核中的信息', status: 'review', step: 2 });
      await db.execute(sql`insert into confidentiality_reviews (publication_id, version, reviewer_id, conclusion)
        values (${inReview}, 1, ${f.reviewer.userId}, 'public')`);
      const withdrawn = await insert({
        title: '已撤回的信息',
        status: 'withdrawn',
        step: 3,
        indexNumber: '11430321MB16134126/2021-00002',
        publishedOn: '2021-03-11',
        withdrawnReason: '内容已调整',
      });
      const ids = [published, draft, inReview, withdrawn];
      const beforeRows = await Promise.all(ids.map((id) => shown(db, id)));

      await migrateDatabase(database);

      for (const [i, id] of ids.entries()) {
        assert.deepEqual(await shown(db, id), beforeRows[i]);
        const state = await publicationState(db, f.agency.id, id);
        assert.equal(state.status, beforeRows[i]?.status);
        assert.equal(state.content.body, beforeRows[i]?.body);
      }
      assert.deepEqual(
        (await publicationLog(db, published)).map((e) => e.type),
        ['imported', 'validity-changed', 'validity-changed'],
      );
      assert.deepEqual(
        (await publicationLog(db, draft)).map((e) => e.type),
        ['imported', 'privacy-override'],
      );
      const result = await reproject(db, publicationAggregate);
      assert.deepEqual(result, { rewritten: 4, failed: [] });
      for (const [i, id] of ids.entries()) assert.deepEqual(await shown(db, id), beforeRows[i]);
      const draftNow = await getPublication(db, f.agency.id, draft);
      assert.equal((draftNow?.privacyFindings ?? []).length, 1, 'the attachment’s finding is kept');
      const trail = await db.execute(
        sql`select count(*)::int as n from publication_events where seq is null`,
      );
      assert.equal(Number(rowsOf<{ n: number }>(trail)[0].n), 8, 'the old trail is kept');

      // The item in review carries on: its 保密审查 stands, the office clears the last two steps.
      await reviewPublication(db, f.agency.id, inReview, { type: 'approve', step: 2 }, f.office);
      const done = await reviewPublication(
        db,
        f.agency.id,
        inReview,
        { type: 'approve', step: 3 },
        f.office2,
      );
      assert.equal(done.status, 'published');
      assert.match(done.indexNumber ?? '', /^11430321MB16134126\/\d{4}-\d{5}$/);
      assert.notEqual(done.indexNumber, '11430321MB16134126/2021-00001');
      // The draft edits as before; its history starts from the migrated content.
      await updatePublication(
        db,
        f.agency.id,
        draft,
        { ...sampleInput(cat), title: '改过的草稿' },
        f.drafter,
      );
      assert.equal((await getPublication(db, f.agency.id, draft))?.title, '改过的草稿');
      assert.equal(
        (await getPublication(db, f.agency.id, draft))?.privacyOverride,
        null,
        'an edit clears the release',
      );
      await recordConfidentialityReview(
        db,
        f.agency.id,
        inReview,
        { conclusion: 'public' },
        f.office,
      ).catch((e) => assert.equal(e.code, 'catalog.confidentiality.state'));
      const hits = await searchPublished(db, f.agency.id, {
        terms: ['已发布并已废止'],
        page: 1,
        pageSize: 10,
      });
      assert.deepEqual(
        hits.rows.map((r) => r.id),
        [published],
      );
    });
  });
}
