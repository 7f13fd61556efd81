import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { upsertAgency } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { appendEvent, type NewApplication, submitApplication } from '../../src/db/cases.ts';
import type { Db } from '../../src/db/database.ts';
import { notificationSettings } from '../../src/db/notificationSettings.ts';
import { openDatabase } from '../../src/db/open.ts';
import { listMessages, maxAttempts, retryMessage } from '../../src/db/outbox.ts';
import { outbox } from '../../src/db/schema/outbox.ts';
import { createUser } from '../../src/db/users.ts';
import { sendDueMessages, transportsFrom } from '../../src/jobs/outboxSender.ts';
import { migratedDataDir } from '../support/cli.ts';
import { databaseKinds, describeEachDatabase, freshPostgres } from '../support/databases.ts';
import { mailServer } from '../support/mail.ts';

const today = '2025-12-31';

function applicant(agencyId: number, email: string | undefined): NewApplication {
  return {
    agencyId,
    channel: 'online',
    submittedOn: '2025-03-03',
    applicantType: 'np',
    applicant: { kind: 'person', name: '张三', phone: '13800138000', ...(email ? { email } : {}) },
    request: { description: '某路段拆迁补偿方案', form: '电子', delivery: '电子邮件' },
  };
}

let smtp: Awaited<ReturnType<typeof mailServer>>;
before(async () => {
  smtp = await mailServer();
});
after(async () => {
  await smtp.close();
});

const mailTransports = () => smtp.transports();

async function pendingNow(db: Db) {
  await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.status, 'pending'));
}

describeEachDatabase('outbox', (database) => {
  let agencyId = 0;

  test('a case event queues its notice in the same transaction; a refused event queues nothing', async () => {
    const { db } = database();
    agencyId = (await upsertAgency(db, { code: 'outbox-a', name: '某县信访局' })).id;
    const { id, queryCode } = await submitApplication(db, applicant(agencyId, 'zhang@example.cn'), {
      today,
    });
    assert.equal((await listMessages(db, agencyId)).length, 0, 'nothing before receipt');
    await appendEvent(db, id, { type: 'Received', on: '2025-03-04' }, { today });
    await assert.rejects(
      appendEvent(db, id, { type: 'Received', on: '2026-01-05' }, { today }),
      /晚于今天/,
    );
    const [message, ...rest] = await listMessages(db, agencyId);
    assert.equal(rest.length, 0);
    assert.equal(message.channel, 'email');
    assert.equal(message.recipient, 'zhang@example.cn');
    assert.equal(message.source, `application:${id}#2`);
    assert.match(message.body, new RegExp(queryCode));
    assert.match(message.body, /答复期限为 2025-04-01/);
    assert.doesNotMatch(message.body, /张三|拆迁/, 'no personal data beyond the query code');

    const noMail = await submitApplication(db, applicant(agencyId, undefined), { today });
    await appendEvent(db, noMail.id, { type: 'Received', on: '2025-03-04' }, { today });
    assert.equal((await listMessages(db, agencyId)).length, 1, 'no e-mail, no message');
  });

  test('the sender delivers through SMTP and marks the message sent, once', async () => {
    const { db } = database();
    smtp.inbox.length = 0;
    const first = await sendDueMessages(db, mailTransports());
    assert.deepEqual(first, { sent: 1, failed: 0 });
    assert.equal(smtp.inbox.length, 1);
    assert.equal(smtp.inbox[0].to, 'zhang@example.cn');
    assert.equal(smtp.inbox[0].subject, '某县信访局已收到您的政府信息公开申请');
    assert.match(smtp.inbox[0].text, /查询码：[2-9A-HJ-NP-Z]{12}/);
    assert.deepEqual(await sendDueMessages(db, mailTransports()), { sent: 0, failed: 0 });
    assert.equal((await listMessages(db, agencyId))[0].status, 'sent');
  });

  test('a server that is down: retried with pauses, failed after the last attempt, retried by an admin', async () => {
    const { db } = database();
    const { id } = await submitApplication(db, applicant(agencyId, 'li@example.cn'), { today });
    await appendEvent(db, id, { type: 'Received', on: '2025-03-05' }, { today });
    const down = transportsFrom({
      ...notificationSettings({}),
      smtpUrl: 'smtp://127.0.0.1:1',
    });
    assert.deepEqual(await sendDueMessages(db, down), { sent: 0, failed: 1 });
    let [message] = (await listMessages(db, agencyId)).filter(
      (m) => m.recipient === 'li@example.cn',
    );
    assert.equal(message.status, 'pending');
    assert.equal(message.attempts, 1);
    assert.ok(message.lastError);
    assert.ok(message.nextAttemptAt.getTime() > Date.now(), 'not retried at once');
    assert.deepEqual(
      await sendDueMessages(db, down),
      { sent: 0, failed: 0 },
      'waits for its pause',
    );
    for (let attempt = 2; attempt <= maxAttempts; attempt++) {
      await pendingNow(db);
      await sendDueMessages(db, down);
    }
    [message] = (await listMessages(db, agencyId)).filter((m) => m.recipient === 'li@example.cn');
    assert.equal(message.status, 'failed');
    assert.equal(message.attempts, maxAttempts);

    const admin = await createUser(db, { username: 'outbox-admin', password: 'a-long-password-1' });
    const actor = { userId: admin.id };
    assert.equal(await retryMessage(db, agencyId + 1000, message.id, actor), false, 'other agency');
    assert.equal(await retryMessage(db, agencyId, message.id, actor), true);
    smtp.inbox.length = 0;
    assert.deepEqual(await sendDueMessages(db, mailTransports()), { sent: 1, failed: 0 });
    assert.equal(smtp.inbox[0].to, 'li@example.cn');
    const audits = await listAudit(db, { agencyId, action: 'outbox.retry' });
    assert.equal(audits.length, 1);
  });

  test('SMS through the configured HTTP gateway, with its token', async () => {
    const { db } = database();
    const received: { auth?: string; body: { to: string; text: string } }[] = [];
    const gateway: Server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => {
        data += chunk;
      });
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(data) });
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const smsUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
    process.env.GONGKAI_SMS_URL = smsUrl;
    try {
      const { id, queryCode } = await submitApplication(db, applicant(agencyId, undefined), {
        today,
      });
      await appendEvent(db, id, { type: 'Received', on: '2025-03-06' }, { today });
      await appendEvent(
        db,
        id,
        {
          type: 'SupplementRequested',
          on: '2025-03-07',
          deadline: '2025-03-20',
          items: '请说明所需信息的文号',
        },
        { today },
      );
      const sms = transportsFrom({ ...notificationSettings({}), smsUrl, smsToken: 't0ken' });
      assert.deepEqual(await sendDueMessages(db, sms), { sent: 2, failed: 0 });
      assert.deepEqual(
        received.map((r) => [r.auth, r.body.to]),
        [
          ['Bearer t0ken', '13800138000'],
          ['Bearer t0ken', '13800138000'],
        ],
      );
      assert.match(
        received[1].body.text,
        /^【某县信访局】您的申请内容需要补正，请于 2025-03-20 前补正/,
      );
      assert.match(received[1].body.text, new RegExp(queryCode));
      assert.doesNotMatch(
        received[1].body.text,
        /文号/,
        'the 补正 items stay on the tracking page',
      );
    } finally {
      delete process.env.GONGKAI_SMS_URL;
      gateway.close();
    }
  });
});

const child = `
import { upsertAgency } from './src/db/agencies.ts';
import { appendEvent, submitApplication } from './src/db/cases.ts';
import { openDatabase } from './src/db/open.ts';
const database = await openDatabase();
const agencyId = (await upsertAgency(database.db, { code: 'outbox-kill', name: '某县档案馆' })).id;
const base = { agencyId, channel: 'online', submittedOn: '2025-03-03', applicantType: 'np',
  applicant: { kind: 'person', name: '王五', phone: '13900139000', email: 'wang@example.cn' },
  request: { description: '档案开放目录', form: '电子', delivery: '电子邮件' } };
const { id } = await submitApplication(database.db, base, { today: '2025-12-31' });
await appendEvent(database.db, id, { type: 'Received', on: '2025-03-04' }, { today: '2025-12-31' });
process.kill(process.pid, 'SIGKILL');
`;

for (const kind of databaseKinds()) {
  test(`outbox [${kind}]: a process killed right after the commit loses no message`, async () => {
    const target =
      kind === 'postgres'
        ? await freshPostgres()
        : { url: undefined, dir: await migratedDataDir(), drop: async () => {}, database: null };
    if (target.database) await target.database.close();
    const env = {
      ...process.env,
      ...(target.url
        ? { DATABASE_URL: target.url }
        : { DATABASE_URL: '', GONGKAI_DATA_DIR: (target as { dir: string }).dir }),
    };
    const signal = await new Promise<string | null>((resolve) => {
      const proc = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', child],
        {
          env,
          stdio: 'inherit',
        },
      );
      proc.on('exit', (_code, sig) => resolve(sig));
    });
    assert.equal(signal, 'SIGKILL');
    const database = await openDatabase(
      target.url ? { url: target.url } : { dataDir: (target as { dir: string }).dir },
    );
    try {
      smtp.inbox.length = 0;
      assert.deepEqual(await sendDueMessages(database.db, mailTransports()), {
        sent: 1,
        failed: 0,
      });
      assert.equal(smtp.inbox[0].to, 'wang@example.cn');
    } finally {
      await database.close();
      await target.drop();
    }
  });
}
