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
    throw new GongkaiError('backup.unreadable', { path });
  }
  try {
    return JSON.parse(gunzipSync(bytes).toString('utf8')) as Snapshot;
  } catch {
    throw new GongkaiError('backup.corrupt', { path });
  }
}
