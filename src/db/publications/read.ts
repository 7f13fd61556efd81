/** Reading publications: the projection rows, the log, the trail, versions of the content. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { derive } from '../../catalog/publication/derive.ts';
import {
  type ChangesSinceReview,
  type ContentVersion,
  changesSinceReview,
  contentVersions,
} from '../../catalog/publication/history.ts';
import type { PublicationState } from '../../catalog/publication/state.ts';
import { GongkaiError } from '../../errors.ts';
import { todayInChina } from '../../law/date.ts';
import type { Db } from '../database.ts';
import { listRows } from '../rows.ts';
import {
  confidentialityReviews,
  publicationColumns,
  publicationEvents,
  publications,
  publicationVersions,
} from '../schema/catalog.ts';
import { publicationLog } from './aggregate.ts';

export type Publication = Omit<typeof publications.$inferSelect, 'searchGrams'>;
export type PublicationEventRow = typeof publicationEvents.$inferSelect;

export async function getPublication(
  db: Db,
  agencyId: number,
  id: number,
): Promise<Publication | undefined> {
  const [row] = await db
    .select(publicationColumns)
    .from(publications)
    .where(and(eq(publications.agencyId, agencyId), eq(publications.id, id)));
  return row;
}

/** The publication's state from its whole log (throws catalog.missing for another agency's). */
export async function publicationState(
  db: Db,
  agencyId: number,
  id: number,
): Promise<PublicationState> {
  if (!(await getPublication(db, agencyId, id)))
    throw new GongkaiError('catalog.missing', '该信息不存在。');
  return derive({ today: todayInChina() }, await publicationLog(db, id));
}

export interface PublicationListFilter {
  status?: Publication['status'];
  page?: number;
  pageSize?: number;
}

/** Staff list of the agency's items, newest first (metadata only). */
export async function listPublications(
  db: Db,
  agencyId: number,
  filter: PublicationListFilter = {},
) {
  const pageSize = filter.pageSize ?? 50;
  const where = and(
    eq(publications.agencyId, agencyId),
    filter.status ? eq(publications.status, filter.status) : undefined,
  );
  const rows = await db
    .select({
      id: publications.id,
      title: publications.title,
      status: publications.status,
      step: publications.step,
      indexNumber: publications.indexNumber,
      madeOn: publications.madeOn,
      changedOn: publications.changedOn,
      publishedOn: publications.publishedOn,
      categoryId: publications.categoryId,
      authorId: publications.authorId,
      privacyFindings: publications.privacyFindings,
      privacyOverride: publications.privacyOverride,
    })
    .from(publications)
    .where(where)
    .orderBy(desc(publications.updatedAt), desc(publications.id))
    .limit(pageSize)
    .offset(((filter.page ?? 1) - 1) * pageSize);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(publications)
    .where(where);
  return { rows, total };
}

export async function countByStatus(db: Db, agencyId: number) {
  return db
    .select({ status: publications.status, step: publications.step, n: sql<number>`count(*)::int` })
    .from(publications)
    .where(eq(publications.agencyId, agencyId))
    .groupBy(publications.status, publications.step);
}

/** The trail: the log and, before it, the rows written before the event store. */
export async function listEvents(db: Db, publicationId: number): Promise<PublicationEventRow[]> {
  return listRows(db, publicationEvents, { publicationId }, asc(publicationEvents.id));
}

/** Who cleared the step before the current one in this round (the log decides). */
export async function previousStepBy(
  db: Db,
  agencyId: number,
  publicationId: number,
): Promise<number | null> {
  return (await publicationState(db, agencyId, publicationId)).previousStepBy;
}

/** Every version of the content, oldest first. */
export async function listContentVersions(
  db: Db,
  publicationId: number,
): Promise<ContentVersion[]> {
  return contentVersions(await publicationLog(db, publicationId));
}

/** What changed since the last review step (for the reviewer). */
export async function changesSinceLastReview(
  db: Db,
  publicationId: number,
): Promise<ChangesSinceReview> {
  return changesSinceReview(await publicationLog(db, publicationId));
}

/** Snapshots of published revisions kept before the event store (migration 0022). */
export async function listVersions(db: Db, publicationId: number) {
  return listRows(db, publicationVersions, { publicationId }, desc(publicationVersions.version));
}

export async function latestConfidentialityReview(db: Db, publicationId: number, version: number) {
  const [latest] = await listRows(
    db,
    confidentialityReviews,
    { publicationId, version },
    desc(confidentialityReviews.id),
  );
  return latest;
}
