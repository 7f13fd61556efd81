/** Rendering an AnnualReport to every output format (DESIGN principle 4: one model, many formats). */
import type { AnnualReport } from '../model.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderPdf } from './pdf.ts';
import { renderXlsx } from './xlsx.ts';

export { renderDocx } from './docx.ts';
export { renderHtml, renderHtmlFragment, renderTableHtml, reportCss } from './html.ts';
export { renderJson, reportSchemaId, toReportJson } from './json.ts';
export { renderMarkdown } from './markdown.ts';
export { docxToPdf, docxToPdfMany, renderPdf, renderPdfMany } from './pdf.ts';
export { renderXlsx } from './xlsx.ts';

export type RenderFormat = 'html' | 'docx' | 'xlsx' | 'md' | 'json' | 'pdf';
export const renderFormats: readonly RenderFormat[] = ['html', 'docx', 'xlsx', 'md', 'json', 'pdf'];

/** Formats whose output is text (may go to stdout). */
export const textFormats: ReadonlySet<RenderFormat> = new Set(['html', 'md', 'json']);

export async function render(report: AnnualReport, to: RenderFormat): Promise<string | Buffer> {
  switch (to) {
    case 'html':
      return renderHtml(report);
    case 'md':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'docx':
      return renderDocx(report);
    case 'xlsx':
      return renderXlsx(report);
    default:
      return renderPdf(report);
  }
}
