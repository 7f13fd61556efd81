/**
 * A check of a PDF's bytes before pdfjs reads them, for structures that make pdfjs's work grow
 * faster than the file. When the cross-reference table is broken, pdfjs rebuilds it by scanning
 * every `N G obj` header, and each header repeating an object already seen makes it parse that
 * object again from there — to the end of the file if its brackets never close. Its work is then
 * about the sum, over repeated headers, of the bytes that follow them (a mutated file with 100,000
 * copies of one header took minutes). Real files repeat objects only in incremental updates,
 * which are appended at the end, so that sum stays small for them.
 */
import { GongkaiError } from '../../errors.ts';
import { parseLimits } from './limits.ts';

const header = /(?<![0-9])(\d{1,10})[ \t\r\n\f\0]+(\d{1,5})[ \t\r\n\f\0]+obj\b/g;

/** Bytes after each repeated object header, summed: pdfjs's worst-case re-reading. */
export function repeatedObjectReread(bytes: Uint8Array): { repeats: number; reread: number } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const seen = new Set<string>();
  let repeats = 0;
  let reread = 0;
  for (const m of text.matchAll(header)) {
    const key = `${m[1]} ${m[2]}`;
    if (!seen.has(key)) seen.add(key);
    else {
      repeats++;
      reread += text.length - (m.index ?? 0);
    }
  }
  return { repeats, reread };
}

export function checkPdfStructure(bytes: Uint8Array): void {
  const { repeats, reread } = repeatedObjectReread(bytes);
  if (reread > parseLimits.maxPdfReread)
    throw new GongkaiError(
      'report.bad-pdf',
      `无法读取 PDF 文件：文件结构异常，有 ${repeats} 处重复定义的对象，修复读取的工作量过大（需重读约 ${Math.round(reread / 1048576)} MB，上限 ${parseLimits.maxPdfReread / 1048576} MB）。请用 PDF 阅读器“另存为”一份新文件后再试。`,
    );
}
