/**
 * The case event table is the one place a staff action is defined: every row staff may record has
 * its form's schema, its event and its "when offered" rule, and the case page builds the form from
 * the row alone. A walk through the table's own forms reaches every staff action.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ActionContext } from '../../src/cases/actionForm.ts';
import { allowedActions } from '../../src/cases/actions.ts';
import { derive, step } from '../../src/cases/derive.ts';
import type { CaseEvent, CaseEventType } from '../../src/cases/events.ts';
import { CASE_EVENTS, type FormField } from '../../src/cases/eventTable.ts';
import { redecisionDue } from '../../src/cases/offered.ts';
import type { CaseState } from '../../src/cases/state.ts';
import type { ApplicationRow } from '../../src/db/cases.ts';
import { GongkaiError } from '../../src/errors.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { fromDayNumber, toDayNumber } from '../../src/law/date.ts';
import { CasePage } from '../../src/web/admin/cases/casePage.tsx';

const calendar = new Calendar();
const types = Object.keys(CASE_EVENTS) as CaseEventType[];
const staffTypes = types.filter((t) => CASE_EVENTS[t].roles.length > 0);
const fieldNames = (t: CaseEventType) =>
  CASE_EVENTS[t].fields.flatMap((f) =>
    f === 'decision' ? ['decision', 'text', 'withheld', 'withheldReason'] : [f.name],
  );

const addDays = (day: string, n: number) => fromDayNumber(toDayNumber(day) + n);
const approver = { id: 7, displayName: '王主任', roles: ['office'] };

/** The values of a select that the state offers (the case page lists the same). */
function choices(field: FormField, state: CaseState): string[] {
  const { options } = field;
  if (options === undefined) return [field.type === 'number' ? '3' : '测试内容'];
  if (typeof options !== 'string') return options.map(([value]) => value);
  const consultations = state.consultations;
  switch (options) {
    case 'staff':
    case 'approvers':
      return [String(approver.id)];
    case 'openConsultations':
      return consultations.filter((c) => c.repliedOn === null).map((c) => c.id);
    case 'openAppeals':
      return state.appeals.filter((a) => a.closedOn === null).map((a) => a.id);
    case 'correctedAppeals':
      return redecisionDue(state);
    case 'objectingThirdParties':
      return consultations.filter((c) => c.objection && !c.notice).map((c) => c.id);
    case 'unservedThirdPartyNotices':
      return consultations.filter((c) => c.notice?.servedOn === null).map((c) => c.id);
  }
}

/** Every way of filling the form with the first free text and each choice of each select. */
function fillings(type: CaseEventType, state: CaseState): Record<string, string>[] {
  const on = addDays(state.lastOn, 1);
  let out: Record<string, string>[] = [{ on }];
  for (const part of CASE_EVENTS[type].fields) {
    const [name, values] =
      part === 'decision'
        ? ['decision', ['disclose', 'not-held']]
        : [part.name, part.type === 'date' ? [addDays(state.lastOn, 90)] : choices(part, state)];
    out = out.flatMap((filled) => values.map((v) => ({ ...filled, [name]: v })));
  }
  return out;
}

/** The events the table's own forms make from a state (the ones the derive takes). */
function next(state: CaseState): { type: CaseEventType; state: CaseState }[] {
  const ctx: ActionContext = { state, userName: '王主任', approvers: [approver], pieceIndex: 11 };
  return allowedActions(state).flatMap((type) => {
    const form = CASE_EVENTS[type].form;
    if (!form) return [];
    return fillings(type, state).flatMap((raw) => {
      const parsed = form.schema.safeParse(raw);
      assert.ok(parsed.success, `${type}: ${JSON.stringify(raw)} is a valid filling`);
      try {
        const event = form.toEvent(parsed.data, ctx);
        assert.equal(event.type, type);
        return [{ type, state: step(state, event) }];
      } catch (error) {
        if (!(error instanceof GongkaiError)) throw error;
        return []; // what the law refuses here (a date, a fee): another filling or path reaches it
      }
    });
  });
}

/** The first state reached in which each staff action is offered, walking breadth first. */
function statesOffering(): Map<CaseEventType, CaseState> {
  const submitted: CaseEvent = { type: 'Submitted', on: '2025-03-03', channel: 'online' };
  const starts = [
    derive(calendar, [submitted]),
    derive(calendar, [{ ...submitted, kind: 'correction' } as CaseEvent]),
  ];
  const found = new Map<CaseEventType, CaseState>();
  let frontier = starts;
  for (let depth = 0; depth < 8 && found.size < staffTypes.length; depth++) {
    for (const s of frontier) for (const t of allowedActions(s)) if (!found.has(t)) found.set(t, s);
    const seen = new Set<string>();
    frontier = frontier
      .flatMap(next)
      .filter(({ type, state }) => {
        const key = `${type}:${state.status}:${allowedActions(state).join()}`;
        return !seen.has(key) && seen.add(key);
      })
      .map((n) => n.state);
  }
  return found;
}

describe('the case event table', () => {
  test('every row says when it is offered; every staff row has a form over its fields', () => {
    for (const type of types) {
      const row = CASE_EVENTS[type];
      assert.equal(typeof row.offered, 'function', type);
      if (row.roles.length === 0) {
        assert.equal(row.form, undefined, `${type} is not recorded on the case page`);
        continue;
      }
      assert.ok(row.form, `${type}: staff record it, so it needs a form`);
      assert.equal(typeof row.form.toEvent, 'function', type);
      assert.deepEqual(
        Object.keys(row.form.schema.shape).sort(),
        ['on', ...fieldNames(type)].sort(),
        `${type}: the schema validates exactly the fields the page shows`,
      );
    }
  });

  test("the table's own forms reach every staff action, and each makes its own event type", () => {
    const found = statesOffering();
    assert.deepEqual(
      [...found.keys()].filter((t) => staffTypes.includes(t)).sort(),
      [...staffTypes].sort(),
    );
  });

  test('the case page renders the form of every staff action from its row', () => {
    for (const [type, state] of statesOffering()) {
      if (!staffTypes.includes(type)) continue;
      const html = String(<CasePage {...pageProps(state)} />);
      const form = html.split(`data-action="${type}"`)[1]?.split('</details>')[0];
      assert.ok(form, `${type}: its form is on the page`);
      assert.match(form, new RegExp(`name="action" value="${type}"`));
      for (const name of ['on', ...fieldNames(type)]) {
        assert.match(form, new RegExp(`name="${name}"`), `${type}: field ${name}`);
      }
      assert.ok(form.includes(`>${CASE_EVENTS[type].label}</button>`), `${type}: its button`);
    }
  });
});

function pageProps(state: CaseState) {
  const row: ApplicationRow = {
    id: 1,
    agencyId: 1,
    queryCode: 'ABCDEFGHJKLM',
    channel: state.channel,
    submittedAt: new Date('2025-03-03T01:00:00Z'),
    submittedOn: state.submittedOn,
    receivedOn: state.receivedOn,
    caseKind: state.kind,
    applicantType: 'np',
    applicantName: '李四',
    phoneDigits: '13912345678',
    applicant: { kind: 'person', name: '李四', phone: '13912345678', address: '湘潭县易俗河镇1号' },
    request: { description: '2024年的统计数据', form: '纸质', delivery: '邮寄' },
    status: state.status,
    decision: null,
    outcome: state.outcome,
    resolvedOn: null,
    servedOn: null,
    replyDue: state.clock?.due ?? null,
    supplementNoticeDue: null,
    handlerId: null,
    version: 3,
    updatedAt: new Date('2025-03-03T01:00:00Z'),
  };
  return {
    base: '/admin/x/cases',
    csrf: 'token',
    row,
    state,
    timeline: [],
    letters: [],
    files: [],
    staff: [{ id: 7, displayName: '王主任' }],
    approvers: [approver],
    userNames: new Map<number, string>(),
    roles: ['office', 'handler'],
    today: state.lastOn,
  };
}
