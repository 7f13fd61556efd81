/** Input caps for every file parser: reports are small, anything far larger is refused. */
import { GongkaiError } from '../../errors.ts';

export const parseLimits = {
  /** Bytes of any input file. */
  maxBytes: 20 * 1024 * 1024,
  /** Uncompressed bytes inside a DOCX/XLSX (zip-bomb guard; a real report's XML is well under 5 MB). */
  maxUnzippedBytes: 30 * 1024 * 1024,
  /** Characters of text read as a report (a real one is under 100,000; reading costs ~1 µs each). */
  maxTextChars: 1_000_000,
  /** PDF pages read. */
  maxPdfPages: 60,
  /**
   * Bytes pdfjs may have to re-read for repeated object headers when it rebuilds a broken
   * cross-reference table (pdfGuard.ts; ~20 MB/s here, so under a second).
   */
  maxPdfReread: 16 * 1024 * 1024,
  /**
   * Ruling-line segments read per PDF page; later ones are ignored (a report page draws about
   * 1,000; the table rebuild visits each crossing pair).
   */
  maxPdfPageRules: 10_000,
  /**
   * Decoded bytes of a PDF's drawing streams (page contents, forms), summed (pdfContent.ts).
   * pdfjs lexes them twice at ~0.5 µs a byte, so this is about a second; a rendered report page
   * draws ~11 KB, a report well under 1 MB.
   */
  maxPdfDrawingBytes: 2 * 1024 * 1024,
  /** Drawing streams sized for that (each costs a zlib call; a report has a few hundred). */
  maxPdfDrawingStreams: 20_000,
  /** Of those, compressed ones that do not inflate to their end (each is sized by bisection). */
  maxPdfDamagedStreams: 100,
  /** Merged ranges in an XLSX (a report sheet has a few hundred; exceljs compares each pair). */
  maxXlsxMerges: 2_000,
  /** Cells covered by merged ranges in an XLSX (exceljs creates each one). */
  maxXlsxMergedCells: 200_000,
} as const;

export function checkSize(bytes: Uint8Array, kind: string): void {
  if (bytes.byteLength === 0)
    throw new GongkaiError('report.empty', `${kind}文件是空的（0 字节）。`);
  if (bytes.byteLength > parseLimits.maxBytes)
    throw new GongkaiError(
      'report.too-large',
      `${kind}文件过大（${(bytes.byteLength / 1048576).toFixed(1)} MB），超过 ${parseLimits.maxBytes / 1048576} MB 的上限。`,
    );
}

export function checkTextLength(text: string): void {
  if (text.length > parseLimits.maxTextChars)
    throw new GongkaiError('report.text-too-long', {
      length: text.length,
      maxTextChars: parseLimits.maxTextChars,
    });
}
