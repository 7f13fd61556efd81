import { restoreSnapshot } from '../db/backup.ts';
import { readBackupFile } from '../db/backupFile.ts';
import { openDatabase } from '../db/open.ts';
import { GongkaiError } from '../errors.ts';
import { parseCliArgs, runCommand } from './args.ts';

/** `gongkai restore FILE`: loads a backup into an empty database (PGlite or PostgreSQL). */
export const run = (args: string[]) =>
  runCommand(async () => {
    const { positionals } = parseCliArgs(args, {});
    const [file] = positionals;
    if (!file) throw new GongkaiError('cli.arguments', '用法：gongkai restore FILE');
    const snapshot = await readBackupFile(file);
    const database = await openDatabase();
    try {
      await restoreSnapshot(database.db, snapshot);
      const rows = snapshot.tables.reduce((n, t) => n + t.rows.length, 0);
      console.log(
        `已恢复 ${snapshot.tables.length} 张表、${rows} 行（备份时间 ${snapshot.createdAt}）。`,
      );
      return 0;
    } finally {
      await database.close();
    }
  });
