/**
 * Whole rows of one table, the select every repository writes: the row with these column values
 * (e.g. an agency's report of one year) and the rows with these values in a given order. A match
 * is either column values (`{ agencyId, year }`, all equal) or any SQL condition.
 */
import { and, eq, getTableColumns, type InferSelectModel, is, SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';

export type RowMatch<T extends PgTable> = Partial<InferSelectModel<T>> | SQL | undefined;

/** The row of `table` that `match` picks (on a unique key; else any one of them), or undefined. */
export async function firstRow<T extends PgTable>(
  db: Db,
  table: T,
  match: RowMatch<T>,
): Promise<InferSelectModel<T> | undefined> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(condition(table, match));
  return row as InferSelectModel<T> | undefined;
}

/** The rows of `table` that `match` picks, ordered by `orderBy` (columns or `asc`/`desc`). */
export async function listRows<T extends PgTable>(
  db: Db,
  table: T,
  match: RowMatch<T>,
  ...orderBy: (PgColumn | SQL)[]
): Promise<InferSelectModel<T>[]> {
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(condition(table, match))
    .orderBy(...orderBy);
  return rows as InferSelectModel<T>[];
}

function condition<T extends PgTable>(table: T, match: RowMatch<T>): SQL | undefined {
  if (match === undefined || is(match, SQL)) return match;
  const columns: Record<string, PgColumn> = getTableColumns(table);
  return and(
    ...Object.entries(match).map(([key, value]) => {
      // An undefined value would match nothing rather than "any": a caller's mistake.
      if (value === undefined) throw new Error(`listRows/firstRow: ${key} is undefined`);
      return eq(columns[key]!, value);
    }),
  );
}
