/**
 * The report as the office sees it: built from the records, checked by every rule (R8/R9 against
 * the previous year's report, from gongkai or imported and confirmed), plus the checks only the
 * app can make: applications the tables cannot count yet, and text still to be written.
 */

import { placeholderFindings } from '../../annual/templates.ts';
import { type Agency, listMemberAgencies } from '../../db/agencies.ts';
import {
  type AnnualReportVersion,
  findAnnualReportRow,
  findImportedReport,
  getVersion,
  getVersions,
  type ImportedReportRow,
  listAnnualReportRows,
  listImportedReports,
  versionReport,
} from '../../db/annual.ts';
import { type UnreceivedApplication, unreceivedApplications } from '../../db/annualFacts.ts';
import type { Db } from '../../db/database.ts';
import { checkReport } from '../../report/check.ts';
import { type Finding, finding } from '../../report/finding.ts';
import type { CellKey } from '../../report/keys.ts';
import { type AnnualReport, isUncertain } from '../../report/model.ts';
import {
  type BuildOptions,
  buildAnnualReport,
  buildAnnualReports,
  type ReportTarget,
} from './build.ts';

export type PreviousSource =
  | { source: 'gongkai'; report: AnnualReport; versionId: number }
  | { source: 'imported'; report: AnnualReport; filename: string }
  | { source: 'unconfirmed'; filename: string; pending: string[] }
  | { source: 'none' };

/** An imported report with its confirmed values applied; null while a cell is unconfirmed. */
export function confirmedImport(row: ImportedReportRow): {
  report: AnnualReport | null;
  pending: string[];
} {
  const report = structuredClone(row.report) as unknown as AnnualReport;
  const pending: string[] = [];
  for (const key of row.uncertain) {
    const value = row.confirmed[key];
    if (value === undefined) pending.push(key);
    else report.cells[key as CellKey] = value;
  }
  const stillUncertain = Object.values(report.cells).some((v) => isUncertain(v));
  return { report: pending.length === 0 && !stillUncertain ? report : null, pending };
}

/** The previous year's report: gongkai's own published snapshot first, else a confirmed import. */
export async function previousYearReport(
  db: Db,
  agency: Agency,
  year: number,
): Promise<PreviousSource> {
  const own = await findAnnualReportRow(db, agency.id, year - 1);
  const version = own?.publishedVersionId
    ? await getVersion(db, own.publishedVersionId)
    : undefined;
  const imported = version ? undefined : await findImportedReport(db, agency.id, year - 1);
  return previousSource(version, imported);
}

/** `previousYearReport` of many agencies, with three queries for all of them. */
export async function previousYearReports(
  db: Db,
  agencies: readonly Agency[],
  year: number,
): Promise<PreviousSource[]> {
  const ids = agencies.map((a) => a.id);
  const rows = await listAnnualReportRows(db, ids, year - 1);
  const versionIds = rows.flatMap((r) => (r.publishedVersionId ? [r.publishedVersionId] : []));
  const versions = await getVersions(db, versionIds);
  const imported = await listImportedReports(db, ids, year - 1);
  return agencies.map((agency) => {
    const own = rows.find((r) => r.agencyId === agency.id);
    const version = versions.find((v) => v.id === own?.publishedVersionId);
    return previousSource(
      version,
      imported.find((r) => r.agencyId === agency.id),
    );
  });
}

function previousSource(
  version: AnnualReportVersion | undefined,
  imported: ImportedReportRow | undefined,
): PreviousSource {
  if (version) return { source: 'gongkai', report: versionReport(version), versionId: version.id };
  if (!imported) return { source: 'none' };
  const { report, pending } = confirmedImport(imported);
  return report
    ? { source: 'imported', report, filename: imported.filename }
    : { source: 'unconfirmed', filename: imported.filename, pending };
}

export interface ComposedReport {
  report: AnnualReport;
  findings: Finding[];
  previous: PreviousSource;
  unreceived: UnreceivedApplication[];
}

export function recordFindings(year: number, unreceived: UnreceivedApplication[]): Finding[] {
  if (unreceived.length === 0) return [];
  const cells = new Set<CellKey>(['t3.new.tot']);
  for (const a of unreceived) cells.add(`t3.new.${a.applicantType}` as CellKey);
  return [
    finding(
      'records',
      'error',
      `${unreceived.length}件申请在${year}年内提交，但没有登记收到申请之日（条例第三十一条），表三未计入；请在申请记录中登记收到日期后再审核`,
      [...cells],
    ),
  ];
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity === 'warning'),
  ];
}

/**
 * Builds and checks the report from the records as they are now. For a government the report is
 * the roll-up unless `includeMembers: false` asks for its own records only.
 */
export async function composeReport(
  db: Db,
  agency: Agency,
  year: number,
  options: BuildOptions = {},
): Promise<ComposedReport> {
  // A government's report is the roll-up: its own records plus every member's (R16).
  const includeMembers = options.includeMembers ?? agency.kind === 'government';
  const report = await buildAnnualReport(db, agency, year, { ...options, includeMembers });
  const previous = await previousYearReport(db, agency, year);
  const unreceived = await unreceivedApplications(db, [agency.id], year);
  return {
    report,
    findings: composedFindings(year, report, previous, unreceived),
    previous,
    unreceived,
  };
}

/**
 * `composeReport` (with its default roll-up for governments) of many agencies of one year, with
 * one query per table or fact for all of them.
 */
export async function composeReports(
  db: Db,
  agencies: readonly Agency[],
  year: number,
  /** The agencies' reports when the caller has built them already (the county page). */
  built?: readonly AnnualReport[],
): Promise<ComposedReport[]> {
  const reports = built ?? (await buildAnnualReports(db, await composeTargets(db, agencies), year));
  const previous = await previousYearReports(db, agencies, year);
  const unreceived = await unreceivedApplications(
    db,
    agencies.map((a) => a.id),
    year,
  );
  return agencies.map((agency, i) => {
    const own = unreceived.filter((u) => u.agencyId === agency.id);
    return {
      report: reports[i],
      findings: composedFindings(year, reports[i], previous[i], own),
      previous: previous[i],
      unreceived: own,
    };
  });
}

/** What `composeReports` builds: a government's report rolls up its members' records. */
export async function composeTargets(db: Db, agencies: readonly Agency[]): Promise<ReportTarget[]> {
  const targets: ReportTarget[] = [];
  for (const agency of agencies) {
    const members = agency.kind === 'government' ? await listMemberAgencies(db, agency.id) : [];
    targets.push({ agency, agencyIds: [agency.id, ...members.map((m) => m.id)] });
  }
  return targets;
}

/** Every rule's findings (R8/R9 against the previous report) and the app's own checks. */
function composedFindings(
  year: number,
  report: AnnualReport,
  previous: PreviousSource,
  unreceived: UnreceivedApplication[],
): Finding[] {
  return sortFindings([
    ...checkReport(report, {
      previous:
        previous.source === 'gongkai' || previous.source === 'imported'
          ? previous.report
          : undefined,
    }),
    ...recordFindings(year, unreceived),
    ...placeholderFindings({
      S1: report.sections.S1?.text,
      S5: report.sections.S5?.text,
      S6: report.sections.S6?.text,
    }),
  ]);
}

export const hasErrors = (findings: readonly Finding[]) =>
  findings.some((f) => f.severity === 'error');
