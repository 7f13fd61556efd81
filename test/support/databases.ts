import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { freshPgTemplate, openTemplatePglite } from './template.ts';

/** The databases every repository test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const databaseKinds = (): ('pglite' | 'postgres')[] =>
  process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface DatabaseOptions {
  /** Start with the demo loaded (copied from the prepared template when it is fresh). */
  demo?: boolean;
}

/**
 * Declares `body` once per database kind. Each run gets a fresh, migrated database:
 * an in-memory PGlite, or a new PostgreSQL database created next to TEST_DATABASE_URL and dropped after.
 */
export function describeEachDatabase(
  name: string,
  body: (get: () => Database) => void,
  options: DatabaseOptions = {},
): void {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let database: Database;
      let drop = async () => {};
      before(async () => {
        if (kind === 'pglite') database = await freshPglite(options);
        else ({ database, drop } = await freshPostgres(options));
      });
      after(async () => {
        await database?.close();
        await drop();
      });
      body(() => database);
    });
  }
}

export async function freshPglite(options: DatabaseOptions = {}): Promise<Database> {
  return openTemplatePglite(options.demo ? 'demo' : 'empty');
}

export async function freshPostgres(options: DatabaseOptions = {}): Promise<{
  database: Database;
  url: string;
  drop: () => Promise<void>;
}> {
  const base = new URL(process.env.TEST_DATABASE_URL as string);
  const name = `gk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  const template = await freshPgTemplate(admin, options.demo ? 'demo' : 'empty');
  await admin.query(
    `CREATE DATABASE ${name}${template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : ''}`,
  );
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  if (options.demo && !template) await loadDemo(database.db);
  const drop = async () => {
    const client = new pg.Client({ connectionString: base.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
  return { database, url: url.toString(), drop };
}
