import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GongkaiError } from '../errors.ts';

/**
 * PGlite is single-process: two processes opening one data directory would corrupt it.
 * A lock file with the owner's pid guards it; a lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'gongkai.lock');
  if (!tryCreate(file)) {
    const owner = Number(readFileSync(file, 'utf8'));
    if (isAlive(owner) && owner !== process.pid) {
      throw new GongkaiError('db.data-dir-locked', { dir, owner });
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

function tryCreate(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
