import { asc } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../database.ts';

/** Every id of a projection table in order: the `ids` of an aggregate whose rows all have a log. */
export async function allIds(db: Db, table: PgTable & { id: AnyPgColumn }): Promise<number[]> {
  const rows = await db.select({ id: table.id }).from(table).orderBy(asc(table.id));
  return rows.map((r) => Number(r.id));
}
