/**
 * The record facts the report's text quotes: items published per catalogue category, processing
 * fees from the application events, applications the tables cannot count yet, petition figures.
 */
import { sql } from 'drizzle-orm';
import type { CategoryCount, FeeFacts } from '../annual/facts.ts';
import { s6PetitionText } from '../petitions/s6.ts';
import type { PetitionStatistics } from '../petitions/statistics.ts';
import { type Db, inList, rowsOf } from './database.ts';
import { petitionStatisticsByAgency } from './petitionStatistics.ts';

const columnOrder: Record<string, number> = { statutory: 0, rules: 1, guide: 2, reports: 3 };

/**
 * Items published in the year (still published or withdrawn since), per category name; most
 * first, then 法定主动公开内容 before 制度, 指南 and 年报, then the category's position.
 */
export async function publicationCounts(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<CategoryCount[]> {
  const rows = rowsOf<CategoryRow>(
    await db.execute(sql`
      select c.name, min(c."column") as "column", min(c.position)::int as position, count(*)::int as count
      from ${publishedInYear(agencyIds, year)}
      group by c.name`),
  );
  return categoryOrder(rows);
}

/** The counts of each agency on its own (every id has an entry), in one query. */
export async function publicationCountsByAgency(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, CategoryCount[]>> {
  const perAgency = new Map(agencyIds.map((id) => [id, [] as CategoryRow[]]));
  const rows = rowsOf<CategoryRow & { agencyId: number }>(
    await db.execute(sql`
      select p.agency_id as "agencyId", c.name, min(c."column") as "column",
        min(c.position)::int as position, count(*)::int as count
      from ${publishedInYear(agencyIds, year)}
      group by p.agency_id, c.name`),
  );
  for (const { agencyId, ...row } of rows) perAgency.get(Number(agencyId))!.push(row);
  return new Map([...perAgency].map(([id, list]) => [id, categoryOrder(list)]));
}

interface CategoryRow {
  name: string;
  column: string;
  position: number;
  count: number;
}

const publishedInYear = (agencyIds: readonly number[], year: number) => sql`
  publications p join catalog_categories c on c.id = p.category_id
  where p.agency_id in (${inList(agencyIds)}) and p.status in ('published', 'withdrawn')
    and p.published_on >= ${`${year}-01-01`} and p.published_on <= ${`${year}-12-31`}`;

function categoryOrder(rows: readonly CategoryRow[]): CategoryCount[] {
  return rows
    .map((r) => ({ ...r, count: Number(r.count) }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (columnOrder[a.column] ?? 9) - (columnOrder[b.column] ?? 9) ||
        a.position - b.position,
    )
    .map(({ name, count }) => ({ name, count }));
}

/** 收费通知 issued in the year, and fees paid in the year (the amount of the last notice before). */
export async function feeFacts(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<FeeFacts> {
  return feeFactsOf(await feeEvents(db, agencyIds, year), year);
}

export interface FeeEvent {
  agencyId: number;
  applicationId: number;
  type: string;
  on: string;
  data: { amount?: number };
}

/** The fee events up to the year's end of the agencies' applications, in log order. */
export async function feeEvents(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<FeeEvent[]> {
  return rowsOf<FeeEvent>(
    await db.execute(sql`
      select a.agency_id as "agencyId", e.application_id as "applicationId", e.type,
        e.on::text as "on", e.data
      from application_events e join applications a on a.id = e.application_id
      where a.agency_id in (${inList(agencyIds)})
        and e.type in ('ProcessingFeeNotified', 'ProcessingFeePaid') and e.on <= ${`${year}-12-31`}
      order by e.application_id, e.seq`),
  );
}

/** The year's fee facts from fee events in log order. */
export function feeFactsOf(rows: readonly FeeEvent[], year: number): FeeFacts {
  const facts: FeeFacts = { notices: 0, paid: 0, collectedYuan: 0 };
  const lastAmount = new Map<number, number>();
  const inYear = (on: string) => on.startsWith(`${year}-`);
  for (const r of rows) {
    if (r.type === 'ProcessingFeeNotified') {
      lastAmount.set(r.applicationId, Number(r.data.amount ?? 0));
      if (inYear(r.on)) facts.notices++;
    } else if (inYear(r.on)) {
      facts.paid++;
      facts.collectedYuan += lastAmount.get(r.applicationId) ?? 0;
    }
  }
  facts.collectedYuan = Math.round(facts.collectedYuan * 100) / 100;
  return facts;
}

export interface UnreceivedApplication {
  id: number;
  agencyId: number;
  applicantName: string;
  applicantType: string;
  submittedOn: string;
}

/** Applications submitted by the year's end whose receipt (Art. 31) was never recorded. */
export async function unreceivedApplications(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<UnreceivedApplication[]> {
  return rowsOf<UnreceivedApplication>(
    await db.execute(sql`
      select id, agency_id as "agencyId", applicant_name as "applicantName",
        applicant_type as "applicantType", submitted_on::text as "submittedOn"
      from applications
      where agency_id in (${inList(agencyIds)}) and received_on is null and status = 'pending'
        and case_kind = 'disclosure'
        and submitted_on <= ${`${year}-12-31`}
      order by submitted_on, id`),
  );
}

/** The petition sentences of section 六, or undefined when the agency has no petition records. */
export async function petitionSentences(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<string | undefined> {
  return petitionSentencesOf(await petitionStatisticsOf(db, agencyIds, year), agencyIds, year);
}

/** Each agency's petition statistics for the year (two queries for all). */
export const petitionStatisticsOf = (db: Db, agencyIds: readonly number[], year: number) =>
  petitionStatisticsByAgency(db, agencyIds, `${year}-01-01`, `${year}-12-31`);

/** The sentences of the agencies with petition records, in the order of `agencyIds`. */
export function petitionSentencesOf(
  statistics: ReadonlyMap<number, PetitionStatistics>,
  agencyIds: readonly number[],
  year: number,
): string | undefined {
  const texts: string[] = [];
  for (const agencyId of agencyIds) {
    const stats = statistics.get(agencyId)!;
    const empty =
      stats.sources.records === 0 &&
      stats.sources.aggregates.length === 0 &&
      stats.sources.partialAggregates.length === 0;
    if (!empty) texts.push(s6PetitionText(stats, { year }));
  }
  return texts.length > 0 ? texts.join('') : undefined;
}
