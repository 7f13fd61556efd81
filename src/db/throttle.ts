import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { loginThrottle } from './schema.ts';

/** A user name locks after 5 failures; a client address (maybe an office behind one NAT) after 20. */
export const throttlePolicy = { windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 };
export const maxFailures = (key: string) => (key.startsWith('ip:') ? 20 : 5);

/** The time until which the key is locked out, or null. */
export async function lockedUntil(db: Db, key: string, now = new Date()): Promise<Date | null> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failure; the key locks once it reaches maxFailures within the window. */
export async function recordFailure(db: Db, key: string, now = new Date()): Promise<void> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  const fresh = !row || now.getTime() - row.windowStart.getTime() > throttlePolicy.windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const windowStart = fresh ? now : row.windowStart;
  const locked =
    failures >= maxFailures(key) ? new Date(now.getTime() + throttlePolicy.lockMs) : null;
  await db
    .insert(loginThrottle)
    .values({ key, failures, windowStart, lockedUntil: locked })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures, windowStart, lockedUntil: locked },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
