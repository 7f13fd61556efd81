import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { notificationSettings } from '../../src/db/notificationSettings.ts';
import { transportsFrom } from '../../src/jobs/outboxSender.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** A real SMTP server on loopback that keeps what it receives, and the sender's transports for it. */
export async function mailServer() {
  const inbox: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          inbox.push({ to: to?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  return {
    inbox,
    url,
    transports: () =>
      transportsFrom({ ...notificationSettings({}), smtpUrl: url, mailFrom: 'gk@example.cn' }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
