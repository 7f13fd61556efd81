/** Runs every rule on a report (R1–R15 and document checks); errors first. */
import type { Finding } from './finding.ts';
import type { AnnualReport } from './model.ts';
import { rules } from './rules/index.ts';
import { withRecomputedTotals } from './rules/recompute.ts';

export interface CheckOptions {
  /** The same agency's report for the previous year (enables R8 and R9). */
  previous?: AnnualReport;
}

/** The rules that read blank totals as recomputed from their parts (see rules/recompute.ts). */
const onRecomputedTotals = new Set(['R1', 'R2', 'R3', 'R4', 'R11']);

export function checkReport(report: AnnualReport, opts: CheckOptions = {}): Finding[] {
  const judged = withRecomputedTotals(report);
  const findings = Object.entries(rules).flatMap(([id, rule]) =>
    rule(onRecomputedTotals.has(id) ? judged : report, opts.previous),
  );
  return [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity === 'warning'),
  ];
}
