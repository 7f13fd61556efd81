/**
 * The rendering job: an AnnualReport as DOCX or XLSX in the pool; the PDF is that DOCX converted
 * by LibreOffice (its own queue, report/render/pdf.ts). HTML and JSON are cheap and stay here.
 */

import type { AnnualReport } from '../report/model.ts';
import {
  docxToPdf,
  renderDocx,
  renderHtml,
  renderJson,
  renderXlsx,
} from '../report/render/index.ts';
import type { ReportRenderer } from '../services/annual/workflow.ts';
import type { JobPool } from './pool.ts';

export interface RenderInput {
  report: AnnualReport;
  format: 'docx' | 'xlsx';
}

/** Runs in the worker. */
export const renderReportTask = ({ report, format }: RenderInput) =>
  format === 'docx' ? renderDocx(report) : renderXlsx(report);

async function inPool(pool: JobPool, report: AnnualReport, format: 'docx' | 'xlsx') {
  const data = await pool.run('renderReport', { report, format }, { label: '报告文件' });
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A renderer (for `versionFile` and the draft export) whose heavy formats run in the pool. */
export function pooledRenderer(pool: JobPool): ReportRenderer {
  return async (report, format) => {
    if (format === 'pdf') return docxToPdf(await inPool(pool, report, 'docx'));
    if (format === 'docx' || format === 'xlsx') return inPool(pool, report, format);
    return Buffer.from(format === 'html' ? renderHtml(report) : renderJson(report));
  };
}
