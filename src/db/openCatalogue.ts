/**
 * The published catalogue as open data (API, bulk export): only `published` items, newest first,
 * keyset-paged, with their category and the attachments the portal offers. Read-only.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { searchTerms } from '../catalog/search.ts';
import { termCondition } from './catalogPortal.ts';
import { type Db, rowsOf } from './database.ts';
import { catalogCategories, publicationAttachments } from './schema/catalog.ts';

export interface OpenPublicationRow {
  id: number;
  indexNumber: string | null;
  title: string;
  docNumber: string | null;
  madeOn: string;
  publishedOn: string;
  changedOn: string | null;
  issuer: string;
  validity: 'valid' | 'expired' | 'repealed';
  topic: string | null;
  keywords: string | null;
  summary: string | null;
  categorySlug: string;
  categoryName: string;
  updatedAt: Date;
}

export interface OpenAttachment {
  id: number;
  publicationId: number;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** The row after which a page starts (newest-first order of published_on, id). */
export interface OpenCursor {
  publishedOn: string;
  id: number;
}

export interface OpenPublicationFilter {
  categoryId?: number;
  publishedFrom?: string;
  publishedTo?: string;
  q?: string;
  after?: OpenCursor;
  limit: number;
}

/** One page of an agency's published items; `hasMore` when another page follows. */
export async function openPublicationsPage(
  db: Db,
  agencyId: number,
  filter: OpenPublicationFilter,
): Promise<{ rows: OpenPublicationRow[]; hasMore: boolean }> {
  const conditions: SQL[] = [
    sql`p.agency_id = ${agencyId} and p.status = 'published' and p.published_on is not null`,
  ];
  if (filter.categoryId !== undefined) conditions.push(sql`p.category_id = ${filter.categoryId}`);
  if (filter.publishedFrom) conditions.push(sql`p.published_on >= ${filter.publishedFrom}::date`);
  if (filter.publishedTo) conditions.push(sql`p.published_on <= ${filter.publishedTo}::date`);
  for (const term of searchTerms(filter.q ?? '')) conditions.push(termCondition(term));
  if (filter.after)
    conditions.push(
      sql`(p.published_on, p.id) < (${filter.after.publishedOn}::date, ${filter.after.id}::int)`,
    );
  const rows = rowsOf<OpenPublicationRow>(
    await db.execute(sql`
      select p.id, p.index_number as "indexNumber", p.title, p.doc_number as "docNumber",
             p.made_on::text as "madeOn", p.published_on::text as "publishedOn",
             p.changed_on::text as "changedOn", p.issuer, p.validity, p.topic, p.keywords,
             p.summary, c.slug as "categorySlug", c.name as "categoryName", p.updated_at as "updatedAt"
      from publications p join catalog_categories c on c.id = p.category_id
      where ${sql.join(conditions, sql` and `)}
      order by p.published_on desc, p.id desc
      limit ${filter.limit + 1}`),
  ).map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) }));
  return { rows: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
}

/** The attachments (not removed) of the given items, in upload order. */
export async function openAttachments(
  db: Db,
  publicationIds: readonly number[],
): Promise<OpenAttachment[]> {
  if (publicationIds.length === 0) return [];
  return db
    .select({
      id: publicationAttachments.id,
      publicationId: publicationAttachments.publicationId,
      filename: publicationAttachments.filename,
      mediaType: publicationAttachments.mediaType,
      size: publicationAttachments.size,
      sha256: publicationAttachments.sha256,
    })
    .from(publicationAttachments)
    .where(
      and(
        inArray(publicationAttachments.publicationId, [...publicationIds]),
        eq(publicationAttachments.removed, false),
      ),
    )
    .orderBy(asc(publicationAttachments.id));
}

/** The agency's categories as they are (read-only: never creates the defaults). */
export async function publicCategories(db: Db, agencyId: number) {
  return db
    .select({
      id: catalogCategories.id,
      slug: catalogCategories.slug,
      name: catalogCategories.name,
      column: catalogCategories.column,
    })
    .from(catalogCategories)
    .where(eq(catalogCategories.agencyId, agencyId))
    .orderBy(asc(catalogCategories.position), asc(catalogCategories.id));
}
