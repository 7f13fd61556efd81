import { sql } from 'drizzle-orm';
import { GongkaiError } from '../errors.ts';
import { type Db, rowsOf } from './database.ts';

export const backupFormat = 'gongkai-backup/1';

/** One table of a snapshot: its restorable columns and its rows as JSON objects. */
export interface TableDump {
  table: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

export interface Snapshot {
  format: typeof backupFormat;
  createdAt: string;
  /** How many migrations the source had applied; a restore target must have the same. */
  migrations: number;
  tables: TableDump[];
}

const pageSize = 5000;

/**
 * A consistent snapshot of every table (one REPEATABLE READ transaction), in foreign-key order.
 * Generic over the schema, so tables added later are included without changes here.
 */
export async function takeSnapshot(db: Db): Promise<Snapshot> {
  return db.transaction(
    async (tx) => {
      const tables: TableDump[] = [];
      for (const table of await tablesInDependencyOrder(tx as unknown as Db)) {
        const columns = await restorableColumns(tx as unknown as Db, table);
        tables.push({ table, columns, rows: await readRows(tx as unknown as Db, table) });
      }
      return {
        format: backupFormat,
        createdAt: new Date().toISOString(),
        migrations: await migrationCount(tx as unknown as Db),
        tables,
      };
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** Loads a snapshot into an empty, migrated database in one transaction. */
export async function restoreSnapshot(db: Db, snapshot: Snapshot): Promise<void> {
  if (snapshot.format !== backupFormat) {
    throw new GongkaiError('backup.format', { format: String(snapshot.format) });
  }
  const migrations = await migrationCount(db);
  if (snapshot.migrations !== migrations) {
    throw new GongkaiError('backup.version', { backup: snapshot.migrations, migrations });
  }
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const existing = new Set(await tablesInDependencyOrder(t));
    for (const dump of snapshot.tables) {
      if (!existing.has(dump.table)) {
        throw new GongkaiError('backup.table', { table: dump.table });
      }
      if (await hasRows(t, dump.table)) {
        throw new GongkaiError('backup.restore-not-empty', { table: dump.table });
      }
    }
    // Rows are restored as they were: triggers that maintain projections (counters, search
    // columns) must not fire again on top of the restored projection rows.
    for (const dump of snapshot.tables) await setUserTriggers(t, dump.table, false);
    for (const dump of snapshot.tables) await insertRows(t, dump);
    for (const dump of snapshot.tables) await setUserTriggers(t, dump.table, true);
    for (const dump of snapshot.tables) await resetSequences(t, dump.table);
  });
}

async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((r) => r.name);
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`),
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const e of edges)
      if (e.child === table && e.parent !== table) visit(unquote(e.parent), path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

const unquote = (name: string) => name.replace(/^"|"$/g, '');

async function restorableColumns(db: Db, table: string): Promise<string[]> {
  return rowsOf<{ name: string }>(
    await db.execute(sql`select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
      order by ordinal_position`),
  ).map((r) => r.name);
}

/** Rows ordered by primary key, so self-referencing rows (a parent agency) come before their children. */
async function readRows(db: Db, table: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = rowsOf<{ r: Record<string, unknown> }>(
      await db.execute(
        sql`select to_jsonb(t) as r from ${sql.identifier(table)} t order by 1 limit ${pageSize} offset ${offset}`,
      ),
    );
    rows.push(...page.map((p) => (typeof p.r === 'string' ? JSON.parse(p.r) : p.r)));
    if (page.length < pageSize) return rows;
  }
}

async function insertRows(db: Db, dump: TableDump): Promise<void> {
  const columns = sql.join(
    dump.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  for (let i = 0; i < dump.rows.length; i += pageSize) {
    const page = JSON.stringify(dump.rows.slice(i, i + pageSize));
    await db.execute(sql`insert into ${sql.identifier(dump.table)} (${columns})
      select ${columns} from jsonb_populate_recordset(null::${sql.identifier(dump.table)}, ${page}::jsonb)`);
  }
}

async function setUserTriggers(db: Db, table: string, enabled: boolean): Promise<void> {
  const state = enabled ? sql`enable` : sql`disable`;
  await db.execute(sql`alter table ${sql.identifier(table)} ${state} trigger user`);
}

async function resetSequences(db: Db, table: string): Promise<void> {
  const serials = rowsOf<{ name: string }>(
    await db.execute(sql`select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = ${table}
        and (column_default like 'nextval(%' or is_identity = 'YES')`),
  );
  for (const { name } of serials) {
    await db.execute(sql`select setval(pg_get_serial_sequence(${table}, ${name}),
      coalesce((select max(${sql.identifier(name)}) from ${sql.identifier(table)}), 0) + 1, false)`);
  }
}

async function hasRows(db: Db, table: string): Promise<boolean> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from (select 1 from ${sql.identifier(table)} limit 1) t`,
    ),
  );
  return row.n > 0;
}

async function migrationCount(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
  );
  return row.n;
}
