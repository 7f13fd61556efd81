/**
 * The agency's choice for letters whose date rests on next year's unloaded holidays: sent with the
 * sentence saying so (default), or held — the event is refused and nothing is recorded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { PROVISIONAL } from '../../src/cases/letters.ts';
import { upsertAgency } from '../../src/db/agencies.ts';
import {
  appendEvent,
  eventsOf,
  letterContent,
  lettersOf,
  submitApplication,
} from '../../src/db/cases.ts';
import { agencies } from '../../src/db/schema.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = '2026-12-06';
const extension = {
  type: 'Extension',
  on: '2026-12-04',
  workdays: 20,
  reason: '需调取多年档案',
  approvedBy: '王主任',
} as const;

describeEachDatabase('provisional letters held or sent', (database) => {
  test('held: the extension into an unloaded 2027 is refused with how to import; sent: it says so', async () => {
    const { db } = database();
    const agency = await upsertAgency(db, { code: 'hold-a', name: '某县住房和城乡建设局' });
    await db
      .update(agencies)
      .set({ holdProvisionalLetters: true })
      .where(eq(agencies.id, agency.id));
    const { id } = await submitApplication(
      db,
      {
        agencyId: agency.id,
        channel: 'in-person',
        submittedOn: '2026-11-20',
        receivedOn: '2026-11-20',
        applicantType: 'np',
        applicant: { kind: 'person', name: '周某', phone: '13700000001' },
        request: { description: '某小区竣工验收备案材料', form: '纸质', delivery: '邮寄' },
      },
      { today },
    );
    const before = await eventsOf(db, id);
    await assert.rejects(appendEvent(db, id, extension, { today }), (e: Error) => {
      assert.match(e.message, /暂缓出具/);
      assert.match(e.message, /gongkai calendar import/);
      return true;
    });
    assert.deepEqual(await eventsOf(db, id), before, 'nothing recorded');
    assert.deepEqual(await lettersOf(db, id), []);

    await db
      .update(agencies)
      .set({ holdProvisionalLetters: false })
      .where(eq(agencies.id, agency.id));
    const state = await appendEvent(db, id, extension, { today });
    assert.equal(state.clock?.provisional, true);
    const [letter] = await lettersOf(db, id);
    assert.equal(letter.title, '延长政府信息公开答复期限告知书');
    const docx = await letterContent(db, id, letter.id);
    const text = (await mammoth.extractRawText({ buffer: docx!.content })).value;
    assert.ok(text.includes(PROVISIONAL), 'the letter says the date is provisional');
  });
});
