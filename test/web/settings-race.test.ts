/**
 * A review-chain change racing a submission (PostgreSQL, where transactions run concurrently):
 * the change waits for the submission and then counts it, so no item is left in review under a
 * chain whose steps moved. PGlite runs one transaction at a time, so there is no race to test there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { defaultReviewChain } from '../../src/catalog/reviewChain.ts';
import { getReviewChain } from '../../src/db/catalogCategories.ts';
import { changeReviewChain } from '../../src/db/catalogSettings.ts';
import type { Database } from '../../src/db/database.ts';
import { createPublication } from '../../src/db/publications/drafts.ts';
import { isGongkaiError } from '../../src/errors.ts';
import { catalogFixture, sampleInput } from '../catalog/support.ts';
import { freshPostgres } from '../support/databases.ts';

const fiveSteps = [
  ...defaultReviewChain.slice(0, 2),
  { label: '主要领导审签', role: 'admin' },
  ...defaultReviewChain.slice(2),
];

if (process.env.TEST_DATABASE_URL)
  describe('settings: a chain change racing a submission [postgres]', () => {
    let database: Database;
    let url: string;
    let drop = async () => {};
    before(async () => {
      ({ database, url, drop } = await freshPostgres());
    });
    after(async () => {
      await database?.close();
      await drop();
    });

    test('the change waits for the submission in flight and then refuses', async () => {
      const db = database.db;
      const f = await catalogFixture(db, 'race');
      const item = await createPublication(
        db,
        f.agency.id,
        sampleInput(f.category('gzdt')),
        f.drafter,
      );
      const other = new pg.Client({ connectionString: url });
      const watcher = new pg.Client({ connectionString: url });
      await other.connect();
      await watcher.connect();
      try {
        // A submission in flight: the item is locked and moved into review, not yet committed.
        await other.query('BEGIN');
        await other.query('SELECT id FROM publications WHERE id = $1 FOR UPDATE', [item.id]);
        await other.query("UPDATE publications SET status = 'review', step = 1 WHERE id = $1", [
          item.id,
        ]);
        let settled = false;
        const change = changeReviewChain(db, f.agency.id, fiveSteps, { userId: f.drafter.userId })
          .then(() => 'saved')
          .catch((error: unknown) => (isGongkaiError(error) ? error.code : String(error)))
          .finally(() => {
            settled = true;
          });
        // Wait (without a deadline) until the change is blocked on the item's row lock; a change
        // that does not wait at all settles first and fails the assertion below.
        const dbName = new URL(url).pathname.slice(1);
        while (!settled) {
          const { rows } = await watcher.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
            [dbName],
          );
          if (rows[0].n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await other.query('COMMIT');
        assert.equal(await change, 'catalog.chain.in-review');
        assert.deepEqual(await getReviewChain(db, f.agency.id), defaultReviewChain);
      } finally {
        await other.end();
        await watcher.end();
      }
    });
  });
