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
/** One template per checkout (GONGKAI_PG_TEMPLATE), so parallel checkouts on one server do not collide. */
export const pgTemplate = process.env.GONGKAI_PG_TEMPLATE ?? 'gk_demo_template';

/**
 * The two prepared databases: the demo, and an empty one with every migration applied (a fresh
 * PGlite runs initdb and all migrations, several seconds of CPU; copying the dump costs a fraction).
 */
export type TemplateKind = 'demo' | 'empty';
const pgliteDump = (kind: TemplateKind) => join(templateDir, `${kind}-pglite.tar.gz`);
const pgliteStamp = (kind: TemplateKind) => join(templateDir, `${kind}-pglite.fingerprint`);
/** The PostgreSQL template's name (quoted wherever it is SQL: an unquoted gk_tpl_ciSpeed folds to lower case). */
const pgTemplateName = (kind: TemplateKind) =>
  kind === 'demo' ? pgTemplate : `${pgTemplate}_empty`;

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

/** A prepared PGlite dump, or null when there is no fresh one. */
export function pgliteDumpOf(kind: TemplateKind): Blob | null {
  const stamp = pgliteStamp(kind);
  const fresh = existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceFingerprint();
  return fresh ? new Blob([readFileSync(pgliteDump(kind))]) : null;
}

/** An in-memory PGlite, migrated, with the demo loaded when asked; in its own thread when asked. */
export async function openTemplatePglite(kind: TemplateKind, thread = false): Promise<Database> {
  const loadDataDir = pgliteDumpOf(kind) ?? undefined;
  const database = await openDatabase({ dataDir: 'memory://', url: '', loadDataDir, thread });
  if (kind === 'demo' && !loadDataDir) await loadDemo(database.db);
  return database;
}

/** The template to copy for a PostgreSQL database, or null when there is no fresh one. */
export async function freshPgTemplate(
  admin: pg.Client,
  kind: TemplateKind = 'demo',
): Promise<string | null> {
  const name = pgTemplateName(kind);
  const { rows } = await admin.query(
    `select shobj_description(oid, 'pg_database') as stamp from pg_database where datname = $1`,
    [name],
  );
  return rows[0]?.stamp === sourceFingerprint() ? name : null;
}

/** Writes both PGlite dumps: the empty migrated database, then the same with the demo loaded. */
export async function preparePgliteTemplate(): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://', url: '' });
  try {
    mkdirSync(templateDir, { recursive: true });
    await writePgliteDump(database, 'empty');
    await loadDemo(database.db);
    await writePgliteDump(database, 'demo');
  } finally {
    await database.close();
  }
}

async function writePgliteDump(database: Database, kind: TemplateKind): Promise<void> {
  const dump = await database.dumpDataDir!();
  writeFileSync(pgliteDump(kind), Buffer.from(await dump.arrayBuffer()));
  writeFileSync(pgliteStamp(kind), sourceFingerprint());
}

export async function preparePgTemplate(baseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    for (const kind of ['empty', 'demo'] as const) await preparePgDatabase(admin, baseUrl, kind);
  } finally {
    await admin.end();
  }
}

async function preparePgDatabase(admin: pg.Client, baseUrl: string, kind: TemplateKind) {
  const name = pgTemplateName(kind);
  const quoted = pg.escapeIdentifier(name);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount) await admin.query(`alter database ${quoted} is_template false`);
  await admin.query(`drop database if exists ${quoted} with (force)`);
  await admin.query(`create database ${quoted}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    if (kind === 'demo') await loadDemo(database.db);
  } finally {
    await database.close();
  }
  await admin.query(`comment on database ${quoted} is '${sourceFingerprint()}'`);
  await admin.query(`alter database ${quoted} is_template true`);
}
