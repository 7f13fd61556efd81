import { takeSnapshot } from '../db/backup.ts';
import { writeBackupFile } from '../db/backupFile.ts';
import { openDatabase } from '../db/open.ts';
import { GongkaiError } from '../errors.ts';
import { parseCliArgs, runCommand } from './args.ts';

/** `gongkai backup FILE`: a consistent snapshot of the whole database (letters and attachments included). */
export const run = (args: string[]) =>
  runCommand(async () => {
    const { positionals } = parseCliArgs(args, {});
    const [file] = positionals;
    if (!file) throw new GongkaiError('cli.arguments', '用法：gongkai backup FILE');
    const database = await openDatabase();
    try {
      const snapshot = await takeSnapshot(database.db);
      const bytes = await writeBackupFile(file, snapshot);
      const rows = snapshot.tables.reduce((n, t) => n + t.rows.length, 0);
      console.log(`已备份 ${snapshot.tables.length} 张表、${rows} 行到 ${file}（${bytes} 字节）。`);
      return 0;
    } finally {
      await database.close();
    }
  });
