/** The `publications` row written from a state: content, review position, 索引号, scan, search. */
import { and, eq, sql } from 'drizzle-orm';
import { bodyText } from '../../catalog/body.ts';
import type { PublicationState } from '../../catalog/publication/state.ts';
import { searchGrams } from '../../catalog/searchGrams.ts';
import {
  ATTACHMENT_SEARCH_CHARS,
  searchableAttachmentTexts,
} from '../../catalog/searchTextLimit.ts';
import type { Db } from '../database.ts';
import { publicationAttachments } from '../schema/catalog.ts';

export async function projection(db: Db, id: number, state: PublicationState) {
  const files = await db
    // left(): a text stored before the limit existed is not read whole.
    .select({ text: sql<string>`left(${publicationAttachments.text}, ${ATTACHMENT_SEARCH_CHARS})` })
    .from(publicationAttachments)
    .where(
      and(eq(publicationAttachments.publicationId, id), eq(publicationAttachments.removed, false)),
    )
    .orderBy(publicationAttachments.id);
  const searchText = searchTextOf(
    state.content,
    files.map((f) => f.text),
  );
  return {
    ...state.content,
    status: state.status,
    step: state.step,
    version: state.revision,
    authorId: state.authorId,
    indexNumber: state.indexNumber,
    legacyIndex: state.legacyIndex,
    publishedOn: state.publishedOn,
    changedOn: state.changedOn,
    withdrawnReason: state.withdrawnReason,
    validity: state.validity,
    privacyFindings: state.findings,
    privacyScannedAt: new Date(),
    privacyOverride: state.override
      ? { reason: state.override.reason, userId: state.override.userId ?? 0, at: state.override.on }
      : null,
    searchText,
    searchGrams: searchGrams(searchText),
  };
}

/** What search reads: lower-cased so matching needs no ILIKE. */
export function searchTextOf(
  item: {
    title: string;
    body: string;
    docNumber?: string | null;
    summary?: string | null;
    keywords?: string | null;
  },
  attachmentTexts: string[],
): string {
  return [
    item.title,
    item.docNumber,
    item.keywords,
    item.summary,
    bodyText(item.body),
    ...searchableAttachmentTexts(attachmentTexts),
  ]
    .filter((s) => s)
    .join('\n')
    .toLowerCase();
}
