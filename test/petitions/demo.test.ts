import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { listPetitionAggregates } from '../../src/db/petitionAggregates.ts';
import { petitionStatistics } from '../../src/db/petitionStatistics.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { petitionsDemo } from '../../src/demo/petitions.ts';
import { s6PetitionText } from '../../src/petitions/s6.ts';
import { describeEachDatabase } from '../support/databases.ts';

const seedSentence =
  '2021年，县人民来访接待中心共接待群众来访1119批2588人次，县级领导接待来访群众214批1065人次。群众来信、网上信访共办理信访事项3007件，网信办结率100%。';

describeEachDatabase(
  'petition demo',
  (database) => {
    let agencyId = 0;
    before(async () => {
      agencyId = (await findAgencyByCode(database().db, 'xiangtan-xfj'))!.id;
    });

    test("湘潭县信访局's 2021 statistics are the seed's figures and give the seed's sentence", async () => {
      const stats = await petitionStatistics(database().db, agencyId, '2021-01-01', '2021-12-31');
      assert.deepEqual(stats.visits, { batches: 1119, persons: 2588 });
      assert.deepEqual(stats.leaderReceptions, { batches: 214, persons: 1065 });
      assert.equal(stats.written.handled, 3007);
      assert.deepEqual([stats.writtenCompletion.due, stats.writtenCompletion.onTime], [3007, 3007]);
      assert.equal(s6PetitionText(stats, { year: 2021 }), seedSentence);
    });

    test('the step is idempotent', async () => {
      await petitionsDemo(database().db);
      await loadDemo(database().db);
      assert.equal((await listPetitionAggregates(database().db, agencyId)).length, 1);
      const stats = await petitionStatistics(database().db, agencyId, '2021-01-01', '2021-12-31');
      assert.equal(stats.visits.batches, 1119);
    });
  },
  { demo: true },
);
