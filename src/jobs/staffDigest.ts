/**
 * The daily work digest for staff: from 08:00 Beijing time, one mail per user and agency listing
 * what waits for them — cases due within 3 working days, overdue cases, new applications to
 * confirm, 补正 the applicant answered online, petitions to accept, publications at a review step
 * of theirs. Nothing waiting, no mail.
 * Queued through the outbox (source `digest:<user>:<agency>:<date>`), so a day's digest is queued
 * once however many processes run.
 */
import { loadCalendar } from '../db/calendar.ts';
import type { Db } from '../db/database.ts';
import { notificationSettings } from '../db/notificationSettings.ts';
import { enqueueMessages } from '../db/outbox.ts';
import { repeat } from '../db/repeat.ts';
import {
  type AgencyWork,
  agencyWork,
  type DigestRecipient,
  digestRecipients,
} from '../db/staffDigest.ts';
import { type IsoDate, todayInChina } from '../law/date.ts';

const CASE_ROLES = ['handler', 'office', 'admin'];
const PETITION_ROLES = ['handler', 'office'];

/** The digest's lines for one user, or null when nothing waits for them. */
export function digestFor(
  recipient: Pick<DigestRecipient, 'roles' | 'agencyName' | 'agencyCode'>,
  work: AgencyWork,
  date: IsoDate,
  publicUrl: string,
): { subject: string; body: string } | null {
  const lines: string[] = [];
  const has = (roles: string[]) => recipient.roles.some((r) => roles.includes(r));
  const base = `${publicUrl}/admin/${recipient.agencyCode}`;
  if (has(CASE_ROLES)) {
    const { due, overdue, pending, supplied } = work.cases;
    if (overdue > 0) lines.push(`已超过答复期限的申请：${overdue}件 ${base}/cases?view=overdue`);
    if (due > 0) lines.push(`3个工作日内到期的申请：${due}件 ${base}/cases?view=due`);
    if (pending > 0) lines.push(`待确认收到的申请：${pending}件 ${base}/cases?view=pending`);
    if (supplied > 0)
      lines.push(`申请人已在网上补正的申请：${supplied}件 ${base}/cases?view=supplied`);
  }
  if (has(PETITION_ROLES) && work.newPetitions > 0) {
    lines.push(`待作出受理告知的信访事项：${work.newPetitions}件 ${base}/petitions`);
  }
  for (const { step, n } of work.reviews) {
    if (recipient.roles.includes(step.role))
      lines.push(`待${step.label}的主动公开信息：${n}条 ${base}/catalog`);
  }
  if (lines.length === 0) return null;
  return {
    subject: `${recipient.agencyName}待办提醒（${date}）`,
    body: `${date} 待办事项：\n${lines.map((l) => `· ${l}`).join('\n')}\n（本邮件由系统每日自动发送。）`,
  };
}

/** Queues today's digests; returns how many were queued (a repeat on the same day queues none). */
export async function queueStaffDigests(db: Db, today: IsoDate): Promise<number> {
  const dueBy = (await loadCalendar(db)).addWorkdays(today, 3);
  const { publicUrl } = notificationSettings();
  const work = new Map<number, AgencyWork>();
  let queued = 0;
  for (const recipient of await digestRecipients(db)) {
    if (!work.has(recipient.agencyId)) {
      work.set(recipient.agencyId, await agencyWork(db, recipient.agencyId, today, dueBy));
    }
    const digest = digestFor(recipient, work.get(recipient.agencyId)!, today, publicUrl);
    if (!digest) continue;
    queued += await enqueueMessages(db, [
      {
        agencyId: recipient.agencyId,
        channel: 'email',
        recipient: recipient.email,
        ...digest,
        source: `digest:${recipient.userId}:${recipient.agencyId}:${today}`,
      },
    ]);
  }
  return queued;
}

/** The Beijing calendar day once it is past 08:00 there, else null. */
export function digestDay(now: Date): IsoDate | null {
  const eightHoursAgo = new Date(now.getTime() - 8 * 3600_000);
  return todayInChina(eightHoursAgo) === todayInChina(now) ? todayInChina(now) : null;
}

/** Checks every 10 minutes whether today's digests are due and queues them once per process and day. */
export function startStaffDigests(db: Db, intervalMs = 600_000) {
  let lastDay: IsoDate | null = null;
  const tick = async () => {
    const day = digestDay(new Date());
    if (!day || day === lastDay) return;
    lastDay = day;
    await queueStaffDigests(db, day).catch((error) => console.error('digest:', error));
  };
  return repeat(tick, intervalMs, true);
}
