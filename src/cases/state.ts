/** The derived state of an application: where it is (status) kept apart from how it ended (outcome). */

import type { ReplyClock } from '../law/clock.ts';
import type { IsoDate } from '../law/date.ts';
import type { DecisionId } from '../law/decisions.ts';
import type { ConsultedParty } from '../law/events.ts';
import type { ReasonsRecord } from '../law/excessive.ts';
import type { OutcomeRow } from '../law/keys.ts';
import type { Channel } from '../law/receipt.ts';
import type {
  AppealKind,
  AppealOutcome,
  AppealTarget,
  CaseKind,
  CorrectionResult,
} from './events.ts';

/**
 * - `pending`: submitted online (or by fax/post) and not yet confirmed: no receipt date yet;
 * - `open`: being handled; `awaitingApplicant`: 补正 or fee payment outstanding;
 * - `consulting`: a 征求意见书 is unanswered; `decided`: reply decided, not yet served;
 * - `closed`: served or withdrawn; `archived`.
 */
export type CaseStatus =
  | 'pending'
  | 'open'
  | 'awaitingApplicant'
  | 'consulting'
  | 'decided'
  | 'closed'
  | 'archived';

export const CASE_STATUSES: readonly CaseStatus[] = [
  'pending',
  'open',
  'awaitingApplicant',
  'consulting',
  'decided',
  'closed',
  'archived',
];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  pending: '待确认收到',
  open: '办理中',
  awaitingApplicant: '等待申请人（补正或缴费）',
  consulting: '征求意见中',
  decided: '已作出答复，待送达',
  closed: '已办结',
  archived: '已归档',
};

export interface Consultation {
  id: string;
  party: ConsultedParty;
  name: string;
  sentOn: IsoDate;
  repliedOn: IsoDate | null;
  /** The third party objected to disclosure in its reply. */
  objection: boolean;
  /** The Art. 32 written notice, when the office decided to disclose over the objection. */
  notice: ThirdPartyNotice | null;
}

/** 书面告知第三方 (Art. 32). */
export interface ThirdPartyNotice {
  on: IsoDate;
  disclosureOn: IsoDate;
  /** The day the third party received it; null until recorded. */
  servedOn: IsoDate | null;
}

export interface AppealState {
  id: string;
  kind: AppealKind;
  body: string;
  caseNumber: string | null;
  filedOn: IsoDate;
  closedOn: IsoDate | null;
  outcome: AppealOutcome | null;
  against: AppealTarget;
}

/** A new reply after a corrected appeal (重新答复); T3 keeps the first decision. */
export interface Redecision {
  appealId: string;
  on: IsoDate;
  decision: DecisionId;
}

export interface CaseState {
  status: CaseStatus;
  channel: Channel;
  submittedOn: IsoDate;
  /** 收到申请之日 (Art. 31); null until confirmed. */
  receivedOn: IsoDate | null;
  handlerId: number | null;
  supplement: 'none' | 'requested' | 'received';
  supplementDeadline: IsoDate | null;
  consultations: Consultation[];
  feeOpen: boolean;
  feeNotified: boolean;
  /** The day the applicant received the open fee notice; null until recorded. */
  feeDeliveredOn: IsoDate | null;
  extendedWorkdays: number;
  /** The Art. 35 reply deadline, once one is decided (the latest one). */
  deferredTo: IsoDate | null;
  decision: DecisionId | null;
  withdrawn: boolean;
  /** The T3 result row; null while undecided. */
  outcome: OutcomeRow | null;
  /** The day of the decision or the withdrawal: the year it is counted in T3. */
  resolvedOn: IsoDate | null;
  servedOn: IsoDate | null;
  archivedOn: IsoDate | null;
  appeals: AppealState[];
  redecisions: Redecision[];
  /** The reply clock from the law core; null before receipt. */
  clock: ReplyClock | null;
  /** 补正后的申请内容, once the supplement is received with it. */
  amendedRequest: string | null;
  /** Art. 35: the request for reasons and the finding; null when none was made. */
  reasons: ReasonsRecord | null;
  /** The latest event date: a new event may not be dated earlier. */
  lastOn: IsoDate;
  kind: CaseKind;
  /** The answer to an Art. 41 correction request; such a case never has a T3 `outcome`. */
  correction: CorrectionResult | null;
}

/** No answer yet: neither a decision (T3 row) nor an Art. 41 answer. */
export const isUndecided = (s: CaseState): boolean => s.outcome === null && s.correction === null;
