import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { DurableNodeFS, durableStartParams, pgliteFsyncEnabled } from './pgliteDurable.ts';

/**
 * Starts PGlite on `path` (a directory), or in memory when `path` is undefined (optionally from a
 * dump made by `dumpDataDir`). The same code runs in process and in the database thread.
 */
export async function createPglite(path: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (path === undefined) return PGlite.create({ extensions: { pg_trgm }, loadDataDir });
  // Durable by default: commits are fsynced (see pgliteDurable.ts, docs/deployment.md).
  return pgliteFsyncEnabled()
    ? PGlite.create({
        fs: new DurableNodeFS(path),
        startParams: durableStartParams,
        extensions: { pg_trgm },
      })
    : PGlite.create(path, { extensions: { pg_trgm } });
}
