import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isGongkaiError } from '../../src/errors.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { type ReplyClock, replyDue } from '../../src/law/clock.ts';
import { fromDayNumber, toDayNumber } from '../../src/law/date.ts';
import type { ClockEvent } from '../../src/law/events.ts';

const calendars = [new Calendar(), new Calendar({ convention: { dayOne: 'same-day' } })];
const first = toDayNumber('2019-01-01');

/** One event after the previous one: `gap` days later, its kind and details drawn at random. */
const step = fc.record({
  gap: fc.integer({ min: 0, max: 12 }),
  kind: fc.constantFrom(
    'supplement',
    'supplementReceived',
    'consultation',
    'extension',
    'fee',
    'deferral',
  ),
  answerAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  workdays: fc.integer({ min: 1, max: 12 }),
  named: fc.boolean(),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function history(receivedAt: number, steps: Step[]): ClockEvent[] {
  const on = (day: number) => fromDayNumber(day);
  const events: ClockEvent[] = [
    { type: 'Received', receipt: { channel: 'in-person', submittedOn: on(receivedAt) } },
  ];
  let day = receivedAt;
  steps.forEach((s, i) => {
    day += s.gap;
    const answered = s.answerAfter === undefined ? undefined : on(day + s.answerAfter);
    switch (s.kind) {
      case 'supplement':
        events.push({ type: 'SupplementRequested', on: on(day), deadline: answered });
        break;
      case 'supplementReceived':
        events.push({ type: 'SupplementReceived', on: on(day) });
        break;
      case 'consultation':
        events.push({
          type: 'ConsultationSent',
          id: `c${i}`,
          on: on(day),
          party: s.named ? 'third-party' : 'agency',
          name: s.named ? '某公司' : undefined,
        });
        if (answered) events.push({ type: 'ConsultationReplied', id: `c${i}`, on: answered });
        break;
      case 'extension':
        events.push({
          type: 'Extension',
          on: on(day),
          workdays: s.workdays,
          approvedBy: { role: 'office-head' },
        });
        break;
      case 'fee':
        events.push({
          type: 'ProcessingFeeNotified',
          on: on(day),
          amount: s.named ? 100 : undefined,
        });
        if (answered) events.push({ type: 'ProcessingFeePaid', on: answered });
        break;
      case 'deferral':
        events.push({ type: 'Deferral', on: on(day), due: on(day + 40), reason: '申请数量较大' });
        break;
    }
  });
  return events;
}

function outcome(f: () => ReplyClock): ReplyClock | { error: string } {
  try {
    return f();
  } catch (e) {
    if (!isGongkaiError(e)) throw e;
    return { error: e.code };
  }
}

describe('replyDue with and without the trace', () => {
  test('random histories give the same clock (or the same refusal) either way', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 9 }),
        fc.array(step, { maxLength: 6 }),
        fc.constantFrom(0, 1),
        (offset, steps, which) => {
          const calendar = calendars[which];
          const events = history(first + offset, steps);
          const explained = outcome(() => replyDue(calendar, events));
          const quiet = outcome(() => replyDue(calendar, events, { explain: false }));
          if ('error' in explained) {
            assert.deepEqual(quiet, explained);
            return;
          }
          assert.ok(!('error' in quiet));
          assert.deepEqual(quiet.trace, []);
          assert.ok(explained.trace.length > 0);
          assert.deepEqual({ ...quiet, trace: explained.trace }, explained);
        },
      ),
      { numRuns: 500 },
    );
  });
});
