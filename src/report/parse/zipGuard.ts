/**
 * Opening DOCX/XLSX zips defensively: a real and complete zip, and entries inflated with a byte
 * cap, because declared sizes can lie (zip bombs). `readEntry(zip, '')` checks every entry.
 */
import JSZip from 'jszip';
import { GongkaiError } from '../../errors.ts';
import { parseLimits } from './limits.ts';

type Kind = 'DOCX' | 'XLSX';

function fail(kind: Kind, why: string): GongkaiError {
  return new GongkaiError(
    kind === 'DOCX' ? 'report.bad-docx' : 'report.bad-xlsx',
    `无法读取 ${kind} 文件：${why}。请确认文件是 Office 2007 及以后的格式且未损坏。`,
  );
}

export async function openZip(bytes: Uint8Array, kind: Kind): Promise<JSZip> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw fail(kind, '文件不是 ZIP 容器（可能是旧版 .doc/.xls、PDF 或其他格式）');
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw fail(kind, 'ZIP 结构损坏或文件不完整');
  }
}

interface ZipStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', fn: (error: unknown) => void): ZipStream;
  on(event: 'end', fn: () => void): ZipStream;
  pause(): void;
  resume(): void;
}

/** Inflates an entry, giving up once it passes `cap` bytes (returns null then). */
function inflate(file: JSZip.JSZipObject, cap: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
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
          resolve(null);
        } else chunks.push(chunk);
      })
      .on('error', reject)
      .on('end', () => resolve(Buffer.concat(chunks)))
      .resume();
  });
}

/** One entry as UTF-8 text (or, with name '', a check of all entries, returning ''). */
export async function readEntry(zip: JSZip, name: string, kind: Kind): Promise<string> {
  const files = name ? [zip.file(name)] : Object.values(zip.files).filter((f) => !f.dir);
  if (name && !files[0]) throw fail(kind, `缺少 ${name}`);
  let budget: number = parseLimits.maxUnzippedBytes;
  let text = '';
  for (const file of files) {
    if (!file) continue;
    let data: Buffer | null;
    try {
      data = await inflate(file, budget);
    } catch {
      throw fail(kind, `压缩内容损坏（${file.name}）`);
    }
    if (data === null)
      throw fail(kind, `解压后超过 ${parseLimits.maxUnzippedBytes / 1048576} MB，疑似压缩炸弹`);
    budget -= data.length;
    if (name) text = data.toString('utf8');
  }
  return text;
}

/** Opens a zip and checks that `entry` exists and that nothing inflates past the cap. */
export async function checkZip(bytes: Uint8Array, kind: Kind, entry: string): Promise<JSZip> {
  const zip = await openZip(bytes, kind);
  if (!zip.file(entry)) throw fail(kind, `缺少 ${entry}`);
  await readEntry(zip, '', kind);
  return zip;
}
