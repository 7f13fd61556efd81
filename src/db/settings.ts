import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { settings } from './schema.ts';

/** Returns the setting, creating it with `initial()` on first use (race-safe across processes). */
export async function getOrCreateSetting(db: Db, key: string, initial: () => string) {
  await db.insert(settings).values({ key, value: initial() }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row.value;
}

/** The secret that signs CSRF tokens: GONGKAI_SECRET, or one generated and kept in the database. */
export async function appSecret(db: Db): Promise<string> {
  return (
    process.env.GONGKAI_SECRET ??
    getOrCreateSetting(db, 'secret', () => randomBytes(32).toString('hex'))
  );
}
