/**
 * Repository of the annual reports: the per-year row, its locked snapshots and their files,
 * amendments, imported previous-year reports and deadline settings. The workflow (who may do
 * what, in which state) is in src/services/annual/workflow.ts, which calls these inside its transactions.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AmendedCell } from '../annual/amendments.ts';
import type { AnnualReportStatus } from '../annual/reportStatus.ts';
import type { ReportTexts } from '../annual/templates.ts';
import type { Finding } from '../report/finding.ts';
import type { AnnualReport } from '../report/model.ts';
import type { Db } from './database.ts';
import { firstRow, listRows } from './rows.ts';
import {
  annualDeadlines,
  annualReportAmendments,
  annualReportFiles,
  annualReports,
  annualReportVersions,
  importedReports,
} from './schema/annual.ts';

export type AnnualReportRow = typeof annualReports.$inferSelect;
export type AnnualReportVersion = typeof annualReportVersions.$inferSelect;
export type ImportedReportRow = typeof importedReports.$inferSelect;
export type AmendmentRow = typeof annualReportAmendments.$inferSelect;
export type DeadlineSetting = typeof annualDeadlines.$inferSelect;

export async function findAnnualReportRow(
  db: Db,
  agencyId: number,
  year: number,
): Promise<AnnualReportRow | undefined> {
  return firstRow(db, annualReports, { agencyId, year });
}

/** The row, locked for the rest of the transaction (two approvals cannot race). */
export async function lockAnnualReportRow(db: Db, agencyId: number, year: number) {
  const [row] = await db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.agencyId, agencyId), eq(annualReports.year, year)))
    .for('update');
  return row;
}

export async function listAnnualReportRows(db: Db, agencyIds: readonly number[], year?: number) {
  if (agencyIds.length === 0) return [];
  return listRows(
    db,
    annualReports,
    and(
      inArray(annualReports.agencyId, [...agencyIds]),
      year === undefined ? undefined : eq(annualReports.year, year),
    ),
    desc(annualReports.year),
    asc(annualReports.agencyId),
  );
}

/** Creates the draft row if there is none; returns the row. */
export async function ensureAnnualReportRow(
  db: Db,
  agencyId: number,
  year: number,
  userId: number | null,
): Promise<AnnualReportRow> {
  await db
    .insert(annualReports)
    .values({ agencyId, year, createdBy: userId })
    .onConflictDoNothing({ target: [annualReports.agencyId, annualReports.year] });
  return (await lockAnnualReportRow(db, agencyId, year))!;
}

export async function updateAnnualReportRow(
  db: Db,
  id: number,
  set: Partial<{
    status: AnnualReportStatus;
    texts: ReportTexts;
    approvedVersionId: number | null;
    publishedVersionId: number | null;
    publicationId: number | null;
    publishedOn: string | null;
  }>,
) {
  await db
    .update(annualReports)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(annualReports.id, id));
}

export async function insertVersion(
  db: Db,
  v: {
    reportId: number;
    kind: AnnualReportVersion['kind'];
    report: AnnualReport;
    findings: Finding[];
    note?: string | null;
    userId: number | null;
  },
): Promise<AnnualReportVersion> {
  const [{ last }] = await db
    .select({ last: sql<number>`coalesce(max(${annualReportVersions.seq}), 0)::int` })
    .from(annualReportVersions)
    .where(eq(annualReportVersions.reportId, v.reportId));
  const [row] = await db
    .insert(annualReportVersions)
    .values({
      reportId: v.reportId,
      seq: Number(last) + 1,
      kind: v.kind,
      report: v.report as unknown as Record<string, unknown>,
      findings: v.findings,
      note: v.note ?? null,
      userId: v.userId,
    })
    .returning();
  return row;
}

export async function getVersion(db: Db, id: number): Promise<AnnualReportVersion | undefined> {
  const [row] = await db.select().from(annualReportVersions).where(eq(annualReportVersions.id, id));
  return row;
}

/** The snapshots with these ids (in no particular order). */
export async function getVersions(db: Db, ids: readonly number[]): Promise<AnnualReportVersion[]> {
  if (ids.length === 0) return [];
  return listRows(db, annualReportVersions, inArray(annualReportVersions.id, [...ids]));
}

export async function listVersions(db: Db, reportId: number): Promise<AnnualReportVersion[]> {
  return listRows(db, annualReportVersions, { reportId }, asc(annualReportVersions.seq));
}

export function versionReport(version: AnnualReportVersion): AnnualReport {
  return version.report as unknown as AnnualReport;
}

/** Stores a rendered file of a snapshot once; a second call for the same format keeps the first. */
export async function saveVersionFile(db: Db, versionId: number, format: string, data: Buffer) {
  await db
    .insert(annualReportFiles)
    .values({
      versionId,
      format,
      data,
      sha256: createHash('sha256').update(data).digest('hex'),
    })
    .onConflictDoNothing();
}

export async function getVersionFile(db: Db, versionId: number, format: string) {
  return firstRow(db, annualReportFiles, { versionId, format });
}

export async function insertAmendment(
  db: Db,
  a: {
    reportId: number;
    versionId: number;
    cells: AmendedCell[];
    reason: string;
    userId: number | null;
  },
) {
  const [row] = await db.insert(annualReportAmendments).values(a).returning();
  return row;
}

export async function listAmendments(db: Db, reportId: number): Promise<AmendmentRow[]> {
  return listRows(db, annualReportAmendments, { reportId }, asc(annualReportAmendments.id));
}

// ---------------------------------------------------------------------------------------------
// Imported previous-year reports

export async function findImportedReport(db: Db, agencyId: number, year: number) {
  return firstRow(db, importedReports, { agencyId, year });
}

export async function listImportedReports(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<ImportedReportRow[]> {
  return listRows(
    db,
    importedReports,
    and(inArray(importedReports.agencyId, [...agencyIds]), eq(importedReports.year, year)),
  );
}

/** Saves (or replaces) the parsed file; earlier confirmations are dropped with the old file. */
export async function saveImportedReport(
  db: Db,
  v: {
    agencyId: number;
    year: number;
    filename: string;
    report: AnnualReport;
    uncertain: string[];
    userId: number | null;
  },
): Promise<ImportedReportRow> {
  const values = {
    filename: v.filename,
    report: v.report as unknown as Record<string, unknown>,
    uncertain: v.uncertain,
    confirmed: {},
    importedBy: v.userId,
    importedAt: new Date(),
  };
  const [row] = await db
    .insert(importedReports)
    .values({ agencyId: v.agencyId, year: v.year, ...values })
    .onConflictDoUpdate({ target: [importedReports.agencyId, importedReports.year], set: values })
    .returning();
  return row;
}

export async function saveImportedConfirmations(
  db: Db,
  id: number,
  confirmed: Record<string, number | 'blank' | 'slash'>,
) {
  await db.update(importedReports).set({ confirmed }).where(eq(importedReports.id, id));
}

// ---------------------------------------------------------------------------------------------
// Deadlines

export async function deadlineSettings(db: Db, agencyIds: readonly number[]) {
  if (agencyIds.length === 0) return [];
  return listRows(db, annualDeadlines, inArray(annualDeadlines.agencyId, [...agencyIds]));
}

export async function saveDeadlineSetting(
  db: Db,
  agencyId: number,
  scope: 'self' | 'members',
  monthDay: string | null,
  userId: number | null,
) {
  if (monthDay === null) {
    await db
      .delete(annualDeadlines)
      .where(and(eq(annualDeadlines.agencyId, agencyId), eq(annualDeadlines.scope, scope)));
    return;
  }
  await db
    .insert(annualDeadlines)
    .values({ agencyId, scope, monthDay, updatedBy: userId })
    .onConflictDoUpdate({
      target: [annualDeadlines.agencyId, annualDeadlines.scope],
      set: { monthDay, updatedBy: userId, updatedAt: new Date() },
    });
}
