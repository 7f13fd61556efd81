import assert from 'node:assert/strict';
import { test } from 'node:test';
import { upsertAgency } from '../../../src/db/agencies.ts';
import type { KindReprojectResult } from '../../../src/db/store/aggregates.ts';
import { keepProjectionsFresh, msToNextBeijingMidnight } from '../../../src/db/store/daily.ts';
import { freshPglite } from '../../support/databases.ts';
import { fixtures } from './fixtures.ts';

test('the daily run is due at the next midnight in China (UTC+8)', () => {
  const at = (iso: string) => msToNextBeijingMidnight(new Date(iso));
  assert.equal(at('2026-12-06T15:59:00Z'), 60_000);
  assert.equal(at('2026-12-06T16:00:00Z'), 24 * 3600_000);
  assert.equal(at('2026-12-06T04:00:00Z'), 12 * 3600_000);
});

test('the served app re-projects at start and stop() waits for the run', async () => {
  const database = await freshPglite();
  try {
    const db = database.db;
    const agencyId = (await upsertAgency(db, { code: 'daily', name: '每日重算局' })).id;
    const application = fixtures.application!;
    const id = await application.create(db, agencyId);
    await application.spoil(db, id);
    let reported: KindReprojectResult[] = [];
    const schedule = keepProjectionsFresh(database, (results) => {
      reported = results;
    });
    await schedule.stop();
    assert.equal(await application.due(db, id), application.dueBefore);
    assert.deepEqual(
      reported.map((r) => [r.kind, r.rewritten, r.failed.length]),
      [
        ['application', 1, 0],
        ['petition', 0, 0],
        ['publication', 0, 0],
      ],
    );
  } finally {
    await database.close();
  }
});
