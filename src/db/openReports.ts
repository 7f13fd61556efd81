/**
 * Published annual reports and Art. 20 registers as open data (API, bulk export). Only a report
 * whose row is `published` is ever returned, as its latest published snapshot. Read-only.
 */
import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { RegisterKind, T2Cells } from '../catalog/t2.ts';
import type { AnnualReport } from '../report/model.ts';
import { type AnnualReportRow, getVersion, listAmendments, versionReport } from './annual.ts';
import { t2Cells } from './catalogRegisters.ts';
import type { Db } from './database.ts';
import { firstRow } from './rows.ts';
import { annualReports, annualReportVersions } from './schema/annual.ts';
import { publications, registerEntries } from './schema/catalog.ts';

export interface PublishedReportSummary {
  year: number;
  publishedOn: string | null;
  /** When the latest published snapshot (publication or amendment) was taken. */
  updatedAt: Date;
  formatVersion: string;
  versionId: number;
}

/** The agency's published reports, newest year first. */
export async function listPublishedReports(
  db: Db,
  agencyId: number,
): Promise<PublishedReportSummary[]> {
  const rows = await db
    .select({
      year: annualReports.year,
      publishedOn: annualReports.publishedOn,
      versionId: annualReportVersions.id,
      at: annualReportVersions.at,
      report: annualReportVersions.report,
    })
    .from(annualReports)
    .innerJoin(annualReportVersions, eq(annualReportVersions.id, annualReports.publishedVersionId))
    .where(and(eq(annualReports.agencyId, agencyId), eq(annualReports.status, 'published')))
    .orderBy(desc(annualReports.year));
  return rows.map((r) => ({
    year: r.year,
    publishedOn: r.publishedOn,
    updatedAt: r.at,
    formatVersion: String((r.report as { formatVersion?: string }).formatVersion ?? '2021'),
    versionId: r.versionId,
  }));
}

export interface PublishedReport {
  row: AnnualReportRow;
  versionId: number;
  report: AnnualReport;
  updatedAt: Date;
  amendments: { at: Date; reason: string; cells: string[] }[];
}

/** The published report of a year, or undefined when there is none (missing, draft, approved). */
export async function findPublishedReport(
  db: Db,
  agencyId: number,
  year: number,
): Promise<PublishedReport | undefined> {
  const row = await firstRow(db, annualReports, { agencyId, year, status: 'published' });
  if (!row?.publishedVersionId) return undefined;
  const version = await getVersion(db, row.publishedVersionId);
  if (!version) return undefined;
  const amendments = await listAmendments(db, row.id);
  return {
    row,
    versionId: version.id,
    report: versionReport(version),
    updatedAt: version.at,
    amendments: amendments.map((a) => ({
      at: a.at,
      reason: a.reason,
      cells: a.cells.map((cell) => cell.key),
    })),
  };
}

/** The published reports of several agencies for one year, by agency id. */
export async function publishedReportsOfYear(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, AnnualReport>> {
  const rows = await db
    .select({ agencyId: annualReports.agencyId, report: annualReportVersions.report })
    .from(annualReports)
    .innerJoin(annualReportVersions, eq(annualReportVersions.id, annualReports.publishedVersionId))
    .where(
      and(
        inArray(annualReports.agencyId, [...agencyIds]),
        eq(annualReports.year, year),
        eq(annualReports.status, 'published'),
      ),
    );
  return new Map(rows.map((r) => [r.agencyId, r.report as unknown as AnnualReport]));
}

export interface OpenRegisters {
  cells: T2Cells['cells'];
  months: { month: string; kind: RegisterKind; count: number | null; amountYuan: number | null }[];
  /** The published 规章 / 行政规范性文件 behind the t2.reg / t2.norm cells. */
  documents: { cell: string; publicationId: number; title: string }[];
}

/** The Art. 20 figures of a year: T2 cells, the monthly register entries, the documents counted. */
export async function openRegisters(
  db: Db,
  agencyId: number,
  year: number,
): Promise<OpenRegisters> {
  const t2 = await t2Cells(db, agencyId, year);
  const months = await db
    .select({
      month: registerEntries.month,
      kind: registerEntries.kind,
      count: registerEntries.count,
      amountYuan: registerEntries.amountYuan,
    })
    .from(registerEntries)
    .where(and(eq(registerEntries.agencyId, agencyId), like(registerEntries.month, `${year}-%`)))
    .orderBy(asc(registerEntries.month), asc(registerEntries.kind));
  const counted = Object.entries(t2.drillDown).flatMap(([cell, rows]) =>
    rows.flatMap((r) =>
      r.publicationId === undefined ? [] : [{ cell, publicationId: r.publicationId }],
    ),
  );
  const published = counted.length
    ? await db
        .select({ id: publications.id, title: publications.title })
        .from(publications)
        .where(
          and(
            inArray(
              publications.id,
              counted.map((d) => d.publicationId),
            ),
            eq(publications.status, 'published'),
          ),
        )
    : [];
  const titles = new Map(published.map((p) => [p.id, p.title]));
  return {
    cells: t2.cells,
    months: months.map((m) => ({
      ...m,
      amountYuan: m.amountYuan === null ? null : Number(m.amountYuan),
    })),
    documents: counted
      .filter((d) => titles.has(d.publicationId))
      .map((d) => ({ ...d, title: titles.get(d.publicationId)! })),
  };
}

/** The years with register entries of an agency, oldest first. */
export async function registerYears(db: Db, agencyId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<string>`substr(${registerEntries.month}, 1, 4)` })
    .from(registerEntries)
    .where(eq(registerEntries.agencyId, agencyId));
  return rows.map((r) => Number(r.year)).sort((a, b) => a - b);
}
