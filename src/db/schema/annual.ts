/**
 * 年度报告 in the app: one row per agency and year (`annual_reports`, its current state), the
 * locked snapshots taken on approval, publication and each amendment (`annual_report_versions`,
 * append-only), their rendered files, the amendments published after the lock, previous-year
 * reports imported from files (with per-cell confirmation) and local deadline settings.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AmendedCell } from '../../annual/amendments.ts';
import { annualReportStatuses } from '../../annual/reportStatus.ts';
import type { ReportTexts } from '../../annual/templates.ts';
import { agencyRef, agencyRow, authorship, recordedBy, userRef } from '../schema.ts';
import { publications } from './catalog.ts';
import { bytea, requiredRef, serialId, stampedAt } from './columns.ts';

export const annualReports = pgTable(
  'annual_reports',
  {
    ...agencyRow(),
    year: integer('year').notNull(),
    status: text('status', { enum: annualReportStatuses }).notNull().default('draft'),
    texts: jsonb('texts').$type<ReportTexts>().notNull().default({}),
    /** The snapshot approved (status approved) and the latest published one (incl. amendments). */
    approvedVersionId: integer('approved_version_id'),
    publishedVersionId: integer('published_version_id'),
    /** The catalogue item in the 政府信息公开年报 category. */
    publicationId: integer('publication_id').references(() => publications.id),
    publishedOn: text('published_on'),
    ...authorship(),
  },
  (t) => [uniqueIndex('annual_reports_agency_year').on(t.agencyId, t.year)],
);

/** A locked snapshot: the AnnualReport as approved / published / amended. Append-only. */
export const annualReportVersions = pgTable(
  'annual_report_versions',
  {
    id: serialId(),
    reportId: requiredRef('report_id', () => annualReports.id),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['approved', 'published', 'amendment'] }).notNull(),
    /** The AnnualReport JSON (model.ts). */
    report: jsonb('report').notNull().$type<Record<string, unknown>>(),
    findings: jsonb('findings').notNull().$type<unknown[]>(),
    note: text('note'),
    ...recordedBy(),
  },
  (t) => [uniqueIndex('annual_report_versions_seq').on(t.reportId, t.seq)],
);

/** Files rendered from a snapshot (html, docx, xlsx, json, pdf); written once per format. */
export const annualReportFiles = pgTable(
  'annual_report_files',
  {
    versionId: requiredRef('version_id', () => annualReportVersions.id),
    format: text('format').notNull(),
    data: bytea('data').notNull(),
    sha256: text('sha256').notNull(),
    at: stampedAt('at'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.format] })],
);

export const annualReportAmendments = pgTable(
  'annual_report_amendments',
  {
    id: serialId(),
    reportId: requiredRef('report_id', () => annualReports.id),
    versionId: requiredRef('version_id', () => annualReportVersions.id),
    cells: jsonb('cells').notNull().$type<AmendedCell[]>(),
    reason: text('reason').notNull(),
    ...recordedBy(),
  },
  (t) => [index('annual_report_amendments_report').on(t.reportId)],
);

/** A previous-year report read from a file (R8/R9 source when gongkai has none of its own). */
export const importedReports = pgTable(
  'imported_reports',
  {
    ...agencyRow(),
    year: integer('year').notNull(),
    filename: text('filename').notNull(),
    /** The parsed AnnualReport (uncertain cells kept as parsed). */
    report: jsonb('report').notNull().$type<Record<string, unknown>>(),
    /** Cells the parser could not determine; each must be confirmed before the report is used. */
    uncertain: jsonb('uncertain').notNull().$type<string[]>(),
    /** Values a person confirmed, by cell key. */
    confirmed: jsonb('confirmed')
      .notNull()
      .$type<Record<string, number | 'blank' | 'slash'>>()
      .default({}),
    importedBy: userRef('imported_by'),
    importedAt: stampedAt('imported_at'),
  },
  (t) => [uniqueIndex('imported_reports_agency_year').on(t.agencyId, t.year)],
);

/**
 * A local deadline earlier than the statutory one (Art. 49: departments 1月31日, governments
 * 3月31日). `scope` self: the agency's own report; members: every member agency's report.
 */
export const annualDeadlines = pgTable(
  'annual_deadlines',
  {
    agencyId: agencyRef(),
    scope: text('scope', { enum: ['self', 'members'] }).notNull(),
    /** MM-DD of the year after the report year. */
    monthDay: text('month_day').notNull(),
    updatedBy: userRef('updated_by'),
    updatedAt: stampedAt('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.scope] })],
);
