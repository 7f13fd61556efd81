/**
 * The sums inside T3 and T4 that the format prescribes (law-and-format.md §2.1–2.2): one definition
 * for the 勾稽 rules R2–R4 and for recomputing blank totals.
 */
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

/** A cell that must equal the sum of others. */
export interface Sum {
  target: CellKey;
  parts: CellKey[];
}

/** The sums of one format version: the same for every report. */
export interface FormatSums {
  /** T3 （七）总计 = Σ 办理结果 rows, per applicant column, 总计 column last (R2). */
  columnTotals: Sum[];
  /** Each T3 row's 总计 = Σ applicant columns (R3). */
  rowTotals: Sum[];
  /** Each T4 group's 总计 = 维持 + 纠正 + 其他 + 尚未审结 (R4). */
  t4Totals: Sum[];
}

const sumsByVersion = new Map<FormatVersion, FormatSums>();

export function sumsOf(version: FormatVersion): FormatSums {
  let known = sumsByVersion.get(version);
  if (known) return known;
  const rows = formatOf(version).t3.rows.map((r) => r.key);
  const outcomes = rows.filter((k) => !['new', 'carryIn', 'total', 'carryOut'].includes(k));
  known = {
    columnTotals: applicantKeys.map((c) => ({
      target: t3Key('total', c),
      parts: outcomes.map((r) => t3Key(r, c)),
    })),
    rowTotals: rows.map((row) => ({
      target: t3Key(row, 'tot'),
      parts: applicantLeafKeys.map((c) => t3Key(row, c)),
    })),
    t4Totals: t4GroupKeys.map((g) => ({
      target: t4Key(g, 'total'),
      parts: (['upheld', 'corrected', 'other', 'pending'] as const).map((o) => t4Key(g, o)),
    })),
  };
  sumsByVersion.set(version, known);
  return known;
}
