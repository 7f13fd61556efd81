/**
 * PGlite in its own worker thread (src/db/pgliteThread.ts): the served app's database. Concurrent
 * transactions stay isolated, the event loop keeps running during a slow query, results and errors
 * are the same as in process, and closing leaves no lock file behind.
 */
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { audit } from '../../src/db/audit.ts';
import { type Database, type Db, rowsOf } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { PgliteThread, SYNC_WAIT_MS } from '../../src/db/pgliteThread.ts';
import { auditLog } from '../../src/db/schema.ts';
import { tempDataDir } from '../support/cli.ts';
import { openTemplatePglite } from '../support/template.ts';

const valuesOf = async (db: Db) =>
  rowsOf<{ v: string }>(await db.execute(sql`select v from thread_t order by id`)).map((r) => r.v);

/** A promise that settles when `release` is called. */
function gate() {
  let release = () => {};
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { opened, release };
}

describe('PGlite in a worker thread', () => {
  let database: Database;
  before(async () => {
    database = await openTemplatePglite('empty', true);
    await database.db.execute(sql`create table thread_t (id int primary key, v text not null)`);
  });
  after(() => database?.close());

  test('is the thread, not an in-process PGlite', () => {
    assert.ok((database.db as unknown as { $client: unknown }).$client instanceof PgliteThread);
  });

  test('concurrent transactions are isolated: no one sees uncommitted rows, a rollback leaves none', async () => {
    const db = database.db;
    const inserted = gate();
    const decide = gate();
    const rolledBack = db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into thread_t values (1, 'uncommitted')`);
        inserted.release();
        await decide.opened;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    await inserted.opened;
    // Outside the open transaction: a plain read, and a second transaction that writes and commits.
    const read = valuesOf(db);
    const other = db.transaction(async (tx) => {
      const seen = await valuesOf(tx as unknown as Db);
      await tx.execute(sql`insert into thread_t values (2, 'committed')`);
      return seen;
    });
    decide.release();
    assert.equal(await rolledBack, 'roll back');
    // The plain read runs before or after the second transaction, never inside the first one.
    assert.ok(['', 'committed'].includes((await read).join()), (await read).join());
    assert.deepEqual(await other, []);
    assert.deepEqual(await valuesOf(db), ['committed']);
  });

  test('many concurrent transactions each see their own writes and commit all of them', async () => {
    const db = database.db;
    await db.execute(sql`delete from thread_t`);
    const ids = Array.from({ length: 20 }, (_, i) => 100 + i);
    const seen = await Promise.all(
      ids.map((id) =>
        db.transaction(async (tx) => {
          await tx.execute(sql`insert into thread_t values (${id}, ${`v${id}`})`);
          const [row] = rowsOf<{ n: number }>(
            await tx.execute(sql`select count(*)::int as n from thread_t`),
          );
          return row.n;
        }),
      ),
    );
    // Serialised by PGlite: the k-th transaction to run sees exactly k rows.
    assert.deepEqual(
      [...seen].sort((a, b) => a - b),
      ids.map((_, i) => i + 1),
    );
    assert.equal((await valuesOf(db)).length, ids.length);
  });

  test('the event loop keeps running while a slow query runs in the thread', async () => {
    let settled = false;
    const slow = database.db.execute(sql`select pg_sleep(1)`).then(() => {
      settled = true;
    });
    // In process, PGlite would hold the event loop until the query ends: this timer could not fire first.
    await sleep(20);
    assert.equal(settled, false);
    await slow;
  });

  test('inside a transaction, a statement slower than the synchronous wait and statements run in parallel all get their own answers', async () => {
    const db = database.db;
    await db.execute(sql`delete from thread_t`);
    const answers = await db.transaction(async (tx) => {
      // pg_sleep outlasts SYNC_WAIT_MS: its answer comes asynchronously.
      const slow = await tx.execute(
        sql`select pg_sleep(${(SYNC_WAIT_MS * 10) / 1000}), 'slow' as v`,
      );
      const parallel = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          tx.execute(sql`insert into thread_t values (${i}, ${`p${i}`}) returning v`),
        ),
      );
      return [
        rowsOf<{ v: string }>(slow)[0].v,
        ...parallel.map((r) => rowsOf<{ v: string }>(r)[0].v),
      ];
    });
    assert.deepEqual(answers, ['slow', ...Array.from({ length: 20 }, (_, i) => `p${i}`)]);
    assert.equal((await valuesOf(db)).length, 20);
  });

  test('rows come back the same as from an in-process PGlite', async () => {
    const inProcess = await openTemplatePglite('empty');
    try {
      const sample = async (db: Db) => {
        await audit(db, { action: 'test.thread', target: 'same', details: { 公开: [1, 'x'] } });
        const typed = await db
          .select({ action: auditLog.action, details: auditLog.details, at: auditLog.at })
          .from(auditLog)
          .where(eq(auditLog.action, 'test.thread'));
        const raw = rowsOf(
          await db.execute(sql`select 12345678901::bigint as big, 1.50::numeric as num,
            date '2026-01-02' as day, '\\x0102'::bytea as bytes, array[1,2] as arr, null as nothing`),
        );
        return { typed: typed.map((r) => ({ ...r, at: typeof r.at })), raw };
      };
      assert.deepEqual(await sample(database.db), await sample(inProcess.db));
    } finally {
      await inProcess.close();
    }
  });

  test('a PostgreSQL error keeps its code and the transaction is rolled back', async () => {
    const db = database.db;
    await db.execute(sql`delete from thread_t`);
    await db.execute(sql`insert into thread_t values (7, 'a')`);
    const error = await db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into thread_t values (8, 'b')`);
        await tx.execute(sql`insert into thread_t values (7, 'again')`);
      })
      .catch((e: { cause?: { code?: string; constraint?: string } }) => e);
    assert.equal((error as { cause?: { code?: string } }).cause?.code, '23505');
    assert.equal((error as { cause?: { constraint?: string } }).cause?.constraint, 'thread_t_pkey');
    assert.deepEqual(await valuesOf(db), ['a']);
  });
});

test('on a data directory the thread runs with fsync on, and closing ends it with no lock file left', async () => {
  const dir = tempDataDir();
  try {
    const database = await openDatabase({ dataDir: dir, url: '', thread: true });
    assert.ok((database.db as unknown as { $client: unknown }).$client instanceof PgliteThread);
    assert.ok(existsSync(join(dir, 'gongkai.lock')));
    const settings = rowsOf<{ name: string; setting: string }>(
      await database.db.execute(
        sql`select name, setting from pg_settings where name in ('fsync', 'wal_sync_method') order by name`,
      ),
    );
    assert.deepEqual(settings, [
      { name: 'fsync', setting: 'on' },
      { name: 'wal_sync_method', setting: 'fsync' },
    ]);
    await audit(database.db, { action: 'test.thread', target: 'kept' });
    await database.close();
    assert.equal(existsSync(join(dir, 'gongkai.lock')), false);
    const closed = await database.db.execute(sql`select 1`).catch((e: Error) => e);
    assert.match(String((closed as { cause?: Error }).cause?.message), /内置数据库已关闭/);

    const reopened = await openDatabase({ dataDir: dir, url: '', thread: true });
    const kept = await reopened.db
      .select({ target: auditLog.target })
      .from(auditLog)
      .where(eq(auditLog.action, 'test.thread'));
    await reopened.close();
    assert.deepEqual(kept, [{ target: 'kept' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
