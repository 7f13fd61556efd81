import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { type Role, roles } from '../law/roles.ts';

export { type Role, roles };

/** An administrative organ (行政机关): a county government or one of its departments. */
export const agencies = pgTable('agencies', {
  id: serial('id').primaryKey(),
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
  /** Whether an online application must carry an identity proof (条例 第二十九条); default not. */
  identityProofRequired: boolean('identity_proof_required').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Where the daily work digest goes; null: no digest. */
  email: text('email'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role', { enum: roles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.agencyId, t.role] })],
);

/** Only the SHA-256 of the session token is stored, so a leaked table cannot be replayed. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Append-only: the database refuses UPDATE and DELETE (see the audit_log_append_only migration). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id').references(() => users.id),
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
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
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
    day: date('day', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    workday: boolean('workday').notNull(),
    name: text('name'),
    source: text('source').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workday_overrides_day').on(t.day)],
);

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * One row per form that created a record: its one-time token (issued with the form page), the
 * record it created and a hash of the submitting browser's CSRF token, so a resubmission returns
 * the first record and only that browser sees the receipt. Written in the creating transaction.
 */
export const formSubmissions = pgTable('form_submissions', {
  token: text('token').primaryKey(),
  form: text('form').notNull(),
  agencyId: integer('agency_id')
    .notNull()
    .references(() => agencies.id),
  recordId: integer('record_id'),
  owner: text('owner').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** Fixed-window request counters for public forms (applications, petitions, tracking). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
