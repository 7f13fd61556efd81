/** A finding of a rule (勾稽关系 R1…R16 and document checks) on a report. */
import type { CellKey } from './keys.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Rule id, e.g. `R1`, `R14`, `artifact`. */
  rule: string;
  severity: Severity;
  /** The cells involved (empty for text findings). */
  cells: CellKey[];
  /** Chinese message naming the cells by their labels and showing expected vs actual. */
  message: string;
}

export function finding(
  rule: string,
  severity: Severity,
  message: string,
  cells: CellKey[] = [],
): Finding {
  return { rule, severity, cells, message };
}
