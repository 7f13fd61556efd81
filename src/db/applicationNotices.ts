/**
 * Queues the applicant's notices for one case event, inside the event's transaction: by e-mail
 * when the applicant gave one, by SMS when an SMS gateway is configured.
 */
import { and, eq, like } from 'drizzle-orm';
import type { CaseEvent } from '../cases/events.ts';
import { dueCorrectionNotice, dueWords, type Notice, noticeFor } from '../cases/notices.ts';
import type { CaseState } from '../cases/state.ts';
import { findAgencyById } from './agencies.ts';
import type { ApplicationRow } from './cases.ts';
import type { Db } from './database.ts';
import { type NotificationSettings, notificationSettings } from './notificationSettings.ts';
import { enqueueMessages, type NewMessage } from './outbox.ts';
import { outbox } from './schema/outbox.ts';

export async function queueApplicationNotices(
  db: Db,
  row: ApplicationRow,
  state: CaseState,
  event: CaseEvent,
  seq: number,
): Promise<void> {
  const settings = notificationSettings();
  const recipients = recipientsOf(row, settings);
  if (recipients.length === 0) return;
  const agency = await findAgencyById(db, row.agencyId);
  if (!agency) return;
  const notice = noticeFor(event, state, {
    agencyName: agency.name,
    queryCode: row.queryCode,
    trackUrl: `${settings.publicUrl}/a/${agency.code}/track`,
  });
  if (!notice) return;
  await enqueueMessages(db, messagesOf(row, agency.name, recipients, notice, `#${seq}`));
}

/**
 * After a reproject (a calendar import): when the reply due date moved and a notice told the
 * applicant the old one, one correction per new date. A daily reproject that changes nothing, or
 * a date never told, sends nothing.
 */
export async function queueDueCorrection(
  db: Db,
  before: ApplicationRow,
  state: CaseState,
): Promise<void> {
  const told = before.replyDue;
  const due = state.outcome === null ? state.clock?.due : null;
  if (!told || !due || told === due) return;
  const [stated] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.agencyId, before.agencyId),
        like(outbox.source, `application:${before.id}#%`),
        like(outbox.body, `%${dueWords(told)}%`),
      ),
    )
    .limit(1);
  if (!stated) return;
  const settings = notificationSettings();
  const recipients = recipientsOf(before, settings);
  const agency = await findAgencyById(db, before.agencyId);
  if (recipients.length === 0 || !agency) return;
  const notice = dueCorrectionNotice(told, due, {
    agencyName: agency.name,
    queryCode: before.queryCode,
    trackUrl: `${settings.publicUrl}/a/${agency.code}/track`,
  });
  await enqueueMessages(db, messagesOf(before, agency.name, recipients, notice, `#due-${due}`));
}

function messagesOf(
  row: ApplicationRow,
  agencyName: string,
  recipients: { channel: NewMessage['channel']; recipient: string }[],
  notice: Notice,
  sourceTail: string,
): NewMessage[] {
  return recipients.map(({ channel, recipient }) => ({
    agencyId: row.agencyId,
    channel,
    recipient,
    subject: notice.subject,
    body: channel === 'sms' ? `【${agencyName}】${notice.body}` : notice.body,
    source: `application:${row.id}${sourceTail}`,
  }));
}

function recipientsOf(row: ApplicationRow, settings: NotificationSettings) {
  const out: { channel: NewMessage['channel']; recipient: string }[] = [];
  const email = row.applicant.email?.trim();
  if (email) out.push({ channel: 'email', recipient: email });
  if (settings.smsUrl && row.phoneDigits.length >= 11) {
    out.push({ channel: 'sms', recipient: row.phoneDigits });
  }
  return out;
}
