/** Reading a case event log (`application_events`, `petition_events`: `caseEventColumns`). */
import { asc, eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../database.ts';
import type { applicationEvents } from '../schema/cases.ts';
import type { petitionEvents } from '../schema/petitions.ts';

type CaseEventLog = typeof applicationEvents | typeof petitionEvents;

/** The events of one case (`owner` is the log's column naming it), in the order appended. */
export async function loggedEvents<Event>(
  db: Db,
  log: CaseEventLog,
  owner: PgColumn,
  id: number,
): Promise<Event[]> {
  const rows = await db
    .select({ data: log.data })
    .from(log)
    .where(eq(owner, id))
    .orderBy(asc(log.seq));
  return rows.map((r) => r.data as unknown as Event);
}
