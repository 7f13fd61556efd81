/**
 * The record facts the report's text quotes: items published per catalogue category, processing
 * fees from the application events, applications the tables cannot count yet, petition figures.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { CategoryCount, FeeFacts } from '../annual/facts.ts';
import { s6PetitionText } from '../petitions/s6.ts';
import { type Db, rowsOf } from './database.ts';
import { petitionStatistics } from './petitionStatistics.ts';

const inList = (ids: readonly number[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

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
  if (agencyIds.length === 0) return [];
  const rows = rowsOf<{ name: string; column: string; position: number; count: number }>(
    await db.execute(sql`
      select c.name, min(c."column") as "column", min(c.position)::int as position, count(*)::int as count
      from publications p join catalog_categories c on c.id = p.category_id
      where p.agency_id in (${inList(agencyIds)}) and p.status in ('published', 'withdrawn')
        and p.published_on >= ${`${year}-01-01`} and p.published_on <= ${`${year}-12-31`}
      group by c.name`),
  );
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
  const facts: FeeFacts = { notices: 0, paid: 0, collectedYuan: 0 };
  if (agencyIds.length === 0) return facts;
  const rows = rowsOf<{
    applicationId: number;
    type: string;
    on: string;
    data: { amount?: number };
  }>(
    await db.execute(sql`
      select e.application_id as "applicationId", e.type, e.on::text as "on", e.data
      from application_events e join applications a on a.id = e.application_id
      where a.agency_id in (${inList(agencyIds)})
        and e.type in ('ProcessingFeeNotified', 'ProcessingFeePaid') and e.on <= ${`${year}-12-31`}
      order by e.application_id, e.seq`),
  );
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
  if (agencyIds.length === 0) return [];
  return rowsOf<UnreceivedApplication>(
    await db.execute(sql`
      select id, agency_id as "agencyId", applicant_name as "applicantName",
        applicant_type as "applicantType", submitted_on::text as "submittedOn"
      from applications
      where agency_id in (${inList(agencyIds)}) and received_on is null and status = 'pending'
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
  const texts: string[] = [];
  for (const agencyId of agencyIds) {
    const stats = await petitionStatistics(db, agencyId, `${year}-01-01`, `${year}-12-31`);
    const empty =
      stats.sources.records === 0 &&
      stats.sources.aggregates.length === 0 &&
      stats.sources.partialAggregates.length === 0;
    if (!empty) texts.push(s6PetitionText(stats, { year }));
  }
  return texts.length > 0 ? texts.join('') : undefined;
}
