import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencyRow } from '../schema.ts';
import { stampedAt, timestamptz } from './columns.ts';

/**
 * Messages to send, written in the same transaction as the event that causes them, so a message
 * is never lost and never sent for an event that was rolled back. A worker sends them with retries.
 */
export const outbox = pgTable(
  'outbox',
  {
    ...agencyRow(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** What caused it, e.g. `application:12#5`; with the channel it makes a message unique. */
    source: text('source').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: stampedAt('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: stampedAt('created_at'),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_source_channel').on(t.source, t.channel),
    index('outbox_due').on(t.status, t.nextAttemptAt),
  ],
);
