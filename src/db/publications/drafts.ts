/** Drafting: a new publication and edits of a draft or of a published item (a new revision). */
import { changedFields, normaliseContent } from '../../catalog/publication/content.ts';
import type { ConfidentialityConclusion } from '../../catalog/review.ts';
import { GongkaiError } from '../../errors.ts';
import { todayInChina } from '../../law/date.ts';
import { findCategoryById, getReviewChain } from '../catalogCategories.ts';
import type { Db } from '../database.ts';
import { type Actor, acted, type PublicationInput } from './actor.ts';
import { appendPublicationEvent, startPublication } from './aggregate.ts';
import { getPublication, type Publication, publicationState } from './read.ts';

export async function createPublication(
  db: Db,
  agencyId: number,
  input: PublicationInput,
  actor: Actor,
): Promise<Publication> {
  await requireCategory(db, agencyId, input.categoryId);
  const id = await startPublication(
    db,
    agencyId,
    {
      type: 'created',
      ...acted(actor, todayInChina()),
      content: normaliseContent(input),
      chain: await getReviewChain(db, agencyId),
    },
    actor,
  );
  return (await getPublication(db, agencyId, id))!;
}

/**
 * Edits a draft (the drafter), or a published item (the publishing role, with 保密审查), which
 * makes a new revision and restarts the Art. 26 clock. The event carries only what changed.
 */
export async function updatePublication(
  db: Db,
  agencyId: number,
  id: number,
  input: PublicationInput,
  actor: Actor,
  options: { changedOn?: string; confidentiality?: ConfidentialityConclusion } = {},
): Promise<Publication> {
  const state = await publicationState(db, agencyId, id);
  await requireCategory(db, agencyId, input.categoryId);
  const changes = changedFields(state.content, normaliseContent(input));
  const today = todayInChina();
  await appendPublicationEvent(
    db,
    id,
    state.status === 'published'
      ? {
          type: 'revised',
          ...acted(actor, today),
          changes,
          changedOn: options.changedOn ?? today,
          confidentiality: options.confidentiality ?? 'refer',
        }
      : { type: 'edited', ...acted(actor, today), changes },
    actor,
    agencyId,
  );
  return (await getPublication(db, agencyId, id))!;
}

export async function requireCategory(db: Db, agencyId: number, categoryId: number) {
  if (!(await findCategoryById(db, agencyId, categoryId)))
    throw new GongkaiError('catalog.category', '请选择本单位的信息分类。');
}
