/** The review chain, 保密审查 and the office's privacy release, as events. */
import { publishesAt } from '../../catalog/publication/derive.ts';
import type { ConfidentialityConclusion, ReviewAction } from '../../catalog/review.ts';
import { todayInChina } from '../../law/date.ts';
import { findAgencyById } from '../agencies.ts';
import { allowsConsecutiveSteps, getReviewChain } from '../catalogCategories.ts';
import { issueIndexNumber } from '../catalogIndex.ts';
import type { Db } from '../database.ts';
import { type Actor, acted } from './actor.ts';
import { appendPublicationEvent } from './aggregate.ts';
import { getPublication, type Publication, publicationState } from './read.ts';

/**
 * Submits, approves, returns or withdraws. The decider checks the turn, the roles and the
 * separation of duties; when the approval publishes, a 索引号 is allocated in the same
 * transaction as the event (a refused event gives its number back).
 */
export async function reviewPublication(
  db: Db,
  agencyId: number,
  id: number,
  action: ReviewAction,
  actor: Actor,
  options: { today?: string } = {},
): Promise<Publication> {
  const today = options.today ?? todayInChina();
  const by = acted(actor, today);
  const store = { userId: actor.userId, ip: actor.ip };
  if (action.type === 'submit') {
    const chain = await getReviewChain(db, agencyId);
    await appendPublicationEvent(
      db,
      id,
      { type: 'submitted', ...by, step: 0, chain },
      store,
      agencyId,
    );
  } else if (action.type === 'reject') {
    const event = {
      type: 'rejected' as const,
      ...by,
      step: action.step,
      comment: action.comment.trim(),
    };
    await appendPublicationEvent(db, id, event, store, agencyId);
  } else if (action.type === 'withdraw') {
    const event = { type: 'withdrawn' as const, ...by, reason: action.reason };
    await appendPublicationEvent(db, id, event, store, agencyId);
  } else {
    await approve(db, agencyId, id, action.step, actor, today);
  }
  return (await getPublication(db, agencyId, id))!;
}

async function approve(
  db: Db,
  agencyId: number,
  id: number,
  step: number,
  actor: Actor,
  today: string,
) {
  const consecutiveAllowed = await allowsConsecutiveSteps(db, agencyId);
  const state = await publicationState(db, agencyId, id);
  const store = { userId: actor.userId, ip: actor.ip };
  const by = acted(actor, today);
  if (!publishesAt(state, step)) {
    await appendPublicationEvent(
      db,
      id,
      { type: 'approved', ...by, step, consecutiveAllowed },
      store,
      agencyId,
    );
    return;
  }
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const agency = (await findAgencyById(t, agencyId))!;
    const indexNumber =
      state.indexNumber ?? (await issueIndexNumber(t, agency, Number(today.slice(0, 4))));
    const event = { type: 'published' as const, ...by, step, consecutiveAllowed, indexNumber };
    await appendPublicationEvent(t, id, event, store, agencyId);
  });
}

/** 保密审查 for the current revision (reviewers and office). */
export async function recordConfidentialityReview(
  db: Db,
  agencyId: number,
  id: number,
  review: { conclusion: ConfidentialityConclusion; note?: string | null },
  actor: Actor,
) {
  const event = {
    type: 'confidentiality-review' as const,
    ...acted(actor, todayInChina()),
    conclusion: review.conclusion,
    note: review.note ?? null,
  };
  await appendPublicationEvent(db, id, event, { userId: actor.userId, ip: actor.ip }, agencyId);
}

/** Records an office release of the current privacy findings, with a reason. */
export async function overridePrivacy(
  db: Db,
  agencyId: number,
  id: number,
  reason: string,
  actor: Actor,
) {
  const state = await publicationState(db, agencyId, id);
  const event = {
    type: 'privacy-override' as const,
    ...acted(actor, todayInChina()),
    reason,
    findings: state.findings.length,
  };
  await appendPublicationEvent(db, id, event, { userId: actor.userId, ip: actor.ip }, agencyId);
}
