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

interface Sized {
  size: number;
  damaged: boolean;
}

/** Bytes inflated from the longest readable prefix of `data`, at most `cap + 1`. */
function inflatedSize(data: Buffer, cap: number): Sized {
  const inflate = (end: number) =>
    inflateSync(data.subarray(0, end), {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: Math.min(cap + 1, bufferConstants.MAX_LENGTH),
    }).byteLength;
  const tooLarge = (error: unknown) => (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
  try {
    return { size: inflate(data.byteLength), damaged: false };
  } catch (error) {
    if (tooLarge(error)) return { size: cap + 1, damaged: false };
  }
  // Damaged data: pdfjs draws what inflates before the damage, so size that prefix.
  let [good, bad] = [0, data.byteLength];
  let size = 0;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    try {
      size = inflate(mid);
      good = mid;
    } catch (error) {
      if (tooLarge(error)) return { size: cap + 1, damaged: true };
      bad = mid;
    }
  }
  return { size, damaged: true };
}

export interface DrawingSize {
  /** Decoded bytes, counted up to just past the limit. */
  bytes: number;
  /** Drawing streams sized. */
  streams: number;
  /** FlateDecode streams that do not inflate to their end. */
  damaged: number;
}

/**
 * The document's drawing streams, sized in one pass over the file. It stops once a limit is
 * passed: each stream costs a zlib call (~8 µs, ~65 µs more for each failing one).
 */
export function drawingSize(
  bytes: Uint8Array,
  limit = parseLimits.maxPdfDrawingBytes,
): DrawingSize {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  const out: DrawingSize = { bytes: 0, streams: 0, damaged: 0 };
  const within = () =>
    out.bytes <= limit &&
    out.streams <= parseLimits.maxPdfDrawingStreams &&
    out.damaged <= parseLimits.maxPdfDamagedStreams;
  let previousEnd = 0;
  streamStart.lastIndex = 0;
  for (let m = streamStart.exec(text); m && within(); m = streamStart.exec(text)) {
    const start = m.index + m[0].length;
    const found = text.indexOf('endstream', start);
    const end = found < 0 ? text.length : found;
    // The dictionary lies between the previous stream and this one: each byte is read once.
    const dict = text.slice(Math.max(previousEnd, m.index - 2048), m.index);
    streamStart.lastIndex = previousEnd = end;
    const own = dict.slice(dict.lastIndexOf('obj') + 1);
    if (end === start || notDrawing.test(own)) continue;
    out.streams++;
    const data = buf.subarray(start, end);
    if (!flateOnly.test(own)) out.bytes += data.byteLength;
    else {
      const sized = inflatedSize(data, limit - out.bytes);
      out.bytes += sized.size;
      if (sized.damaged) out.damaged++;
    }
  }
  return out;
}

function refuse(why: string): GongkaiError {
  return new GongkaiError(
    'report.bad-pdf',
    `无法读取 PDF 文件：${why}，读取会耗时过长。请确认文件是否正确，或用 PDF 阅读器“另存为”一份新文件后再试。`,
  );
}

export function checkPdfDrawing(bytes: Uint8Array, limit = parseLimits.maxPdfDrawingBytes): void {
  const { maxPdfDrawingStreams, maxPdfDamagedStreams } = parseLimits;
  const size = drawingSize(bytes, limit);
  if (size.bytes > limit)
    throw refuse(
      `页面内容过于复杂，解压后的绘制指令超过 ${limit / 1048576} MB 的上限（一份年度报告通常不到 0.5 MB）`,
    );
  if (size.streams > maxPdfDrawingStreams)
    throw refuse(`绘制内容的数据流过多（超过 ${maxPdfDrawingStreams} 个）`);
  if (size.damaged > maxPdfDamagedStreams)
    throw refuse(`文件损坏，有超过 ${maxPdfDamagedStreams} 个压缩数据流无法完整解压`);
}
