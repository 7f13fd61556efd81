/**
 * Sends the outbox: mail through SMTP (nodemailer), SMS through a configurable HTTP gateway
 * (`POST {to, text}` as JSON, bearer token optional) — no vendor lock-in. Runs in the served app
 * every `intervalMs` and from `gongkai outbox send`. A message is marked sent only after the
 * transport accepted it, so a crash between the two sends it again (at least once).
 */
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';
import type { NotificationSettings } from '../db/notificationSettings.ts';
import {
  claimDueMessages,
  markAttemptFailed,
  markSent,
  type OutboxChannel,
  type OutboxRow,
} from '../db/outbox.ts';
import { repeat } from '../db/repeat.ts';

export type Transport = (message: OutboxRow) => Promise<void>;
export type Transports = Partial<Record<OutboxChannel, Transport>>;

export function transportsFrom(settings: NotificationSettings): Transports {
  const transports: Transports = {};
  if (settings.smtpUrl) {
    const mailer = nodemailer.createTransport(settings.smtpUrl);
    transports.email = async (m) => {
      await mailer.sendMail({
        from: settings.mailFrom,
        to: m.recipient,
        subject: m.subject,
        text: m.body,
      });
    };
  }
  if (settings.smsUrl) {
    const url = settings.smsUrl;
    transports.sms = async (m) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(settings.smsToken ? { authorization: `Bearer ${settings.smsToken}` } : {}),
        },
        body: JSON.stringify({ to: m.recipient, text: m.body }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`短信网关返回 ${response.status}`);
    };
  }
  return transports;
}

/** Sends what is due now, in batches of `batch`; returns how many were sent and how many failed. */
export async function sendDueMessages(
  db: Db,
  transports: Transports,
  batch = 20,
): Promise<{ sent: number; failed: number }> {
  const channels = Object.keys(transports) as OutboxChannel[];
  let sent = 0;
  let failed = 0;
  for (;;) {
    const messages = await claimDueMessages(db, channels, batch);
    if (messages.length === 0) return { sent, failed };
    for (const message of messages) {
      try {
        await transports[message.channel]!(message);
        await markSent(db, message.id);
        sent++;
      } catch (error) {
        await markAttemptFailed(
          db,
          message,
          error instanceof Error ? error.message : String(error),
        );
        failed++;
      }
    }
  }
}

/** Sends every `intervalMs` until stopped; one round at a time. */
export function startOutboxSender(db: Db, transports: Transports, intervalMs = 30_000) {
  const send = () =>
    sendDueMessages(db, transports).catch((error) => console.error('outbox:', error));
  return repeat(send, intervalMs);
}
