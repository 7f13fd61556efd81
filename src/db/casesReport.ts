/**
 * The report queries over the applications projection: one GROUP BY for T3, the appeals of the
 * year for T4, and the cases behind any cell (drill-down). The placement rules are those of
 * `cases/reportCells.ts`, which the tests hold these queries to.
 */
import { type SQL, sql } from 'drizzle-orm';
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
import { OUTCOME_ROWS, type OutcomeRow } from '../law/keys.ts';
import { type Db, rowsOf } from './database.ts';

const inList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

function counted(agencyIds: readonly number[], year: number): SQL {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return sql`agency_id in (${inList(agencyIds)}) and received_on is not null
    and received_on <= ${end} and (resolved_on is null or outcome is null or resolved_on >= ${start})`;
}

interface RawPlacement {
  agencyId: number;
  applicantType: PlacementCount['applicantType'];
  receivedInYear: boolean;
  outcome: OutcomeRow | null;
  /** `resolved_on <= end`; null when there is no resolution date. */
  resolvedByEnd: boolean | null;
  count: number;
}

/**
 * One GROUP BY over the raw columns (not CASE expressions: the planner estimates their groups
 * badly and sorts on disk instead of hashing); the rows are placed by `addPlacement`.
 */
async function rawPlacements(
  db: Db,
  agencyIds: readonly number[],
  year: number,
  byAgency: boolean,
): Promise<RawPlacement[]> {
  const agency = byAgency ? sql`agency_id` : sql`0`;
  const result = await db.execute(sql`
    select ${agency} as "agencyId", applicant_type as "applicantType",
      received_on >= ${`${year}-01-01`} as "receivedInYear", outcome,
      resolved_on <= ${`${year}-12-31`} as "resolvedByEnd", count(*)::int as count
    from applications
    where ${counted(agencyIds, year)}
    group by 1, 2, 3, 4, 5`);
  return rowsOf<RawPlacement>(result);
}

/** Adds a raw group to its T3 placement (the rules of `t3Placement`). */
function addPlacement(groups: Map<string, PlacementCount>, r: RawPlacement): void {
  const intake: Intake = r.receivedInYear ? 'new' : 'carryIn';
  const result: Result = r.outcome !== null && r.resolvedByEnd === true ? r.outcome : 'carryOut';
  const key = `${r.applicantType}|${intake}|${result}`;
  const count = Number(r.count);
  const group = groups.get(key);
  if (group) group.count += count;
  else groups.set(key, { applicantType: r.applicantType, intake, result, count });
}

/** T3 groups for the agencies and year together: one GROUP BY over the projection. */
export async function t3PlacementCounts(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<PlacementCount[]> {
  if (agencyIds.length === 0) return [];
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
  if (agencyIds.length === 0) return new Map();
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
  if (agencyIds.length === 0) return [];
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
  if (!cell) throw new GongkaiError('cases.cell', `不是表三或表四的单元格：${key}`);
  if (agencyIds.length === 0) return [];
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
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
  const conditions: SQL[] = [counted(agencyIds, year)];
  if (cell.col !== 'tot') conditions.push(sql`applicant_type = ${cell.col}`);
  const resolvedInYear = sql`(outcome is not null and resolved_on <= ${end})`;
  if (cell.row === 'new') conditions.push(sql`received_on >= ${start}`);
  else if (cell.row === 'carryIn') conditions.push(sql`received_on < ${start}`);
  else if (cell.row === 'carryOut') conditions.push(sql`not ${resolvedInYear}`);
  else if (cell.row === 'total') conditions.push(resolvedInYear);
  else if ((OUTCOME_ROWS as readonly string[]).includes(cell.row)) {
    conditions.push(sql`outcome = ${cell.row} and resolved_on <= ${end}`);
  } else return [];
  const where = sql.join(conditions, sql` and `);
  return rowsOf<CellCase>(
    await db.execute(
      sql`select ${columns} from applications a where ${where} order by a.received_on, a.id limit 1000`,
    ),
  );
}
