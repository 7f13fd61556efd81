import { and, eq, inArray } from 'drizzle-orm';
import { GongkaiError } from '../errors.ts';
import { audit } from './audit.ts';
import type { Db } from './database.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { agencies, memberships, type Role, users } from './schema.ts';

export type User = typeof users.$inferSelect;

export interface Membership {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  role: Role;
}

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

/** The display names of the given users (for timelines and assignee lists). */
export async function userNames(
  db: Db,
  ids: readonly number[],
): Promise<{ id: number; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function createUser(
  db: Db,
  input: { username: string; displayName?: string; password: string },
): Promise<User> {
  if (await findUserByUsername(db, input.username)) {
    throw new GongkaiError('user.exists', { username: input.username });
  }
  const [row] = await db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName ?? input.username,
      passwordHash: await hashPassword(input.password),
    })
    .returning();
  return row;
}

export async function setPassword(db: Db, userId: number, password: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, userId));
}

/** The enabled accounts whose password is `password` (each hash verified; argon2 runs off the event loop). */
export async function usersWithPassword(db: Db, password: string): Promise<string[]> {
  const rows = await db
    .select({ username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(users.username);
  const matches = await Promise.all(rows.map((r) => verifyPassword(r.passwordHash, password)));
  return rows.filter((_, i) => matches[i]).map((r) => r.username);
}

export async function grantRole(
  db: Db,
  userId: number,
  agencyId: number,
  role: Role,
): Promise<void> {
  await db.insert(memberships).values({ userId, agencyId, role }).onConflictDoNothing();
}

export async function listMemberships(db: Db, userId: number): Promise<Membership[]> {
  return db
    .select({
      agencyId: agencies.id,
      agencyCode: agencies.code,
      agencyName: agencies.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(eq(memberships.userId, userId))
    .orderBy(agencies.id);
}

export async function hasRole(db: Db, userId: number, agencyId: number, role: Role) {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.agencyId, agencyId),
        eq(memberships.role, role),
      ),
    );
  return rows.length > 0;
}

/** Sets (or with null clears) where the user's daily work digest goes. Audited. */
export async function setUserEmail(db: Db, userId: number, email: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ email }).where(eq(users.id, userId));
    await audit(tx as unknown as Db, {
      action: 'user.email',
      target: `user:${userId}`,
      details: { set: email !== null },
    });
  });
}
