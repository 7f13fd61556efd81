/** R1–R4: the 勾稽 rules inside T3 and T4 (law-and-format.md §2.1–2.2). */
import { type Finding, finding } from '../finding.ts';
import { applicantKeys, type CellKey, t3Key } from '../keys.ts';
import type { AnnualReport } from '../model.ts';
import { certainlyUnequal, isBlank, label, show } from './cells.ts';
import { withRecomputedTotals } from './recompute.ts';
import { type FormatSums, type Sum, sumsOf } from './sums.ts';

const uncertainNote = (exact: boolean) => (exact ? '' : '（含未能确定的单元格，按其可能取值判断）');

const r1Cells = applicantKeys.map((c) => ({
  left: [t3Key('new', c), t3Key('carryIn', c)],
  right: [t3Key('total', c), t3Key('carryOut', c)],
}));

/** R1: 新收 + 上年结转 = 总计 + 结转下年度, per column. */
export function r1(printed: AnnualReport): Finding[] {
  const report = withRecomputedTotals(printed);
  const out: Finding[] = [];
  for (const { left, right } of r1Cells) {
    const bad = certainlyUnequal(report, left, right);
    if (!bad) continue;
    out.push(
      finding(
        'R1',
        'error',
        `「${label(report, left[0]).replace(/^表3/, '')}」所在列：第一项加第二项之和为${show(bad.left)}，第三项加第四项之和为${show(bad.right)}，二者应相等${uncertainNote(bad.left.exact && bad.right.exact)}`,
        [...left, ...right],
      ),
    );
  }
  return out;
}

/** R2–R4: a printed total that certainly differs from the sum of its parts (`partsName`). */
function totalFindings(
  printed: AnnualReport,
  rule: 'R2' | 'R3' | 'R4',
  sums: (format: FormatSums) => Sum[],
  partsName: string,
  { noteUncertain }: { noteUncertain: boolean },
): Finding[] {
  const report = withRecomputedTotals(printed);
  const out: Finding[] = [];
  for (const { target, parts } of sums(sumsOf(report.formatVersion))) {
    if (isBlank(report, target)) continue;
    const bad = certainlyUnequal(report, [target], parts);
    if (!bad) continue;
    const note = noteUncertain ? uncertainNote(bad.left.exact && bad.right.exact) : '';
    out.push(
      finding(
        rule,
        'error',
        `${label(report, target)}为${show(bad.left)}，但${partsName}之和为${show(bad.right)}${note}`,
        [target, ...parts],
      ),
    );
  }
  return out;
}

/** R2: （七）总计 = Σ 办理结果 rows, per column. */
export const r2 = (printed: AnnualReport) =>
  totalFindings(printed, 'R2', (s) => s.columnTotals, '本列各项办理结果', { noteUncertain: true });

/** R3: each T3 row's 总计 = Σ applicant columns. */
export const r3 = (printed: AnnualReport) =>
  totalFindings(printed, 'R3', (s) => s.rowTotals, '该行各类申请人', { noteUncertain: true });

/** R4: each T4 group's 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
export const r4 = (printed: AnnualReport) =>
  totalFindings(printed, 'R4', (s) => s.t4Totals, '结果维持、结果纠正、其他结果、尚未审结', {
    noteUncertain: false,
  });
