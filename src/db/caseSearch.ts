/**
 * Staff search over an agency's applications: query code, request text, letter numbers and — for
 * the roles that may see it (`canSeeApplicantData`) — the applicant's name. A role that sees names
 * masked cannot search by name either, or a search would tell it who applied.
 */
import { type SQL, sql } from 'drizzle-orm';
import { likePattern } from '../catalog/search.ts';
import { type Db, rowsOf } from './database.ts';

export interface CaseSearch {
  terms: string[];
  /** Whether the applicant's name is searched (the viewer may see names). */
  byName: boolean;
  page: number;
  pageSize: number;
}

export interface CaseHit {
  id: number;
  queryCode: string;
  applicantName: string;
  applicantType: string;
  status: string;
  receivedOn: string | null;
  replyDue: string | null;
  description: string;
  letterNumbers: string | null;
}

/** Every term must occur in one of the searched fields (case-insensitive substring). */
function termCondition(term: string, byName: boolean): SQL {
  const p = likePattern(term);
  const code = likePattern(term.replace(/-/g, ''));
  return sql`(lower(a.query_code) like ${code}
    or lower(a.request->>'description') like ${p}
    ${byName ? sql`or lower(a.applicant_name) like ${p}` : sql``}
    or exists (select 1 from letters l where l.application_id = a.id and lower(l.number) like ${p}))`;
}

/** One page of the agency's matching applications, newest first, and how many match in all. */
export async function searchCases(
  db: Db,
  agencyId: number,
  search: CaseSearch,
): Promise<{ rows: CaseHit[]; total: number }> {
  if (search.terms.length === 0) return { rows: [], total: 0 };
  const where = sql.join(
    [sql`a.agency_id = ${agencyId}`, ...search.terms.map((t) => termCondition(t, search.byName))],
    sql` and `,
  );
  const rows = rowsOf<CaseHit>(
    await db.execute(sql`
      select a.id, a.query_code as "queryCode", a.applicant_name as "applicantName",
             a.applicant_type as "applicantType", a.status, a.received_on::text as "receivedOn",
             a.reply_due::text as "replyDue", coalesce(a.request->>'description', '') as description,
             (select string_agg(l.number, '、' order by l.id) from letters l
               where l.application_id = a.id and l.number is not null) as "letterNumbers"
      from applications a where ${where}
      order by a.id desc limit ${search.pageSize} offset ${(search.page - 1) * search.pageSize}`),
  );
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from applications a where ${where}`),
  );
  return { rows, total: Number(n) };
}
