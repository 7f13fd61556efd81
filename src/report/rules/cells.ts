/** Helpers for rules: reading cells as intervals so that uncertain cells are never taken as numbers. */
import { cellLabel } from '../formats/labels.ts';
import type { CellKey } from '../keys.ts';
import type { AnnualReport } from '../model.ts';

export interface Range {
  min: number;
  max: number;
  exact: boolean;
}

/** A cell as a range: exact for numbers, 0 for blank and slash, [min, max] of the candidates. */
export function range(report: AnnualReport, key: CellKey): Range | undefined {
  const v = report.cells[key];
  if (v === undefined) return undefined;
  if (typeof v === 'number') return { min: v, max: v, exact: true };
  if (v === 'blank' || v === 'slash') return { min: 0, max: 0, exact: true };
  const candidates = v.candidates;
  if (candidates.length === 0) return undefined;
  let min = candidates[0];
  let max = candidates[0];
  for (let i = 1; i < candidates.length; i++) {
    min = Math.min(min, candidates[i]);
    max = Math.max(max, candidates[i]);
  }
  return { min, max, exact: false };
}

export function sumRange(ranges: Range[]): Range {
  const sum: Range = { min: 0, max: 0, exact: true };
  for (const r of ranges) addRange(sum, r);
  return sum;
}

function addRange(sum: Range, r: Range): void {
  sum.min += r.min;
  sum.max += r.max;
  sum.exact &&= r.exact;
}

/** `sumRange` of the cells' ranges, or undefined when a cell has none. */
function sumCells(report: AnnualReport, keys: readonly CellKey[]): Range | undefined {
  const sum: Range = { min: 0, max: 0, exact: true };
  for (const key of keys) {
    const r = range(report, key);
    if (r === undefined) return undefined;
    addRange(sum, r);
  }
  return sum;
}

export function show(r: Range): string {
  const f = (n: number) => String(Math.round(n * 1e6) / 1e6);
  return r.min === r.max ? f(r.min) : `${f(r.min)}～${f(r.max)}`;
}

/**
 * Checks `Σ left = Σ right`; returns the two sides when they certainly differ, undefined when they
 * agree or cannot be judged (missing cells, or ranges that overlap).
 */
export function certainlyUnequal(
  report: AnnualReport,
  left: readonly CellKey[],
  right: readonly CellKey[],
): { left: Range; right: Range } | undefined {
  const a = sumCells(report, left);
  if (a === undefined) return undefined;
  const b = sumCells(report, right);
  if (b === undefined) return undefined;
  if (a.max + 1e-9 < b.min || b.max + 1e-9 < a.min) return { left: a, right: b };
  return undefined;
}

export function label(report: AnnualReport, key: CellKey): string {
  return cellLabel(key, report.formatVersion);
}

export function isBlank(report: AnnualReport, key: CellKey): boolean {
  const v = report.cells[key];
  return v === 'blank' || v === 'slash';
}
