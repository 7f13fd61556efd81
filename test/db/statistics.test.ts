import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/database.ts';
import { keepStatisticsFresh } from '../../src/db/statistics.ts';
import { freshPglite } from '../support/databases.ts';

test('the embedded database gets planner statistics when served (it has no autovacuum)', async () => {
  const database = await freshPglite();
  try {
    const analyzed = async () => {
      const rows = rowsOf<{ n: number }>(
        await database.db.execute(
          sql`select count(*)::int as n from pg_stats where schemaname = 'public' and tablename = 'agencies'`,
        ),
      );
      return rows[0].n;
    };
    await database.db.execute(
      sql`insert into agencies (code, name) values ('a1', '甲局'), ('a2', '乙局'), ('a3', '丙局')`,
    );
    assert.equal(await analyzed(), 0, 'no statistics before');
    const statistics = keepStatisticsFresh(database);
    await statistics.stop();
    assert.ok((await analyzed()) > 0, 'column statistics after');
  } finally {
    await database.close();
  }
});
