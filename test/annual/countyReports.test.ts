import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { countyReports, rollupReport } from '../../src/services/annual/rollup.ts';
import { memberStatuses } from '../../src/services/annual/status.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase(
  'county page reports built once',
  (database) => {
    test('the statuses and the roll-up from the shared build equal those built on their own', async () => {
      const db = database().db;
      const government = (await findAgencyByCode(db, 'xiangtan'))!;
      for (const year of [2021, 2024]) {
        const today = `${year + 1}-03-01`;
        const { rollup, composed } = await countyReports(db, government, year);
        assert.deepEqual(rollup, await rollupReport(db, government, year));
        assert.deepEqual(
          await memberStatuses(db, government, year, today, composed),
          await memberStatuses(db, government, year, today),
        );
        assert.ok(rollup.parts.length >= 2, 'the government and at least one member');
      }
    });
  },
  { demo: true },
);
