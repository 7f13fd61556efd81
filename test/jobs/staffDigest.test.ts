import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { loadCalendar } from '../../src/db/calendar.ts';
import { caseCounts } from '../../src/db/casesList.ts';
import { listMessages } from '../../src/db/outbox.ts';
import { findUserByUsername, setUserEmail } from '../../src/db/users.ts';
import { sendDueMessages } from '../../src/jobs/outboxSender.ts';
import { digestDay, digestFor, queueStaffDigests } from '../../src/jobs/staffDigest.ts';
import { todayInChina } from '../../src/law/date.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { mailServer } from '../support/mail.ts';

const agency = { agencyName: '某县信访局', agencyCode: 'x' };
const work = {
  cases: { due: 2, overdue: 1, pending: 0, supplied: 2 },
  newPetitions: 3,
  reviews: [
    { step: { label: '分管领导审核', role: 'reviewer' as const }, n: 4 },
    { step: { label: '办公室审核', role: 'office' as const }, n: 1 },
  ],
};

test('a digest lists only the work of the user’s roles, and nothing when nothing waits', () => {
  const cases: [string[], RegExp[], RegExp[]][] = [
    [
      ['handler'],
      [
        /超过答复期限的申请：1件/,
        /3个工作日内到期的申请：2件/,
        /申请人已在网上补正的申请：2件 https:\/\/gk\.cn\/admin\/x\/cases\?view=supplied/,
        /信访事项：3件/,
      ],
      [/主动公开/, /待确认/],
    ],
    [['reviewer'], [/待分管领导审核的主动公开信息：4条/], [/申请/, /办公室审核/]],
    [['office'], [/超过答复期限/, /待办公室审核的主动公开信息：1条/, /信访/], [/分管领导/]],
    [['admin'], [/超过答复期限/], [/信访/, /主动公开/]],
  ];
  for (const [roles, present, absent] of cases) {
    const digest = digestFor(
      { ...agency, roles: roles as never },
      work,
      '2026-03-02',
      'https://gk.cn',
    );
    assert.ok(digest, roles.join());
    assert.equal(digest.subject, '某县信访局待办提醒（2026-03-02）');
    for (const p of present) assert.match(digest.body, p, `${roles}: ${p}`);
    for (const a of absent) assert.doesNotMatch(digest.body, a, `${roles}: ${a}`);
  }
  assert.match(
    digestFor({ ...agency, roles: ['handler'] }, work, '2026-03-02', 'https://gk.cn')!.body,
    /https:\/\/gk\.cn\/admin\/x\/cases\?view=overdue/,
  );
  assert.equal(
    digestFor({ ...agency, roles: ['drafter', 'auditor'] }, work, '2026-03-02', 'u'),
    null,
  );
  const idle = {
    cases: { due: 0, overdue: 0, pending: 0, supplied: 0 },
    newPetitions: 0,
    reviews: [],
  };
  assert.equal(digestFor({ ...agency, roles: ['office'] }, idle, '2026-03-02', 'u'), null);
});

test('digests start at 08:00 Beijing time', () => {
  assert.equal(digestDay(new Date('2026-03-02T00:00:00Z')), '2026-03-02', '08:00 in Beijing');
  assert.equal(digestDay(new Date('2026-03-01T23:59:00Z')), null, '07:59 in Beijing');
  assert.equal(digestDay(new Date('2026-03-02T15:59:00Z')), '2026-03-02', '23:59 in Beijing');
  assert.equal(digestDay(new Date('2026-03-02T16:00:00Z')), null, 'midnight in Beijing');
});

describeEachDatabase(
  'staff digest',
  (database) => {
    test('users with an e-mail get one digest a day, through the outbox, by real SMTP', async () => {
      const { db } = database();
      const xfj = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      for (const name of ['xfj-handler', 'xfj-auditor']) {
        const user = (await findUserByUsername(db, name))!;
        await setUserEmail(db, user.id, `${name}@example.cn`);
      }
      const today = todayInChina();
      const counts = await caseCounts(
        db,
        xfj.id,
        today,
        (await loadCalendar(db)).addWorkdays(today, 3),
      );
      const expected = counts.due + counts.overdue + counts.pending + counts.supplied > 0 ? 1 : 0;

      assert.equal(
        await queueStaffDigests(db, today),
        expected,
        'the handler only: the auditor has no work to do',
      );
      assert.equal(await queueStaffDigests(db, today), 0, 'once a day');
      const digests = (await listMessages(db, xfj.id)).filter((m) =>
        m.source.startsWith('digest:'),
      );
      assert.equal(digests.length, expected);
      if (expected === 0) return;
      assert.equal(digests[0].recipient, 'xfj-handler@example.cn');

      const smtp = await mailServer();
      try {
        await sendDueMessages(db, smtp.transports());
        const [mail] = smtp.inbox;
        assert.equal(mail.subject, `湘潭县信访局待办提醒（${today}）`);
        if (counts.overdue > 0)
          assert.match(mail.text, new RegExp(`已超过答复期限的申请：${counts.overdue}件`));
      } finally {
        await smtp.close();
      }
    });
  },
  { demo: true },
);
