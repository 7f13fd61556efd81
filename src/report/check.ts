/** Runs every rule on a report (R1–R15 and document checks); errors first. */
import type { Finding } from './finding.ts';
import type { AnnualReport } from './model.ts';
import { rules } from './rules/index.ts';

export interface CheckOptions {
  /** The same agency's report for the previous year (enables R8 and R9). */
  previous?: AnnualReport;
}

export function checkReport(report: AnnualReport, opts: CheckOptions = {}): Finding[] {
  const findings = Object.values(rules).flatMap((rule) => rule(report, opts.previous));
  return [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity === 'warning'),
  ];
}
