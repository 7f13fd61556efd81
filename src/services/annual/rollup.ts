/**
 * The county roll-up (R16): a government's report = its own records plus every member agency's.
 * Each part is built on its own, so any cell can be broken down per agency, and R16 checks that
 * the aggregate equals the sum of the parts cell by cell.
 */
import { type Agency, listMemberAgencies } from '../../db/agencies.ts';
import type { Db } from '../../db/database.ts';
import type { Finding } from '../../report/finding.ts';
import type { AnnualReport } from '../../report/model.ts';
import { r16 } from '../../report/rules/rollup.ts';
import { buildAnnualReport, buildAnnualReports } from './build.ts';
import { composeTargets } from './compose.ts';

export interface RollupPart {
  agency: Agency;
  /** The agency's own records only. */
  report: AnnualReport;
}

export interface Rollup {
  aggregate: AnnualReport;
  parts: RollupPart[];
  /** R16 findings (none when the aggregate is the sum of its parts). */
  findings: Finding[];
}

/** Each agency's own report, built together (one query per table for all of them). */
export async function rollupParts(db: Db, government: Agency, year: number): Promise<RollupPart[]> {
  const agencies = [government, ...(await listMemberAgencies(db, government.id))];
  const reports = await buildAnnualReports(
    db,
    agencies.map((agency) => ({ agency })),
    year,
  );
  return agencies.map((agency, i) => ({ agency, report: reports[i] }));
}

/** R16 of an aggregate against the government's own and each member's report. */
export async function rollupFindings(
  db: Db,
  government: Agency,
  year: number,
  aggregate: AnnualReport,
): Promise<Finding[]> {
  const parts = await rollupParts(db, government, year);
  return r16(
    aggregate,
    parts.map((p) => p.report),
  );
}

export async function rollupReport(db: Db, government: Agency, year: number): Promise<Rollup> {
  const aggregate = await buildAnnualReport(db, government, year, { includeMembers: true });
  const parts = await rollupParts(db, government, year);
  return {
    aggregate,
    parts,
    findings: r16(
      aggregate,
      parts.map((p) => p.report),
    ),
  };
}

/**
 * The county page's reports of one year, built once together: the roll-up (the government's
 * report with its members' records, as `composeReports` and `rollupReport` build it), the
 * government's own and each member's. `composed` is what `memberStatuses` takes.
 */
export async function countyReports(db: Db, government: Agency, year: number) {
  const agencies = [government, ...(await listMemberAgencies(db, government.id))];
  const composedTargets = await composeTargets(db, agencies);
  // A part is an agency's own records; only a government's composed report differs from that.
  const ownTargets = agencies.filter((a) => a.kind === 'government').map((agency) => ({ agency }));
  const reports = await buildAnnualReports(db, [...composedTargets, ...ownTargets], year);
  const composed = reports.slice(0, agencies.length);
  const ownOf = (agency: Agency, i: number) => {
    const j = ownTargets.findIndex((t) => t.agency.id === agency.id);
    return j === -1 ? composed[i] : reports[agencies.length + j];
  };
  const parts = agencies.map((agency, i) => ({ agency, report: ownOf(agency, i) }));
  const aggregate = composed[0];
  const findings = r16(
    aggregate,
    parts.map((p) => p.report),
  );
  return { rollup: { aggregate, parts, findings } satisfies Rollup, composed };
}

/** The value of one cell per agency (for the breakdown of a roll-up cell). */
export function cellBreakdown(parts: readonly RollupPart[], key: string) {
  return parts.map((p) => ({
    agency: p.agency,
    value: p.report.cells[key as keyof AnnualReport['cells']],
  }));
}
