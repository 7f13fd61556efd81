/**
 * A bound on how much drawing pdfjs will decode, checked on the PDF's bytes before pdfjs reads
 * them. pdfjs's work per page grows with the decoded size of its content stream (it is lexed
 * once for the operator list and once more for the text, ~0.5 µs a byte here), and a compressed
 * stream inflates up to a thousandfold: a 5 KB file repeating `q Q` a million times, or one
 * 4 MB string of `?` (fuzz pdf-s3-i1380), took seconds. pdfjs cannot be interrupted within a
 * page (it yields to microtasks only), so the streams are sized here: every stream that is not
 * an image, a font, an ICC profile or the file's own bookkeeping, uncompressed or FlateDecode
 * (inflated only up to the limit), summed over the document. Other filters and encrypted data
 * count their stored bytes.
 */
import { constants as bufferConstants } from 'node:buffer';
import { constants, inflateSync } from 'node:zlib';
import { GongkaiError } from '../../errors.ts';
import { parseLimits } from './limits.ts';

const streamStart = /(?<!end)stream(?:\r\n|\n|\r)/g;
const notDrawing =
  /\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b|\/Length[123]\b|\/Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile|CMap)\b|\/N\s+\d/;
const flateOnly = /\/Filter\s*(?:\/(?:FlateDecode|Fl)\b|\[\s*\/(?:FlateDecode|Fl)\s*\])/;

/** Bytes inflated from the longest readable prefix of `data`, at most `cap + 1`. */
function inflatedSize(data: Buffer, cap: number): number {
  const inflate = (end: number) =>
    inflateSync(data.subarray(0, end), {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: Math.min(cap + 1, bufferConstants.MAX_LENGTH),
    }).byteLength;
  try {
    return inflate(data.byteLength);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
  }
  // Corrupt data: pdfjs draws what inflates before the damage, so size that prefix.
  let [good, bad] = [0, data.byteLength];
  let size = 0;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    try {
      size = inflate(mid);
      good = mid;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
      bad = mid;
    }
  }
  return size;
}

/** Decoded bytes of the document's drawing streams, counted up to just past the limit. */
export function drawingBytes(bytes: Uint8Array, limit = parseLimits.maxPdfDrawingBytes): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  let total = 0;
  streamStart.lastIndex = 0;
  for (let m = streamStart.exec(text); m && total <= limit; m = streamStart.exec(text)) {
    const start = m.index + m[0].length;
    const found = text.indexOf('endstream', start);
    const end = found < 0 ? text.length : found;
    streamStart.lastIndex = end;
    const dict = text.slice(Math.max(0, m.index - 2048), m.index);
    const own = dict.slice(dict.lastIndexOf('obj') + 1);
    if (notDrawing.test(own)) continue;
    const data = buf.subarray(start, end);
    if (flateOnly.test(own)) total += inflatedSize(data, limit - total);
    else total += data.byteLength;
  }
  return total;
}

export function checkPdfDrawing(bytes: Uint8Array): void {
  const limit = parseLimits.maxPdfDrawingBytes;
  if (drawingBytes(bytes, limit) > limit)
    throw new GongkaiError(
      'parse.badPdf',
      `无法读取 PDF 文件：页面内容过于复杂，解压后的绘制指令超过 ${limit / 1048576} MB 的上限（一份年度报告通常不到 0.5 MB），读取会耗时过长。请确认文件是否正确，或用 PDF 阅读器“另存为”一份新文件后再试。`,
    );
}
