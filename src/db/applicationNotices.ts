/**
 * Queues the applicant's notices for one case event, inside the event's transaction: by e-mail
 * when the applicant gave one, by SMS when an SMS gateway is configured.
 */
import { and, eq, like } from 'drizzle-orm';
import type { CaseEvent } from '../cases/events.ts';
import { dueCorrectionNotice, dueWords, noticeFor } from '../cases/notices.ts';
import type { CaseState } from '../cases/state.ts';
import { type NoticedCase, type NoticeRecipient, queueCaseNotice } from './caseNotices.ts';
import type { ApplicationRow } from './cases.ts';
import type { Db } from './database.ts';
import { notificationSettings } from './notificationSettings.ts';
import { outbox } from './schema/outbox.ts';

export async function queueApplicationNotices(
  db: Db,
  row: ApplicationRow,
  state: CaseState,
  event: CaseEvent,
  seq: number,
): Promise<void> {
  const noticed = noticedApplication(row, `#${seq}`);
  await queueCaseNotice(db, noticed, recipientsOf(row), (context) =>
    noticeFor(event, state, context),
  );
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
  const noticed = noticedApplication(before, `#due-${due}`);
  await queueCaseNotice(db, noticed, recipientsOf(before), (context) =>
    dueCorrectionNotice(told, due, context),
  );
}

function noticedApplication(row: ApplicationRow, sourceTail: string): NoticedCase {
  const source = `application:${row.id}${sourceTail}`;
  return { agencyId: row.agencyId, queryCode: row.queryCode, trackPath: 'track', source };
}

function recipientsOf(row: ApplicationRow): NoticeRecipient[] {
  const out: NoticeRecipient[] = [];
  const email = row.applicant.email?.trim();
  if (email) out.push({ channel: 'email', recipient: email });
  if (notificationSettings().smsUrl && row.phoneDigits.length >= 11) {
    out.push({ channel: 'sms', recipient: row.phoneDigits });
  }
  return out;
}
