/**
 * Queues the staff's notices for one case event, inside the event's transaction: to the case's
 * handler when they have an e-mail address, else to every handler and office member of the
 * agency who has one. Nobody with an address, no message (the digest and the dashboard still
 * show the case).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { CaseEvent } from '../cases/events.ts';
import { staffNoticeFor } from '../cases/staffNotices.ts';
import { findAgencyById } from './agencies.ts';
import type { ApplicationRow } from './cases.ts';
import { isCaseStaffOf } from './casesList.ts';
import type { Db } from './database.ts';
import { notificationSettings } from './notificationSettings.ts';
import { enqueueMessages } from './outbox.ts';
import { memberships, users } from './schema.ts';

export async function queueStaffNotices(
  db: Db,
  row: ApplicationRow,
  event: CaseEvent,
  seq: number,
): Promise<void> {
  if (event.type !== 'SupplementReceived') return;
  const agency = await findAgencyById(db, row.agencyId);
  if (!agency) return;
  const { publicUrl } = notificationSettings();
  const notice = staffNoticeFor(event, {
    agencyName: agency.name,
    queryCode: row.queryCode,
    caseUrl: `${publicUrl}/admin/${agency.code}/cases/${row.id}`,
  });
  if (!notice) return;
  const staff = await caseStaffWithEmail(db, row);
  await enqueueMessages(
    db,
    staff.map((s) => ({
      agencyId: row.agencyId,
      channel: 'email' as const,
      recipient: s.email,
      ...notice,
      source: `staff:${s.id}:application:${row.id}#${seq}`,
    })),
  );
}

async function caseStaffWithEmail(db: Db, row: ApplicationRow) {
  const rows = await db
    .selectDistinct({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(isCaseStaffOf(row.agencyId), isNotNull(users.email)));
  const staff = rows.map((r) => ({ id: r.id, email: r.email as string }));
  const handler = staff.filter((s) => s.id === row.handlerId);
  return handler.length > 0 ? handler : staff;
}
