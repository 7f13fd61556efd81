import { openDatabase, serverThread } from '../db/open.ts';
import { demoLogins, hasDemo, loadDemo } from '../demo/load.ts';
import { parseCliArgs, runCommand } from './args.ts';
import { printDemoLogins } from './demo.ts';
import { serveUntilStopped } from './serve.ts';

/** `npm start`: migrate, load the demo data on first run, serve on this machine only (127.0.0.1). */
export const run = (args: string[]) =>
  runCommand(async () => {
    const { values } = parseCliArgs(args, { port: { type: 'string' }, host: { type: 'string' } });
    const database = await openDatabase({ thread: serverThread() });
    const first = !(await hasDemo(database.db));
    if (first) {
      await loadDemo(database.db);
      console.log('首次运行：已载入演示数据。');
    }
    printDemoLogins(demoLogins());
    await serveUntilStopped(database, values, '127.0.0.1');
    return 0;
  });
