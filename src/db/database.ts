import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

/** The drizzle database, the same type on PGlite and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with the means to close it (PGlite keeps the process alive until closed). */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a gzipped tarball (see OpenOptions.loadDataDir). */
  dumpDataDir?: () => Promise<Blob>;
}

/** The rows of a raw `db.execute(sql…)` result; both drivers return `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Ids for a raw `in (…)`; none gives `in (null)`, which matches no row (`in ()` is an error). */
export function inList(ids: readonly number[]): SQL {
  if (ids.length === 0) return sql`null`;
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}
