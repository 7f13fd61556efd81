import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { upsertAgency } from '../../src/db/agencies.ts';
import { listMessages } from '../../src/db/outbox.ts';
import { appendPetitionEvent, registerPetition } from '../../src/db/petitions.ts';
import { sendDueMessages } from '../../src/jobs/outboxSender.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { mailServer } from '../support/mail.ts';

const today = '2026-06-30';

let smtp: Awaited<ReturnType<typeof mailServer>>;
before(async () => {
  smtp = await mailServer();
});
after(async () => {
  await smtp.close();
});

describeEachDatabase('petitioner notices', (database) => {
  test('a petitioner with an e-mail receives receipt, acceptance with its due date, and reply ready', async () => {
    const { db } = database();
    const agencyId = (await upsertAgency(db, { code: 'xf-notice', name: '某县信访局' })).id;
    const petition = (email?: string) =>
      registerPetition(
        db,
        {
          agencyId,
          channel: 'online',
          receivedOn: '2026-03-02',
          subject: '小区噪音扰民',
          content: '夜间施工噪音严重，请求处理。',
          petitioners: [{ name: '王五', phone: '13812345678', ...(email ? { email } : {}) }],
        },
        { today },
      );
    const { id, queryCode } = await petition('wang@example.cn');
    const silent = await petition();
    await appendPetitionEvent(
      db,
      agencyId,
      id,
      { type: 'AcceptanceDecided', on: '2026-03-09', decision: 'accepted' },
      { today },
    );
    await appendPetitionEvent(
      db,
      agencyId,
      silent.id,
      { type: 'AcceptanceDecided', on: '2026-03-09', decision: 'accepted' },
      { today },
    );
    await appendPetitionEvent(
      db,
      agencyId,
      id,
      { type: 'Answered', on: '2026-04-20', text: '已责令施工方整改' },
      { today },
    );

    const messages = await listMessages(db, agencyId);
    assert.deepEqual(
      messages.map((m) => m.source).sort(),
      [`petition:${id}#1`, `petition:${id}#2`, `petition:${id}#3`],
      'one message per event, none for the petitioner without an e-mail',
    );

    smtp.inbox.length = 0;
    assert.deepEqual(await sendDueMessages(db, smtp.transports()), { sent: 3, failed: 0 });
    const mails = smtp.inbox.filter((m) => m.to === 'wang@example.cn');
    assert.deepEqual(
      mails.map((m) => m.subject),
      [
        '某县信访局已收到您的信访事项',
        '某县信访局信访事项受理告知',
        '某县信访局已出具信访事项处理意见书',
      ],
    );
    assert.match(mails[0].text, /将于 2026-03-\d\d 前告知是否受理/);
    assert.match(mails[1].text, /办理期限为 2026-05-\d\d/);
    for (const mail of mails) {
      assert.match(mail.text, new RegExp(`查询码：${queryCode}`));
      assert.match(mail.text, /\/a\/xf-notice\/petition\/track/);
      assert.doesNotMatch(mail.text, /王五|噪音|整改/, 'no personal data beyond the query code');
    }
  });
});
