import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './database.ts';

/**
 * Login throttling. Every password check first takes an attempt from two counters: one per
 * (user name, client address) and one per client address (password spraying across names).
 * A counter allows `free` attempts, then each further one locks the key for a growing delay
 * (1, 2, 4 … minutes, at most an hour). There is no counter per user name alone, so nobody can
 * lock the real user out from another address. The attempt is taken before the check, in one
 * atomic statement, so parallel requests (even from several web processes) get no more checks
 * than allowed.
 */
export const throttlePolicy = {
  firstDelayMs: 60 * 1000,
  maxDelayMs: 60 * 60 * 1000,
  /** Counts are forgotten this long after the first failure of a series. */
  forgetAfterMs: 24 * 60 * 60 * 1000,
};

export interface ThrottleKey {
  key: string;
  /** Attempts allowed before the first delay. */
  free: number;
}

export const loginKeys = (username: string, ip: string): ThrottleKey[] => [
  { key: `ip:${ip}`, free: 20 },
  { key: `user-ip:${username}|${ip}`, free: 5 },
];

/** How long a key stays locked after its `failures`-th failure (0 while still free). */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  const doubled = throttlePolicy.firstDelayMs * 2 ** Math.min(failures - free, 30);
  return Math.min(throttlePolicy.maxDelayMs, doubled);
}

export type Attempt = { allowed: true } | { allowed: false; until: Date };

/**
 * Takes one attempt from the key, counting it as a failure in advance (`release` gives it back
 * on success). Refused while the key is locked. One upsert whose update applies only when the
 * key is not locked: concurrent callers are serialised on the row.
 */
export async function takeAttempt(
  db: Db,
  { key, free }: ThrottleKey,
  now = new Date(),
): Promise<Attempt> {
  const forgetBefore = new Date(now.getTime() - throttlePolicy.forgetAfterMs);
  const fresh = sql`login_throttle.window_start < ${forgetBefore}`;
  const failures = sql`case when ${fresh} then 1 else login_throttle.failures + 1 end`;
  const result = await db.execute(sql`
    insert into login_throttle (key, failures, window_start, locked_until)
    values (${key}, 1, ${now}, ${lockUntil(sql`1`, free, now)})
    on conflict (key) do update set
      failures = ${failures},
      window_start = case when ${fresh} then ${now} else login_throttle.window_start end,
      locked_until = ${lockUntil(failures, free, now)}
    where login_throttle.locked_until is null or login_throttle.locked_until <= ${now}
    returning failures`);
  if (rowsOf(result).length > 0) return { allowed: true };
  const locked = await db.execute(sql`select locked_until from login_throttle where key = ${key}`);
  const [row] = rowsOf<{ locked_until: Date | string }>(locked);
  return { allowed: false, until: new Date(row?.locked_until ?? now) };
}

/** Takes an attempt from every key in order; if one refuses, those already taken are given back. */
export async function takeAttempts(db: Db, keys: ThrottleKey[], now = new Date()) {
  for (const [i, key] of keys.entries()) {
    const attempt = await takeAttempt(db, key, now);
    if (!attempt.allowed) {
      for (const taken of keys.slice(0, i)) await giveBack(db, taken);
      return attempt;
    }
  }
  return { allowed: true } as const;
}

/** The lock a failure count calls for, as SQL over that count (mirrors `delayAfter`). */
function lockUntil(failures: ReturnType<typeof sql>, free: number, now: Date) {
  const { firstDelayMs, maxDelayMs } = throttlePolicy;
  return sql`case when ${failures} >= ${free} then ${now}::timestamptz + make_interval(secs =>
    least(${maxDelayMs}::float8, ${firstDelayMs}::float8 * power(2::float8, least(${failures} - ${free}, 30))) / 1000)
    end`;
}

/**
 * Gives back an attempt taken in advance (the password was right, or no check was made):
 * the count goes down by one and the lock is lifted once the count is free again.
 */
export async function giveBack(db: Db, { key, free }: ThrottleKey): Promise<void> {
  await db.execute(sql`
    update login_throttle set
      failures = greatest(failures - 1, 0),
      locked_until = case when failures - 1 < ${free} then null else locked_until end
    where key = ${key}`);
}

/** Forgets a key's failures (a successful login for that user from that address). */
export async function clearAttempts(db: Db, { key }: ThrottleKey): Promise<void> {
  await db.execute(sql`delete from login_throttle where key = ${key}`);
}

/** The key's failure count and lock, for tests and the audit. */
export async function throttleState(db: Db, key: string) {
  const result = await db.execute(
    sql`select failures, locked_until from login_throttle where key = ${key}`,
  );
  const [row] = rowsOf<{ failures: number; locked_until: Date | string | null }>(result);
  return row
    ? {
        failures: Number(row.failures),
        lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
      }
    : null;
}
