import { asc, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { listRows } from './rows.ts';
import { agencies } from './schema.ts';

export type Agency = typeof agencies.$inferSelect;
export type NewAgency = typeof agencies.$inferInsert;

export async function findAgencyByCode(db: Db, code: string): Promise<Agency | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code));
  return row;
}

export async function findAgencyById(db: Db, id: number): Promise<Agency | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row;
}

export async function listAgencies(db: Db): Promise<Agency[]> {
  return db.select().from(agencies).orderBy(asc(agencies.parentId), asc(agencies.id));
}

export async function listMemberAgencies(db: Db, parentId: number): Promise<Agency[]> {
  return listRows(db, agencies, { parentId }, asc(agencies.id));
}

/** Creates the agency or updates its details, keyed by code. */
export async function upsertAgency(db: Db, agency: NewAgency): Promise<Agency> {
  const { code, ...rest } = agency;
  const [row] = await db
    .insert(agencies)
    .values(agency)
    .onConflictDoUpdate({ target: agencies.code, set: rest })
    .returning();
  void code;
  return row;
}
