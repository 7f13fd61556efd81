/**
 * 依申请公开: the event log of each application (`application_events`, append-only), its
 * projection (`applications`, updated in the same transaction), the letters generated from it and
 * the appeals (行政复议/诉讼) raised against it (also a projection of the same log).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Agent, OrganisationCertificate } from '../../cases/parties.ts';
import { agencies, agencyRef, agencyRow, userRef } from '../schema.ts';
import { caseEventColumns } from './caseEvents.ts';
import { bytea, day, fileContent, requiredRef, serialId, stampedAt } from './columns.ts';

/** What the applicant typed (Art. 29). Personal data: shown only to case staff. */
export interface ApplicantDetails {
  kind: 'person' | 'organisation';
  name: string;
  idType?: string;
  idNumber?: string;
  /** 统一社会信用代码 of an organisation. */
  uscc?: string;
  /** An organisation without a 统一社会信用代码: the certificate it has instead. */
  certificate?: OrganisationCertificate;
  /** 代理人, when the application is made on the applicant's behalf (委托书 in `case_files`). */
  agent?: Agent;
  contactPerson?: string;
  phone: string;
  address?: string;
  email?: string;
}

export interface RequestDetails {
  description: string;
  documentNumber?: string;
  purpose?: string;
  /** 纸质 / 电子 …, and how to obtain it (邮寄, 自行领取, 电子邮件, 在线查看). */
  form: string;
  delivery: string;
}

export const applications = pgTable(
  'applications',
  {
    ...agencyRow(),
    /** The applicant's query code (no dashes, upper case). */
    queryCode: text('query_code').notNull(),
    channel: text('channel').notNull(),
    submittedAt: stampedAt('submitted_at'),
    submittedOn: day('submitted_on').notNull(),
    receivedOn: day('received_on'),
    /** `disclosure` (依申请公开, counted in T3) or `correction` (条例 第四十一条, not in T3). */
    caseKind: text('case_kind').notNull().default('disclosure'),
    /** T3 column, fixed at intake. */
    applicantType: text('applicant_type').notNull(),
    applicantName: text('applicant_name').notNull(),
    /** Digits of the phone number, for tracking with its last four. */
    phoneDigits: text('phone_digits').notNull(),
    applicant: jsonb('applicant').$type<ApplicantDetails>().notNull(),
    request: jsonb('request').$type<RequestDetails>().notNull(),
    /** Projection of the event log. */
    status: text('status').notNull(),
    decision: text('decision'),
    outcome: text('outcome'),
    resolvedOn: day('resolved_on'),
    servedOn: day('served_on'),
    replyDue: day('reply_due'),
    supplementNoticeDue: day('supplement_notice_due'),
    handlerId: userRef('handler_id'),
    /** Number of events: the next event's seq is version + 1. */
    version: integer('version').notNull(),
    updatedAt: stampedAt('updated_at'),
  },
  (t) => [
    uniqueIndex('applications_query_code').on(t.queryCode),
    index('applications_agency_received').on(t.agencyId, t.receivedOn),
    index('applications_agency_resolved').on(t.agencyId, t.resolvedOn),
    index('applications_agency_status').on(t.agencyId, t.status),
  ],
);

export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: requiredRef('application_id', () => applications.id),
    ...caseEventColumns(),
  },
  (t) => [
    uniqueIndex('application_events_seq').on(t.applicationId, t.seq),
    // The report's fee facts read only these rare events; without it a county scans every event.
    index('application_events_fees')
      .on(t.applicationId, t.seq)
      .where(sql`${t.type} in ('ProcessingFeeNotified', 'ProcessingFeePaid')`),
  ],
);

/** A generated 告知书 (.docx), kept with the event that produced it. */
export const letters = pgTable(
  'letters',
  {
    id: serialId(),
    applicationId: requiredRef('application_id', () => applications.id),
    eventSeq: integer('event_seq').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Whether the applicant may download it on the tracking page. */
    toApplicant: boolean('to_applicant').notNull().default(true),
    content: bytea('content').notNull(),
    /** Per agency and year (`letter_counters`); null on letters made before numbering. */
    agencyId: integer('agency_id').references(() => agencies.id),
    year: integer('year'),
    serial: integer('serial'),
    /** The printed number from the agency's template. */
    number: text('number'),
    createdAt: stampedAt('created_at'),
  },
  (t) => [
    index('letters_application').on(t.applicationId),
    uniqueIndex('letters_number_serial').on(t.agencyId, t.year, t.serial),
    uniqueIndex('letters_number_text').on(t.agencyId, t.number),
  ],
);

/** The last letter serial an agency issued in a year: one row locked per allocation. */
export const letterCounters = pgTable(
  'letter_counters',
  {
    agencyId: agencyRef(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('letter_counters_key').on(t.agencyId, t.year)],
);

/** 行政复议 / 行政诉讼 against an application (projection of its AppealFiled/AppealClosed events). */
export const appeals = pgTable(
  'appeals',
  {
    applicationId: requiredRef('application_id', () => applications.id),
    appealId: text('appeal_id').notNull(),
    agencyId: agencyRef(),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    caseNumber: text('case_number'),
    filedOn: day('filed_on').notNull(),
    closedOn: day('closed_on'),
    outcome: text('outcome'),
  },
  (t) => [
    uniqueIndex('appeals_key').on(t.applicationId, t.appealId),
    index('appeals_agency_filed').on(t.agencyId, t.filedOn),
  ],
);

/** A file of an application (`cases/caseFiles.ts`), stored in the database so a backup covers it. */
export const caseFiles = pgTable(
  'case_files',
  {
    id: serialId(),
    applicationId: requiredRef('application_id', () => applications.id),
    agencyId: agencyRef(),
    purpose: text('purpose').notNull(),
    title: text('title').notNull(),
    filename: text('filename').notNull(),
    ...fileContent(),
    /** Null when the applicant uploaded it online. */
    userId: userRef('user_id'),
    createdAt: stampedAt('created_at'),
  },
  (t) => [index('case_files_application').on(t.applicationId)],
);

/**
 * Art. 44 prompts the office dismissed, with the reason (the audit log has the entry too). A group
 * that gains a case later is a new prompt.
 */
export const proactivePromptDismissals = pgTable(
  'proactive_prompt_dismissals',
  {
    ...agencyRow(),
    year: integer('year').notNull(),
    /** The applications of the dismissed group, in id order. */
    applicationIds: jsonb('application_ids').$type<number[]>().notNull(),
    reason: text('reason').notNull(),
    userId: integer('user_id'),
    at: stampedAt('at'),
  },
  (t) => [index('proactive_prompt_dismissals_agency').on(t.agencyId, t.year)],
);
