/**
 * Queues the applicant's notices for one case event, inside the event's transaction: by e-mail
 * when the applicant gave one, by SMS when an SMS gateway is configured.
 */
import type { CaseEvent } from '../cases/events.ts';
import { noticeFor } from '../cases/notices.ts';
import type { CaseState } from '../cases/state.ts';
import { findAgencyById } from './agencies.ts';
import type { ApplicationRow } from './cases.ts';
import type { Db } from './database.ts';
import { type NotificationSettings, notificationSettings } from './notificationSettings.ts';
import { enqueueMessages, type NewMessage } from './outbox.ts';

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
  const messages: NewMessage[] = recipients.map(({ channel, recipient }) => ({
    agencyId: row.agencyId,
    channel,
    recipient,
    subject: notice.subject,
    body: channel === 'sms' ? `【${agency.name}】${notice.body}` : notice.body,
    source: `application:${row.id}#${seq}`,
  }));
  await enqueueMessages(db, messages);
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
