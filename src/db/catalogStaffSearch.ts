/**
 * Staff search over all of an agency's catalogue items — drafts, items in review and withdrawn ones
 * as well as published — by title, 文号, body and attachment text (the portal's `search_text` and
 * `search_grams`, through the same `termCondition`) and by 索引号.
 */
import { type SQL, sql } from 'drizzle-orm';
import { likePattern } from '../catalog/search.ts';
import { SEARCH_COUNT_CAP, termCondition } from './catalogPortal.ts';
import { type Db, rowsOf } from './database.ts';

export interface CatalogueHit {
  id: number;
  title: string;
  status: string;
  indexNumber: string | null;
  docNumber: string | null;
  publishedOn: string | null;
  excerpt: string;
}

const indexNumberMatches = (term: string): SQL =>
  sql`lower(coalesce(index_number, '')) like ${likePattern(term)}`;

/**
 * One page of matching items, most recently changed first. The total is exact up to
 * `SEARCH_COUNT_CAP`, then `capped`, as on the portal.
 */
export async function searchCatalogue(
  db: Db,
  agencyId: number,
  search: { terms: string[]; page: number; pageSize: number },
): Promise<{ rows: CatalogueHit[]; total: number; capped: boolean }> {
  if (search.terms.length === 0) return { rows: [], total: 0, capped: false };
  const where = sql.join(
    [
      sql`agency_id = ${agencyId}`,
      ...search.terms.map((t) => sql`(${termCondition(t)} or ${indexNumberMatches(t)})`),
    ],
    sql` and `,
  );
  const rows = rowsOf<CatalogueHit>(
    await db.execute(sql`
      select id, title, status, index_number as "indexNumber", doc_number as "docNumber",
             published_on::text as "publishedOn",
             substr(search_text, greatest(1, strpos(search_text, ${search.terms[0]}) - 40), 160) as excerpt
      from publications where ${where}
      order by updated_at desc, id desc
      limit ${search.pageSize} offset ${(search.page - 1) * search.pageSize}`),
  );
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from (select 1 from publications where ${where} limit ${SEARCH_COUNT_CAP + 1}) m`,
    ),
  );
  return { rows, total: Math.min(n, SEARCH_COUNT_CAP), capped: n > SEARCH_COUNT_CAP };
}
