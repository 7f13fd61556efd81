import { GongkaiError } from '../../errors.ts';
import { zipEntryNames } from './zipNames.ts';

export type AttachmentKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'gif';

export const mediaTypes: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

/** Largest attachment accepted (the upload route's body limit is derived from it). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/**
 * The file's kind from its content (magic bytes; for zip containers the OOXML part names in the
 * central directory), never from its name. Anything else is refused. Runs on the HTTP thread, so
 * it unpacks nothing: whether the parts are readable is the scan's question (in the pool).
 */
export async function detectAttachmentKind(data: Uint8Array): Promise<AttachmentKind> {
  if (data.length === 0) throw new GongkaiError('catalog.file.empty', '文件为空。');
  if (data.length > MAX_ATTACHMENT_BYTES) {
    throw new GongkaiError('catalog.file.too-large', { maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  }
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (
    startsWith(data, [0x47, 0x49, 0x46, 0x38]) &&
    (data[4] === 0x37 || data[4] === 0x39) &&
    data[5] === 0x61
  )
    return 'gif';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    const names = new Set(zipEntryNames(data));
    if (names.has('[Content_Types].xml')) {
      if (names.has('word/document.xml')) return 'docx';
      if (names.has('xl/workbook.xml')) return 'xlsx';
    }
  }
  throw new GongkaiError(
    'catalog.file.type',
    '只接受 PDF、Word（docx）、Excel（xlsx）和图片（PNG、JPEG、GIF）文件；文件类型按内容判断。',
  );
}
