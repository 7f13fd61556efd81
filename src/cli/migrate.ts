import { openDatabase } from '../db/open.ts';
import { runCommand } from './args.ts';

export const run = (_args: string[]) =>
  runCommand(async () => {
    const database = await openDatabase();
    await database.close();
    console.log(`数据库迁移完成（${database.kind === 'pglite' ? '内置 PGlite' : 'PostgreSQL'}）。`);
    return 0;
  });
