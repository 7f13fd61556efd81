import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { type Agency, findAgencyByCode, listMemberAgencies } from '../../src/db/agencies.ts';
import { petitionSentences } from '../../src/db/annualFacts.ts';
import { savePetitionAggregate } from '../../src/db/petitionAggregates.ts';
import { buildAnnualReport, type ReportContext } from '../../src/services/annual/build.ts';
import { composeReport, composeReports } from '../../src/services/annual/compose.ts';
import { rollupParts } from '../../src/services/annual/rollup.ts';
import { memberStatuses, reportStatus } from '../../src/services/annual/status.ts';
import { reportFacts, reportFactsMany } from '../../src/services/annual/textProvider.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = '2026-02-15';

const aggregate = (year: number, persons: number) => ({
  periodFrom: `${year}-01-01`,
  periodTo: `${year}-12-31`,
  visitBatches: persons,
  visitPersons: persons * 2,
  leaderBatches: 1,
  leaderPersons: 2,
  writtenHandled: persons + 3,
  acceptanceDue: null,
  acceptanceOnTime: null,
  completionDue: null,
  completionOnTime: null,
  writtenCompletionDue: null,
  writtenCompletionOnTime: null,
});

describeEachDatabase(
  'county status table: batched equals per agency',
  (database) => {
    async function county(code: string): Promise<{ government: Agency; members: Agency[] }> {
      const { db } = database();
      const government = (await findAgencyByCode(db, code))!;
      return { government, members: await listMemberAgencies(db, government.id) };
    }

    before(async () => {
      // Petition figures for two departments, so section 六 differs per agency and in the roll-up.
      const { members } = await county('shili');
      await savePetitionAggregate(database().db, members[2].id, aggregate(2025, 4));
      await savePetitionAggregate(database().db, members[5].id, aggregate(2025, 7));
    });

    test('memberStatuses gives every agency the status, error and warning counts of reportStatus', async () => {
      const { db } = database();
      const seen = { states: new Set<string>(), errors: 0, warnings: 0, amendments: 0 };
      for (const code of ['shili', 'xiangtan']) {
        const { government, members } = await county(code);
        assert.ok(members.length > 0, code);
        for (const year of [2021, 2024, 2025]) {
          const batched = await memberStatuses(db, government, year, today);
          const single = [];
          for (const agency of [government, ...members])
            single.push(await reportStatus(db, agency, year, today));
          assert.deepEqual(batched, single, `${code} ${year}`);
          for (const row of batched) {
            seen.states.add(`${row.standing.state}/${row.status}`);
            seen.errors += row.errors;
            seen.warnings += row.warnings;
            seen.amendments += row.amendments;
          }
        }
      }
      // The demo's reports are in every state, one with an error: the comparison covered them.
      assert.ok(seen.states.size >= 4, [...seen.states].join(' '));
      assert.ok(seen.errors > 0 && seen.warnings > 0, JSON.stringify(seen));
    });

    test('composeReports equals composeReport of each agency, roll-up included', async () => {
      const { db } = database();
      for (const code of ['shili', 'xiangtan']) {
        const { government, members } = await county(code);
        const agencies = [government, ...members];
        for (const year of [2021, 2025]) {
          const batched = await composeReports(db, agencies, year);
          for (const [i, agency] of agencies.entries())
            assert.deepEqual(batched[i], await composeReport(db, agency, year), agency.code);
        }
      }
    });

    test('reportFactsMany equals reportFacts for the roll-up and each member', async () => {
      const { db } = database();
      for (const code of ['shili', 'xiangtan']) {
        const { government, members } = await county(code);
        const rollup = [government, ...members].map((a) => a.id);
        for (const year of [2021, 2025, 2026]) {
          const contexts: ReportContext[] = [
            { db, agency: government, year, agencyIds: rollup },
            ...members.map((agency) => ({ db, agency, year, agencyIds: [agency.id] })),
          ];
          const batched = await reportFactsMany(contexts);
          for (const [i, ctx] of contexts.entries())
            assert.deepEqual(
              batched[i],
              await reportFacts(ctx),
              `${code} ${year} ${ctx.agency.code}`,
            );
        }
      }
      // The roll-up quotes both departments' petition figures, in member order.
      const { government, members } = await county('shili');
      const [facts] = await reportFactsMany([
        {
          db,
          agency: government,
          year: 2025,
          agencyIds: [government.id, ...members.map((m) => m.id)],
        },
      ]);
      const two = await petitionSentences(db, [members[2].id, members[5].id], 2025);
      assert.ok(two && two.length > 0);
      assert.equal(facts.petitionText, two);
    });

    test('rollupParts builds each agency as buildAnnualReport does', async () => {
      const { db } = database();
      const { government, members } = await county('shili');
      const parts = await rollupParts(db, government, 2025);
      assert.deepEqual(
        parts.map((p) => p.agency.id),
        [government, ...members].map((a) => a.id),
      );
      let applications = 0;
      for (const part of parts) {
        assert.deepEqual(part.report, await buildAnnualReport(db, part.agency, 2025));
        applications += Number(part.report.cells['t3.new.tot'] ?? 0);
      }
      assert.ok(applications > 0);
    });
  },
  { demo: true },
);
