import type { Database } from '../../src/db/database.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { createApp } from '../../src/web/app.tsx';

/** The demo data plus the app on `database`, as `npm start` would serve it. */
export async function demoApp(database: Database) {
  await loadDemo(database.db);
  return createApp({ database, secret: 'test-secret' });
}
