/** Random case histories for property tests: random intents, of which only legal events are kept. */
import fc from 'fast-check';
import { derive, step } from '../../src/cases/derive.ts';
import type { AppealOutcome, CaseEvent } from '../../src/cases/events.ts';
import type { CaseState } from '../../src/cases/state.ts';
import type { Calendar } from '../../src/law/calendar.ts';
import { fromDayNumber, toDayNumber } from '../../src/law/date.ts';
import { DECISION_IDS } from '../../src/law/decisions.ts';
import { APPLICANT_TYPES, type ApplicantType } from '../../src/law/keys.ts';
import { CHANNELS } from '../../src/law/receipt.ts';

const KINDS = [
  'Received',
  'SupplementRequested',
  'SupplementReceived',
  'ConsultationSent',
  'ConsultationReplied',
  'Extension',
  'Deferral',
  'ProcessingFeeNotified',
  'ProcessingFeePaid',
  'Decided',
  'Decided',
  'Decided',
  'Served',
  'Served',
  'Withdrawn',
  'Archived',
  'AppealFiled',
  'AppealClosed',
] as const;

const intent = fc.record({
  kind: fc.constantFrom(...KINDS),
  gap: fc.integer({ min: 0, max: 30 }),
  pick: fc.nat(1000),
});

export const historyArb = fc.record({
  applicantType: fc.constantFrom(...APPLICANT_TYPES),
  channel: fc.constantFrom(...CHANNELS),
  start: fc.integer({ min: 0, max: 760 }),
  /** Days until the receipt is confirmed; null: never confirmed. */
  receivedAfter: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 8 }),
  intents: fc.array(intent, { maxLength: 10 }),
});

export type HistorySpec = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

export interface History {
  applicantType: ApplicantType;
  events: CaseEvent[];
  state: CaseState;
}

const BASE = toDayNumber('2024-01-01');

/** The legal events among the intents, in order; each kept event re-derives the whole log. */
export function buildHistory(calendar: Calendar, spec: HistorySpec): History {
  let day = BASE + spec.start;
  const events: CaseEvent[] = [
    { type: 'Submitted', on: fromDayNumber(day), channel: spec.channel },
  ];
  let state = derive(calendar, events);
  const intents =
    spec.receivedAfter === null
      ? spec.intents
      : [{ kind: 'Received' as const, gap: spec.receivedAfter, pick: 0 }, ...spec.intents];
  for (const i of intents) {
    day += i.gap;
    const candidate = eventFor(i.kind, fromDayNumber(day), i.pick, state);
    if (!candidate) continue;
    try {
      step(state, candidate);
      state = derive(calendar, [...events, candidate]);
      events.push(candidate);
    } catch {
      // an illegal intent: the log keeps only legal events
    }
  }
  return { applicantType: spec.applicantType, events, state };
}

function eventFor(
  kind: (typeof KINDS)[number],
  on: string,
  pick: number,
  s: CaseState,
): CaseEvent | null {
  switch (kind) {
    case 'Received':
      return { type: 'Received', on: s.channel === 'in-person' ? s.submittedOn : on };
    case 'SupplementRequested':
      return {
        type: 'SupplementRequested',
        on,
        deadline: fromDayNumber(toDayNumber(on) + 5 + (pick % 20)),
        items: '补正事项',
      };
    case 'SupplementReceived':
      return { type: 'SupplementReceived', on };
    case 'ConsultationSent':
      return {
        type: 'ConsultationSent',
        on,
        id: `c${s.consultations.length}`,
        party: pick % 2 ? 'agency' : 'third-party',
        name: '第三方',
      };
    case 'ConsultationReplied': {
      const open = s.consultations.find((c) => c.repliedOn === null);
      return open ? { type: 'ConsultationReplied', on, id: open.id } : null;
    }
    case 'Extension':
      return {
        type: 'Extension',
        on,
        workdays: 1 + (pick % 20),
        reason: '情况复杂',
        approvedBy: '主任',
      };
    case 'Deferral': {
      // Usually later than the current due date; sometimes not (the law core refuses it).
      const due = s.clock?.due;
      if (!due) return null;
      return {
        type: 'Deferral',
        on,
        due: fromDayNumber(toDayNumber(due) + (pick % 60) - 5),
        reason: '申请数量明显超过合理范围',
        approvedBy: '主任',
      };
    }
    case 'ProcessingFeeNotified':
      return { type: 'ProcessingFeeNotified', on, amount: 10 + (pick % 200) };
    case 'ProcessingFeePaid':
      return { type: 'ProcessingFeePaid', on };
    case 'Decided': {
      const decision = DECISION_IDS[pick % DECISION_IDS.length];
      return {
        type: 'Decided',
        on,
        decision,
        text: '答复内容',
        withheld: '部分内容',
        withheldReason: '涉及个人隐私',
      };
    }
    case 'Served':
      return { type: 'Served', on, method: '邮寄' };
    case 'Withdrawn':
      return { type: 'Withdrawn', on, reason: '撤回' };
    case 'Archived':
      return { type: 'Archived', on };
    case 'AppealFiled':
      return {
        type: 'AppealFiled',
        on,
        appealId: `a${s.appeals.length}`,
        kind: (['rv', 'ld', 'lr'] as const)[pick % 3],
        body: '复议机关',
      };
    case 'AppealClosed': {
      const open = s.appeals.find((a) => a.closedOn === null);
      const outcome: AppealOutcome = (['upheld', 'corrected', 'other'] as const)[pick % 3];
      return open ? { type: 'AppealClosed', on, appealId: open.id, outcome } : null;
    }
  }
}
