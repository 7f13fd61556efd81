/**
 * A stored log is history: a case recorded before a check existed (here the Art. 35 and Art. 32
 * preconditions added on 2026-12-06) still opens, re-projects and takes its next step, while the
 * same event recorded today is refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { upsertAgency } from '../../src/db/agencies.ts';
import {
  appendEvent,
  applicationAggregate,
  findApplication,
  loadCase,
  submitApplication,
} from '../../src/db/cases.ts';
import { applications } from '../../src/db/schema/cases.ts';
import { reproject } from '../../src/db/store/eventStore.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = '2025-12-31';
const deferral: CaseEvent = {
  type: 'Deferral',
  on: '2025-03-20',
  due: '2025-05-30',
  reason: '申请数量大，需逐件检索',
  approvedBy: '王主任',
};
const objected: CaseEvent[] = [
  { type: 'ConsultationSent', on: '2025-03-05', id: 'c1', party: 'third-party', name: '某公司' },
  { type: 'ConsultationReplied', on: '2025-03-10', id: 'c1', objection: true },
];
const disclosed: CaseEvent = { type: 'Decided', on: '2025-03-20', decision: 'disclose', text: '' };
const start: CaseEvent[] = [
  { type: 'Submitted', on: '2025-03-03', channel: 'online' },
  { type: 'Received', on: '2025-03-04' },
];

// name, events after receipt, the refusal when the last one is recorded today
const table: [string, CaseEvent[], RegExp][] = [
  ['a deferral without asking for reasons (Art. 35)', [deferral], /须先要求申请人说明理由/],
  ['disclosure over an objection without notice (Art. 32)', [...objected, disclosed], /第三方/],
];

for (const [name, events, refusal] of table) {
  test(`recorded history: ${name}`, () => {
    const log = [...start, ...events];
    assert.throws(() => derive(new Calendar(), log), { message: refusal }, 'recorded today');
    assert.throws(() => derive(new Calendar(), log, log.length - 1), { message: refusal });
    const state = derive(new Calendar(), log, log.length);
    assert.equal(state.lastOn, events.at(-1)?.on, 'recorded before the check: it derives');
  });
}

describeEachDatabase('a case recorded before a check existed', (database) => {
  test('opens, re-projects and takes its next step; the same event now is refused', async () => {
    const { db } = database();
    const agencyId = (await upsertAgency(db, { code: 'recorded', name: '某县信访局' })).id;
    const application = {
      agencyId,
      channel: 'online' as const,
      submittedOn: '2025-03-03',
      applicantType: 'np' as const,
      applicant: { kind: 'person' as const, name: '张三', phone: '13800138000' },
      request: { description: '2024年信访统计', form: '纸质', delivery: '邮寄' },
    };
    const { id } = await submitApplication(db, application, { today });
    await appendEvent(db, id, { type: 'Received', on: '2025-03-04' }, { today });
    // The deferral as an earlier version stored it, without the Art. 35 steps before it.
    await db.transaction(async (tx) => {
      const row = (await applicationAggregate.lock(tx, id))!;
      await applicationAggregate.insertEvent(tx, row, row.version + 1, deferral, null);
      await tx
        .update(applications)
        .set({ version: row.version + 1 })
        .where(eq(applications.id, id));
    });

    const opened = await loadCase(db, id);
    assert.equal(opened?.state.deferredTo, '2025-05-30');
    const { rewritten, failed } = await reproject(db, applicationAggregate, [id]);
    assert.deepEqual([rewritten, failed], [1, []]);
    const decided: CaseEvent = {
      type: 'Decided',
      on: '2025-05-20',
      decision: 'disclose',
      text: '',
    };
    await appendEvent(db, id, decided, { today });
    assert.equal((await findApplication(db, id))?.status, 'decided');

    const { id: fresh } = await submitApplication(db, application, { today });
    await appendEvent(db, fresh, { type: 'Received', on: '2025-03-04' }, { today });
    await assert.rejects(appendEvent(db, fresh, deferral, { today }), { code: /art35/ });
  });
});
