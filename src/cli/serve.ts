import { serve as serveNode } from '@hono/node-server';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open.ts';
import { appSecret } from '../db/settings.ts';
import { keepStatisticsFresh } from '../db/statistics.ts';
import { GongkaiError } from '../errors.ts';
import { closeSharedJobPool } from '../jobs/shared.ts';
import { createApp } from '../web/app.tsx';
import { parseCliArgs, runCommand } from './args.ts';

export const run = (args: string[]) =>
  runCommand(async () => {
    const { values } = parseCliArgs(args, { port: { type: 'string' }, host: { type: 'string' } });
    const database = await openDatabase();
    await serveUntilStopped(database, values);
    return 0;
  });

/** Serves the app until SIGINT/SIGTERM, then closes the server and the database. */
export async function serveUntilStopped(
  database: Database,
  options: { port?: string; host?: string },
): Promise<void> {
  const port = Number(options.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    await database.close();
    throw new GongkaiError('bad_port', `端口号无效：${options.port ?? process.env.PORT}`);
  }
  const hostname = options.host ?? process.env.HOST ?? '0.0.0.0';
  const app = createApp({ database, secret: await appSecret(database.db) });
  const statistics = keepStatisticsFresh(database);
  const server = serveNode({ fetch: app.fetch, port, hostname }, (info) => {
    console.log(
      `gongkai 已启动：http://localhost:${info.port}/  （后台 http://localhost:${info.port}/admin）`,
    );
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      setTimeout(resolve, 3000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await statistics.stop();
  await closeSharedJobPool();
  await database.close();
}
