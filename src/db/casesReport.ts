/**
 * The report queries over the applications projection: one GROUP BY for T3, the appeals of the
 * year for T4, and the cases behind any cell (drill-down). The T3 placement is that of
 * `cases/reportCells.ts`, in SQL once in `t3PlacementSql.ts`.
 */
import { sql } from 'drizzle-orm';
import type { AppealKind, AppealOutcome } from '../cases/events.ts';
import {
  type AppealFacts,
  type Intake,
  type PlacementCount,
  parseCellKey,
  type Result,
  t4Column,
} from '../cases/reportCells.ts';
import { GongkaiError } from '../errors.ts';
import type { OutcomeRow } from '../law/keys.ts';
import { type Db, inList, rowsOf } from './database.ts';
import { placementSql, t3CellSql } from './t3PlacementSql.ts';

/** The cases of one agency, applicant type and outcome, by intake and by resolution in the year. */
interface RawPlacement {
  agencyId: number;
  applicantType: PlacementCount['applicantType'];
  outcome: OutcomeRow | null;
  newResolved: number;
  newOpen: number;
  carryInResolved: number;
  carryInOpen: number;
}

/**
 * One GROUP BY over the plain columns with filtered counts. Not CASE expressions: the planner
 * estimates ~200 values for each and then sorts on disk, and grouping by the date comparisons
 * too makes it estimate so many groups that it gives up the parallel scan.
 */
async function rawPlacements(
  db: Db,
  agencyIds: readonly number[],
  year: number,
  byAgency: boolean,
): Promise<RawPlacement[]> {
  const { counted, isNew, carriedIn, resolved, open } = placementSql(year);
  const result = await db.execute(sql`
    select ${byAgency ? sql`agency_id` : sql`0`} as "agencyId", applicant_type as "applicantType",
      outcome,
      count(*) filter (where ${isNew} and ${resolved})::int as "newResolved",
      count(*) filter (where ${isNew} and ${open})::int as "newOpen",
      count(*) filter (where ${carriedIn} and ${resolved})::int as "carryInResolved",
      count(*) filter (where ${carriedIn} and ${open})::int as "carryInOpen"
    from applications
    where agency_id in (${inList(agencyIds)}) and ${counted}
    group by 1, 2, 3`);
  return rowsOf<RawPlacement>(result);
}

/** Adds a raw group to its T3 placements (the rules of `t3Placement`). */
function addPlacement(groups: Map<string, PlacementCount>, r: RawPlacement): void {
  const resolvedAs: Result = r.outcome ?? 'carryOut';
  const parts: [Intake, Result, number][] = [
    ['new', resolvedAs, r.newResolved],
    ['new', 'carryOut', r.newOpen],
    ['carryIn', resolvedAs, r.carryInResolved],
    ['carryIn', 'carryOut', r.carryInOpen],
  ];
  for (const [intake, result, n] of parts) {
    const count = Number(n);
    if (count === 0) continue;
    const key = `${r.applicantType}|${intake}|${result}`;
    const group = groups.get(key);
    if (group) group.count += count;
    else groups.set(key, { applicantType: r.applicantType, intake, result, count });
  }
}

/** T3 groups for the agencies and year together: one GROUP BY over the projection. */
export async function t3PlacementCounts(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<PlacementCount[]> {
  const groups = new Map<string, PlacementCount>();
  for (const r of await rawPlacements(db, agencyIds, year, false)) addPlacement(groups, r);
  return [...groups.values()];
}

/** T3 groups of each agency on its own (every id has an entry), in one GROUP BY. */
export async function t3PlacementCountsByAgency(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, PlacementCount[]>> {
  const perAgency = new Map(agencyIds.map((id) => [id, new Map<string, PlacementCount>()]));
  for (const r of await rawPlacements(db, agencyIds, year, true))
    addPlacement(perAgency.get(Number(r.agencyId))!, r);
  return new Map([...perAgency].map(([id, groups]) => [id, [...groups.values()]]));
}

/** The appeals T4 counts for the year (filed in the year). */
export async function t4AppealFacts(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<AppealFacts[]> {
  const result = await db.execute(sql`
    select appeal_id as id, application_id as "applicationId", kind, filed_on::text as "filedOn",
      closed_on::text as "closedOn", outcome
    from appeals
    where agency_id in (${inList(agencyIds)})
      and filed_on >= ${`${year}-01-01`} and filed_on <= ${`${year}-12-31`}`);
  return rowsOf<{
    id: string;
    applicationId: number;
    kind: AppealKind;
    filedOn: string;
    closedOn: string | null;
    outcome: AppealOutcome | null;
  }>(result);
}

/** The appeals of each agency on its own (every id has an entry), in one query. */
export async function t4AppealFactsByAgency(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, AppealFacts[]>> {
  const perAgency = new Map(agencyIds.map((id) => [id, [] as AppealFacts[]]));
  const result = await db.execute(sql`
    select agency_id as "agencyId", appeal_id as id, application_id as "applicationId", kind,
      filed_on::text as "filedOn", closed_on::text as "closedOn", outcome
    from appeals
    where agency_id in (${inList(agencyIds)})
      and filed_on >= ${`${year}-01-01`} and filed_on <= ${`${year}-12-31`}`);
  for (const { agencyId, ...facts } of rowsOf<AppealFacts & { agencyId: number }>(result))
    perAgency.get(Number(agencyId))!.push(facts);
  return perAgency;
}

export interface CellCase {
  id: number;
  applicantName: string;
  applicantType: string;
  receivedOn: string;
  resolvedOn: string | null;
  outcome: string | null;
  decision: string | null;
  status: string;
  /** For T4 cells: the appeal. */
  appeal?: { id: string; kind: string; filedOn: string; closedOn: string | null };
}

/** The cases behind one report cell (`t3.partial.np`, `t4.rv.pending`, …), oldest first. */
export async function casesInCell(
  db: Db,
  agencyIds: readonly number[],
  year: number,
  key: string,
): Promise<CellCase[]> {
  const cell = parseCellKey(key);
  if (!cell) throw new GongkaiError('cases.cell', { key });
  if (agencyIds.length === 0) return [];
  const columns = sql`a.id, a.applicant_name as "applicantName", a.applicant_type as "applicantType",
    a.received_on::text as "receivedOn", a.resolved_on::text as "resolvedOn", a.outcome, a.decision, a.status`;
  if (cell.table === 't4') {
    const facts = (await t4AppealFacts(db, agencyIds, year)).filter(
      (f) =>
        f.kind === cell.group && (cell.outcome === 'total' || t4Column(f, year) === cell.outcome),
    );
    if (facts.length === 0) return [];
    const ids = [...new Set(facts.map((f) => f.applicationId))];
    const rows = rowsOf<CellCase>(
      await db.execute(sql`select ${columns} from applications a where a.id in (${inList(ids)})`),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return facts
      .sort((a, b) => a.filedOn.localeCompare(b.filedOn))
      .map((f) => ({
        ...byId.get(f.applicationId)!,
        appeal: { id: f.id, kind: f.kind, filedOn: f.filedOn, closedOn: f.closedOn },
      }));
  }
  const where = sql`agency_id in (${inList(agencyIds)}) and ${t3CellSql(year, cell.row, cell.col)}`;
  return rowsOf<CellCase>(
    await db.execute(
      sql`select ${columns} from applications a where ${where} order by a.received_on, a.id limit 1000`,
    ),
  );
}
