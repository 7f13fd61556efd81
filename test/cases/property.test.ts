import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type AppealFacts,
  type CaseFacts,
  caseInT3Cell,
  placementCounts,
  T3_ROWS,
  t3CellsFromCounts,
  t3Placement,
  t4Cells,
} from '../../src/cases/reportCells.ts';
import { upsertAgency } from '../../src/db/agencies.ts';
import { appendEvent, submitApplication } from '../../src/db/cases.ts';
import { casesInCell, t3PlacementCounts, t4AppealFacts } from '../../src/db/casesReport.ts';
import { t3ChartCounts } from '../../src/db/countyChartCounts.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { OUTCOME_ROWS } from '../../src/law/keys.ts';
import {
  applicantKeys,
  applicantLeafKeys,
  t3Key,
  t4GroupKeys,
  t4Key,
  t4OutcomeKeys,
} from '../../src/report/keys.ts';
import type { AnnualReport } from '../../src/report/model.ts';
import { r1, r2, r3, r4 } from '../../src/report/rules/arithmetic.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildHistory, type History, historyArb } from './histories.ts';

const calendar = new Calendar();
const YEARS = [2024, 2025, 2026];

function factsOf(
  histories: History[],
  ids: readonly number[] = histories.map((_, i) => i),
): { cases: CaseFacts[]; appeals: AppealFacts[] } {
  const cases = histories.map((h, i) => ({
    id: ids[i],
    applicantType: h.applicantType,
    receivedOn: h.state.receivedOn,
    resolvedOn: h.state.resolvedOn,
    outcome: h.state.outcome,
  }));
  const appeals = histories.flatMap((h, i) =>
    h.state.appeals.map((a) => ({ ...a, applicationId: ids[i] })),
  );
  return { cases, appeals };
}

function reportOf(cases: CaseFacts[], appeals: AppealFacts[], year: number): AnnualReport {
  return {
    agency: '测试单位',
    year,
    formatVersion: '2021',
    sections: {},
    cells: { ...t3CellsFromCounts(placementCounts(cases, year)), ...t4Cells(appeals, year) },
  };
}

describe('random case histories', () => {
  test('R1–R4 hold and every case is counted exactly once', () => {
    fc.assert(
      fc.property(fc.array(historyArb, { maxLength: 30 }), (specs) => {
        const { cases, appeals } = factsOf(specs.map((s) => buildHistory(calendar, s)));
        for (const year of YEARS) {
          const report = reportOf(cases, appeals, year);
          for (const rule of [r1, r2, r3, r4]) assert.deepEqual(rule(report), []);
          for (const c of cases) {
            const placed = t3Placement(c, year);
            const intakes = (['new', 'carryIn'] as const).filter((r) =>
              caseInT3Cell(c, year, r, c.applicantType),
            );
            const results = [...OUTCOME_ROWS, 'carryOut' as const].filter((r) =>
              caseInT3Cell(c, year, r, c.applicantType),
            );
            const elsewhere = applicantLeafKeys
              .filter((col) => col !== c.applicantType)
              .some((col) => T3_ROWS.some((r) => caseInT3Cell(c, year, r, col)));
            assert.equal(elsewhere, false, 'only in its own applicant column');
            assert.equal(intakes.length, placed ? 1 : 0);
            assert.equal(results.length, placed ? 1 : 0);
          }
          const counted = cases.filter((c) => t3Placement(c, year)).length;
          const cells = report.cells as Record<string, number>;
          assert.equal(cells['t3.new.tot'] + cells['t3.carryIn.tot'], counted);
        }
        // a case decided in year N is counted in exactly one year's result rows
        for (const c of cases) {
          const years = YEARS.filter((y) => {
            const p = t3Placement(c, y);
            return p !== null && p.result !== 'carryOut';
          });
          const resolvedYear = c.outcome && c.receivedOn ? Number(c.resolvedOn!.slice(0, 4)) : null;
          assert.deepEqual(
            years,
            resolvedYear && YEARS.includes(resolvedYear) ? [resolvedYear] : [],
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});

describeEachDatabase('random case histories in the database', (database) => {
  test('the T3 query, the drill-down and the county charts place cases as t3Placement does', async () => {
    const { db } = database();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(historyArb, { minLength: 1, maxLength: 12 }), async (specs) => {
        const agency = await upsertAgency(db, { code: `prop-${n++}`, name: '随机单位' });
        const histories = specs.map((s) => buildHistory(calendar, s));
        const ids: number[] = [];
        for (const h of histories) {
          const [first, ...rest] = h.events;
          const { id } = await submitApplication(
            db,
            {
              agencyId: agency.id,
              channel: h.state.channel,
              submittedOn: first.on,
              applicantType: h.applicantType,
              applicant: { kind: 'person', name: '申请人', phone: '13800000000' },
              request: { description: '随机', form: '电子', delivery: '电子邮件' },
            },
            { today: '2027-12-31', calendar },
          );
          for (const e of rest) await appendEvent(db, id, e, { today: '2027-12-31', calendar });
          ids.push(id);
        }
        const { cases, appeals } = factsOf(histories, ids);
        for (const year of YEARS) {
          const fromDb = t3CellsFromCounts(await t3PlacementCounts(db, [agency.id], year));
          assert.deepEqual(fromDb, t3CellsFromCounts(placementCounts(cases, year)));
          const t4 = t4Cells(await t4AppealFacts(db, [agency.id], year), year);
          assert.deepEqual(t4, t4Cells(appeals, year));
          // Every cell's drill-down lists exactly the cases the pure rule puts in it, as many as the cell says.
          const cells: Record<string, number> = { ...fromDb, ...t4 };
          for (const row of T3_ROWS)
            for (const col of applicantKeys) {
              const key = t3Key(row, col);
              const listed = (await casesInCell(db, [agency.id], year, key)).map((c) => c.id);
              const expected = cases
                .filter((c) => caseInT3Cell(c, year, row, col))
                .map((c) => c.id);
              assert.deepEqual(listed.sort(), expected.sort(), `${year} ${key}`);
              assert.equal(listed.length, cells[key], `${year} ${key} count`);
            }
          for (const group of t4GroupKeys)
            for (const outcome of t4OutcomeKeys) {
              const key = t4Key(group, outcome);
              const listed = await casesInCell(db, [agency.id], year, key);
              assert.equal(listed.length, cells[key], `${year} ${key}`);
            }
        }
        // The county charts' several-year query places the cases as T3 does.
        const charted = await t3ChartCounts(db, [agency.id], YEARS);
        for (const year of YEARS) {
          const cells = t3CellsFromCounts(placementCounts(cases, year));
          const { received, results } = charted.get(year)!.get(agency.id)!;
          assert.equal(received, cells['t3.new.tot'], `${year} new`);
          for (const row of [...OUTCOME_ROWS, 'carryOut'] as const)
            assert.equal(results[row] ?? 0, cells[`t3.${row}.tot`], `${year} ${row}`);
        }
      }),
      { numRuns: 6 },
    );
  });
});
