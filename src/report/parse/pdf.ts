/**
 * PDF → AnnualReport with pdfjs-dist (legacy build for Node 20): per page, text items and ruling
 * lines rebuild the tables with their merged cells, then the grid mapper reads them. Bounded:
 * file size, page count, decoded drawing size and a time limit; broken or encrypted files give a
 * GongkaiError.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { GongkaiError } from '../../errors.ts';
import type { DocBlock } from './grid.ts';
import { type GridParseResult, reportFromBlocks } from './gridReport.ts';
import { checkSize, parseLimits } from './limits.ts';
import { checkPdfDrawing } from './pdfContent.ts';
import { checkPdfStructure } from './pdfGuard.ts';
import { pageSegments, pageText } from './pdfPage.ts';
import { pageBlocks } from './pdfTables.ts';
import type { ParseOptions } from './text.ts';

const timeLimitMs = 30_000;

function badPdf(why: string): GongkaiError {
  return new GongkaiError('report.bad-pdf', { why });
}

async function readBlocks(bytes: Uint8Array): Promise<DocBlock[]> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-'))
    throw badPdf('文件开头没有 PDF 标记，不是 PDF 文件');
  checkPdfStructure(bytes);
  checkPdfDrawing(bytes);
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const timer = setTimeout(() => void task.destroy(), timeLimitMs);
  try {
    const doc = await task.promise;
    if (doc.numPages > parseLimits.maxPdfPages)
      throw badPdf(`页数过多（${doc.numPages} 页，上限 ${parseLimits.maxPdfPages} 页）`);
    const blocks: DocBlock[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      blocks.push(...pageBlocks(await pageText(page), await pageSegments(page)));
      page.cleanup();
    }
    return blocks;
  } catch (error) {
    if (error instanceof GongkaiError) throw error;
    const name = (error as Error)?.name ?? '';
    if (name === 'PasswordException') throw badPdf('文件已加密，需要密码');
    throw badPdf(`文件损坏或不完整（${String((error as Error)?.message ?? error).slice(0, 80)}）`);
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}

export async function parsePdf(
  bytes: Uint8Array,
  opts: ParseOptions = {},
): Promise<GridParseResult> {
  checkSize(bytes, 'PDF ');
  const blocks = await readBlocks(bytes);
  if (!blocks.some((b) => b.kind === 'text' || b.table.rows.length > 0))
    throw badPdf('没有可提取的文字（可能是扫描件图片，需要先做文字识别）');
  return reportFromBlocks(blocks, opts);
}
