/**
 * Queues the petitioner's notices for one petition event, inside the event's transaction: by
 * e-mail when the first petitioner gave one, by SMS when an SMS gateway is configured and a
 * mobile number was given. Nothing is queued for a petitioner who gave neither.
 */
import { asc, eq } from 'drizzle-orm';
import type { PetitionClock } from '../petitions/clock.ts';
import type { PetitionEvent } from '../petitions/events.ts';
import { petitionNoticeFor } from '../petitions/notices.ts';
import { type NoticeRecipient, queueCaseNotice } from './caseNotices.ts';
import type { Db } from './database.ts';
import { notificationSettings } from './notificationSettings.ts';
import type { PetitionRow } from './petitions.ts';
import { petitioners } from './schema/petitions.ts';

export async function queuePetitionNotices(
  db: Db,
  row: PetitionRow,
  clock: PetitionClock,
  event: PetitionEvent,
  seq: number,
): Promise<void> {
  const settings = notificationSettings();
  const [first] = await db
    .select({ email: petitioners.email })
    .from(petitioners)
    .where(eq(petitioners.petitionId, row.id))
    .orderBy(asc(petitioners.position))
    .limit(1);
  const recipients: NoticeRecipient[] = [];
  const email = first?.email?.trim();
  if (email) recipients.push({ channel: 'email', recipient: email });
  if (settings.smsUrl && /^1\d{10}$/.test(row.phoneDigits)) {
    recipients.push({ channel: 'sms', recipient: row.phoneDigits });
  }
  const noticed = {
    agencyId: row.agencyId,
    queryCode: row.queryCode,
    trackPath: 'petition/track',
    source: `petition:${row.id}#${seq}`,
  };
  await queueCaseNotice(db, noticed, recipients, (context) =>
    petitionNoticeFor(event, clock, context),
  );
}
