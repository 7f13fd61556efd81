/** Checks a DOCX/XLSX zip before a library inflates it: a real zip, complete, not a zip bomb. */
import JSZip from 'jszip';
import { GongkaiError } from '../../errors.ts';
import { parseLimits } from './limits.ts';

export async function checkZip(bytes: Uint8Array, kind: 'DOCX' | 'XLSX', entry: string) {
  const fail = (why: string) =>
    new GongkaiError(
      `parse.bad${kind === 'DOCX' ? 'Docx' : 'Xlsx'}`,
      `无法读取 ${kind} 文件：${why}。请确认文件是 Office 2007 及以后的格式且未损坏。`,
    );
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw fail('文件不是 ZIP 容器（可能是旧版 .doc/.xls、PDF 或其他格式）');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw fail('ZIP 结构损坏或文件不完整');
  }
  if (!zip.file(entry)) throw fail(`缺少 ${entry}`);
  // Declared sizes can lie: inflate every entry, counting, and stop at the cap.
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    try {
      total += await inflatedSize(file, parseLimits.maxUnzippedBytes - total);
    } catch {
      throw fail(`压缩内容损坏（${file.name}）`);
    }
    if (total > parseLimits.maxUnzippedBytes)
      throw fail(`解压后超过 ${parseLimits.maxUnzippedBytes / 1048576} MB，疑似压缩炸弹`);
  }
}

interface ZipStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', fn: (error: unknown) => void): ZipStream;
  on(event: 'end', fn: () => void): ZipStream;
  pause(): void;
  resume(): void;
}

function inflatedSize(file: JSZip.JSZipObject, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    // internalStream is public JSZip API (StreamHelper) missing from its typings.
    const stream = (
      file as unknown as { internalStream(type: 'uint8array'): ZipStream }
    ).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > cap) {
          stream.pause();
          resolve(size);
        }
      })
      .on('error', reject)
      .on('end', () => resolve(size))
      .resume();
  });
}
