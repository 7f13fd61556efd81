/**
 * The outbox: messages are written in the transaction of the event that causes them and sent
 * later by a worker (src/jobs/outboxSender.ts), at least once, with growing pauses between
 * attempts. A message that keeps failing is marked failed for an admin to see and retry.
 */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { audit } from './audit.ts';
import type { Db } from './database.ts';
import { outbox } from './schema/outbox.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxChannel = OutboxRow['channel'];

export interface NewMessage {
  agencyId: number;
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  body: string;
  source: string;
}

export const maxAttempts = 8;

/** Queues messages; a message with the same source and channel is queued once. Returns how many were new. */
export async function enqueueMessages(db: Db, messages: NewMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await db
    .insert(outbox)
    .values(messages)
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * Takes up to `limit` due messages of the given channels and pushes their next attempt out by
 * `leaseSeconds`, so another sender (or this one after a crash) retries them only after that.
 */
export async function claimDueMessages(
  db: Db,
  channels: OutboxChannel[],
  limit: number,
  leaseSeconds = 300,
): Promise<OutboxRow[]> {
  if (channels.length === 0) return [];
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, 'pending'),
          lte(outbox.nextAttemptAt, sql`now()`),
          inArray(outbox.channel, channels),
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`,
      })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

export async function markSent(db: Db, id: number): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: new Date(), lastError: null })
    .where(eq(outbox.id, id));
}

/** Records a failed attempt: retried after 1, 2, 4 … minutes (at most 6 hours), failed after the last. */
export async function markAttemptFailed(db: Db, message: OutboxRow, error: string): Promise<void> {
  const giveUp = message.attempts >= maxAttempts;
  const pauseSeconds = Math.min(60 * 2 ** (message.attempts - 1), 6 * 3600);
  await db
    .update(outbox)
    .set({
      status: giveUp ? 'failed' : 'pending',
      lastError: error.slice(0, 500),
      nextAttemptAt: sql`now() + make_interval(secs => ${pauseSeconds})`,
    })
    .where(eq(outbox.id, message.id));
}

/** The agency's newest messages, failed ones first, for the admin page. */
export async function listMessages(db: Db, agencyId: number, limit = 200): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(eq(outbox.agencyId, agencyId))
    .orderBy(sql`${outbox.status} = 'failed' desc`, desc(outbox.id))
    .limit(limit);
}

/** Puts a failed message back in the queue, now, with its attempts reset. Audited. */
export async function retryMessage(
  db: Db,
  agencyId: number,
  id: number,
  actor: { userId: number; ip?: string | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()` })
      .where(and(eq(outbox.id, id), eq(outbox.agencyId, agencyId), eq(outbox.status, 'failed')))
      .returning({ id: outbox.id });
    if (rows.length === 0) return false;
    await audit(tx as unknown as Db, {
      userId: actor.userId,
      agencyId,
      action: 'outbox.retry',
      target: `outbox:${id}`,
      ip: actor.ip,
    });
    return true;
  });
}
