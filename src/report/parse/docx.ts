/**
 * DOCX → AnnualReport: mammoth converts the document to HTML (keeping rowspan/colspan of merged
 * cells), which the HTML parser reads. The zip is checked first: a broken, encrypted or bomb-like
 * file is refused with a GongkaiError instead of exhausting memory.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { GongkaiError } from '../../errors.ts';
import { type GridParseResult, reportFromBlocks } from './gridReport.ts';
import { htmlBlocks } from './htmlBlocks.ts';
import { checkSize, parseLimits } from './limits.ts';
import type { ParseOptions } from './text.ts';

const notDocx = (why: string) =>
  new GongkaiError(
    'parse.badDocx',
    `无法读取 DOCX 文件：${why}。请确认文件是 Word 2007 及以后的 .docx 格式且未损坏。`,
  );

/** Refuse zips whose declared uncompressed size is out of proportion (zip bombs). */
async function checkZip(bytes: Uint8Array): Promise<void> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw notDocx('文件不是 ZIP 容器（可能是旧版 .doc、PDF 或其他格式）');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw notDocx('ZIP 结构损坏或文件不完整');
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    // biome-ignore lint/suspicious/noExplicitAny: jszip keeps the declared size in a private field.
    total += (file as any)._data?.uncompressedSize ?? 0;
  }
  if (total > parseLimits.maxUnzippedBytes)
    throw notDocx(`解压后体积过大（${Math.round(total / 1048576)} MB）`);
  if (!zip.file('word/document.xml')) throw notDocx('缺少 word/document.xml');
}

export async function parseDocx(
  bytes: Uint8Array,
  opts: ParseOptions = {},
): Promise<GridParseResult> {
  checkSize(bytes, 'DOCX ');
  await checkZip(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
  } catch (error) {
    throw notDocx(error instanceof Error ? error.message.slice(0, 120) : '未知错误');
  }
  return reportFromBlocks(htmlBlocks(html), opts);
}
