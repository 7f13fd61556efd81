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
  if (v.candidates.length === 0) return undefined;
  return { min: Math.min(...v.candidates), max: Math.max(...v.candidates), exact: false };
}

export function sumRange(ranges: Range[]): Range {
  return ranges.reduce(
    (a, r) => ({ min: a.min + r.min, max: a.max + r.max, exact: a.exact && r.exact }),
    {
      min: 0,
      max: 0,
      exact: true,
    },
  );
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
  left: CellKey[],
  right: CellKey[],
): { left: Range; right: Range } | undefined {
  const l = left.map((k) => range(report, k));
  const r = right.map((k) => range(report, k));
  if ([...l, ...r].some((x) => x === undefined)) return undefined;
  const a = sumRange(l as Range[]);
  const b = sumRange(r as Range[]);
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
