/**
 * Queues the petitioner's notices for one petition event, inside the event's transaction: by
 * e-mail when the first petitioner gave one, by SMS when an SMS gateway is configured and a
 * mobile number was given. Nothing is queued for a petitioner who gave neither.
 */
import { asc, eq } from 'drizzle-orm';
import type { PetitionClock } from '../petitions/clock.ts';
import type { PetitionEvent } from '../petitions/events.ts';
import { petitionNoticeFor } from '../petitions/notices.ts';
import { findAgencyById } from './agencies.ts';
import type { Db } from './database.ts';
import { notificationSettings } from './notificationSettings.ts';
import { enqueueMessages, type NewMessage } from './outbox.ts';
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
  const recipients: { channel: NewMessage['channel']; recipient: string }[] = [];
  const email = first?.email?.trim();
  if (email) recipients.push({ channel: 'email', recipient: email });
  if (settings.smsUrl && /^1\d{10}$/.test(row.phoneDigits)) {
    recipients.push({ channel: 'sms', recipient: row.phoneDigits });
  }
  if (recipients.length === 0) return;
  const agency = await findAgencyById(db, row.agencyId);
  if (!agency) return;
  const notice = petitionNoticeFor(event, clock, {
    agencyName: agency.name,
    queryCode: row.queryCode,
    trackUrl: `${settings.publicUrl}/a/${agency.code}/petition/track`,
  });
  if (!notice) return;
  await enqueueMessages(
    db,
    recipients.map(({ channel, recipient }) => ({
      agencyId: row.agencyId,
      channel,
      recipient,
      subject: notice.subject,
      body: channel === 'sms' ? `【${agency.name}】${notice.body}` : notice.body,
      source: `petition:${row.id}#${seq}`,
    })),
  );
}
