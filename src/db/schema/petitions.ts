/**
 * 信访: the event log of each petition (`petition_events`, append-only), its projection
 * (`petitions`, updated in the same transaction), the petitioners (personal data, shown only to
 * petition staff) and aggregate totals for periods without individual records.
 */
import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencyRow, authorship, userRef } from '../schema.ts';
import { caseEventColumns } from './caseEvents.ts';
import { applications } from './cases.ts';
import { day, requiredRef, serialId, stampedAt } from './columns.ts';

export const petitions = pgTable(
  'petitions',
  {
    ...agencyRow(),
    /** `XF-XXXX-XXXX-XXXX`, given to the petitioner for tracking. */
    queryCode: text('query_code').notNull(),
    /** visit | letter | online | referred */
    channel: text('channel').notNull(),
    receivedOn: day('received_on').notNull(),
    /** 人次 of a visit (1 for the other channels). */
    persons: integer('persons').notNull().default(1),
    leaderReceived: boolean('leader_received').notNull().default(false),
    leaderName: text('leader_name'),
    /** county | township | department (`petitions/leaderLevel.ts`); null before it was asked. */
    leaderLevel: text('leader_level'),
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
    acceptanceDue: day('acceptance_due').notNull(),
    acceptanceDecidedOn: day('acceptance_decided_on'),
    handlingDue: day('handling_due'),
    extensionDays: integer('extension_days').notNull().default(0),
    closedOn: day('closed_on'),
    /** Number of events: the next event's seq is version + 1. */
    version: integer('version').notNull(),
    ...authorship(),
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
    id: serialId(),
    petitionId: requiredRef('petition_id', () => petitions.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    /** Where the petitioner's notices go (receipt, due date, reply ready), if given. */
    email: text('email'),
    idNumber: text('id_number'),
    address: text('address'),
  },
  (t) => [uniqueIndex('petitioners_position').on(t.petitionId, t.position)],
);

export const petitionEvents = pgTable(
  'petition_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    petitionId: requiredRef('petition_id', () => petitions.id),
    ...caseEventColumns(),
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
    ...agencyRow(),
    periodFrom: day('period_from').notNull(),
    periodTo: day('period_to').notNull(),
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
    createdBy: userRef('created_by'),
    updatedAt: stampedAt('updated_at'),
  },
  (t) => [uniqueIndex('petition_aggregates_period').on(t.agencyId, t.periodFrom, t.periodTo)],
);
