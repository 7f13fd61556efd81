/** The JSON shape of a checked report (see docs/report-json.md), shared by check, render and report. */
import type { Finding } from './finding.ts';
import type { CellKey, FormatVersion } from './keys.ts';
import { type AnnualReport, isUncertain } from './model.ts';

/** The version of this shape; 2 made `uncertain` an object and added `zeroOrBlank`. */
export const checkResultSchemaId = 'gongkai.check-result/2';

/** A cell the parser could not pin down: the values it could not rule out, and why. */
export interface UncertainCell {
  candidates: number[];
  reason: string;
}

export interface CheckResult {
  schema: typeof checkResultSchemaId;
  file: string;
  agency: string | null;
  year: number | null;
  formatVersion: FormatVersion | null;
  /** Only the cells the parser is certain of. */
  cells: Partial<Record<CellKey, number | 'blank' | 'slash'>>;
  /** Cells present in the source whose value is not certain, by key. */
  uncertain: Partial<Record<CellKey, UncertainCell>>;
  /** Certain cells read as 0 that the source may have left blank (crawled text). */
  zeroOrBlank: CellKey[];
  findings: Finding[];
  /** Present when the file could not be read. */
  error?: { code: string; message: string };
}

export function checkResult(file: string, report: AnnualReport, findings: Finding[]): CheckResult {
  const cells: CheckResult['cells'] = {};
  const uncertain: CheckResult['uncertain'] = {};
  for (const [key, value] of Object.entries(report.cells) as [
    CellKey,
    AnnualReport['cells'][CellKey],
  ][]) {
    if (value === undefined) continue;
    if (isUncertain(value))
      uncertain[key] = {
        candidates: value.candidates,
        reason: value.reason ?? defaultReason(value.candidates),
      };
    else cells[key] = value;
  }
  return {
    schema: checkResultSchemaId,
    file,
    agency: report.agency || null,
    year: report.year,
    formatVersion: report.formatVersion,
    cells,
    uncertain,
    zeroOrBlank: report.zeroOrBlank ?? [],
    findings,
  };
}

function defaultReason(candidates: number[]): string {
  return candidates.length === 0
    ? '未能读出该单元格的数值'
    : `原文有多种读法，可能为${candidates.join('、')}`;
}

export function failedResult(file: string, code: string, message: string): CheckResult {
  return {
    schema: checkResultSchemaId,
    file,
    agency: null,
    year: null,
    formatVersion: null,
    cells: {},
    uncertain: {},
    zeroOrBlank: [],
    findings: [],
    error: { code, message },
  };
}
