/**
 * Records → T3 and T4 cells (2021 format), with the cases behind every cell.
 *
 * T3, for year Y (law-and-format.md §1.4): an application counts only once it has a receipt date.
 * - `new`: received in Y; `carryIn`: received before Y and not resolved before Y;
 * - a result row: resolved (decided or withdrawn) in Y, in the row of its decision;
 * - `carryOut`: received by Y-12-31 and not resolved by then.
 * So for every case and column: new + carryIn = Σ results + carryOut (R1) holds by construction.
 *
 * T4, for year Y (§1.5, the common reading): appeals filed in Y, by their outcome if closed by
 * Y-12-31, otherwise `pending`.
 */
import type { IsoDate } from '../law/date.ts';
import { type ApplicantType, OUTCOME_ROWS, type OutcomeRow } from '../law/keys.ts';
import {
  type ApplicantKey,
  applicantKeys,
  type CellKey,
  type T3CellKey,
  type T3RowKey,
  type T4CellKey,
  type T4OutcomeKey,
  t3Key,
  t4GroupKeys,
  t4Key,
  t4OutcomeKeys,
} from '../report/keys.ts';
import type { AppealKind, AppealOutcome, CaseKind } from './events.ts';

/** The T3 rows of the 2021 format, in table order. */
export const T3_ROWS: readonly T3RowKey[] = [
  'new',
  'carryIn',
  ...OUTCOME_ROWS,
  'total',
  'carryOut',
];

export interface CaseFacts {
  id: number;
  applicantType: ApplicantType;
  receivedOn: IsoDate | null;
  resolvedOn: IsoDate | null;
  outcome: OutcomeRow | null;
  /** Art. 41 correction requests are not 依申请公开 and stay out of T3. */
  kind?: CaseKind;
}

export type Intake = 'new' | 'carryIn';
export type Result = OutcomeRow | 'carryOut';

/** Where a case is counted in year Y's T3, or null when it is not counted at all. */
export function t3Placement(c: CaseFacts, year: number): { intake: Intake; result: Result } | null {
  if (c.receivedOn === null || c.kind === 'correction') return null;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (c.receivedOn > end) return null;
  const resolved = c.resolvedOn !== null && c.outcome !== null ? c.resolvedOn : null;
  if (resolved !== null && resolved < start) return null;
  const intake: Intake = c.receivedOn >= start ? 'new' : 'carryIn';
  const result: Result = resolved !== null && resolved <= end ? c.outcome! : 'carryOut';
  return { intake, result };
}

/** One group of the report query: how many cases of a type fall in an intake and a result. */
export interface PlacementCount {
  applicantType: ApplicantType;
  intake: Intake;
  result: Result;
  count: number;
}

/** Every T3 cell as a certain number (zero where no case falls). */
export function t3CellsFromCounts(groups: readonly PlacementCount[]): Record<T3CellKey, number> {
  const cells = {} as Record<T3CellKey, number>;
  for (const row of T3_ROWS) for (const col of applicantKeys) cells[t3Key(row, col)] = 0;
  const add = (row: T3RowKey, col: ApplicantKey, n: number) => {
    cells[t3Key(row, col)] += n;
    cells[t3Key(row, 'tot')] += n;
  };
  for (const g of groups) {
    add(g.intake, g.applicantType, g.count);
    add(g.result, g.applicantType, g.count);
    if (g.result !== 'carryOut') add('total', g.applicantType, g.count);
  }
  return cells;
}

/** Groups cases in memory (the reference the SQL report query is tested against). */
export function placementCounts(cases: readonly CaseFacts[], year: number): PlacementCount[] {
  const groups = new Map<string, PlacementCount>();
  for (const c of cases) {
    const p = t3Placement(c, year);
    if (!p) continue;
    const key = `${c.applicantType}|${p.intake}|${p.result}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { applicantType: c.applicantType, ...p, count: 1 });
  }
  return [...groups.values()];
}

/** Whether a case is one of those behind a T3 cell. */
export function caseInT3Cell(c: CaseFacts, year: number, row: T3RowKey, col: ApplicantKey) {
  const p = t3Placement(c, year);
  if (!p) return false;
  if (col !== 'tot' && col !== c.applicantType) return false;
  if (row === 'total') return p.result !== 'carryOut';
  return p.intake === row || p.result === row;
}

export interface AppealFacts {
  id: string;
  applicationId: number;
  kind: AppealKind;
  filedOn: IsoDate;
  closedOn: IsoDate | null;
  outcome: AppealOutcome | null;
}

/** The T4 column of an appeal in year Y, or null when year Y does not count it. */
export function t4Column(a: AppealFacts, year: number): Exclude<T4OutcomeKey, 'total'> | null {
  if (a.filedOn < `${year}-01-01` || a.filedOn > `${year}-12-31`) return null;
  if (a.closedOn !== null && a.outcome !== null && a.closedOn <= `${year}-12-31`) return a.outcome;
  return 'pending';
}

export function t4Cells(appeals: readonly AppealFacts[], year: number): Record<T4CellKey, number> {
  const cells = {} as Record<T4CellKey, number>;
  for (const g of t4GroupKeys) for (const o of t4OutcomeKeys) cells[t4Key(g, o)] = 0;
  for (const a of appeals) {
    const column = t4Column(a, year);
    if (!column) continue;
    cells[t4Key(a.kind, column)]++;
    cells[t4Key(a.kind, 'total')]++;
  }
  return cells;
}

/** Parses `t3.partial.np` / `t4.rv.pending` into its parts, or null for any other key. */
export function parseCellKey(
  key: string,
):
  | { table: 't3'; row: T3RowKey; col: ApplicantKey }
  | { table: 't4'; group: AppealKind; outcome: T4OutcomeKey }
  | null {
  const [table, a, b] = key.split('.');
  if (
    table === 't3' &&
    (T3_ROWS as string[]).includes(a) &&
    (applicantKeys as string[]).includes(b)
  ) {
    return { table, row: a as T3RowKey, col: b as ApplicantKey };
  }
  if (
    table === 't4' &&
    (t4GroupKeys as string[]).includes(a) &&
    (t4OutcomeKeys as string[]).includes(b)
  ) {
    return { table, group: a as AppealKind, outcome: b as T4OutcomeKey };
  }
  return null;
}

export type { CellKey };
