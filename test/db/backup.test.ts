import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { listAgencies } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { restoreSnapshot, takeSnapshot } from '../../src/db/backup.ts';
import { rowsOf } from '../../src/db/database.ts';
import { createUser } from '../../src/db/users.ts';
import { describeEachDatabase, freshPglite } from '../support/databases.ts';

describeEachDatabase(
  'backup and restore',
  (database) => {
    test('a snapshot restores into an empty database with every row and working sequences', async () => {
      const { db } = database();
      await db.execute(
        sql`insert into settings (key, value) values ('blob-check', ${'换行\n"引号"'})`,
      );
      const snapshot = await takeSnapshot(db);
      assert.ok(snapshot.tables.some((t) => t.table === 'audit_log' && t.rows.length > 0));

      const target = await freshPglite();
      try {
        await restoreSnapshot(target.db, snapshot);
        const again = await takeSnapshot(target.db);
        assert.deepEqual(
          again.tables.map((t) => [t.table, t.rows]),
          snapshot.tables.map((t) => [t.table, t.rows]),
        );
        assert.deepEqual(
          (await listAgencies(target.db)).map((a) => a.code),
          (await listAgencies(db)).map((a) => a.code),
        );
        const user = await createUser(target.db, { username: 'after-restore', password: 'x' });
        const maxId = rowsOf<{ m: number }>(
          await db.execute(sql`select max(id)::int as m from users`),
        )[0].m;
        assert.ok(user.id > maxId, 'sequences continue after the restored ids');
        assert.ok((await listAudit(target.db, { action: 'demo.load' })).length > 0);

        await assert.rejects(restoreSnapshot(target.db, snapshot), {
          code: 'backup.restore-not-empty',
        });
      } finally {
        await target.close();
      }
    });

    test('a snapshot from another schema version is refused before anything is written', async () => {
      const snapshot = await takeSnapshot(database().db);
      const target = await freshPglite();
      try {
        await assert.rejects(restoreSnapshot(target.db, { ...snapshot, migrations: 1 }), {
          code: 'backup.version',
        });
        assert.equal((await listAgencies(target.db)).length, 0);
      } finally {
        await target.close();
      }
    });
  },
  { demo: true },
);
