/** The columns every case event log shares (applications, petitions), after its id and owner. */
import { integer, jsonb, text } from 'drizzle-orm/pg-core';
import { recordedBy } from '../schema.ts';
import { day } from './columns.ts';

export const caseEventColumns = () => ({
  seq: integer('seq').notNull(),
  type: text('type').notNull(),
  on: day('on').notNull(),
  /** The whole event as appended. */
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  ...recordedBy(),
});
