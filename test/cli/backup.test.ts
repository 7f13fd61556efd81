import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoDataDir, gongkai, gongkaiInProcess, tempDataDir } from '../support/cli.ts';
import { freshPostgres } from '../support/databases.ts';

test('backup from PGlite and restore into a fresh PGlite (and PostgreSQL) deployment', async () => {
  const source = { GONGKAI_DATA_DIR: await demoDataDir() };
  const file = join(tempDataDir(), 'gongkai.backup');
  // One real process for the backup family (exit code, stdout); the other calls run in process.
  const backup = gongkai(['backup', file], source);
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /已备份 \d+ 张表/);

  const target = { GONGKAI_DATA_DIR: tempDataDir() };
  const restored = await gongkaiInProcess(['restore', file], target);
  assert.equal(restored.code, 0, restored.stderr);
  const again = await gongkaiInProcess(['restore', file], target);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /目标数据库不是空的/);

  if (process.env.TEST_DATABASE_URL) {
    const { database, url, drop } = await freshPostgres();
    await database.close();
    try {
      const toPg = await gongkaiInProcess(['restore', file], { DATABASE_URL: url });
      assert.equal(toPg.code, 0, toPg.stderr);
    } finally {
      await drop();
    }
  }
});

test('a corrupt backup file is refused with a clear message', async () => {
  const file = join(tempDataDir(), 'bad.backup');
  writeFileSync(file, 'not a backup');
  const result = await gongkaiInProcess(['restore', file], { GONGKAI_DATA_DIR: tempDataDir() });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /备份文件已损坏/);
});
