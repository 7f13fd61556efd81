import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GongkaiError } from '../errors.ts';
import type { Snapshot } from './backup.ts';

/** Writes a snapshot as gzip-compressed JSON. */
export async function writeBackupFile(path: string, snapshot: Snapshot): Promise<number> {
  const bytes = gzipSync(JSON.stringify(snapshot));
  await writeFile(path, bytes);
  return bytes.length;
}

export async function readBackupFile(path: string): Promise<Snapshot> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new GongkaiError('backup.unreadable', `无法读取备份文件：${path}`);
  }
  try {
    return JSON.parse(gunzipSync(bytes).toString('utf8')) as Snapshot;
  } catch {
    throw new GongkaiError('backup.corrupt', `备份文件已损坏或不是 gongkai 备份：${path}`);
  }
}
