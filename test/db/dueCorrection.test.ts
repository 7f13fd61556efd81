import assert from 'node:assert/strict';
import { test } from 'node:test';
import { upsertAgency } from '../../src/db/agencies.ts';
import { importWorkdaySchedule } from '../../src/db/calendarImport.ts';
import { appendEvent, findApplication, submitApplication } from '../../src/db/cases.ts';
import type { Db } from '../../src/db/database.ts';
import { listMessages } from '../../src/db/outbox.ts';
import { reprojectAll } from '../../src/db/store/aggregates.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = '2026-06-30';
/** A Tuesday, a working day in the bundled 2026 schedule, that the notice below makes a holiday. */
const holiday = '2026-03-10';

async function receivedCase(db: Db, agencyId: number, email?: string) {
  const { id } = await submitApplication(
    db,
    {
      agencyId,
      channel: 'online',
      submittedOn: '2026-03-02',
      applicantType: 'np',
      applicant: {
        kind: 'person',
        name: '王五',
        phone: '13900139000',
        ...(email ? { email } : {}),
      },
      request: { description: '2025年度部门预算', form: '电子', delivery: '电子邮件' },
    },
    { today },
  );
  await appendEvent(db, id, { type: 'Received', on: '2026-03-03' }, { today });
  return id;
}

function importNotice(db: Db) {
  const bundled = new Calendar()
    .exceptions(2026)
    .map((d) => ({ day: d.date, workday: d.workday, name: d.name }));
  return importWorkdaySchedule(db, 2026, '测试补充通知', [
    ...bundled,
    { day: holiday, workday: false, name: '测试假日' },
  ]);
}

describeEachDatabase('due date correction after a calendar import', (database) => {
  test('an applicant told a date gets one correction; daily reprojects and untold dates send none', async () => {
    const { db } = database();
    const agencyId = (await upsertAgency(db, { code: 'due-fix', name: '某县财政局' })).id;
    const told = await receivedCase(db, agencyId, 'wang@example.cn');
    const untold = await receivedCase(db, agencyId);
    const dueBefore = (await findApplication(db, told))!.replyDue!;
    const [receipt] = await listMessages(db, agencyId);
    assert.match(receipt.body, new RegExp(`答复期限为 ${dueBefore}`));

    await importNotice(db);
    const dueAfter = (await findApplication(db, told))!.replyDue!;
    assert.notEqual(dueAfter, dueBefore, 'the holiday moved the due date');
    const corrections = (await listMessages(db, agencyId)).filter((m) =>
      m.source.includes('#due-'),
    );
    assert.equal(corrections.length, 1);
    assert.equal(corrections[0].source, `application:${told}#due-${dueAfter}`);
    assert.equal(corrections[0].recipient, 'wang@example.cn');
    assert.equal(corrections[0].subject, '某县财政局更正政府信息公开申请的答复期限');
    assert.match(
      corrections[0].body,
      new RegExp(`此前告知的答复期限 ${dueBefore} 有变，现答复期限为 ${dueAfter}`),
    );
    assert.doesNotMatch(corrections[0].body, /王五|预算/);
    assert.notEqual((await findApplication(db, untold))!.replyDue, null);

    await reprojectAll(db);
    await importNotice(db);
    assert.equal(
      (await listMessages(db, agencyId)).length,
      2,
      'the receipt and one correction: nothing more on later reprojects',
    );
  });
});
