/** AnnualReport ⇄ versioned JSON (`gongkai.annual-report/1`, documented in docs/report-json.md). */
import type { AnnualReport } from '../model.ts';

export const reportSchemaId = 'gongkai.annual-report/1';

export interface ReportJson extends AnnualReport {
  schema: typeof reportSchemaId;
}

export function toReportJson(report: AnnualReport): ReportJson {
  const { agency, year, formatVersion, title, preamble, sections, cells, cellNotes } = report;
  const out: ReportJson = { schema: reportSchemaId, agency, year, formatVersion, sections, cells };
  if (title !== undefined) out.title = title;
  if (preamble !== undefined) out.preamble = preamble;
  if (cellNotes !== undefined) out.cellNotes = cellNotes;
  return out;
}

export function renderJson(report: AnnualReport): string {
  return `${JSON.stringify(toReportJson(report), null, 2)}\n`;
}
