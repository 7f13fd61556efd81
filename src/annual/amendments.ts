/**
 * The lock (FOIAXpress' reporting-period lock, with an amendment log): a published report's
 * cells are compared with the cells the records give now; every difference is an amendment to
 * publish, never applied silently. Pure.
 */
import type { CellKey } from '../report/keys.ts';
import type { AnnualReport, CellValue } from '../report/model.ts';

/** A published amendment: a cell that the records changed after publication. */
export interface AmendedCell {
  key: string;
  before: unknown;
  after: unknown;
}

const same = (a: CellValue | undefined, b: CellValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The cells whose value differs between the published snapshot and the report built now. */
export function changedCells(published: AnnualReport, current: AnnualReport): AmendedCell[] {
  const keys = new Set([
    ...Object.keys(published.cells),
    ...Object.keys(current.cells),
  ]) as Set<CellKey>;
  const out: AmendedCell[] = [];
  for (const key of keys) {
    const before = published.cells[key];
    const after = current.cells[key];
    if (!same(before, after)) out.push({ key, before: before ?? null, after: after ?? null });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Text sections whose filled text changed (facts quoted in S1/S6 follow the records too). */
export function changedSections(published: AnnualReport, current: AnnualReport): string[] {
  return (['S1', 'S5', 'S6'] as const).filter(
    (k) => (published.sections[k]?.text ?? '') !== (current.sections[k]?.text ?? ''),
  );
}
