/** Public queries of the catalogue: only published items, never drafts or withdrawn ones. */
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { likePattern } from '../catalog/search.ts';
import { gramsAreExact, gramsOfTerm } from '../catalog/searchGrams.ts';
import { type Db, rowsOf } from './database.ts';
import {
  catalogCategories,
  catalogCategoryCounts,
  publicationAttachments,
  publicationColumns,
  publications,
} from './schema/catalog.ts';
import { agencies } from './schema.ts';

const listColumns = {
  id: publications.id,
  title: publications.title,
  indexNumber: publications.indexNumber,
  docNumber: publications.docNumber,
  publishedOn: publications.publishedOn,
  madeOn: publications.madeOn,
  categoryId: publications.categoryId,
};

export type PublishedListRow = {
  id: number;
  title: string;
  indexNumber: string | null;
  docNumber: string | null;
  publishedOn: string | null;
  madeOn: string;
  categoryId: number;
};

const published = (agencyId: number) =>
  and(eq(publications.agencyId, agencyId), eq(publications.status, 'published'));

/** A position in a newest-first list: the first or last row of the page a link comes from. */
export interface ListCursor {
  publishedOn: string;
  id: number;
  /** after: the page older than the cursor row; before: the page newer than it. */
  direction: 'after' | 'before';
}

export interface CategoryPage {
  rows: PublishedListRow[];
  /** Exact number of published items in the category (kept by triggers, never counted here). */
  total: number;
  hasNewer: boolean;
  hasOlder: boolean;
}

/**
 * One page of a category, newest first. With a cursor it is a keyset page: an index range of
 * `publications_published_category_newest`, as cheap on page 5,000 as on page 1. Without one
 * (a typed-in `?page=N`) the offset walks only that index's keys before fetching 20 rows.
 */
export async function listPublishedInCategory(
  db: Db,
  agencyId: number,
  categoryId: number,
  options: { page: number; pageSize: number; cursor?: ListCursor },
): Promise<CategoryPage> {
  const { page, pageSize, cursor } = options;
  const inCategory = sql`agency_id = ${agencyId} and category_id = ${categoryId} and status = 'published'`;
  let rows: PublishedListRow[];
  let hasNewer: boolean;
  let hasOlder: boolean;
  if (cursor?.direction === 'before') {
    const newer = await selectList(
      db,
      sql`${inCategory} and (published_on, id) > (${cursor.publishedOn}::date, ${cursor.id}::int)`,
      sql`published_on asc, id asc`,
      pageSize + 1,
    );
    hasNewer = newer.length > pageSize;
    rows = newer.slice(0, pageSize).reverse();
    hasOlder = true;
  } else {
    const bound = cursor
      ? sql` and (published_on, id) < (${cursor.publishedOn}::date, ${cursor.id}::int)`
      : page > 1
        ? sql` and (published_on, id) <= (select published_on, id from publications
              where ${inCategory} order by published_on desc, id desc
              offset ${(page - 1) * pageSize} limit 1)`
        : sql``;
    const older = await selectList(
      db,
      sql`${inCategory}${bound}`,
      sql`published_on desc, id desc`,
      pageSize + 1,
    );
    hasOlder = older.length > pageSize;
    rows = older.slice(0, pageSize);
    hasNewer = cursor !== undefined || page > 1;
  }
  return { rows, total: await publishedCount(db, categoryId), hasNewer, hasOlder };
}

async function selectList(db: Db, where: SQL, order: SQL, limit: number) {
  return rowsOf<PublishedListRow>(
    await db.execute(sql`
      select id, title, index_number as "indexNumber", doc_number as "docNumber",
             published_on::text as "publishedOn", made_on::text as "madeOn", category_id as "categoryId"
      from publications where ${where} order by ${order} limit ${limit}`),
  );
}

async function publishedCount(db: Db, categoryId: number): Promise<number> {
  const [row] = await db
    .select({ n: catalogCategoryCounts.published })
    .from(catalogCategoryCounts)
    .where(eq(catalogCategoryCounts.categoryId, categoryId));
  return row?.n ?? 0;
}

/** The newest `limit` items of each category with its total, for the sub-column pages. */
export async function latestPerCategory(db: Db, agencyId: number, limit: number) {
  const result = await db.execute(sql`
    select l.id, l.title, l."indexNumber", l."publishedOn", c.id as "categoryId",
           coalesce(n.published, 0) as n
    from catalog_categories c
    left join catalog_category_counts n on n.category_id = c.id
    cross join lateral (
      select id, title, index_number as "indexNumber", published_on::text as "publishedOn", published_on
      from publications p
      where p.agency_id = c.agency_id and p.category_id = c.id and p.status = 'published'
      order by p.published_on desc, p.id desc limit ${limit}
    ) l
    where c.agency_id = ${agencyId}
    order by c.id, l.published_on desc, l.id desc`);
  return rowsOf<PublishedListRow & { n: number }>(result);
}

export async function getPublishedItem(db: Db, agencyId: number, id: number) {
  const [item] = await db
    .select(publicationColumns)
    .from(publications)
    .where(and(published(agencyId), eq(publications.id, id)));
  if (!item) return undefined;
  const [category] = await db
    .select()
    .from(catalogCategories)
    .where(eq(catalogCategories.id, item.categoryId));
  const files = await db
    .select({
      id: publicationAttachments.id,
      filename: publicationAttachments.filename,
      title: publicationAttachments.title,
      mediaType: publicationAttachments.mediaType,
      size: publicationAttachments.size,
    })
    .from(publicationAttachments)
    .where(
      and(eq(publicationAttachments.publicationId, id), eq(publicationAttachments.removed, false)),
    )
    .orderBy(asc(publicationAttachments.id));
  return { item, category, files };
}

export interface SearchFilter {
  terms: string[];
  categoryId?: number;
  year?: number;
  page: number;
  pageSize: number;
}

/**
 * Search counts matches up to this many and then reports “more than” (and pages no further):
 * every counted match is a substring test on its text, so the cap bounds the work per request.
 */
export const SEARCH_COUNT_CAP = 200;

export type SearchHit = PublishedListRow & { excerpt: string };

/**
 * Full-text search over titles, bodies and attachment text (`search_text`, lower-cased).
 * Terms of 3+ characters are a LIKE on the indexed column (never ILIKE: the column is already
 * lower-cased), so the pg_trgm GIN index finds rare ones; shorter ones look up `search_grams`
 * (see `termCondition`); common ones are found faster by walking
 * the agency's items newest first until the page is full, and the planner chooses between the two
 * from the column statistics. The total is exact up to `SEARCH_COUNT_CAP`, then `capped`.
 */
export async function searchPublished(
  db: Db,
  agencyId: number,
  filter: SearchFilter,
): Promise<{ rows: SearchHit[]; total: number; capped: boolean }> {
  if (filter.terms.length === 0) return { rows: [], total: 0, capped: false };
  const where = sql.join(
    [
      sql`agency_id = ${agencyId} and status = 'published'`,
      ...filter.terms.map(termCondition),
      ...(filter.categoryId ? [sql`category_id = ${filter.categoryId}`] : []),
      ...(filter.year
        ? [
            sql`published_on between ${`${filter.year}-01-01`}::date and ${`${filter.year}-12-31`}::date`,
          ]
        : []),
    ],
    sql` and `,
  );
  const offset = (Math.min(filter.page, searchPages(filter.pageSize)) - 1) * filter.pageSize;
  const rows = rowsOf<SearchHit>(
    await db.execute(sql`
      select id, title, "indexNumber", "docNumber", "publishedOn", "madeOn", "categoryId",
             substr(search_text, greatest(1, strpos(search_text, ${filter.terms[0]}) - 40), 160) as excerpt
      from (
        select id, title, index_number as "indexNumber", doc_number as "docNumber",
               published_on::text as "publishedOn", made_on::text as "madeOn",
               category_id as "categoryId", search_text, published_on
        from publications where ${where}
        order by published_on desc, id desc limit ${filter.pageSize} offset ${offset}
      ) hits order by published_on desc, id desc`),
  );
  const total =
    rows.length < filter.pageSize && (rows.length > 0 || offset === 0)
      ? offset + rows.length
      : await countUpTo(db, where, SEARCH_COUNT_CAP + 1);
  return { rows, total: Math.min(total, SEARCH_COUNT_CAP), capped: total > SEARCH_COUNT_CAP };
}

/**
 * 3+ letters or digits in a row: LIKE on the indexed column, which the trigram index answers. Other
 * terms have no trigram to look up; they use `search_grams` (every 1–2 character substring of the
 * text, GIN-indexed): a term of 1–2 characters is in it exactly when the text contains the term, a
 * longer one (such as `1.5`) needs all its character pairs there and then a substring test.
 * Common short terms are still found fastest on the newest-first walk, rare ones through the index.
 */
export function termCondition(term: string): SQL {
  if (/[\p{L}\p{N}]{3}/u.test(term)) return sql`search_text like ${likePattern(term)}`;
  const grams = sql`search_grams @> array[${sql.join(
    gramsOfTerm(term).map((g) => sql`${g}::text`),
    sql`, `,
  )}]`;
  return gramsAreExact(term) ? grams : sql`${grams} and strpos(search_text, ${term}) > 0`;
}

/** The deepest search page: results beyond the counting cap are not paged to. */
export const searchPages = (pageSize: number) => Math.ceil(SEARCH_COUNT_CAP / pageSize);

/** count(*) that stops after `cap` rows. */
async function countUpTo(db: Db, where: SQL, cap: number): Promise<number> {
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from (select 1 from publications where ${where} limit ${cap}) m`,
    ),
  );
  return n;
}

/** The newest published items of an agency (Atom feed). */
export async function latestPublished(db: Db, agencyId: number, limit: number) {
  return db
    .select({ ...listColumns, summary: publications.summary, updatedAt: publications.updatedAt })
    .from(publications)
    .where(published(agencyId))
    .orderBy(desc(publications.publishedOn), desc(publications.id))
    .limit(limit);
}

/** Every published item of every agency for sitemap.xml (at most 50,000 URLs per the protocol). */
export async function sitemapEntries(db: Db) {
  return db
    .select({
      agency: agencies.code,
      id: publications.id,
      publishedOn: publications.publishedOn,
      updatedAt: publications.updatedAt,
    })
    .from(publications)
    .innerJoin(agencies, eq(agencies.id, publications.agencyId))
    .where(eq(publications.status, 'published'))
    .orderBy(desc(publications.updatedAt))
    .limit(49_000);
}

/**
 * Published years of an agency, newest first (search filter): one index probe per year
 * (a skip scan of `publications_published_newest`), not a pass over every item.
 */
export async function publishedYears(db: Db, agencyId: number): Promise<number[]> {
  const newestBefore = (bound: SQL) => sql`(select extract(year from published_on)::int
    from publications where agency_id = ${agencyId} and status = 'published' and published_on is not null${bound}
    order by published_on desc, id desc limit 1)`;
  const result = await db.execute(sql`
    with recursive years(y) as (
      select ${newestBefore(sql``)}
      union all
      select ${newestBefore(sql` and published_on < make_date(years.y, 1, 1)`)} from years where years.y is not null
    ) select y from years where y is not null`);
  return rowsOf<{ y: number }>(result).map((r) => r.y);
}
