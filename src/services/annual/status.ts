/**
 * Where each report stands: its deadline (statutory or an earlier local date set by the agency
 * or its government), its state (not started / draft / approved / published / late) and its
 * error and warning counts. Used by the dashboard and the county status table.
 */

import {
  effectiveDeadline,
  type ReportStanding,
  reportStanding,
  reportStateLabels,
} from '../../annual/deadline.ts';
import type { AnnualReportStatus } from '../../annual/reportStatus.ts';
import { type Agency, listMemberAgencies } from '../../db/agencies.ts';
import {
  type AnnualReportRow,
  type AnnualReportVersion,
  type DeadlineSetting,
  deadlineSettings,
  findAnnualReportRow,
  getVersion,
  getVersions,
  listAnnualReportRows,
} from '../../db/annual.ts';
import type { Db } from '../../db/database.ts';
import type { AnnualReport } from '../../report/model.ts';
import { type ComposedReport, composeReport, composeReports } from './compose.ts';

export async function reportDeadline(db: Db, agency: Agency, year: number) {
  const settings = await deadlineSettings(
    db,
    agency.parentId ? [agency.id, agency.parentId] : [agency.id],
  );
  return deadlineOf(agency, year, settings);
}

function deadlineOf(agency: Agency, year: number, settings: readonly DeadlineSetting[]) {
  const own = settings.find((s) => s.agencyId === agency.id && s.scope === 'self');
  const parent = settings.find((s) => s.agencyId === agency.parentId && s.scope === 'members');
  return effectiveDeadline(agency.kind, year, (own ?? parent)?.monthDay);
}

export interface ReportStatusRow {
  agency: Agency;
  due: string;
  localDue: boolean;
  standing: ReportStanding;
  /** The stored status (null: not started), also when the standing is `late`. */
  status: AnnualReportStatus | null;
  publishedOn: string | null;
  errors: number;
  warnings: number;
  /** Cells the records have changed since publication (pending amendments). */
  amendments: number;
}

export async function reportStatus(
  db: Db,
  agency: Agency,
  year: number,
  today: string,
): Promise<ReportStatusRow> {
  const { due, local } = await reportDeadline(db, agency, year);
  const row = await findAnnualReportRow(db, agency.id, year);
  const composed = await composeReport(db, agency, year);
  const published = row?.status === 'published' && row.publishedVersionId;
  const version = published ? await getVersion(db, row.publishedVersionId!) : undefined;
  return statusRow({ agency, due, local, today, row, composed, version });
}

/** `reportStatus` of many agencies of one year, with one query per table for all of them. */
export async function reportStatuses(
  db: Db,
  agencies: readonly Agency[],
  year: number,
  today: string,
  built?: readonly AnnualReport[],
): Promise<ReportStatusRow[]> {
  const ids = agencies.map((a) => a.id);
  const parents = agencies.flatMap((a) => (a.parentId ? [a.parentId] : []));
  const settings = await deadlineSettings(db, [...new Set([...ids, ...parents])]);
  const rows = await listAnnualReportRows(db, ids, year);
  const composed = await composeReports(db, agencies, year, built);
  const versions = await getVersions(
    db,
    rows.flatMap((r) =>
      r.status === 'published' && r.publishedVersionId ? [r.publishedVersionId] : [],
    ),
  );
  return agencies.map((agency, i) => {
    const row = rows.find((r) => r.agencyId === agency.id);
    const { due, local } = deadlineOf(agency, year, settings);
    const version =
      row?.status === 'published'
        ? versions.find((v) => v.id === row.publishedVersionId)
        : undefined;
    return statusRow({ agency, due, local, today, row, composed: composed[i], version });
  });
}

function statusRow(s: {
  agency: Agency;
  due: string;
  local: boolean;
  today: string;
  row: AnnualReportRow | undefined;
  composed: ComposedReport;
  version: AnnualReportVersion | undefined;
}): ReportStatusRow {
  const { row, composed, version } = s;
  const standing = reportStanding(row?.status ?? null, row?.publishedOn ?? null, s.due, s.today);
  let findings = composed.findings;
  let amendments = 0;
  if (row?.status === 'published' && row.publishedVersionId) {
    findings = (version?.findings ?? []) as typeof findings;
    const published = version?.report as { cells: Record<string, unknown> } | undefined;
    for (const [key, value] of Object.entries(composed.report.cells))
      if (JSON.stringify(published?.cells[key] ?? null) !== JSON.stringify(value)) amendments++;
  }
  return {
    agency: s.agency,
    due: s.due,
    localDue: s.local,
    standing,
    status: row?.status ?? null,
    publishedOn: row?.publishedOn ?? null,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    amendments,
  };
}

/** The status of every member agency of a government (and of its own report) for a year. */
export async function memberStatuses(
  db: Db,
  government: Agency,
  year: number,
  today: string,
  /** The reports of the government (its roll-up) and its members, when already built. */
  built?: readonly AnnualReport[],
): Promise<ReportStatusRow[]> {
  const members = await listMemberAgencies(db, government.id);
  return reportStatuses(db, [government, ...members], year, today, built);
}

/** 逾期未发布（编制中） and the like: the standing with the stored status when it is late. */
export function standingLabel(row: Pick<ReportStatusRow, 'standing' | 'status'>): string {
  const { state, publishedLate } = row.standing;
  if (state === 'late')
    return `${reportStateLabels.late}（${reportStateLabels[row.status ?? 'not-started']}）`;
  return `${reportStateLabels[state]}${publishedLate ? '（逾期发布）' : ''}`;
}
