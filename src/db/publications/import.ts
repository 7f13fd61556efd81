/** Already-published items brought in (demo data, an old site, the annual report). */
import type { Validity } from '../../catalog/categories.ts';
import { isAcceptableLegacyIndex, parseIndexNumber } from '../../catalog/indexNumber.ts';
import { normaliseContent } from '../../catalog/publication/content.ts';
import { GongkaiError } from '../../errors.ts';
import { todayInChina } from '../../law/date.ts';
import { findAgencyById } from '../agencies.ts';
import { getReviewChain } from '../catalogCategories.ts';
import { bumpIndexCounter, issueIndexNumber } from '../catalogIndex.ts';
import type { Db } from '../database.ts';
import type { PublicationInput } from './actor.ts';
import { appendPublicationEvent, startPublication } from './aggregate.ts';
import { requireCategory } from './drafts.ts';
import { getPublication, type Publication } from './read.ts';

export interface ImportedPublication extends PublicationInput {
  publishedOn: string;
  /** A legacy 索引号 to keep; otherwise one is issued for the publication year. */
  indexNumber?: string | null;
  validity?: Validity;
}

/** Adds an already-published item with its 索引号, as an `imported` event. */
export async function importPublication(
  db: Db,
  agencyId: number,
  input: ImportedPublication,
  actor: { userId: number | null },
): Promise<Publication> {
  await requireCategory(db, agencyId, input.categoryId);
  const chain = await getReviewChain(db, agencyId);
  const id = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    let indexNumber = input.indexNumber ?? null;
    if (indexNumber) {
      if (!isAcceptableLegacyIndex(indexNumber))
        throw new GongkaiError('catalog.import.index', { indexNumber });
      const parsed = parseIndexNumber(indexNumber);
      if (parsed) await bumpIndexCounter(t, agencyId, parsed.year, parsed.serial);
    } else {
      const agency = (await findAgencyById(t, agencyId))!;
      indexNumber = await issueIndexNumber(t, agency, Number(input.publishedOn.slice(0, 4)));
    }
    return startPublication(
      t,
      agencyId,
      {
        type: 'imported',
        by: null,
        roles: [],
        on: todayInChina(),
        content: normaliseContent(input),
        chain,
        indexNumber,
        legacyIndex: parseIndexNumber(indexNumber) === null,
        publishedOn: input.publishedOn,
        changedOn: null,
        revision: 1,
        attachments: [],
        status: 'published',
        step: 0,
        authorId: actor.userId,
        withdrawnReason: null,
      },
      { userId: actor.userId },
    );
  });
  if (input.validity && input.validity !== 'valid') {
    // An imported item that is no longer in force: its state as of its publication day.
    await appendPublicationEvent(
      db,
      id,
      {
        type: 'validity-changed',
        by: null,
        roles: [],
        on: todayInChina(),
        validity: input.validity,
        since: input.publishedOn,
        note: '导入',
      },
      { userId: actor.userId },
      agencyId,
    );
  }
  return (await getPublication(db, agencyId, id))!;
}
