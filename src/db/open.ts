import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database, Db } from './database.ts';
import { lockDataDir } from './lock.ts';
import { DurableNodeFS, durableStartParams, pgliteFsyncEnabled } from './pgliteDurable.ts';
import * as schema from './schema.ts';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Counts (bigint) and numerics come back as strings from node-postgres but as numbers from PGlite.
pg.types.setTypeParser(20, Number);
pg.types.setTypeParser(1700, Number);

export interface OpenOptions {
  /** A PostgreSQL connection string; defaults to DATABASE_URL. */
  url?: string;
  /** The PGlite data directory's parent; defaults to GONGKAI_DATA_DIR or ./data. `memory://` keeps it in memory. */
  dataDir?: string;
  /** Apply pending migrations after opening (default true). */
  migrate?: boolean;
  /** For `memory://`: start from a dump made by `Database.dumpDataDir()` (tests' demo template). */
  loadDataDir?: Blob;
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database, and migrates it. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  const database = url
    ? await openPostgres(url)
    : await openPglite(dataDirOf(options), options.loadDataDir);
  if (options.migrate !== false) {
    try {
      await migrateDatabase(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

/** Applies the pending migrations (of `folder`: tests upgrade from an earlier migration). */
export async function migrateDatabase(
  database: Database,
  folder = migrationsFolder,
): Promise<void> {
  const config = { migrationsFolder: folder };
  if (database.kind === 'pglite') await migratePglite(database.db as never, config);
  else await migratePg(database.db as never, config);
}

function dataDirOf(options: OpenOptions): string {
  return options.dataDir ?? process.env.GONGKAI_DATA_DIR ?? './data';
}

/** Whether a database has been set up: DATABASE_URL is set or the PGlite directory exists. */
export function databaseConfigured(): boolean {
  return Boolean(process.env.DATABASE_URL) || existsSync(join(resolve(dataDirOf({})), 'pglite'));
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => pool.end() };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir === 'memory://') {
    const client = await PGlite.create({ extensions: { pg_trgm }, loadDataDir });
    return wrapPglite(client, async () => {});
  }
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const unlock = lockDataDir(dir);
  try {
    const path = join(dir, 'pglite');
    // Durable by default: commits are fsynced (see pgliteDurable.ts, docs/deployment.md).
    const client = pgliteFsyncEnabled()
      ? await PGlite.create({
          fs: new DurableNodeFS(path),
          startParams: durableStartParams,
          extensions: { pg_trgm },
        })
      : await PGlite.create(path, { extensions: { pg_trgm } });
    return wrapPglite(client, async () => unlock());
  } catch (error) {
    unlock();
    throw error;
  }
}

function wrapPglite(client: PGlite, after: () => Promise<void>): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    dumpDataDir: () => client.dumpDataDir('gzip'),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      await after();
    },
  };
}
