/** The `publications` row written from a state: content, review position, 索引号, scan, search. */
import { and, eq } from 'drizzle-orm';
import { bodyText } from '../../catalog/body.ts';
import type { PublicationState } from '../../catalog/publication/state.ts';
import { searchGrams } from '../../catalog/searchGrams.ts';
import type { Db } from '../database.ts';
import { publicationAttachments } from '../schema/catalog.ts';

export async function projection(db: Db, id: number, state: PublicationState) {
  const files = await db
    .select({ text: publicationAttachments.text })
    .from(publicationAttachments)
    .where(
      and(eq(publicationAttachments.publicationId, id), eq(publicationAttachments.removed, false)),
    );
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
    ...attachmentTexts,
  ]
    .filter((s) => s)
    .join('\n')
    .toLowerCase();
}
