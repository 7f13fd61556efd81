/**
 * Publications in the one event store: the log is `publication_events` (by seq), the
 * `publications` row its projection. `reproject(db, publicationAggregate)` rewrites 有效性 for
 * the day (a repeal dated ahead takes effect when its day comes) — run it daily.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { derive, type PublicationContext } from '../../catalog/publication/derive.ts';
import type { PublicationEvent } from '../../catalog/publication/events.ts';
import type { PublicationState } from '../../catalog/publication/state.ts';
import { todayInChina } from '../../law/date.ts';
import { audit } from '../audit.ts';
import type { Db } from '../database.ts';
import {
  confidentialityReviews,
  publicationEvents,
  publications,
  publicationValidity,
} from '../schema/catalog.ts';
import { allIds } from '../store/allIds.ts';
import { type Aggregate, type AggregateRow, append, type StoreActor } from '../store/eventStore.ts';
import { projection } from './projection.ts';

/** The row the store locks: `version` is the log's length (`event_count`). */
export type PublicationRow = AggregateRow & { revision: number };

export const publicationAggregate: Aggregate<
  PublicationRow,
  PublicationEvent,
  PublicationState,
  PublicationContext
> = {
  kind: 'publication',
  auditArea: 'catalog',
  context: async () => ({ today: todayInChina() }),
  async lock(tx, id) {
    const [row] = await tx
      .select({
        id: publications.id,
        agencyId: publications.agencyId,
        version: publications.eventCount,
        revision: publications.version,
      })
      .from(publications)
      .where(eq(publications.id, id))
      .for('update');
    return row;
  },
  log: publicationLog,
  derive,
  insertEvent: (tx, row, seq, event, userId) => insertEvent(tx, row.id, seq, event, userId),
  async project(tx, row, state, version) {
    await tx
      .update(publications)
      .set({ ...(await projection(tx, row.id, state)), eventCount: version, updatedAt: new Date() })
      .where(eq(publications.id, row.id));
  },
  afterAppend: (tx, row, state, event) => recordSideTables(tx, row, state, event),
  auditDetails,
  ids: (db) => allIds(db, publications),
};

/** The publication's events in order (the trail written before the store is left out). */
export async function publicationLog(db: Db, id: number): Promise<PublicationEvent[]> {
  const rows = await db
    .select({ details: publicationEvents.details })
    .from(publicationEvents)
    .where(and(eq(publicationEvents.publicationId, id), isNotNull(publicationEvents.seq)))
    .orderBy(asc(publicationEvents.seq));
  return rows.map((r) => r.details as unknown as PublicationEvent);
}

export function appendPublicationEvent(
  db: Db,
  id: number,
  event: PublicationEvent,
  actor: StoreActor,
  agencyId: number,
): Promise<PublicationState> {
  return append(db, publicationAggregate, id, event, actor, {
    agencyId,
    context: { today: actor.today ?? todayInChina() },
  });
}

/**
 * Starts a log: the row (projection of the first event) and the event at seq 1, with its audit
 * entry — the store's `append` for an aggregate that does not exist yet.
 */
export async function startPublication(
  db: Db,
  agencyId: number,
  event: PublicationEvent & { type: 'created' | 'imported' },
  actor: StoreActor,
): Promise<number> {
  const state = derive({ today: actor.today ?? todayInChina() }, [event]);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [row] = await t
      .insert(publications)
      .values({ agencyId, ...state.content, eventCount: 1 })
      .returning({ id: publications.id });
    await insertEvent(t, row.id, 1, event, actor.userId ?? null);
    await t
      .update(publications)
      .set(await projection(t, row.id, state))
      .where(eq(publications.id, row.id));
    await recordSideTables(t, { id: row.id, agencyId, version: 1, revision: 1 }, state, event);
    await audit(t, {
      userId: actor.userId,
      agencyId,
      action: `catalog.${event.type}`,
      target: `publication:${row.id}`,
      details: { seq: 1, title: state.content.title },
      ip: actor.ip,
    });
    return row.id;
  });
}

/** The audit entry keeps the event's decision facts, not its content. */
function auditDetails(event: PublicationEvent): Record<string, unknown> {
  const {
    type: _t,
    on: _o,
    by: _b,
    roles: _r,
    ...rest
  } = event as unknown as Record<string, unknown>;
  const { content: _c, changes, chain: _ch, attachment, ...facts } = rest;
  return {
    ...facts,
    ...(changes ? { changed: Object.keys(changes as object) } : {}),
    ...(attachment ? { filename: (attachment as { filename: string }).filename } : {}),
  };
}

async function insertEvent(
  tx: Db,
  publicationId: number,
  seq: number,
  event: PublicationEvent,
  userId: number | null,
) {
  await tx.insert(publicationEvents).values({
    publicationId,
    seq,
    userId,
    kind: event.type,
    step: 'step' in event ? event.step : null,
    details: event as unknown as Record<string, unknown>,
  });
}

/**
 * The tables other areas read, written once per event: the 保密审查 register, the 有效性
 * history (T2 reads it), and the audit of two consecutive steps cleared by one account.
 */
async function recordSideTables(
  tx: Db,
  row: PublicationRow,
  state: PublicationState,
  event: PublicationEvent,
) {
  if (event.type === 'confidentiality-review' || event.type === 'revised') {
    if (event.by !== null)
      await tx.insert(confidentialityReviews).values({
        publicationId: row.id,
        version: state.revision,
        reviewerId: event.by,
        conclusion: event.type === 'revised' ? event.confidentiality : event.conclusion,
        note: event.type === 'revised' ? '修改已发布信息时审查' : event.note,
      });
  }
  const validityRows =
    event.type === 'validity-changed'
      ? [{ validity: event.validity, since: event.since, note: event.note }]
      : event.type === 'published' || (event.type === 'imported' && event.status === 'published')
        ? [{ validity: 'valid' as const, since: state.content.madeOn, note: null }]
        : [];
  if (event.type === 'published' || event.type === 'imported') {
    const [existing] = await tx
      .select({ id: publicationValidity.id })
      .from(publicationValidity)
      .where(eq(publicationValidity.publicationId, row.id))
      .limit(1);
    if (existing) validityRows.length = 0;
  }
  for (const v of validityRows)
    await tx.insert(publicationValidity).values({ publicationId: row.id, ...v, userId: event.by });
  if (state.consecutive && (event.type === 'approved' || event.type === 'published')) {
    await audit(tx, {
      userId: event.by,
      agencyId: row.agencyId,
      action: 'catalog.review.consecutive',
      target: `publication:${row.id}`,
      details: {
        steps: [event.step - 1, event.step],
        labels: [state.chain[event.step - 1]?.label, state.chain[event.step]?.label],
      },
    });
  }
}
