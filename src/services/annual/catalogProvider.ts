/** T2 from the 主动公开 catalogue (规章 / 行政规范性文件) and the Art. 20 registers. */
import type { T2Cells } from '../../catalog/t2.ts';
import { t2CellsByAgency } from '../../db/catalogRegisters.ts';
import type { AnnualReport } from '../../report/model.ts';
import { allAgencyIds } from './agencyIds.ts';
import type { ReportProvider } from './build.ts';

export const t2Provider: ReportProvider = {
  name: 't2',
  provide(ctx, report) {
    return t2Provider.provideMany!([ctx], [report]);
  },
  // Each agency's T2 on its own, summed over the report's agencies in their order.
  async provideMany(contexts, reports) {
    const { db, year } = contexts[0];
    const perAgency = await t2CellsByAgency(db, allAgencyIds(contexts), year);
    for (const [i, ctx] of contexts.entries())
      for (const agencyId of ctx.agencyIds) addT2(reports[i], perAgency.get(agencyId)!);
  },
};

function addT2(report: AnnualReport, { cells }: T2Cells): void {
  for (const [key, value] of Object.entries(cells) as [keyof typeof cells, number][]) {
    const before = report.cells[key];
    const sum = (typeof before === 'number' ? before : 0) + value;
    report.cells[key] = key === 't2.fee.amountWan' ? Math.round(sum * 1_000_000) / 1_000_000 : sum;
  }
}
