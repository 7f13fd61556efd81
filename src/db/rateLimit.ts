import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './database.ts';

export interface RateLimit {
  /** Most requests allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * Counts one request for `key` (e.g. `apply:ip:1.2.3.4`) and says whether it is within the limit.
 * One atomic upsert, so concurrent requests and several web processes count correctly.
 */
export async function hitRateLimit(db: Db, key: string, rule: RateLimit, now = new Date()) {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const result = await db.execute(sql`
    insert into rate_limits (key, window_start, hits) values (${key}, ${now}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start < ${windowStart} then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start < ${windowStart} then ${now} else rate_limits.window_start end
    returning hits`);
  const [row] = rowsOf<{ hits: number }>(result);
  return { allowed: row.hits <= rule.limit, hits: row.hits };
}
