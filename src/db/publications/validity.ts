/** 有效性 (valid / expired / repealed) with the day each change takes effect; T2 reads the history. */
import { asc } from 'drizzle-orm';
import type { Validity } from '../../catalog/categories.ts';
import { todayInChina } from '../../law/date.ts';
import type { Db } from '../database.ts';
import { listRows } from '../rows.ts';
import { publicationValidity } from '../schema/catalog.ts';
import { type Actor, acted } from './actor.ts';
import { appendPublicationEvent } from './aggregate.ts';

/**
 * Records a change of 有效性. A change dated ahead shows from its day on: the projection is
 * rewritten by the daily `reproject`.
 */
export async function changeValidity(
  db: Db,
  agencyId: number,
  id: number,
  change: { validity: Validity; since: string; note?: string | null },
  actor: Actor,
) {
  const event = {
    type: 'validity-changed' as const,
    ...acted(actor, todayInChina()),
    validity: change.validity,
    since: change.since,
    note: change.note ?? null,
  };
  await appendPublicationEvent(db, id, event, { userId: actor.userId, ip: actor.ip }, agencyId);
}

export async function validityHistory(db: Db, publicationId: number) {
  return listRows(
    db,
    publicationValidity,
    { publicationId },
    asc(publicationValidity.since),
    asc(publicationValidity.id),
  );
}
