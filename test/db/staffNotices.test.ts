import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { appendEvent, submitApplication } from '../../src/db/cases.ts';
import { caseCounts, listCases } from '../../src/db/casesList.ts';
import type { Db } from '../../src/db/database.ts';
import { listMessages } from '../../src/db/outbox.ts';
import { answerSupplement } from '../../src/db/supplementAnswer.ts';
import { findUserByUsername, setUserEmail } from '../../src/db/users.ts';
import { fromDayNumber, toDayNumber, todayInChina } from '../../src/law/date.ts';
import { personApplication, requestSupplement } from '../support/applications.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = todayInChina();

async function caseAwaitingSupplement(db: Db, agencyId: number, handlerId: number | null) {
  const actor = { userId: null, today };
  const { id, queryCode } = await submitApplication(
    db,
    personApplication(
      agencyId,
      today,
      { name: '赵补正', phone: '13700001234' },
      { description: '2025年信访事项办理台账', form: '电子', delivery: '网上' },
    ),
    actor,
  );
  if (handlerId) await appendEvent(db, id, { type: 'Assigned', on: today, handlerId }, actor);
  await requestSupplement(db, id, today, '请写明起止月份。', actor);
  return { id, queryCode };
}

describeEachDatabase(
  'staff learn of an online 补正 answer',
  (database) => {
    test('the handler gets a mail in the event’s transaction; the case waits in the supplied view', async () => {
      const { db } = database();
      const xfj = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const handler = (await findUserByUsername(db, 'xfj-handler'))!;
      const office = (await findUserByUsername(db, 'xfj-office'))!;
      await setUserEmail(db, handler.id, 'handler@example.cn');
      await setUserEmail(db, office.id, 'office@example.cn');
      const dueBy = fromDayNumber(toDayNumber(today) + 5);
      const before = (await caseCounts(db, xfj.id, today, dueBy)).supplied;
      const staffMails = async () =>
        (await listMessages(db, xfj.id)).filter((m) => m.source.startsWith('staff:'));

      const assigned = await caseAwaitingSupplement(db, xfj.id, handler.id);
      const online = { agencyId: xfj.id, today, ip: '127.0.0.1' };
      await answerSupplement(db, assigned.id, { text: '2025年1月至12月', files: [] }, online);
      const [mail, ...others] = await staffMails();
      assert.equal(others.length, 0, 'the assigned handler only');
      assert.equal(mail.recipient, 'handler@example.cn');
      assert.equal(mail.subject, `申请人已在网上补正（查询码 ${assigned.queryCode}）`);
      assert.match(mail.body, new RegExp(`/admin/xiangtan-xfj/cases/${assigned.id}\\b`));
      assert.doesNotMatch(mail.body, /赵补正|台账|1月至12月/, 'no personal data or request text');

      const unassigned = await caseAwaitingSupplement(db, xfj.id, null);
      await answerSupplement(db, unassigned.id, { text: '', files: [] }, online);
      const toAll = (await staffMails()).filter((m) =>
        m.source.includes(`:application:${unassigned.id}#`),
      );
      assert.deepEqual(toAll.map((m) => m.recipient).sort(), [
        'handler@example.cn',
        'office@example.cn',
      ]);

      const recorded = await caseAwaitingSupplement(db, xfj.id, handler.id);
      await appendEvent(
        db,
        recorded.id,
        { type: 'SupplementReceived', on: today },
        {
          userId: handler.id,
          today,
        },
      );
      assert.equal((await staffMails()).length, 3, 'a 补正 the staff recorded sends no mail');

      const supplied = async () =>
        (
          await listCases(
            db,
            xfj.id,
            { view: 'supplied', today, dueBy },
            { page: 1, pageSize: 100 },
          )
        ).rows.map((r) => r.id);
      assert.deepEqual(
        (await supplied()).filter((id) => id >= assigned.id),
        [assigned.id, unassigned.id],
      );
      assert.equal((await caseCounts(db, xfj.id, today, dueBy)).supplied, before + 2);
      await appendEvent(
        db,
        assigned.id,
        { type: 'Assigned', on: today, handlerId: office.id },
        { userId: handler.id, today },
      );
      assert.deepEqual(
        (await supplied()).filter((id) => id >= assigned.id),
        [unassigned.id],
        'once the staff act on the case it leaves the view',
      );
    });
  },
  { demo: true },
);
