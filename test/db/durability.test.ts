/**
 * PGlite durability: with the default settings a commit returns only after its WAL has been
 * fsynced to disk (see src/db/pgliteDurable.ts), and a lock file left by a dead process is taken
 * over while one held by a live process is refused.
 */
import assert from 'node:assert/strict';
import fs, { readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { audit } from '../../src/db/audit.ts';
import { type Database, rowsOf } from '../../src/db/database.ts';
import { lockDataDir } from '../../src/db/lock.ts';
import { openDatabase } from '../../src/db/open.ts';
import { tempDataDir } from '../support/cli.ts';

describe('PGlite on a data directory', () => {
  const dir = tempDataDir();
  let database: Database;
  const synced: string[] = [];
  const original = fs.fsyncSync;

  before(async () => {
    fs.fsyncSync = (fd: number) => {
      synced.push(readlinkSync(`/proc/self/fd/${fd}`));
      original(fd);
    };
    syncBuiltinESMExports();
    // In process, so that the fsync spy sees the calls; the served app's database thread runs the
    // same DurableNodeFS (its settings are checked in pgliteThread.test.ts).
    database = await openDatabase({ dataDir: dir, url: '' });
  });
  after(async () => {
    fs.fsyncSync = original;
    syncBuiltinESMExports();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('runs with fsync on and a WAL sync method that reaches the disk', async () => {
    const settings = rowsOf<{ name: string; setting: string }>(
      await database.db.execute(
        sql`select name, setting from pg_settings where name in ('fsync', 'wal_sync_method') order by name`,
      ),
    );
    assert.deepEqual(settings, [
      { name: 'fsync', setting: 'on' },
      { name: 'wal_sync_method', setting: 'fsync' },
    ]);
  });

  test('a commit fsyncs the WAL before it returns', async () => {
    synced.length = 0;
    await audit(database.db, { action: 'test.durability', target: 'wal' });
    assert.ok(
      synced.some((path) => path.includes(`${join(dir, 'pglite', 'pg_wal')}/`)),
      `fsynced: ${synced.join(', ') || 'nothing'}`,
    );
  });

  test('a second process cannot open the directory while it is in use', () => {
    const file = join(dir, 'gongkai.lock');
    assert.equal(fs.readFileSync(file, 'utf8'), String(process.pid));
    writeFileSync(file, String(process.ppid));
    assert.throws(() => lockDataDir(dir), /正被进程/);
    writeFileSync(file, String(process.pid));
  });
});

test('a lock file left by a dead process is taken over', () => {
  const dir = tempDataDir();
  try {
    writeFileSync(join(dir, 'gongkai.lock'), '2147483646');
    const unlock = lockDataDir(dir);
    assert.equal(fs.readFileSync(join(dir, 'gongkai.lock'), 'utf8'), String(process.pid));
    unlock();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
