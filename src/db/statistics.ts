import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';

/** How often the embedded database refreshes its planner statistics. */
import { repeat } from './repeat.ts';

export const ANALYZE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * PGlite has no autovacuum, so nothing would ever ANALYZE it: the planner would keep the row
 * estimates of an empty database and, for example, walk every publication instead of using the
 * search indexes. `gongkai serve` refreshes them at start and daily. PostgreSQL does this itself.
 * `stop()` ends the schedule and waits for a run in progress, so the database can be closed.
 */
export function keepStatisticsFresh(database: Database): { stop(): Promise<void> } {
  if (database.kind !== 'pglite') return { stop: async () => {} };
  return repeat(() => analyze(database), ANALYZE_INTERVAL_MS, true);
}

export async function analyze(database: Database): Promise<void> {
  try {
    await database.db.execute(sql`analyze`);
  } catch (error) {
    console.error(`更新数据库统计信息失败：${(error as Error).message}`);
  }
}
