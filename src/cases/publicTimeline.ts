/**
 * What the applicant sees of the case's log on the tracking page: each event type either has
 * plain public words or is kept for the staff. Staff names, approvers, internal notes, third
 * parties' names and the files the staff added for themselves never leave the agency; a decision
 * (and the documents released with it) shows once the reply has been served, as its letter does.
 */
import { decisionKind, isDecisionId } from '../law/decisions.ts';
import { CASE_FILE_PURPOSES } from './caseFiles.ts';
import {
  APPEAL_KIND_LABELS,
  APPEAL_OUTCOME_LABELS,
  type CaseEvent,
  CORRECTION_RESULT_LABELS,
} from './events.ts';

export interface PublicEntry {
  on: string;
  text: string;
}

type Words<T extends CaseEvent['type']> = (
  event: Extract<CaseEvent, { type: T }>,
  served: boolean,
) => string | null;

const decisionLabel = (id: string) => (isDecisionId(id) ? decisionKind(id).label : '已作出答复');

/** One row per event type; null: not shown to the applicant. */
export const PUBLIC_WORDS: { [T in CaseEvent['type']]: Words<T> } = {
  Submitted: (e) => (e.channel === 'online' ? '在网上提交申请' : '申请已登记'),
  Received: () => '确认收到申请（答复期限自次日起计算）',
  Assigned: () => null,
  SupplementRequested: (e) => `要求补正申请内容，补正期限至${e.deadline}`,
  SupplementReceived: (e) =>
    e.by === 'applicant' ? '在网上提交补正（答复期限重新计算）' : '收到补正（答复期限重新计算）',
  ConsultationSent: () => '征求第三方或有关机关意见（征求意见时间不计入答复期限）',
  ConsultationReplied: () => '征求意见结束',
  Extension: (e) => `延长答复期限${e.workdays}个工作日`,
  Deferral: (e) => `延迟答复，答复期限确定为${e.due}`,
  ProcessingFeeNotified: (e) => `通知缴纳信息处理费${e.amount}元`,
  ProcessingFeeNoticeDelivered: () => '收费通知已送达',
  ProcessingFeePaid: () => '已缴纳信息处理费',
  Decided: (e, served) => (served ? `作出答复：${decisionLabel(e.decision)}` : null),
  Served: (e) => `答复已送达（${e.method}）`,
  Withdrawn: () => '申请人撤回申请',
  Archived: () => null,
  AppealFiled: (e) => `申请人提起${APPEAL_KIND_LABELS[e.kind]}`,
  AppealClosed: (e) => `复议或诉讼审结：${APPEAL_OUTCOME_LABELS[e.outcome]}`,
  Redecided: (e, served) => (served ? `重新答复：${decisionLabel(e.decision)}` : null),
  FileAttached: (e, served) => {
    if (e.by === 'applicant') return `提交材料：${e.title}（${CASE_FILE_PURPOSES[e.purpose]}）`;
    if (e.purpose === 'released' && served) return `提供公开的政府信息：${e.title}`;
    return null;
  },
  ReasonsRequested: (e) => `要求说明申请理由，说明期限至${e.deadline}`,
  ReasonsAssessed: () => null, // the office's assessment; the reply letter states its effect
  ThirdPartyNotified: () => null, // names the third party
  ThirdPartyNoticeServed: () => null,
  CorrectionDecided: (e, served) =>
    served ? `作出更正处理决定：${CORRECTION_RESULT_LABELS[e.result]}` : null,
};

/**
 * The applicant's timeline, oldest first. `served` is, for a decision, whether it was served
 * later; for anything else, whether the current reply is served (a 重新答复 awaits its own).
 */
export function publicTimeline(events: readonly CaseEvent[]): PublicEntry[] {
  const out: PublicEntry[] = [];
  const servedAfter = (i: number) => events.slice(i + 1).some((e) => e.type === 'Served');
  const isDecision = (e: CaseEvent) =>
    e.type === 'Decided' || e.type === 'Redecided' || e.type === 'CorrectionDecided';
  const lastDecision = events.findLastIndex(isDecision);
  const replyServed = lastDecision >= 0 && servedAfter(lastDecision);
  events.forEach((event, i) => {
    const served = isDecision(event) ? servedAfter(i) : replyServed;
    const words = PUBLIC_WORDS[event.type] as Words<typeof event.type>;
    const text = words(event as never, served);
    if (text) out.push({ on: event.on, text });
  });
  return out;
}
