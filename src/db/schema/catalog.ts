/**
 * 主动公开 (publications): catalogue items with 索引号, their review trail, attachments, the
 * 有效性 history, 保密审查 records, the 索引号 counters and the Art. 20 registers.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencies, agencyRef, agencyRow, userRef, users } from '../schema.ts';
import { day, fileContent, requiredRef, serialId, stampedAt, timestamptz } from './columns.ts';

/** A catalogue category of an agency, shown under one of the four standard sub-columns. */
export const catalogCategories = pgTable(
  'catalog_categories',
  {
    ...agencyRow(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** guide | rules | statutory | reports */
    column: text('column', { enum: ['guide', 'rules', 'statutory', 'reports'] }).notNull(),
    /** 条例第二十条第（N）项, when the category holds that item's content. */
    art20Item: integer('art20_item'),
    /** normative: 行政规范性文件; regulation: 规章 — both feed T2 (一). */
    t2Kind: text('t2_kind', { enum: ['normative', 'regulation'] }),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('catalog_categories_agency_slug').on(t.agencyId, t.slug)],
);

/** The agency's review chain; absent means the default four steps. */
export const catalogReviewChains = pgTable('catalog_review_chains', {
  agencyId: integer('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  steps: jsonb('steps').notNull().$type<{ label: string; role: string }[]>(),
  updatedAt: stampedAt('updated_at'),
});

/** The last 索引号 serial issued per agency and year; incremented atomically. */
export const indexNumberCounters = pgTable(
  'index_number_counters',
  {
    agencyId: agencyRef(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/** A catalogue item (the projection of its events in `publication_events`). */
export const publications = pgTable(
  'publications',
  {
    ...agencyRow(),
    categoryId: requiredRef('category_id', () => catalogCategories.id),
    /** 索引号; null until first published; immutable afterwards (trigger). */
    indexNumber: text('index_number'),
    /** true for an imported legacy 索引号 that does not follow the national form. */
    legacyIndex: boolean('legacy_index').notNull().default(false),
    title: text('title').notNull(),
    docNumber: text('doc_number'),
    /** 成文日期 */
    madeOn: day('made_on').notNull(),
    /** The day the information last changed (Art. 26 clock restarts); null if never. */
    changedOn: day('changed_on'),
    /** 发布日期 */
    publishedOn: day('published_on'),
    issuer: text('issuer').notNull(),
    topic: text('topic'),
    keywords: text('keywords'),
    summary: text('summary'),
    validity: text('validity', { enum: ['valid', 'expired', 'repealed'] })
      .notNull()
      .default('valid'),
    body: text('body').notNull().default(''),
    /** Lower-cased title, summary, keywords, body and attachment text: what search reads. */
    searchText: text('search_text').notNull().default(''),
    /**
     * The distinct 1–2 character substrings of search_text (`searchGrams`), for short search terms.
     * Written with search_text; a row written by SQL alone gets it from a trigger (migration 0015).
     * Never selected by pages: see `publicationColumns`.
     */
    searchGrams: text('search_grams').array(),
    status: text('status', { enum: ['draft', 'review', 'published', 'withdrawn'] })
      .notNull()
      .default('draft'),
    /** Index of the review step that acts next (0 = the drafter). */
    step: integer('step').notNull().default(0),
    /** The published revision: 1, then +1 for each edit of the published item. */
    version: integer('version').notNull().default(1),
    /** How many events its log holds (the event store's sequence). */
    eventCount: integer('event_count').notNull().default(0),
    authorId: userRef('author_id'),
    /** The latest privacy scan: findings (empty = clean), and an office override if any. */
    privacyFindings: jsonb('privacy_findings').$type<unknown[]>(),
    privacyScannedAt: timestamptz('privacy_scanned_at'),
    privacyOverride: jsonb('privacy_override').$type<{
      reason: string;
      userId: number;
      at: string;
    }>(),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: stampedAt('created_at'),
    updatedAt: stampedAt('updated_at'),
  },
  (t) => [
    uniqueIndex('publications_agency_index_number').on(t.agencyId, t.indexNumber),
    index('publications_agency_status_published').on(t.agencyId, t.status, t.publishedOn),
    index('publications_category_status_published').on(t.categoryId, t.status, t.publishedOn),
    // No pending list on either search index: a search would read all of it (there is no
    // autovacuum on PGlite to flush it), and the planner then prefers to walk every row; items
    // are written far less often than searched.
    index('publications_search_trgm')
      .using('gin', sql`${t.searchText} gin_trgm_ops`)
      .with({ fastupdate: false }),
    index('publications_search_grams').using('gin', t.searchGrams).with({ fastupdate: false }),
    // Portal paging and search walk these newest-first (keyset on published_on, id).
    index('publications_published_category_newest')
      .on(t.agencyId, t.categoryId, t.publishedOn.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} = 'published'`),
    index('publications_published_newest')
      .on(t.agencyId, t.publishedOn.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} = 'published'`),
  ],
);

/** Every column of publications but search_grams (an index source as large as the text): what callers read. */
export const publicationColumns = (() => {
  const { searchGrams: _searchGrams, ...columns } = getTableColumns(publications);
  return columns;
})();

/**
 * Published items per category, kept exact by statement-level triggers on `publications`
 * (migration 0012_catalog_category_counts), so portal pages show totals without counting every row.
 */
export const catalogCategoryCounts = pgTable('catalog_category_counts', {
  categoryId: integer('category_id')
    .primaryKey()
    .references(() => catalogCategories.id),
  published: integer('published').notNull().default(0),
});

/**
 * A publication's log in the event store (`seq` 1, 2, …; `kind` its type, `details` the whole
 * event — catalog/publication/events.ts). Rows with no `seq` are the trail written before the
 * store (migration 0022), kept for the record.
 */
export const publicationEvents = pgTable(
  'publication_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    publicationId: requiredRef('publication_id', () => publications.id),
    seq: integer('seq'),
    at: stampedAt('at'),
    userId: userRef('user_id'),
    kind: text('kind').notNull(),
    step: integer('step'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('publication_events_publication').on(t.publicationId, t.id),
    uniqueIndex('publication_events_publication_seq')
      .on(t.publicationId, t.seq)
      .where(sql`${t.seq} is not null`),
  ],
);

/** The content of an earlier version, kept when a published item is edited. */
export const publicationVersions = pgTable(
  'publication_versions',
  {
    publicationId: requiredRef('publication_id', () => publications.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull().$type<Record<string, unknown>>(),
    supersededAt: stampedAt('superseded_at'),
    userId: userRef('user_id'),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.version] })],
);

/** 有效性 history: each change with the day it took effect (feeds T2 made/repealed/valid). */
export const publicationValidity = pgTable(
  'publication_validity',
  {
    id: serialId(),
    publicationId: requiredRef('publication_id', () => publications.id),
    validity: text('validity', { enum: ['valid', 'expired', 'repealed'] }).notNull(),
    since: day('since').notNull(),
    note: text('note'),
    userId: userRef('user_id'),
    recordedAt: stampedAt('recorded_at'),
  },
  (t) => [index('publication_validity_publication').on(t.publicationId, t.since)],
);

/** A file attached to a publication, stored in the database so a backup covers it. */
export const publicationAttachments = pgTable(
  'publication_attachments',
  {
    id: serialId(),
    publicationId: requiredRef('publication_id', () => publications.id),
    filename: text('filename').notNull(),
    /** The display title readers see instead of the file name (the `attachment-titled` event). */
    title: text('title'),
    ...fileContent(),
    /** Extracted text (including hidden parts) for the privacy scan and search. */
    text: text('text').notNull().default(''),
    /**
     * The privacy scan's findings for this file (every part; `scanFile`): personal data, hidden
     * content, what cannot be scanned or read. Empty = clean. Rows scanned before that held only
     * the hidden content; their `text` is scanned again with the item.
     */
    hidden: jsonb('hidden').$type<unknown[]>(),
    removed: boolean('removed').notNull().default(false),
    createdAt: stampedAt('created_at'),
  },
  (t) => [index('publication_attachments_publication').on(t.publicationId)],
);

/** 保密审查 (Art. 17): who reviewed, with what conclusion. */
export const confidentialityReviews = pgTable('confidentiality_reviews', {
  id: serialId(),
  publicationId: requiredRef('publication_id', () => publications.id),
  version: integer('version').notNull(),
  reviewerId: requiredRef('reviewer_id', () => users.id),
  conclusion: text('conclusion', { enum: ['public', 'secret', 'refer'] }).notNull(),
  note: text('note'),
  at: stampedAt('at'),
});

/** Art. 20 register: monthly decision counts (许可/处罚/强制) and fee income in 元. */
export const registerEntries = pgTable(
  'register_entries',
  {
    ...agencyRow(),
    kind: text('kind', { enum: ['lic', 'pun', 'coe', 'fee'] }).notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    /** Decisions for lic/pun/coe; null for fee. */
    count: integer('count'),
    /** Fee income in 元 (fee only). */
    amountYuan: numeric('amount_yuan', { precision: 16, scale: 2, mode: 'number' }),
    note: text('note'),
    source: text('source').notNull().default('manual'),
    userId: userRef('user_id'),
    updatedAt: stampedAt('updated_at'),
  },
  (t) => [uniqueIndex('register_entries_agency_kind_month').on(t.agencyId, t.kind, t.month)],
);
