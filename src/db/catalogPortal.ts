/** Public queries of the catalogue: only published items, never drafts or withdrawn ones. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { likePattern } from '../catalog/search.ts';
import type { Db } from './database.ts';
import { catalogCategories, publicationAttachments, publications } from './schema/catalog.ts';
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

export async function listPublishedInCategory(
  db: Db,
  agencyId: number,
  categoryId: number,
  page: number,
  pageSize: number,
) {
  const where = and(published(agencyId), eq(publications.categoryId, categoryId));
  const rows: PublishedListRow[] = await db
    .select(listColumns)
    .from(publications)
    .where(where)
    .orderBy(desc(publications.publishedOn), desc(publications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(publications)
    .where(where);
  return { rows, total };
}

/** The newest `limit` items of each category (one query), for the sub-column pages. */
export async function latestPerCategory(db: Db, agencyId: number, limit: number) {
  const result = await db.execute(sql`
    select id, title, index_number as "indexNumber", published_on::text as "publishedOn", category_id as "categoryId", n
    from (
      select p.*, row_number() over (partition by category_id order by published_on desc, id desc) as rn,
             count(*) over (partition by category_id) as n
      from publications p where p.agency_id = ${agencyId} and p.status = 'published'
    ) ranked where rn <= ${limit} order by category_id, rn`);
  return (result as unknown as { rows: (PublishedListRow & { n: number })[] }).rows;
}

export async function getPublishedItem(db: Db, agencyId: number, id: number) {
  const [item] = await db
    .select()
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
 * Full-text search over titles, bodies and attachment text (`search_text`, lower-cased).
 * Every term is a LIKE: for 3+ characters the pg_trgm GIN index answers it; 1–2 characters
 * have no trigram and are a scan of the agency's published rows. Never ILIKE (the column is
 * already lower-cased).
 */
export async function searchPublished(db: Db, agencyId: number, filter: SearchFilter) {
  if (filter.terms.length === 0) return { rows: [], total: 0 };
  const conditions = [
    published(agencyId),
    ...filter.terms.map((t) => sql`${publications.searchText} like ${likePattern(t)}`),
    filter.categoryId ? eq(publications.categoryId, filter.categoryId) : undefined,
    filter.year
      ? sql`${publications.publishedOn} between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}`
      : undefined,
  ];
  const first = filter.terms[0];
  const rows = await db
    .select({
      ...listColumns,
      excerpt: sql<string>`substr(${publications.searchText}, greatest(1, strpos(${publications.searchText}, ${first}) - 40), 160)`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(publications)
    .where(and(...conditions))
    .orderBy(desc(publications.publishedOn), desc(publications.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return {
    rows,
    total: rows[0]?.total ?? (filter.page > 1 ? await countMatches(db, conditions) : 0),
  };
}

async function countMatches(db: Db, conditions: Parameters<typeof and>) {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publications)
    .where(and(...conditions));
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

/** Published years of an agency (search filter). */
export async function publishedYears(db: Db, agencyId: number): Promise<number[]> {
  const result = await db.execute(sql`
    select distinct extract(year from published_on)::int as y from publications
    where agency_id = ${agencyId} and status = 'published' and published_on is not null order by y desc`);
  return (result as unknown as { rows: { y: number }[] }).rows.map((r) => r.y);
}
