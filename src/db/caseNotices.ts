/**
 * Queuing a notice about one application or petition to the person who brought it, in the
 * agency's name and inside the event's transaction: one message a recipient (an SMS starts with
 * 【agency】, which gateways require), with the case's tracking page in the text.
 */
import type { NoticeContext } from '../cases/notices.ts';
import { findAgencyById } from './agencies.ts';
import type { Db } from './database.ts';
import { notificationSettings } from './notificationSettings.ts';
import { enqueueMessages, type NewMessage } from './outbox.ts';

export type NoticeRecipient = Pick<NewMessage, 'channel' | 'recipient'>;

export interface NoticedCase {
  agencyId: number;
  queryCode: string;
  /** The tracking page below the agency's portal: `track` or `petition/track`. */
  trackPath: string;
  /** The outbox source, e.g. `application:12#3`: with the recipient it makes a message unique. */
  source: string;
}

/** Nothing is queued without a recipient, when the agency is gone or `compose` has nothing to say. */
export async function queueCaseNotice(
  db: Db,
  noticed: NoticedCase,
  recipients: NoticeRecipient[],
  compose: (context: NoticeContext) => { subject: string; body: string } | null,
): Promise<void> {
  if (recipients.length === 0) return;
  const agency = await findAgencyById(db, noticed.agencyId);
  if (!agency) return;
  const notice = compose({
    agencyName: agency.name,
    queryCode: noticed.queryCode,
    trackUrl: `${notificationSettings().publicUrl}/a/${agency.code}/${noticed.trackPath}`,
  });
  if (!notice) return;
  await enqueueMessages(
    db,
    recipients.map(({ channel, recipient }) => ({
      agencyId: noticed.agencyId,
      channel,
      recipient,
      subject: notice.subject,
      body: channel === 'sms' ? `【${agency.name}】${notice.body}` : notice.body,
      source: noticed.source,
    })),
  );
}
