/** T3 from the applications and T4 from their appeals (依申请公开). */
import { t3CellsFromCounts, t4Cells } from '../../cases/reportCells.ts';
import {
  t3PlacementCounts,
  t3PlacementCountsByAgency,
  t4AppealFacts,
  t4AppealFactsByAgency,
} from '../../db/casesReport.ts';
import { allAgencyIds } from './agencyIds.ts';
import type { ReportProvider } from './build.ts';

export const t3Provider: ReportProvider = {
  name: 't3',
  async provide(ctx, report) {
    const groups = await t3PlacementCounts(ctx.db, ctx.agencyIds, ctx.year);
    Object.assign(report.cells, t3CellsFromCounts(groups));
  },
  // Counts add up, so a roll-up's groups are its agencies' groups together.
  async provideMany(contexts, reports) {
    const { db, year } = contexts[0];
    const perAgency = await t3PlacementCountsByAgency(db, allAgencyIds(contexts), year);
    for (const [i, ctx] of contexts.entries()) {
      const groups = ctx.agencyIds.flatMap((id) => perAgency.get(id)!);
      Object.assign(reports[i].cells, t3CellsFromCounts(groups));
    }
  },
};

export const t4Provider: ReportProvider = {
  name: 't4',
  async provide(ctx, report) {
    const appeals = await t4AppealFacts(ctx.db, ctx.agencyIds, ctx.year);
    Object.assign(report.cells, t4Cells(appeals, ctx.year));
  },
  async provideMany(contexts, reports) {
    const { db, year } = contexts[0];
    const perAgency = await t4AppealFactsByAgency(db, allAgencyIds(contexts), year);
    for (const [i, ctx] of contexts.entries()) {
      const appeals = ctx.agencyIds.flatMap((id) => perAgency.get(id)!);
      Object.assign(reports[i].cells, t4Cells(appeals, year));
    }
  },
};
