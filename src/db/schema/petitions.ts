/**
 * 信访: the event log of each petition (`petition_events`, append-only), its projection
 * (`petitions`, updated in the same transaction), the petitioners (personal data, shown only to
 * petition staff) and aggregate totals for periods without individual records.
 */
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencies, users } from '../schema.ts';
import { applications } from './cases.ts';

export const petitions = pgTable(
  'petitions',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** `XF-XXXX-XXXX-XXXX`, given to the petitioner for tracking. */
    queryCode: text('query_code').notNull(),
    /** visit | letter | online | referred */
    channel: text('channel').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** 人次 of a visit (1 for the other channels). */
    persons: integer('persons').notNull().default(1),
    leaderReceived: boolean('leader_received').notNull().default(false),
    leaderName: text('leader_name'),
    subject: text('subject').notNull(),
    /** The matter in the petitioner's words. Personal data. */
    content: text('content').notNull(),
    handlingUnit: text('handling_unit'),
    /** The reply (处理意见) as told to the petitioner. Personal data. */
    answerText: text('answer_text'),
    /** Digits of the first petitioner's phone, for tracking with its last four. */
    phoneDigits: text('phone_digits').notNull().default(''),
    /** The disclosure application this petition was created from (row n1), if any. */
    sourceApplicationId: integer('source_application_id').references(() => applications.id),
    /** Projection of the event log. */
    status: text('status').notNull(),
    acceptanceDecision: text('acceptance_decision'),
    acceptanceDue: date('acceptance_due', { mode: 'string' }).notNull(),
    acceptanceDecidedOn: date('acceptance_decided_on', { mode: 'string' }),
    handlingDue: date('handling_due', { mode: 'string' }),
    extensionDays: integer('extension_days').notNull().default(0),
    closedOn: date('closed_on', { mode: 'string' }),
    /** Number of events: the next event's seq is version + 1. */
    version: integer('version').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('petitions_query_code').on(t.queryCode),
    uniqueIndex('petitions_source_application').on(t.sourceApplicationId),
    index('petitions_agency_received').on(t.agencyId, t.receivedOn),
    index('petitions_agency_status').on(t.agencyId, t.status),
  ],
);

/** The people who brought a petition; a group visit may have several. Personal data. */
export const petitioners = pgTable(
  'petitioners',
  {
    id: serial('id').primaryKey(),
    petitionId: integer('petition_id')
      .notNull()
      .references(() => petitions.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    idNumber: text('id_number'),
    address: text('address'),
  },
  (t) => [uniqueIndex('petitioners_position').on(t.petitionId, t.position)],
);

export const petitionEvents = pgTable(
  'petition_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: integer('petition_id')
      .notNull()
      .references(() => petitions.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** The whole event as appended. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    userId: integer('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('petition_events_seq').on(t.petitionId, t.seq)],
);

/**
 * A period's totals entered without individual records (e.g. the year before gongkai). Null rate
 * counts mean the source did not state them.
 */
export const petitionAggregates = pgTable(
  'petition_aggregates',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    visitBatches: integer('visit_batches').notNull(),
    visitPersons: integer('visit_persons').notNull(),
    leaderBatches: integer('leader_batches').notNull(),
    leaderPersons: integer('leader_persons').notNull(),
    writtenHandled: integer('written_handled').notNull(),
    acceptanceDue: integer('acceptance_due'),
    acceptanceOnTime: integer('acceptance_on_time'),
    completionDue: integer('completion_due'),
    completionOnTime: integer('completion_on_time'),
    writtenCompletionDue: integer('written_completion_due'),
    writtenCompletionOnTime: integer('written_completion_on_time'),
    /** Where the figures come from, e.g. the published annual report. */
    source: text('source'),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('petition_aggregates_period').on(t.agencyId, t.periodFrom, t.periodTo)],
);
