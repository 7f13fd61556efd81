/**
 * A burst: many applications received at once, then two senders working the outbox side by side.
 * Every applicant gets exactly one receipt notice — none lost, none sent twice
 * (GONGKAI_BURST sets the size).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { upsertAgency } from '../../src/db/agencies.ts';
import { appendEvent, submitApplication } from '../../src/db/cases.ts';
import { listMessages } from '../../src/db/outbox.ts';
import { sendDueMessages } from '../../src/jobs/outboxSender.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { mailServer } from '../support/mail.ts';

const today = '2025-12-31';
const BURST = Number(process.env.GONGKAI_BURST ?? 200);

let smtp: Awaited<ReturnType<typeof mailServer>>;
before(async () => {
  smtp = await mailServer();
});
after(async () => {
  await smtp.close();
});

describeEachDatabase('outbox under a burst', (database) => {
  test(`${BURST} applications received concurrently: one receipt each, through two senders`, async () => {
    const { db } = database();
    const agencyId = (await upsertAgency(db, { code: 'burst', name: '某县信访局' })).id;
    smtp.inbox.length = 0;
    const addresses = Array.from({ length: BURST }, (_, i) => `burst${i}@example.cn`);
    const cases = await Promise.all(
      addresses.map((email) =>
        submitApplication(
          db,
          {
            agencyId,
            channel: 'online',
            submittedOn: '2025-03-03',
            applicantType: 'np',
            applicant: { kind: 'person', name: '张三', phone: '13800138000', email },
            request: { description: '某路段拆迁补偿方案', form: '电子', delivery: '电子邮件' },
          },
          { today },
        ),
      ),
    );
    await Promise.all(
      cases.map(({ id }) => appendEvent(db, id, { type: 'Received', on: '2025-03-04' }, { today })),
    );
    const queued = await listMessages(db, agencyId, BURST * 2);
    assert.equal(queued.length, BURST, 'one message per receipt, queued with its event');
    const results = await Promise.all([
      sendDueMessages(db, smtp.transports(), 7),
      sendDueMessages(db, smtp.transports(), 7),
    ]);
    assert.equal(results[0].sent + results[1].sent, BURST);
    assert.equal(results[0].failed + results[1].failed, 0);
    const received = smtp.inbox.map((m) => m.to).sort();
    assert.deepEqual(received, [...addresses].sort(), 'each address exactly once');
    const codes = new Set(smtp.inbox.map((m) => m.text.match(/查询码：(\w+)/)?.[1]));
    assert.equal(codes.size, BURST, 'each mail names its own case');
    assert.ok((await listMessages(db, agencyId, BURST * 2)).every((m) => m.status === 'sent'));
    assert.deepEqual(await sendDueMessages(db, smtp.transports()), { sent: 0, failed: 0 });
  });
});
