import { and, type Column, gte, lte } from 'drizzle-orm';

/** Rows whose period [`fromColumn`, `toColumn`] (inclusive dates) shares a day with [from, to]. */
export function overlapping(fromColumn: Column, toColumn: Column, from: string, to: string) {
  return and(lte(fromColumn, to), gte(toColumn, from));
}
