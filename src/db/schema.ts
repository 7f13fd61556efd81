import {
  type AnyPgColumn,
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { type Role, roles } from '../law/roles.ts';
import { day, requiredRef, serialId, stampedAt, timestamptz } from './schema/columns.ts';

export { type Role, roles };

/** `agency_id`, required, referencing agencies. */
export function agencyRef() {
  return integer('agency_id')
    .notNull()
    .references(() => agencies.id);
}

/** A user who acted (`user_id`, `created_by`, …); null when the system did. */
export function userRef(name: string) {
  return integer(name).references(() => users.id);
}

/** The first columns of a row that belongs to one agency: its id and `agency_id`. */
export const agencyRow = () => ({ id: serialId(), agencyId: agencyRef() });

/** Who created a row that is edited later, and when it was created and last changed. */
export const authorship = () => ({
  createdBy: userRef('created_by'),
  createdAt: stampedAt('created_at'),
  updatedAt: stampedAt('updated_at'),
});

/** Who wrote a record that is never changed (a log entry, a snapshot), and when. */
export const recordedBy = () => ({ userId: userRef('user_id'), at: stampedAt('at') });

/** An administrative organ (行政机关): a county government or one of its departments. */
export const agencies = pgTable('agencies', {
  id: serialId(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** 统一社会信用代码, the prefix of every 索引号. */
  uscc: text('uscc'),
  parentId: integer('parent_id').references((): AnyPgColumn => agencies.id),
  kind: text('kind', { enum: ['government', 'department'] })
    .notNull()
    .default('department'),
  /** 公开指南 contact details (Art. 12). */
  address: text('address'),
  postcode: text('postcode'),
  phone: text('phone'),
  fax: text('fax'),
  email: text('email'),
  officeHours: text('office_hours'),
  website: text('website'),
  /** 复议机关 named in reply letters; null: the parent government (a department's default). */
  reconsiderationBody: text('reconsideration_body'),
  /** The competent court named in reply letters; null: "有管辖权的人民法院". */
  court: text('court'),
  /** Letter numbers, with `{year}` and `{n}`, e.g. `湘信访依申复〔{year}〕{n}号`. */
  letterNumberTemplate: text('letter_number_template'),
  /** Art. 44: how many different applicants asking for the same information prompt 主动公开. */
  proactivePromptApplicants: integer('proactive_prompt_applicants').notNull().default(3),
  /** Whether an online application must carry an identity proof (条例 第二十九条); default not. */
  identityProofRequired: boolean('identity_proof_required').notNull().default(false),
  /** Letters whose date rests on next year's unloaded holidays: false sends them saying so, true holds them. */
  holdProvisionalLetters: boolean('hold_provisional_letters').notNull().default(false),
  createdAt: stampedAt('created_at'),
});

export const users = pgTable('users', {
  id: serialId(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Where the daily work digest goes; null: no digest. */
  email: text('email'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: stampedAt('created_at'),
});

export const memberships = pgTable(
  'memberships',
  {
    userId: requiredRef('user_id', () => users.id),
    agencyId: agencyRef(),
    role: text('role', { enum: roles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.agencyId, t.role] })],
);

/** Only the SHA-256 of the session token is stored, so a leaked table cannot be replayed. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: requiredRef('user_id', () => users.id),
  createdAt: stampedAt('created_at'),
  expiresAt: timestamptz('expires_at').notNull(),
});

/** Append-only: the database refuses UPDATE and DELETE (see the audit_log_append_only migration). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: stampedAt('at'),
  userId: userRef('user_id'),
  agencyId: integer('agency_id').references(() => agencies.id),
  action: text('action').notNull(),
  target: text('target'),
  details: jsonb('details').$type<Record<string, unknown>>(),
  ip: text('ip'),
});

/** Failed logins per key (a username or a client address) within the current window. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamptz('window_start').notNull(),
  lockedUntil: timestamptz('locked_until'),
});

/** Deployment-wide settings, e.g. the generated secret that signs CSRF tokens. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** A State Council holiday notice loaded for a year: its days override the bundled calendar. */
export const workdayOverrides = pgTable(
  'workday_overrides',
  {
    day: day('day').notNull(),
    year: integer('year').notNull(),
    workday: boolean('workday').notNull(),
    name: text('name'),
    source: text('source').notNull(),
    loadedAt: stampedAt('loaded_at'),
  },
  (t) => [uniqueIndex('workday_overrides_day').on(t.day)],
);

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  loadedAt: stampedAt('loaded_at'),
});

/**
 * One row per form that created a record: its one-time token (issued with the form page), the
 * record it created and a hash of the submitting browser's CSRF token, so a resubmission returns
 * the first record and only that browser sees the receipt. Written in the creating transaction.
 */
export const formSubmissions = pgTable('form_submissions', {
  token: text('token').primaryKey(),
  form: text('form').notNull(),
  agencyId: agencyRef(),
  recordId: integer('record_id'),
  owner: text('owner').notNull(),
  createdAt: stampedAt('created_at'),
});

/** Fixed-window request counters for public forms (applications, petitions, tracking). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamptz('window_start').notNull(),
  hits: integer('hits').notNull(),
});
