/**
 * Parsers for structured files (HTML, DOCX, PDF, XLSX, Markdown with pipe tables), in the shape
 * of the `parsers` dispatch table of `index.ts`. Markdown goes through the grid reader first and
 * falls back to the text parser (PDF-to-markdown dumps) when the grid leaves cells unread.
 * The DOCX, PDF and XLSX readers load their libraries (mammoth, pdfjs, exceljs) on first use.
 */
import iconv from 'iconv-lite';
import { GongkaiError } from '../../errors.ts';
import { formatOf } from '../formats/index.ts';
import type { CellKey } from '../keys.ts';
import { type AnnualReport, isUncertain } from '../model.ts';
import type { GridParseResult } from './gridReport.ts';
import { parseHtml } from './html.ts';
import { parseMarkdown } from './markdown.ts';
import { parseReportJson } from './reportJson.ts';
import { type ParseOptions, type ParseResult, parseText } from './text.ts';

type StructuredParser = (data: Buffer, name: string, opts: ParseOptions) => Promise<ParseResult>;

// `ParseResult.layout` names text layouts; grid-read files report 'grid', which callers only print.
const asResult = (r: GridParseResult) => r as unknown as ParseResult;

function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return iconv.decode(data, 'gb18030');
  }
}

function jsonResult(report: AnnualReport): ParseResult {
  const uncertain = (Object.keys(report.cells) as CellKey[]).filter((k) =>
    isUncertain(report.cells[k]),
  );
  return asResult({ report, uncertain, warnings: [], layout: 'grid' });
}

function complete(r: GridParseResult): boolean {
  const keys = formatOf(r.report.formatVersion).cellKeys;
  return keys.every((k) => r.report.cells[k] !== undefined);
}

const markdown: StructuredParser = async (data, name, opts) => {
  const text = decode(data);
  if (text.trim() === '') throw new GongkaiError('report.empty', { name });
  try {
    const grid = parseMarkdown(text, opts);
    if (complete(grid)) return asResult(grid);
  } catch {}
  return parseText(text, opts);
};

const html: StructuredParser = async (data, _name, opts) => asResult(parseHtml(data, opts));

/** Parsers by file extension (lower case, with the dot), to merge into `parsers`. */
export const structuredParsers: Record<string, StructuredParser> = {
  '.html': html,
  '.htm': html,
  '.xhtml': html,
  '.docx': async (data, _name, opts) =>
    asResult(await (await import('./docx.ts')).parseDocx(data, opts)),
  '.pdf': async (data, _name, opts) =>
    asResult(await (await import('./pdf.ts')).parsePdf(data, opts)),
  '.xlsx': async (data, _name, opts) =>
    asResult(await (await import('./xlsx.ts')).parseXlsx(data, opts)),
  '.md': markdown,
  '.markdown': markdown,
  '.json': async (data) => jsonResult(parseReportJson(decode(data))),
};
