/** Where notifications go out, from the environment (documented in docs/notifications.md). */
export interface NotificationSettings {
  /** The portal's public address, used in links; no trailing slash. */
  publicUrl: string;
  /** smtp(s)://user:pass@host:port — mail is not sent without it. */
  smtpUrl: string | null;
  mailFrom: string;
  /** An HTTP endpoint taking `POST {to, text}` — SMS is not queued without it. */
  smsUrl: string | null;
  smsToken: string | null;
}

export function notificationSettings(env = process.env): NotificationSettings {
  return {
    publicUrl: (env.GONGKAI_PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, ''),
    smtpUrl: env.GONGKAI_SMTP_URL || null,
    mailFrom: env.GONGKAI_MAIL_FROM || 'gongkai@localhost',
    smsUrl: env.GONGKAI_SMS_URL || null,
    smsToken: env.GONGKAI_SMS_TOKEN || null,
  };
}
