/** Art. 20 registers (许可, 处罚, 强制 decisions; 收费 income) and the T2 cells they give. */
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import {
  computeT2,
  type NormativeRecord,
  REGISTER_BOUNDS,
  type RegisterKind,
  type RegisterRecord,
  type T2Cells,
} from '../catalog/t2.ts';
import { GongkaiError } from '../errors.ts';
import { audit } from './audit.ts';
import type { Db } from './database.ts';
import { listRows } from './rows.ts';
import {
  catalogCategories,
  publications,
  publicationValidity,
  registerEntries,
} from './schema/catalog.ts';

export interface RegisterEntryInput {
  kind: RegisterKind;
  /** YYYY-MM */
  month: string;
  count?: number | null;
  amountYuan?: number | null;
  note?: string | null;
}

/** Sets a month's figure (replacing what was there), with an audit entry. */
export async function saveRegisterEntry(
  db: Db,
  agencyId: number,
  entry: RegisterEntryInput,
  actor: { userId: number | null; ip?: string | null },
  source = 'manual',
) {
  const row = validEntry(entry);
  await db.transaction(async (tx) => {
    await tx
      .insert(registerEntries)
      .values({ ...row, agencyId, source, userId: actor.userId })
      .onConflictDoUpdate({
        target: [registerEntries.agencyId, registerEntries.kind, registerEntries.month],
        set: {
          count: row.count,
          amountYuan: row.amountYuan,
          note: row.note,
          source,
          userId: actor.userId,
          updatedAt: new Date(),
        },
      });
    await audit(tx as unknown as Db, {
      userId: actor.userId,
      agencyId,
      action: 'catalog.register.save',
      target: `register:${row.kind}:${row.month}`,
      details: { ...row, source },
      ip: actor.ip ?? null,
    });
  });
}

export async function listRegisterEntries(db: Db, agencyId: number, year: number) {
  return listRows(
    db,
    registerEntries,
    and(eq(registerEntries.agencyId, agencyId), like(registerEntries.month, `${year}-%`)),
    asc(registerEntries.month),
    asc(registerEntries.kind),
  );
}

const csvKinds: Record<string, RegisterKind> = {
  lic: 'lic',
  行政许可: 'lic',
  pun: 'pun',
  行政处罚: 'pun',
  coe: 'coe',
  行政强制: 'coe',
  fee: 'fee',
  行政事业性收费: 'fee',
  收费: 'fee',
};

/**
 * Imports `month,kind,value[,note]` lines (header optional; kind in Chinese or lic/pun/coe/fee;
 * value = decisions, or 元 for fees). All lines are checked first; nothing is saved if one is bad.
 */
export async function importRegisterCsv(
  db: Db,
  agencyId: number,
  csv: string,
  actor: { userId: number | null; ip?: string | null },
) {
  const entries: RegisterEntryInput[] = [];
  const errors: string[] = [];
  csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      const cells = line.split(/[,，\t]/).map((c) => c.trim());
      if (cells.every((c) => c === '') || (i === 0 && !/^\d{4}-\d{2}$/.test(cells[0]))) return;
      const [month, kindText, valueText, note] = cells;
      const kind = Object.hasOwn(csvKinds, kindText ?? '') ? csvKinds[kindText] : undefined;
      const value = Number(valueText);
      if (
        !/^\d{4}-(0[1-9]|1[0-2])$/.test(month) ||
        !kind ||
        valueText === '' ||
        !Number.isFinite(value) ||
        value < 0
      ) {
        errors.push(`第${i + 1}行无法识别：${line}`);
        return;
      }
      entries.push(
        kind === 'fee'
          ? { kind, month, amountYuan: value, note }
          : { kind, month, count: value, note },
      );
    });
  if (errors.length > 0)
    throw new GongkaiError('catalog.register.csv', { errors: errors.slice(0, 5).join('；') });
  for (const e of entries) validEntry(e);
  await db.transaction(async (tx) => {
    for (const e of entries)
      await saveRegisterEntry(tx as unknown as Db, agencyId, e, actor, 'csv');
  });
  return entries.length;
}

/**
 * T2 of the 2021 format for an agency and year, with the records behind every cell:
 * `t2.reg.*` / `t2.norm.*` from published catalogue items in 规章 / 行政规范性文件 categories
 * and their 有效性 history; decisions and fees from the registers.
 */
export async function t2Cells(db: Db, agencyId: number, year: number): Promise<T2Cells> {
  return (await t2CellsByAgency(db, [agencyId], year)).get(agencyId)!;
}

/** T2 of each agency on its own (every id has an entry), with three queries for all of them. */
export async function t2CellsByAgency(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, T2Cells>> {
  if (agencyIds.length === 0) return new Map();
  const ids = [...agencyIds];
  const docs = await db
    .select({
      agencyId: publications.agencyId,
      publicationId: publications.id,
      title: publications.title,
      indexNumber: publications.indexNumber,
      docNumber: publications.docNumber,
      kind: catalogCategories.t2Kind,
      madeOn: publications.madeOn,
    })
    .from(publications)
    .innerJoin(catalogCategories, eq(catalogCategories.id, publications.categoryId))
    .where(
      and(
        inArray(publications.agencyId, ids),
        inArray(publications.status, ['published', 'withdrawn']),
        sql`${catalogCategories.t2Kind} is not null`,
      ),
    );
  const history = docs.length
    ? await db
        .select()
        .from(publicationValidity)
        .where(
          inArray(
            publicationValidity.publicationId,
            docs.map((d) => d.publicationId),
          ),
        )
    : [];
  const entries = await db
    .select()
    .from(registerEntries)
    .where(and(inArray(registerEntries.agencyId, ids), like(registerEntries.month, `${year}-%`)))
    .orderBy(asc(registerEntries.agencyId), asc(registerEntries.month), asc(registerEntries.kind));
  const historyOf = groupBy(history, (h) => h.publicationId);
  const docsOf = groupBy(docs, (d) => d.agencyId);
  const entriesOf = groupBy(entries, (r) => r.agencyId);
  const out = new Map<number, T2Cells>();
  for (const agencyId of ids) {
    const records: NormativeRecord[] = (docsOf.get(agencyId) ?? []).map((d) => ({
      publicationId: d.publicationId,
      title: d.title,
      indexNumber: d.indexNumber,
      docNumber: d.docNumber,
      kind: d.kind as NormativeRecord['kind'],
      madeOn: d.madeOn,
      history: (historyOf.get(d.publicationId) ?? []).map((h) => ({
        validity: h.validity,
        since: h.since,
      })),
    }));
    const registers: RegisterRecord[] = (entriesOf.get(agencyId) ?? []).map((r) => ({
      kind: r.kind,
      month: r.month,
      count: r.count,
      amountYuan: r.amountYuan === null ? null : Number(r.amountYuan),
    }));
    out.set(agencyId, computeT2(year, records, registers));
  }
  return out;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

const REGISTER_KINDS: readonly string[] = ['lic', 'pun', 'coe', 'fee'];

function validEntry(e: RegisterEntryInput) {
  const { firstYear, lastYear, maxCount, maxFeeYuan } = REGISTER_BOUNDS;
  const year = Number(e.month.slice(0, 4));
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(e.month) || year < firstYear || year > lastYear)
    throw new GongkaiError('catalog.register.month', { firstYear, lastYear, month: e.month });
  if (!REGISTER_KINDS.includes(e.kind))
    throw new GongkaiError('catalog.register.kind', '类别应为行政许可、行政处罚、行政强制或收费。');
  if (e.kind === 'fee') {
    const amount = e.amountYuan ?? -1;
    if (
      !(amount >= 0 && amount <= maxFeeYuan) ||
      Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6
    )
      throw new GongkaiError('catalog.register.amount', { maxFeeYuan });
    return { kind: e.kind, month: e.month, count: null, amountYuan: amount, note: e.note ?? null };
  }
  const count = e.count ?? -1;
  if (!Number.isInteger(count) || count < 0 || count > maxCount)
    throw new GongkaiError('catalog.register.count', { maxCount });
  return { kind: e.kind, month: e.month, count, amountYuan: null, note: e.note ?? null };
}
