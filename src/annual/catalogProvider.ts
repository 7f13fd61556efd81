/** T2 from the 主动公开 catalogue (规章 / 行政规范性文件) and the Art. 20 registers. */
import { t2Cells } from '../db/catalogRegisters.ts';
import type { ReportProvider } from './build.ts';

export const t2Provider: ReportProvider = {
  name: 't2',
  async provide(ctx, report) {
    for (const agencyId of ctx.agencyIds) {
      const { cells } = await t2Cells(ctx.db, agencyId, ctx.year);
      for (const [key, value] of Object.entries(cells) as [keyof typeof cells, number][]) {
        const before = report.cells[key];
        const sum = (typeof before === 'number' ? before : 0) + value;
        report.cells[key] =
          key === 't2.fee.amountWan' ? Math.round(sum * 1_000_000) / 1_000_000 : sum;
      }
    }
  },
};
