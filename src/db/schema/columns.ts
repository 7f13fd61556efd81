/**
 * Column shapes the tables repeat, defined once. Each builds exactly the column it replaces, so
 * `drizzle-kit generate` sees no change. (References to agencies and users live beside those
 * tables in ../schema.ts.)
 */
import {
  type AnyPgColumn,
  customType,
  date,
  integer,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** bytea: Buffer in, Uint8Array or Buffer out depending on the driver; always a Buffer to callers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** `id serial primary key`. */
export const serialId = () => serial('id').primaryKey();

/** `timestamp with time zone`. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/** A required moment that defaults to the time of the insert (`created_at`, `at`, …). */
export const stampedAt = (name: string) => timestamptz(name).notNull().defaultNow();

/** A calendar day, read and written as `YYYY-MM-DD`. */
export const day = (name: string) => date(name, { mode: 'string' });

/** An uploaded file's content: its type (detected from the bytes), size, SHA-256 and the bytes. */
export const fileContent = () => ({
  /** Detected from the content (magic bytes), never from the extension. */
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
});

/** A required reference to another table's id (the row this one belongs to). */
export const requiredRef = (name: string, target: () => AnyPgColumn) =>
  integer(name).notNull().references(target);
