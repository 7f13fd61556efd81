import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database, Db } from './database.ts';
import { lockDataDir } from './lock.ts';
import { createPglite } from './pgliteCreate.ts';
import { PgliteThread } from './pgliteThread.ts';
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
  /**
   * Run PGlite in its own worker thread, off the HTTP event loop (default false: one-shot CLI
   * commands and tests run it in process, where each query costs no message). The server asks for
   * it with `serverThread()`.
   */
  thread?: boolean;
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database, and migrates it. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  const database = url ? await openPostgres(url) : await openPglite(dataDirOf(options), options);
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

/** The served app's choice: PGlite in its own thread unless GONGKAI_PGLITE_THREAD=off. */
export const serverThread = () => process.env.GONGKAI_PGLITE_THREAD !== 'off';

async function openPglite(dataDir: string, options: OpenOptions): Promise<Database> {
  if (dataDir === 'memory://') {
    return startPglite(undefined, options.loadDataDir, options.thread ?? false, async () => {});
  }
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const unlock = lockDataDir(dir);
  try {
    return await startPglite(join(dir, 'pglite'), undefined, options.thread ?? false, async () =>
      unlock(),
    );
  } catch (error) {
    unlock();
    throw error;
  }
}

async function startPglite(
  path: string | undefined,
  loadDataDir: Blob | undefined,
  thread: boolean,
  after: () => Promise<void>,
): Promise<Database> {
  const client = thread
    ? await PgliteThread.start({ path, loadDataDir })
    : await createPglite(path, loadDataDir);
  return wrapPglite(client, after);
}

/** drizzle's `pglite` driver only queries and opens transactions, which the thread provides. */
function wrapPglite(client: PGlite | PgliteThread, after: () => Promise<void>): Database {
  const db = drizzlePglite(client as PGlite, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    dumpDataDir: () => client.dumpDataDir('gzip'),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        await after();
      }
    },
  };
}
