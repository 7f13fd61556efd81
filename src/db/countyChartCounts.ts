/**
 * The T3 figures the county charts show for earlier years — each agency's new applications and
 * its cases per result row (all applicant types together) — for several years in one scan of the
 * applications, instead of building whole reports. The placement is `cases/reportCells.ts`
 * `t3Placement`, in SQL from `t3PlacementSql.ts`.
 */
import { sql } from 'drizzle-orm';
import type { Result } from '../cases/reportCells.ts';
import type { OutcomeRow } from '../law/keys.ts';
import { type Db, inList, rowsOf } from './database.ts';
import { placementSql } from './t3PlacementSql.ts';

export interface AgencyYearCounts {
  /** t3.new.tot */
  received: number;
  /** t3.<result>.tot for each result row with cases. */
  results: Partial<Record<Result, number>>;
}

/** `counts.get(year).get(agencyId)`; every year and agency has an entry. */
export async function t3ChartCounts(
  db: Db,
  agencyIds: readonly number[],
  years: readonly number[],
): Promise<Map<number, Map<number, AgencyYearCounts>>> {
  const counts = new Map(
    years.map((y) => [
      y,
      new Map<number, AgencyYearCounts>(agencyIds.map((id) => [id, { received: 0, results: {} }])),
    ]),
  );
  if (agencyIds.length === 0 || years.length === 0) return counts;
  const columns = years.map((y, i) => {
    const { counted, isNew, resolved, open } = placementSql(y);
    return sql`count(*) filter (where ${counted} and ${isNew})::int as ${sql.raw(`"new${i}"`)},
      count(*) filter (where ${counted} and ${resolved})::int as ${sql.raw(`"resolved${i}"`)},
      count(*) filter (where ${counted} and ${open})::int as ${sql.raw(`"open${i}"`)}`;
  });
  const first = `${Math.min(...years)}-01-01`;
  const last = `${Math.max(...years)}-12-31`;
  const rows = rowsOf<Record<string, number> & { agencyId: number; outcome: OutcomeRow | null }>(
    await db.execute(sql`
      select agency_id as "agencyId", outcome, ${sql.join(columns, sql`, `)}
      from applications
      where agency_id in (${inList(agencyIds)}) and case_kind = 'disclosure' and received_on is not null
        and received_on <= ${last} and (resolved_on is null or outcome is null or resolved_on >= ${first})
      group by 1, 2`),
  );
  for (const row of rows) {
    for (const [i, y] of years.entries()) {
      const entry = counts.get(y)!.get(Number(row.agencyId))!;
      entry.received += Number(row[`new${i}`]);
      if (row.outcome) add(entry, row.outcome, Number(row[`resolved${i}`]));
      add(entry, 'carryOut', Number(row[`open${i}`]));
    }
  }
  return counts;
}

function add(entry: AgencyYearCounts, result: Result, n: number): void {
  if (n > 0) entry.results[result] = (entry.results[result] ?? 0) + n;
}
