/**
 * DOCX → AnnualReport: mammoth converts the document to HTML (keeping rowspan/colspan of merged
 * cells), which the HTML parser reads. The zip is checked first (`checkZip`).
 */
import mammoth from 'mammoth';
import { GongkaiError } from '../../errors.ts';
import { type GridParseResult, reportFromBlocks } from './gridReport.ts';
import { htmlBlocks } from './htmlBlocks.ts';
import { checkSize } from './limits.ts';
import type { ParseOptions } from './text.ts';
import { checkZip } from './zipGuard.ts';

const notDocx = (why: string) =>
  new GongkaiError(
    'parse.badDocx',
    `无法读取 DOCX 文件：${why}。请确认文件是 Word 2007 及以后的 .docx 格式且未损坏。`,
  );

export async function parseDocx(
  bytes: Uint8Array,
  opts: ParseOptions = {},
): Promise<GridParseResult> {
  checkSize(bytes, 'DOCX ');
  await checkZip(bytes, 'DOCX', 'word/document.xml');
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
  } catch (error) {
    throw notDocx(error instanceof Error ? error.message.slice(0, 120) : '未知错误');
  }
  return reportFromBlocks(htmlBlocks(html), opts);
}
