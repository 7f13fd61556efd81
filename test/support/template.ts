import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { loadDemo } from '../../src/demo/load.ts';

/**
 * Loading the full demo costs seconds of CPU, and many test files need it. `npm test` builds it
 * once (test/support/prepare.ts): a PGlite dump file and a PostgreSQL template database, both
 * stamped with a fingerprint of the sources. A test process uses them only when the fingerprint
 * matches, and otherwise loads the demo itself, so a stale template can never be used.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const templateDir = join(root, 'test-output', 'templates');
const pgliteDump = join(templateDir, 'demo-pglite.tar.gz');
const pgliteStamp = join(templateDir, 'demo-pglite.fingerprint');
/** One template per checkout (GONGKAI_PG_TEMPLATE), so parallel checkouts on one server do not collide. */
export const pgTemplate = process.env.GONGKAI_PG_TEMPLATE ?? 'gk_demo_template';
/** The template's name quoted for SQL: an unquoted GONGKAI_PG_TEMPLATE=gk_tpl_ciSpeed would be folded to lower case. */
const quotedTemplate = pg.escapeIdentifier(pgTemplate);

let cachedFingerprint: string | undefined;

/** A hash of everything that shapes the demo database: migrations and the code that writes it. */
export function sourceFingerprint(): string {
  if (cachedFingerprint) return cachedFingerprint;
  const hash = createHash('sha256');
  for (const dir of ['drizzle', 'src']) {
    for (const file of walk(join(root, dir))) hash.update(file).update(readFileSync(file));
  }
  cachedFingerprint = hash.digest('hex').slice(0, 16);
  return cachedFingerprint;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** The prepared PGlite demo dump, or null when there is no fresh one. */
export function demoPgliteDump(): Blob | null {
  const fresh =
    existsSync(pgliteStamp) && readFileSync(pgliteStamp, 'utf8') === sourceFingerprint();
  return fresh ? new Blob([readFileSync(pgliteDump)]) : null;
}

/** An in-memory PGlite with the demo loaded. */
export async function openDemoPglite(): Promise<Database> {
  const loadDataDir = demoPgliteDump();
  if (loadDataDir) return openDatabase({ dataDir: 'memory://', url: '', loadDataDir });
  const database = await openDatabase({ dataDir: 'memory://', url: '' });
  await loadDemo(database.db);
  return database;
}

/** The template to copy for a PostgreSQL database with the demo, or null when there is no fresh one. */
export async function freshPgTemplate(admin: pg.Client): Promise<string | null> {
  const { rows } = await admin.query(
    `select shobj_description(oid, 'pg_database') as stamp from pg_database where datname = $1`,
    [pgTemplate],
  );
  return rows[0]?.stamp === sourceFingerprint() ? pgTemplate : null;
}

export async function preparePgliteTemplate(): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://', url: '' });
  try {
    await loadDemo(database.db);
    const dump = await database.dumpDataDir!();
    mkdirSync(templateDir, { recursive: true });
    writeFileSync(pgliteDump, Buffer.from(await dump.arrayBuffer()));
    writeFileSync(pgliteStamp, sourceFingerprint());
  } finally {
    await database.close();
  }
}

export async function preparePgTemplate(baseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [pgTemplate]);
    if (exists.rowCount) await admin.query(`alter database ${quotedTemplate} is_template false`);
    await admin.query(`drop database if exists ${quotedTemplate} with (force)`);
    await admin.query(`create database ${quotedTemplate}`);
    const url = new URL(baseUrl);
    url.pathname = `/${pgTemplate}`;
    const database = await openDatabase({ url: url.toString() });
    try {
      await loadDemo(database.db);
    } finally {
      await database.close();
    }
    await admin.query(`comment on database ${quotedTemplate} is '${sourceFingerprint()}'`);
    await admin.query(`alter database ${quotedTemplate} is_template true`);
  } finally {
    await admin.end();
  }
}
