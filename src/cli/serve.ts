import { serve as serveNode } from '@hono/node-server';
import type { Database } from '../db/database.ts';
import { notificationSettings } from '../db/notificationSettings.ts';
import { openDatabase, serverThread } from '../db/open.ts';
import { appSecret } from '../db/settings.ts';
import { keepStatisticsFresh } from '../db/statistics.ts';
import { keepProjectionsFresh } from '../db/store/daily.ts';
import { GongkaiError } from '../errors.ts';
import { startOutboxSender, transportsFrom } from '../jobs/outboxSender.ts';
import { closeSharedJobPool } from '../jobs/shared.ts';
import { startStaffDigests } from '../jobs/staffDigest.ts';
import { createApp } from '../web/app.tsx';
import { parseCliArgs, runCommand } from './args.ts';
import { isLoopback, refuseDemoPasswords } from './demoPasswordGuard.ts';

export const run = (args: string[]) =>
  runCommand(async () => {
    const { values } = parseCliArgs(args, { port: { type: 'string' }, host: { type: 'string' } });
    const database = await openDatabase({ thread: serverThread() });
    await serveUntilStopped(database, values, '0.0.0.0');
    return 0;
  });

/**
 * Serves the app until SIGINT/SIGTERM, then closes the server and the database. Listens on
 * `--host`, else HOST, else `defaultHost`; refuses a reachable host while demo passwords remain.
 */
export async function serveUntilStopped(
  database: Database,
  options: { port?: string; host?: string },
  defaultHost: string,
): Promise<void> {
  const port = Number(options.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    await database.close();
    throw new GongkaiError('cli.port', { port: String(options.port ?? process.env.PORT) });
  }
  const hostname = options.host ?? process.env.HOST ?? defaultHost;
  try {
    await refuseDemoPasswords(database.db, hostname);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = createApp({ database, secret: await appSecret(database.db) });
  const statistics = keepStatisticsFresh(database);
  const projections = keepProjectionsFresh(database);
  const sender = startOutboxSender(database.db, transportsFrom(notificationSettings()));
  const digests = startStaffDigests(database.db);
  const server = serveNode({ fetch: app.fetch, port, hostname }, (info) => {
    const where = isLoopback(hostname)
      ? '只有本机可以访问'
      : `监听 ${hostname === '0.0.0.0' || hostname === '::' ? '所有网络接口' : hostname}`;
    console.log(
      `gongkai 已启动：http://localhost:${info.port}/  （后台 http://localhost:${info.port}/admin；${where}）`,
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
  await projections.stop();
  await digests.stop();
  await sender.stop();
  await closeSharedJobPool();
  await database.close();
}
