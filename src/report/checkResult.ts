/** The JSON shape of a checked report (see docs/report-json.md), shared by check, render and report. */
import type { Finding } from './finding.ts';
import type { CellKey, FormatVersion } from './keys.ts';
import { type AnnualReport, isUncertain } from './model.ts';

export interface CheckResult {
  file: string;
  agency: string | null;
  year: number | null;
  formatVersion: FormatVersion | null;
  /** Only the cells the parser is certain of. */
  cells: Partial<Record<CellKey, number | 'blank' | 'slash'>>;
  uncertain: CellKey[];
  findings: Finding[];
  /** Present when the file could not be read. */
  error?: { code: string; message: string };
}

export function checkResult(file: string, report: AnnualReport, findings: Finding[]): CheckResult {
  const cells: CheckResult['cells'] = {};
  const uncertain: CellKey[] = [];
  for (const [key, value] of Object.entries(report.cells) as [
    CellKey,
    AnnualReport['cells'][CellKey],
  ][]) {
    if (value === undefined) continue;
    if (isUncertain(value)) uncertain.push(key);
    else cells[key] = value;
  }
  return {
    file,
    agency: report.agency || null,
    year: report.year,
    formatVersion: report.formatVersion,
    cells,
    uncertain,
    findings,
  };
}

export function failedResult(file: string, code: string, message: string): CheckResult {
  return {
    file,
    agency: null,
    year: null,
    formatVersion: null,
    cells: {},
    uncertain: [],
    findings: [],
    error: { code, message },
  };
}
