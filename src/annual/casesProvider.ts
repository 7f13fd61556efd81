/** T3 from the applications and T4 from their appeals (依申请公开). */
import { t3CellsFromCounts, t4Cells } from '../cases/reportCells.ts';
import { t3PlacementCounts, t4AppealFacts } from '../db/casesReport.ts';
import type { ReportProvider } from './build.ts';

export const t3Provider: ReportProvider = {
  name: 't3',
  async provide(ctx, report) {
    const groups = await t3PlacementCounts(ctx.db, ctx.agencyIds, ctx.year);
    Object.assign(report.cells, t3CellsFromCounts(groups));
  },
};

export const t4Provider: ReportProvider = {
  name: 't4',
  async provide(ctx, report) {
    const appeals = await t4AppealFacts(ctx.db, ctx.agencyIds, ctx.year);
    Object.assign(report.cells, t4Cells(appeals, ctx.year));
  },
};
