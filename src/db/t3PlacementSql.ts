/**
 * `cases/reportCells.ts` `t3Placement` and `caseInT3Cell` as SQL conditions over the applications
 * projection — the only SQL form of the T3 placement. The report query, the drill-down and the
 * county charts all build on these; test/cases/property.test.ts holds them equal to the pure rule
 * over random case histories on both databases.
 */
import { type SQL, sql } from 'drizzle-orm';
import { OUTCOME_ROWS } from '../law/keys.ts';
import type { ApplicantKey, T3RowKey } from '../report/keys.ts';

export interface PlacementSql {
  /** Counted in year Y at all: received by 12-31 and not resolved before 01-01. */
  counted: SQL;
  /** Intake `new`: received in Y (with `counted`). */
  isNew: SQL;
  /** Intake `carryIn`: received before Y (with `counted`). */
  carriedIn: SQL;
  /** Result: the row of its outcome, resolved by 12-31 (with `counted`). */
  resolved: SQL;
  /** Result `carryOut`: not resolved by 12-31 (with `counted`). */
  open: SQL;
}

export function placementSql(year: number): PlacementSql {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return {
    counted: sql`(case_kind = 'disclosure' and received_on is not null and received_on <= ${end}
      and (resolved_on is null or outcome is null or resolved_on >= ${start}))`,
    isNew: sql`received_on >= ${start}`,
    carriedIn: sql`received_on < ${start}`,
    resolved: sql`(outcome is not null and resolved_on <= ${end})`,
    open: sql`(outcome is null or resolved_on is null or resolved_on > ${end})`,
  };
}

/** The cases behind T3 cell (row, col) of year Y: `caseInT3Cell` in SQL. */
export function t3CellSql(year: number, row: T3RowKey, col: ApplicantKey): SQL {
  const p = placementSql(year);
  const conditions: SQL[] = [p.counted];
  if (col !== 'tot') conditions.push(sql`applicant_type = ${col}`);
  if (row === 'new') conditions.push(p.isNew);
  else if (row === 'carryIn') conditions.push(p.carriedIn);
  else if (row === 'carryOut') conditions.push(p.open);
  else if (row === 'total') conditions.push(p.resolved);
  else if ((OUTCOME_ROWS as readonly string[]).includes(row))
    conditions.push(sql`outcome = ${row}`, p.resolved);
  else conditions.push(sql`false`);
  return sql.join(conditions, sql` and `);
}
