/**
 * `derive(calendar, events)`: the state of an application as a pure function of its event log.
 * Every event is checked against the state before it; an illegal event throws a GongkaiError
 * (`cases.illegal.*`) naming what is wrong, so the repository appends nothing.
 *
 * A log is history: the events already recorded (`recorded`, the first n) were accepted under
 * the rules of their day, so the checks added since (`checkNewRecord`) apply only to the events
 * being recorded now — an old case still opens, re-projects and takes its next step.
 */
import { type ErrorKind, GongkaiError, type MessageParams } from '../errors.ts';
import type { Calendar } from '../law/calendar.ts';
import { extensionAfterDeferral, replyDue } from '../law/clock.ts';
import { type IsoDate, isIsoDate, toDayNumber } from '../law/date.ts';
import { decisionKind, isDecisionId } from '../law/decisions.ts';
import type { ClockEvent } from '../law/events.ts';
import { excessiveActionProblem } from '../law/excessive.ts';
import type { Receipt } from '../law/receipt.ts';
import { allowedActions } from './actions.ts';
import { approvalOf } from './approval.ts';
import type { CaseEvent } from './events.ts';
import { CASE_EVENTS } from './eventTable.ts';
import { checkFee } from './feeAssessment.ts';
import { redecisionDue } from './offered.ts';
import { type CaseState, type CaseStatus, isUndecided } from './state.ts';

export function derive(calendar: Calendar, events: readonly CaseEvent[], recorded = 0): CaseState {
  if (events.length === 0 || events[0].type !== 'Submitted') {
    throw illegal('no-submission', '申请记录必须以“提交申请”开始');
  }
  let state = initial(events[0]);
  for (let i = 1; i < events.length; i++) state = step(state, events[i], i >= recorded);
  return withClock(calendar, state, events);
}

/** The state after one more event, or a GongkaiError when the event is not allowed. */
export function step(state: CaseState, event: CaseEvent, newRecord = true): CaseState {
  if (!isIsoDate(event.on)) throw illegal('date', { date: String(event.on) });
  if (toDayNumber(event.on) < toDayNumber(state.lastOn)) {
    throw illegal(
      'date-order',
      `${CASE_EVENTS[event.type].label}的日期（${event.on}）不能早于本件上一条记录的日期（${state.lastOn}）`,
    );
  }
  if (event.type === 'Extension' && state.deferredTo !== null && state.outcome === null) {
    throw extensionAfterDeferral(); // the law's reason rather than a bare "not allowed"
  }
  if (newRecord) checkArt35Deferral(state, event);
  const allowed =
    allowedActions(state).includes(event.type) || (!newRecord && allowedEarlier(state, event));
  if (!allowed) {
    throw illegal(
      'not-allowed',
      { action: CASE_EVENTS[event.type].label },
      { status: state.status, event: event.type },
    );
  }
  if (newRecord && event.type === 'Decided') checkNewDecision(state, event);
  if (newRecord && event.type === 'Redecided')
    checkNewDecision(state, { ...event, type: 'Decided' });
  const next = apply({ ...state, lastOn: event.on }, event);
  return { ...next, status: statusOf(next) };
}

function initial(event: CaseEvent & { type: 'Submitted' }): CaseState {
  if (!isIsoDate(event.on)) throw illegal('date', { date: String(event.on) });
  return {
    status: 'pending',
    channel: event.channel,
    submittedOn: event.on,
    receivedOn: null,
    handlerId: null,
    supplement: 'none',
    supplementDeadline: null,
    consultations: [],
    feeOpen: false,
    feeNotified: false,
    feeDeliveredOn: null,
    extendedWorkdays: 0,
    deferredTo: null,
    decision: null,
    withdrawn: false,
    outcome: null,
    resolvedOn: null,
    servedOn: null,
    archivedOn: null,
    appeals: [],
    redecisions: [],
    clock: null,
    amendedRequest: null,
    reasons: null,
    lastOn: event.on,
    kind: event.kind ?? 'disclosure',
    correction: null,
  };
}

function apply(s: CaseState, e: CaseEvent): CaseState {
  switch (e.type) {
    case 'Submitted':
      throw illegal('resubmitted', '一件申请只能提交一次');
    case 'Received':
      if (s.channel === 'in-person' && e.on !== s.submittedOn) {
        throw illegal('receipt-day', '当面提交的申请，以提交之日为收到申请之日');
      }
      return { ...s, receivedOn: e.on };
    case 'Assigned':
      return { ...s, handlerId: e.handlerId };
    case 'SupplementRequested':
      if (toDayNumber(e.deadline) <= toDayNumber(e.on)) {
        throw illegal('supplement-deadline', { deadline: e.deadline, on: e.on });
      }
      if (!e.items.trim()) throw illegal('supplement-items', '补正告知须说明需要补正的事项');
      return { ...s, supplement: 'requested', supplementDeadline: e.deadline };
    case 'SupplementReceived':
      return {
        ...s,
        supplement: 'received',
        amendedRequest: (e.amendedRequest ?? e.text)?.trim() || null,
      };
    case 'ConsultationSent':
      return {
        ...s,
        consultations: appendNew(s.consultations, 'consultation-id', {
          id: e.id,
          party: e.party,
          name: e.name,
          sentOn: e.on,
          repliedOn: null,
          objection: false,
          notice: null,
        }),
      };
    case 'ConsultationReplied': {
      const open = s.consultations.find((c) => c.id === e.id && c.repliedOn === null);
      if (!open) throw illegal('consultation-unknown', { id: e.id });
      return {
        ...s,
        consultations: s.consultations.map((c) =>
          c === open ? { ...c, repliedOn: e.on, objection: e.objection === true } : c,
        ),
      };
    }
    case 'Extension':
      if (!approvalOf(e.approvedBy).name.trim()) {
        throw illegal('extension-approval', '延长答复期限须经政府信息公开工作机构负责人同意');
      }
      return { ...s, extendedWorkdays: s.extendedWorkdays + e.workdays };
    case 'Deferral':
      // The reason, the later date and the timing are the law core's checks (withClock).
      if (!isIsoDate(e.due)) throw illegal('date', { date: String(e.due) });
      if (!e.approvedBy.trim()) {
        throw illegal('deferral-approval', '确定延迟答复期限须经政府信息公开工作机构负责人同意');
      }
      return { ...s, deferredTo: e.due };
    case 'ProcessingFeeNotified':
      if (!(e.amount > 0)) throw illegal('fee-amount', '收费金额应大于0');
      if (e.fee && checkFee(e.fee) !== e.amount) {
        throw illegal('fee-amount', `收费金额应为${checkFee(e.fee)}元（按收费标准计算并减免后）`);
      }
      return { ...s, feeOpen: true, feeNotified: true, feeDeliveredOn: null };
    case 'ProcessingFeeNoticeDelivered':
      if (s.feeDeliveredOn !== null) throw illegal('fee-delivered', '已记录申请人收到收费通知之日');
      return { ...s, feeDeliveredOn: e.on };
    case 'ProcessingFeePaid':
      return { ...s, feeOpen: false };
    case 'Decided':
      checkDecision(s, e);
      return {
        ...s,
        decision: e.decision,
        outcome: decisionKind(e.decision).outcome,
        resolvedOn: e.on,
      };
    case 'Served':
      return { ...s, servedOn: e.on };
    case 'Withdrawn':
      // A withdrawn correction request (Art. 41) is not a T3 case: no `o3`.
      return {
        ...s,
        withdrawn: true,
        outcome: s.receivedOn && s.kind === 'disclosure' ? 'o3' : null,
        resolvedOn: e.on,
      };
    case 'Archived':
      return { ...s, archivedOn: e.on };
    case 'Redecided':
      if (!redecisionDue(s).includes(e.appealId)) {
        throw illegal('redecision', '只有复议或诉讼结果为“纠正”、且尚未重新答复的，才能重新答复');
      }
      checkDecision({ ...s, supplement: 'none', feeOpen: false }, { ...e, type: 'Decided' });
      return {
        ...s,
        redecisions: [...s.redecisions, { appealId: e.appealId, on: e.on, decision: e.decision }],
        servedOn: null,
      };
    case 'AppealFiled':
      if (s.receivedOn === null)
        throw illegal('appeal-unreceived', '尚未确认收到的申请不能登记复议或诉讼');
      return {
        ...s,
        appeals: appendNew(s.appeals, 'appeal-id', {
          id: e.appealId,
          kind: e.kind,
          body: e.body,
          caseNumber: e.caseNumber ?? null,
          filedOn: e.on,
          closedOn: null,
          outcome: null,
          against: isUndecided(s) ? 'no-reply' : (e.against ?? 'decision'),
        }),
      };
    case 'FileAttached':
      return s;
    case 'ReasonsRequested':
      return requestReasons(s, e);
    case 'ReasonsAssessed':
      return assessReasons(s, e);
    case 'ThirdPartyNotified':
      return notifyThirdParty(s, e);
    case 'ThirdPartyNoticeServed': {
      const c = s.consultations.find((x) => x.id === e.consultationId && x.notice);
      if (!c?.notice || c.notice.servedOn !== null) {
        throw illegal('third-party-notice', `没有待送达的第三方告知书：${e.consultationId}`);
      }
      if (!e.method.trim()) throw illegal('third-party-notice', '请写明第三方告知书的送达方式');
      const notice = { ...c.notice, servedOn: e.on };
      return {
        ...s,
        consultations: s.consultations.map((x) => (x === c ? { ...c, notice } : x)),
      };
    }
    case 'CorrectionDecided':
      checkCorrection(e);
      return { ...s, correction: e.result, resolvedOn: e.on };
    case 'AppealClosed': {
      const open = s.appeals.find((a) => a.id === e.appealId && a.closedOn === null);
      if (!open) throw illegal('appeal-unknown', { id: e.appealId });
      return {
        ...s,
        appeals: s.appeals.map((a) =>
          a === open ? { ...a, closedOn: e.on, outcome: e.outcome } : a,
        ),
      };
    }
  }
}

function requestReasons(s: CaseState, e: CaseEvent & { type: 'ReasonsRequested' }): CaseState {
  if (!e.grounds.trim()) {
    throw illegal('art35', '要求说明理由须写明申请数量、频次明显超过合理范围的具体情况');
  }
  if (!isIsoDate(e.deadline) || toDayNumber(e.deadline) <= toDayNumber(e.on)) {
    throw illegal(
      'art35',
      `说明理由的期限（${String(e.deadline)}）应晚于要求说明理由之日（${e.on}）`,
    );
  }
  return { ...s, reasons: { requestedOn: e.on, deadline: e.deadline, finding: null } };
}

function assessReasons(s: CaseState, e: CaseEvent & { type: 'ReasonsAssessed' }): CaseState {
  const record = s.reasons;
  if (!record || record.finding !== null) {
    throw illegal('art35', '本件没有待登记结果的要求说明理由');
  }
  if (!isReasonsFinding(e.finding)) throw illegal('art35', '请选择申请人说明理由的情况');
  if (e.finding === 'not-given' && toDayNumber(e.on) <= toDayNumber(record.deadline)) {
    throw illegal('art35', `说明理由的期限至${record.deadline}，期满后才能登记“未说明理由”`);
  }
  if (e.finding !== 'not-given' && !e.reasons?.trim()) {
    throw illegal('art35', '请填写申请人说明的理由');
  }
  if (!e.assessment.trim()) throw illegal('art35', '请写明审查意见（为何认为理由合理或不合理）');
  return { ...s, reasons: { ...record, finding: e.finding } };
}

function isReasonsFinding(value: unknown): boolean {
  return value === 'not-given' || value === 'unreasonable' || value === 'reasonable';
}

function notifyThirdParty(s: CaseState, e: CaseEvent & { type: 'ThirdPartyNotified' }): CaseState {
  const c = s.consultations.find((x) => x.id === e.consultationId);
  if (!c || c.party !== 'third-party' || !c.objection || c.notice) {
    throw illegal(
      'third-party-notice',
      `没有不同意公开、尚未书面告知的第三方：${e.consultationId}`,
    );
  }
  if (!e.content.trim() || !e.reason.trim()) {
    throw illegal('third-party-notice', '第三方告知书须写明决定公开的内容和理由');
  }
  if (!isIsoDate(e.disclosureOn) || toDayNumber(e.disclosureOn) <= toDayNumber(e.on)) {
    throw illegal(
      'third-party-notice',
      `公开日期（${String(e.disclosureOn)}）应晚于书面告知第三方之日（${e.on}）`,
    );
  }
  const notice = { on: e.on, disclosureOn: e.disclosureOn, servedOn: null };
  return { ...s, consultations: s.consultations.map((x) => (x === c ? { ...c, notice } : x)) };
}

/** Art. 32: disclosing over a third party's objection waits for the served written notice. */
function checkThirdPartyNotices(s: CaseState, e: CaseEvent & { type: 'Decided' }): void {
  const discloses = e.decision === 'disclose' || e.decision === 'partial';
  if (!discloses) return;
  for (const c of s.consultations.filter((x) => x.party === 'third-party' && x.objection)) {
    if (!c.notice) {
      throw illegal(
        'third-party-notice-missing',
        `第三方“${c.name}”不同意公开：决定公开前须书面告知该第三方决定公开的内容、理由和公开日期（第三十二条）`,
      );
    }
    if (c.notice.servedOn === null) {
      throw illegal(
        'third-party-notice-unserved',
        `给第三方“${c.name}”的告知书尚未送达：送达后、且不早于告知的公开日期（${c.notice.disclosureOn}）才能公开`,
      );
    }
    if (toDayNumber(e.on) < toDayNumber(c.notice.disclosureOn)) {
      throw illegal(
        'third-party-notice-unserved',
        `已告知第三方“${c.name}”于${c.notice.disclosureOn}公开，不能早于该日作出公开决定`,
      );
    }
  }
}

function checkDecision(s: CaseState, e: CaseEvent & { type: 'Decided' }): void {
  if (!isDecisionId(e.decision)) throw illegal('decision', { decision: String(e.decision) });
  if (e.decision === 'withdrawn') {
    throw illegal('decision-withdrawn', '申请人撤回申请请使用“撤回申请”操作');
  }
  if (e.decision === 'partial' && (!e.withheld?.trim() || !e.withheldReason?.trim())) {
    throw illegal('partial', '部分公开须写明不予公开的内容及其理由');
  }
  if (s.supplement === 'requested' && e.decision !== 'supplement-lapsed') {
    throw illegal(
      'awaiting-supplement',
      '本件正在等待申请人补正：只能在补正期限届满后按“逾期不补正”处理',
    );
  }
  if (e.decision === 'supplement-lapsed') {
    if (s.supplement !== 'requested' || s.supplementDeadline === null) {
      throw illegal('no-supplement', '本件没有待补正的补正告知，不能按“逾期不补正”处理');
    }
    if (toDayNumber(e.on) <= toDayNumber(s.supplementDeadline)) {
      throw illegal('supplement-not-lapsed', { deadline: s.supplementDeadline });
    }
  }
  if (s.feeOpen && e.decision !== 'fee-unpaid') {
    throw illegal('fee-open', '收费通知尚未缴费：缴费后办理，或缴费期满后按“逾期未缴费”处理');
  }
  if (e.decision === 'fee-unpaid' && !s.feeOpen) {
    throw illegal('no-fee', '本件没有未缴费的收费通知，不能按“逾期未缴费”处理');
  }
  if (e.decision === 'unclear-after-supplement' && s.supplement !== 'received') {
    throw illegal('no-supplement-received', '只有收到补正后的申请才能按“补正后仍不明确”处理');
  }
}

/** What earlier versions accepted and today's rules offer no more: a deferral without Art. 35 steps. */
function allowedEarlier(s: CaseState, event: CaseEvent): boolean {
  return event.type === 'Deferral' && isUndecided(s) && s.supplement !== 'requested';
}

/** Art. 35: a later reply date only after the applicant's reasons were found reasonable. */
function checkArt35Deferral(s: CaseState, event: CaseEvent): void {
  const problem = event.type === 'Deferral' ? excessiveActionProblem('defer', s.reasons) : null;
  if (problem && s.outcome === null) throw illegal('art35', problem);
}

/** The decision checks added on 2026-12-06 (Arts. 32, 35 and the stated grounds): new records only. */
function checkNewDecision(s: CaseState, e: CaseEvent & { type: 'Decided' }): void {
  if (e.decision === 'excessive') {
    const problem = excessiveActionProblem('refuse', s.reasons);
    if (problem) throw illegal('art35', problem);
  }
  checkThirdPartyNotices(s, e);
  const statement = decisionKind(e.decision).statement;
  if (statement && !e.text?.trim()) {
    throw illegal('statement', `${decisionKind(e.decision).label}：${statement.missing}`, {
      decision: e.decision,
    });
  }
}

/** Art. 41: each answer says what it rests on (what was corrected, where, or why not). */
function checkCorrection(e: CaseEvent & { type: 'CorrectionDecided' }): void {
  const missing = {
    corrected: '予以更正的，须写明更正的内容',
    forwarded: '须写明转送或告知的理由',
    refused: '不予更正的，须写明理由（如经核实记录准确）',
  } as const;
  if (!Object.hasOwn(missing, e.result)) {
    throw illegal('correction', `未知的更正处理结果：${String(e.result)}`);
  }
  if (!e.text?.trim()) throw illegal('correction', missing[e.result]);
  if (e.result === 'forwarded' && !e.competentAgency?.trim()) {
    throw illegal('correction', '转送或告知的，须写明有权更正的行政机关');
  }
}

function statusOf(s: CaseState): CaseStatus {
  if (s.archivedOn) return 'archived';
  if (s.withdrawn || s.servedOn) return 'closed';
  if (s.receivedOn === null) return 'pending';
  if (!isUndecided(s)) return 'decided';
  if (s.supplement === 'requested' || s.feeOpen) return 'awaitingApplicant';
  if (s.consultations.some((c) => c.repliedOn === null)) return 'consulting';
  return 'open';
}

/** Runs the law core's reply clock; it also refuses clock events the law does not allow. */
function withClock(calendar: Calendar, s: CaseState, events: readonly CaseEvent[]): CaseState {
  if (s.receivedOn === null) return s;
  const clock = replyDue(calendar, toClockEvents(s, events));
  if (s.decision === 'fee-unpaid') {
    const lapse = clock.lapse;
    if (lapse?.outcome !== 'o2' || toDayNumber(s.resolvedOn!) <= toDayNumber(lapse.after)) {
      throw illegal('fee-not-lapsed', { lapse: lapse ? `至${lapse.after}` : '尚未届满' });
    }
  }
  for (const a of s.appeals.filter((x) => x.against === 'no-reply')) {
    if (clock.due && toDayNumber(a.filedOn) <= toDayNumber(clock.due)) {
      throw illegal('appeal-not-overdue', { due: clock.due });
    }
  }
  return { ...s, clock };
}

/** The events the law core's clock reads, up to the decision. */
export function toClockEvents(s: CaseState, events: readonly CaseEvent[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (const e of events) {
    if (e.type === 'Decided' || e.type === 'Withdrawn' || e.type === 'CorrectionDecided') break;
    switch (e.type) {
      case 'Received':
        out.push({ type: 'Received', receipt: receiptOf(s.channel, s.submittedOn, e.on) });
        break;
      case 'SupplementRequested':
        out.push({ type: 'SupplementRequested', on: e.on, deadline: e.deadline });
        break;
      case 'SupplementReceived':
        out.push({ type: 'SupplementReceived', on: e.on });
        break;
      case 'ConsultationSent':
        out.push({ type: 'ConsultationSent', on: e.on, id: e.id, party: e.party, name: e.name });
        break;
      case 'ConsultationReplied':
        out.push({ type: 'ConsultationReplied', on: e.on, id: e.id });
        break;
      case 'Extension':
        out.push({
          type: 'Extension',
          on: e.on,
          workdays: e.workdays,
          reason: e.reason,
          approvedBy: approvalOf(e.approvedBy),
        });
        break;
      case 'Deferral':
        out.push({ type: 'Deferral', on: e.on, due: e.due, reason: e.reason });
        break;
      case 'ProcessingFeeNotified':
        out.push({
          type: 'ProcessingFeeNotified',
          on: e.on,
          amount: e.amount,
          deliveredOn: deliveryAfter(events, e),
        });
        break;
      case 'ProcessingFeePaid':
        out.push({ type: 'ProcessingFeePaid', on: e.on });
        break;
      default:
        break;
    }
  }
  return out;
}

/** The day the applicant received this fee notice, when recorded before the next notice. */
function deliveryAfter(events: readonly CaseEvent[], notice: CaseEvent): IsoDate | undefined {
  for (const e of events.slice(events.indexOf(notice) + 1)) {
    if (e.type === 'ProcessingFeeNotified') return undefined;
    if (e.type === 'ProcessingFeeNoticeDelivered') return e.on;
  }
  return undefined;
}

function receiptOf(channel: CaseState['channel'], submittedOn: IsoDate, on: IsoDate): Receipt {
  switch (channel) {
    case 'in-person':
      return { channel, submittedOn: on };
    case 'post-signed':
      return { channel, signedOn: on, submittedOn };
    default:
      return { channel, confirmedOn: on, submittedOn };
  }
}

/** `list` with `item` added; its id must not be taken (a consultation's or an appeal's number). */
function appendNew<T extends { id: string }>(
  list: readonly T[],
  code: 'consultation-id' | 'appeal-id',
  item: T,
): T[] {
  if (list.some((x) => x.id === item.id)) throw illegal(code, { id: item.id });
  return [...list, item];
}

function illegal(
  code: ErrorKind<'cases.illegal.'>,
  message: string | MessageParams,
  details?: Record<string, unknown>,
): GongkaiError {
  return new GongkaiError(`cases.illegal.${code}`, message, details);
}
