/**
 * DOCX → AnnualReport. `word/document.xml` is read directly (`docxBlocks`: paragraphs, tables,
 * gridSpan/vMerge merges); when that finds no report, mammoth converts the document to HTML
 * (keeping rowspan/colspan) for the HTML reader. The zip is opened defensively: a broken file or
 * a document that inflates past the cap (zip bomb) gives a GongkaiError.
 */
import mammoth from 'mammoth';
import { GongkaiError, isGongkaiError } from '../../errors.ts';
import { docxBlocks } from './docxXml.ts';
import { type GridParseResult, reportFromBlocks } from './gridReport.ts';
import { htmlBlocks } from './htmlBlocks.ts';
import { checkSize } from './limits.ts';
import type { ParseOptions } from './text.ts';
import { openZip, readEntry } from './zipGuard.ts';

const notDocx = (why: string) => new GongkaiError('report.bad-docx', { why });

/** The mammoth route: DOCX → HTML → the HTML reader. */
export async function parseDocxWithMammoth(
  bytes: Uint8Array,
  opts: ParseOptions = {},
): Promise<GridParseResult> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw notDocx(error instanceof Error ? error.message.slice(0, 120) : '未知错误');
  }
  return reportFromBlocks(htmlBlocks(html), opts);
}

export async function parseDocx(
  bytes: Uint8Array,
  opts: ParseOptions = {},
): Promise<GridParseResult> {
  checkSize(bytes, 'DOCX ');
  const zip = await openZip(bytes, 'DOCX');
  const xml = await readEntry(zip, 'word/document.xml', 'DOCX');
  try {
    return reportFromBlocks(docxBlocks(xml), opts);
  } catch (error) {
    if (!isGongkaiError(error) || error.code !== 'report.unrecognized') throw error;
    await readEntry(zip, '', 'DOCX');
    return parseDocxWithMammoth(bytes, opts);
  }
}
