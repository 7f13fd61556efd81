/** R1–R4: the 勾稽 rules inside T3 and T4 (law-and-format.md §2.1–2.2). */
import { type Finding, finding } from '../finding.ts';
import { formatOf } from '../formats/index.ts';
import {
  applicantKeys,
  applicantLeafKeys,
  type CellKey,
  type FormatVersion,
  t3Key,
  t4GroupKeys,
  t4Key,
} from '../keys.ts';
import type { AnnualReport } from '../model.ts';
import { certainlyUnequal, isBlank, label, show } from './cells.ts';
import { withRecomputedTotals } from './recompute.ts';

const uncertainNote = (exact: boolean) => (exact ? '' : '（含未能确定的单元格，按其可能取值判断）');

/** A cell that must equal the sum of others. */
interface SumCheck {
  target: CellKey;
  parts: CellKey[];
}

/** The cells each rule compares, per format version: the same for every report. */
interface RuleCells {
  r2: SumCheck[];
  r3: SumCheck[];
}

const ruleCellsByVersion = new Map<FormatVersion, RuleCells>();

function ruleCells(version: FormatVersion): RuleCells {
  let known = ruleCellsByVersion.get(version);
  if (known) return known;
  const rows = formatOf(version).t3.rows.map((r) => r.key);
  const outcomes = rows.filter((k) => !['new', 'carryIn', 'total', 'carryOut'].includes(k));
  known = {
    r2: applicantKeys.map((c) => ({
      target: t3Key('total', c),
      parts: outcomes.map((r) => t3Key(r, c)),
    })),
    r3: rows.map((row) => ({
      target: t3Key(row, 'tot'),
      parts: applicantLeafKeys.map((c) => t3Key(row, c)),
    })),
  };
  ruleCellsByVersion.set(version, known);
  return known;
}

const r1Cells = applicantKeys.map((c) => ({
  left: [t3Key('new', c), t3Key('carryIn', c)],
  right: [t3Key('total', c), t3Key('carryOut', c)],
}));

const r4Cells: SumCheck[] = t4GroupKeys.map((g) => ({
  target: t4Key(g, 'total'),
  parts: (['upheld', 'corrected', 'other', 'pending'] as const).map((o) => t4Key(g, o)),
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

/** R2: （七）总计 = Σ 办理结果 rows, per column. */
export function r2(printed: AnnualReport): Finding[] {
  const report = withRecomputedTotals(printed);
  const out: Finding[] = [];
  for (const { target, parts } of ruleCells(report.formatVersion).r2) {
    if (isBlank(report, target)) continue;
    const bad = certainlyUnequal(report, [target], parts);
    if (!bad) continue;
    out.push(
      finding(
        'R2',
        'error',
        `${label(report, target)}为${show(bad.left)}，但本列各项办理结果之和为${show(bad.right)}${uncertainNote(bad.left.exact && bad.right.exact)}`,
        [target, ...parts],
      ),
    );
  }
  return out;
}

/** R3: each T3 row's 总计 = Σ applicant columns. */
export function r3(printed: AnnualReport): Finding[] {
  const report = withRecomputedTotals(printed);
  const out: Finding[] = [];
  for (const { target, parts } of ruleCells(report.formatVersion).r3) {
    if (isBlank(report, target)) continue;
    const bad = certainlyUnequal(report, [target], parts);
    if (!bad) continue;
    out.push(
      finding(
        'R3',
        'error',
        `${label(report, target)}为${show(bad.left)}，但该行各类申请人之和为${show(bad.right)}${uncertainNote(bad.left.exact && bad.right.exact)}`,
        [target, ...parts],
      ),
    );
  }
  return out;
}

/** R4: each T4 group's 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
export function r4(printed: AnnualReport): Finding[] {
  const report = withRecomputedTotals(printed);
  const out: Finding[] = [];
  for (const { target, parts } of r4Cells) {
    if (isBlank(report, target)) continue;
    const bad = certainlyUnequal(report, [target], parts);
    if (!bad) continue;
    out.push(
      finding(
        'R4',
        'error',
        `${label(report, target)}为${show(bad.left)}，但结果维持、结果纠正、其他结果、尚未审结之和为${show(bad.right)}`,
        [target, ...parts],
      ),
    );
  }
  return out;
}
