/**
 * Blank is not zero (spec §1.6, §2.2 R7): before R1–R4 and R11 compare figures, a blank or `/`
 * total is replaced by the sum of its parts when every part is known, and left out (so that no
 * rule judges it) when not. R7 still reports the blank as printed.
 */
import { type CellKey, type FormatVersion, t3Key } from '../keys.ts';
import type { AnnualReport, Cells } from '../model.ts';
import { type Sum, sumsOf } from './sums.ts';

/** The totals of a format, each after the totals it is computed from. */
function totalsOf(version: FormatVersion): Sum[] {
  const { rowTotals, columnTotals, t4Totals } = sumsOf(version);
  // The grand total (（七）总计 × 总计) is both a row and a column total: computed once, as a column's.
  const grandTotal = t3Key('total', 'tot');
  return [...rowTotals.filter((s) => s.target !== grandTotal), ...columnTotals, ...t4Totals];
}

const totalsByVersion = new Map<FormatVersion, { list: Sum[]; keys: Set<CellKey> }>();

function totals(version: FormatVersion) {
  let known = totalsByVersion.get(version);
  if (!known) {
    const list = totalsOf(version);
    known = { list, keys: new Set(list.map((t) => t.target)) };
    totalsByVersion.set(version, known);
  }
  return known;
}

const isBlank = (v: Cells[CellKey]) => v === 'blank' || v === 'slash';

/** The sum of the parts, or undefined when one is unknown; a blank leaf adds nothing. */
function sumOf(cells: Cells, parts: readonly CellKey[], totalKeys: Set<CellKey>) {
  let sum = 0;
  for (const part of parts) {
    const v = cells[part];
    if (typeof v === 'number') sum += v;
    else if (!isBlank(v) || totalKeys.has(part)) return undefined;
  }
  return sum;
}

/** Reports this module made (their totals are already recomputed). */
const recomputed = new WeakSet<AnnualReport>();

/** The report as the 勾稽 rules read it: blank totals recomputed from their parts, or left out. */
export function withRecomputedTotals(report: AnnualReport): AnnualReport {
  if (recomputed.has(report)) return report;
  const { list, keys } = totals(report.formatVersion);
  let cells: Cells | undefined;
  for (const { target, parts } of list) {
    const current = cells ?? report.cells;
    if (!isBlank(current[target])) continue;
    cells ??= { ...report.cells };
    const sum = sumOf(cells, parts, keys);
    if (sum === undefined) delete cells[target];
    else cells[target] = sum;
  }
  if (!cells) return report;
  const out = { ...report, cells };
  recomputed.add(out);
  return out;
}
