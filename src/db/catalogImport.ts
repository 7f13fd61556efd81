/**
 * Importing an old 公开目录 (`gongkai import-catalogue`): each item read by
 * catalog/legacyImport.ts is added as a published item with its own 索引号 and dates, unless it is
 * already there (same 索引号; without one, same title and 发布日期), so a re-run adds nothing twice.
 */
import { and, eq } from 'drizzle-orm';
import type { LegacyItem, RefusedRow } from '../catalog/legacyImport.ts';
import { isGongkaiError } from '../errors.ts';
import type { Agency } from './agencies.ts';
import { audit } from './audit.ts';
import type { Db } from './database.ts';
import { importPublication } from './publications/import.ts';
import { publications } from './schema/catalog.ts';

export interface ImportOutcome {
  imported: { line: number; title: string; indexNumber: string }[];
  /** Already in the catalogue: not imported again. */
  skipped: RefusedRow[];
  refused: RefusedRow[];
}

/** Adds the items (each in its own transaction); with `dryRun` only reports what it would do. */
export async function importLegacyItems(
  db: Db,
  agency: Agency,
  items: readonly LegacyItem[],
  options: {
    dryRun: boolean;
    source: string;
    /** Called after each item, with how many are done of all. */
    progress?: (done: number, total: number) => void;
  },
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], skipped: [], refused: [] };
  for (const [done, item] of items.entries()) {
    options.progress?.(done, items.length);
    const existing = await findExisting(db, agency.id, item);
    if (existing) {
      outcome.skipped.push({ line: item.line, title: item.title, reason: existing });
      continue;
    }
    if (options.dryRun) {
      outcome.imported.push({
        line: item.line,
        title: item.title,
        indexNumber: item.indexNumber ?? '（导入时编号）',
      });
      continue;
    }
    try {
      const row = await importPublication(db, agency.id, item, { userId: null });
      outcome.imported.push({ line: item.line, title: item.title, indexNumber: row.indexNumber! });
    } catch (error) {
      if (!isGongkaiError(error)) throw error;
      outcome.refused.push({ line: item.line, title: item.title, reason: error.message });
    }
  }
  options.progress?.(items.length, items.length);
  if (!options.dryRun && outcome.imported.length > 0)
    await audit(db, {
      userId: null,
      agencyId: agency.id,
      action: 'catalog.import',
      target: `file:${options.source}`,
      details: {
        imported: outcome.imported.length,
        skipped: outcome.skipped.length,
        refused: outcome.refused.length,
      },
    });
  return outcome;
}

async function findExisting(db: Db, agencyId: number, item: LegacyItem): Promise<string | null> {
  if (item.indexNumber) {
    const [row] = await db
      .select({ id: publications.id })
      .from(publications)
      .where(
        and(eq(publications.agencyId, agencyId), eq(publications.indexNumber, item.indexNumber)),
      );
    return row ? `索引号 ${item.indexNumber} 已在目录中，未重复导入` : null;
  }
  const [row] = await db
    .select({ id: publications.id })
    .from(publications)
    .where(
      and(
        eq(publications.agencyId, agencyId),
        eq(publications.title, item.title),
        eq(publications.publishedOn, item.publishedOn),
      ),
    );
  return row ? '同标题、同发布日期的信息已在目录中，未重复导入' : null;
}
