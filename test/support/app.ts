import type { Database } from '../../src/db/database.ts';
import { hasDemo, loadDemo } from '../../src/demo/load.ts';
import { createApp } from '../../src/web/app.tsx';

/** The app on `database` with the demo data, as `npm start` would serve it. */
export async function demoApp(database: Database) {
  if (!(await hasDemo(database.db))) await loadDemo(database.db);
  return createApp({ database, secret: 'test-secret' });
}
