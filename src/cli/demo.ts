import { openDatabase } from '../db/open.ts';
import { demoPassword, loadDemo } from '../demo/load.ts';
import { runCommand } from './args.ts';

export const run = (_args: string[]) =>
  runCommand(async () => {
    const database = await openDatabase();
    try {
      const logins = await loadDemo(database.db);
      printDemoLogins(logins);
      return 0;
    } finally {
      await database.close();
    }
  });

export function printDemoLogins(logins: { username: string; role: string; agency: string }[]) {
  console.log(`演示账号（密码均为 ${demoPassword}）：`);
  for (const l of logins)
    console.log(`  ${l.username.padEnd(16)} ${l.role.padEnd(11)} ${l.agency}`);
}
