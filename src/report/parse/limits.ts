/** Input caps for every file parser: reports are small, anything far larger is refused. */
import { GongkaiError } from '../../errors.ts';

export const parseLimits = {
  /** Bytes of any input file. */
  maxBytes: 20 * 1024 * 1024,
  /** Uncompressed bytes inside a DOCX/XLSX (zip-bomb guard). */
  maxUnzippedBytes: 100 * 1024 * 1024,
  /** PDF pages read. */
  maxPdfPages: 60,
} as const;

export function checkSize(bytes: Uint8Array, kind: string): void {
  if (bytes.byteLength === 0)
    throw new GongkaiError('parse.empty', `${kind}文件是空的（0 字节）。`);
  if (bytes.byteLength > parseLimits.maxBytes)
    throw new GongkaiError(
      'parse.tooLarge',
      `${kind}文件过大（${(bytes.byteLength / 1048576).toFixed(1)} MB），超过 ${parseLimits.maxBytes / 1048576} MB 的上限。`,
    );
}
