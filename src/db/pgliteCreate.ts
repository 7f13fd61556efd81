import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { byteaParsers, byteaSerializers } from './pgliteBytea.ts';
import { DurableNodeFS, durableStartParams, pgliteFsyncEnabled } from './pgliteDurable.ts';

/**
 * Starts PGlite on `path` (a directory), or in memory when `path` is undefined (optionally from a
 * dump made by `dumpDataDir`). The same code runs in process and in the database thread.
 */
export async function createPglite(path: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  const common = { extensions: { pg_trgm }, parsers: byteaParsers, serializers: byteaSerializers };
  if (path === undefined) return PGlite.create({ ...common, loadDataDir });
  // Durable by default: commits are fsynced (see pgliteDurable.ts, docs/deployment.md).
  return pgliteFsyncEnabled()
    ? PGlite.create({
        fs: new DurableNodeFS(path),
        startParams: durableStartParams,
        ...common,
      })
    : PGlite.create(path, common);
}
