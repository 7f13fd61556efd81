/**
 * Assembles an agency's `AnnualReport` from its records. Each table (or text section) comes from a
 * `ReportProvider`; T3 and T4 come from the 依申请公开 cases and their appeals. Later issues add
 * T2 (from the 主动公开 registers) and the text sections by appending to `reportProviders`.
 */
import type { Agency } from '../../db/agencies.ts';
import { listMemberAgencies } from '../../db/agencies.ts';
import type { Db } from '../../db/database.ts';
import { checkReport } from '../../report/check.ts';
import { type CheckResult, checkResult } from '../../report/checkResult.ts';
import type { Finding } from '../../report/finding.ts';
import type { AnnualReport } from '../../report/model.ts';
import { t3Provider, t4Provider } from './casesProvider.ts';
import { t2Provider } from './catalogProvider.ts';
import { textProvider } from './textProvider.ts';

export interface ReportContext {
  db: Db;
  agency: Agency;
  year: number;
  /** The agencies whose records are counted: the agency itself, plus its members for a roll-up. */
  agencyIds: number[];
}

/** Fills part of the report (cells, sections) from the records. */
export interface ReportProvider {
  name: string;
  provide(ctx: ReportContext, report: AnnualReport): Promise<void>;
  /**
   * The same for many reports of one year at once (`reports[i]` belongs to `contexts[i]`), with
   * one query per table for all their agencies; the results equal `provide` for each.
   */
  provideMany?(contexts: readonly ReportContext[], reports: readonly AnnualReport[]): Promise<void>;
}

/** In order; each provider writes its own cells or sections. */
export const reportProviders: ReportProvider[] = [t2Provider, t3Provider, t4Provider, textProvider];

export interface BuildOptions {
  /** Count the member agencies' records too (a county's roll-up). Default false. */
  includeMembers?: boolean;
  providers?: ReportProvider[];
}

export async function buildAnnualReport(
  db: Db,
  agency: Agency,
  year: number,
  options: BuildOptions = {},
): Promise<AnnualReport> {
  const agencyIds = [agency.id];
  if (options.includeMembers) {
    agencyIds.push(...(await listMemberAgencies(db, agency.id)).map((a) => a.id));
  }
  const report = emptyReport(agency, year);
  const ctx: ReportContext = { db, agency, year, agencyIds };
  for (const provider of options.providers ?? reportProviders) await provider.provide(ctx, report);
  return report;
}

export function emptyReport(agency: Agency, year: number): AnnualReport {
  return {
    agency: agency.name,
    year,
    formatVersion: '2021',
    title: `${agency.name}${year}年政府信息公开工作年度报告`,
    sections: {},
    cells: {},
  };
}

/** What to build: an agency's report over its own records, or over `agencyIds` (a roll-up). */
export interface ReportTarget {
  agency: Agency;
  agencyIds?: number[];
}

/**
 * Many reports of one year at once, equal to `buildAnnualReport` for each: every provider fills
 * all of them with one query per table (`provideMany`), or one by one when it has none.
 */
export async function buildAnnualReports(
  db: Db,
  targets: readonly ReportTarget[],
  year: number,
  providers: readonly ReportProvider[] = reportProviders,
): Promise<AnnualReport[]> {
  const contexts: ReportContext[] = targets.map((t) => ({
    db,
    agency: t.agency,
    year,
    agencyIds: t.agencyIds ?? [t.agency.id],
  }));
  const reports = targets.map((t) => emptyReport(t.agency, year));
  if (targets.length === 0) return reports;
  for (const provider of providers) {
    if (provider.provideMany) await provider.provideMany(contexts, reports);
    else for (const [i, ctx] of contexts.entries()) await provider.provide(ctx, reports[i]);
  }
  return reports;
}

/** The report with the findings of every rule, as one `gongkai check --json` object. */
export async function checkedAnnualReport(
  db: Db,
  agency: Agency,
  year: number,
  options: BuildOptions = {},
): Promise<{ report: AnnualReport; findings: Finding[]; result: CheckResult }> {
  const report = await buildAnnualReport(db, agency, year, options);
  const findings = checkReport(report);
  return {
    report,
    findings,
    result: checkResult(`gongkai:${agency.code}/${year}`, report, findings),
  };
}
