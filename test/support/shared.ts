import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The project's shared reference material (seed report, corpus): GONGKAI_SHARED_DIR, else the
 * `shared` folder beside the checkout, else /work/shared. Tests read it in place, never copy it.
 */
function findShared(): string {
  const candidates = [
    process.env.GONGKAI_SHARED_DIR,
    fileURLToPath(new URL('../../../shared/', import.meta.url)),
    '/work/shared/',
  ];
  const found = candidates.find((dir) => dir && existsSync(`${dir.replace(/\/?$/, '/')}seed`));
  if (!found) throw new Error(`shared reference folder not found (tried ${candidates.join(', ')})`);
  return found.replace(/\/?$/, '/');
}

export const sharedDir = findShared();
export const seedPath = `${sharedDir}seed/000_8943cd9161ebccf1.txt`;
export const corpusDir = `${sharedDir}corpus/`;
