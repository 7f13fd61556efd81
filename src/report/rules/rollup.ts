/** R16: a 县级以上 government's aggregate report equals the sum of its members, cell by cell. */
import { type Finding, finding } from '../finding.ts';
import { formatOf } from '../formats/index.ts';
import type { CellKey } from '../keys.ts';
import type { AnnualReport } from '../model.ts';
import { label, range, show, sumRange } from './cells.ts';

/** Compares every T2/T3/T4 cell of `aggregate` with the sum over `members` (own figures included). */
export function r16(aggregate: AnnualReport, members: readonly AnnualReport[]): Finding[] {
  const out: Finding[] = [];
  for (const key of formatOf(aggregate.formatVersion).cellKeys as CellKey[]) {
    if (/\.(change|prevItems)$/.test(key)) continue;
    const total = range(aggregate, key);
    const parts = members.map((m) => range(m, key));
    if (!total || parts.some((p) => p === undefined)) continue;
    const sum = sumRange(parts as never);
    if (total.max + 1e-9 >= sum.min && sum.max + 1e-9 >= total.min) continue;
    out.push(
      finding(
        'R16',
        'error',
        `汇总报告${label(aggregate, key)}为${show(total)}，但${members.length}个编制主体之和为${show(sum)}`,
        [key],
      ),
    );
  }
  return out;
}
