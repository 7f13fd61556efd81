/**
 * The events of one 政府信息公开申请 (`Application`). The log is append-only; state, clocks and
 * the T3 row are derived from it (`derive.ts`). Dates are `YYYY-MM-DD`.
 */

import type { IsoDate } from '../law/date.ts';
import type { DecisionId } from '../law/decisions.ts';
import type { ConsultedParty } from '../law/events.ts';
import type { ReasonsFinding } from '../law/excessive.ts';
import type { Channel } from '../law/receipt.ts';
import type { Approval } from './approval.ts';
import type { CaseFilePurpose } from './caseFiles.ts';

/** The application arrived: online (awaiting confirmation) or registered by staff. */
export interface SubmittedEvent {
  type: 'Submitted';
  on: IsoDate;
  channel: Channel;
  /** Absent: a 政府信息公开申请. `correction`: a request to correct one's own records (Art. 41). */
  kind?: CaseKind;
}

/** 依申请公开 (counted in T3), or 更正本人信息记录 (条例 第四十一条; outside T3). */
export type CaseKind = 'disclosure' | 'correction';

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  disclosure: '政府信息公开申请',
  correction: '更正本人信息记录（第四十一条）',
};

/** 收到申请之日 is fixed (Art. 31): the submission day in person, the signing day, or confirmation. */
export interface ReceivedEvent {
  type: 'Received';
  on: IsoDate;
  /** How the receipt was confirmed with the applicant (post, online, fax). */
  method?: string;
}

export interface AssignedEvent {
  type: 'Assigned';
  on: IsoDate;
  handlerId: number | null;
  handlerName?: string;
}

/** 补正告知 (Art. 30). */
export interface SupplementRequestedEvent {
  type: 'SupplementRequested';
  on: IsoDate;
  deadline: IsoDate;
  /** What must be supplemented. */
  items: string;
}

export interface SupplementReceivedEvent {
  type: 'SupplementReceived';
  on: IsoDate;
  /** The staff's note. */
  note?: string;
  /** 补正后的申请内容: the request as the applicant amended it (absent on older records). */
  amendedRequest?: string;
  /** Answered online on the tracking page; recorded by staff when absent. */
  by?: 'applicant';
  /** What the applicant wrote in the online answer. */
  text?: string;
  /** The files of the online answer (`case_files`, purpose `supplement`). */
  fileIds?: number[];
}

/** 征求意见书 (Arts. 32, 34). */
export interface ConsultationSentEvent {
  type: 'ConsultationSent';
  on: IsoDate;
  id: string;
  party: ConsultedParty;
  name: string;
}

export interface ConsultationRepliedEvent {
  type: 'ConsultationReplied';
  on: IsoDate;
  id: string;
  /** 同意 / 不同意 and the reasons, as received. */
  opinion?: string;
  /** The third party objects to disclosure (不同意公开): disclosing anyway needs the Art. 32
   * written notice. */
  objection?: boolean;
}

/** 延长答复期限 (Art. 33): approved by the head of the disclosure office (role `office`). */
export interface ExtensionEvent {
  type: 'Extension';
  on: IsoDate;
  workdays: number;
  reason: string;
  /** A name alone: recorded before approvals carried the approver (see `approvalOf`). */
  approvedBy: Approval | string;
}

/**
 * 延迟答复 (Art. 35): a reasoned, custom reply deadline, later than the current one and decided
 * before it; afterwards no Art. 33 extension. Approved like an extension (role `office`).
 */
export interface DeferralEvent {
  type: 'Deferral';
  on: IsoDate;
  /** 延迟答复的合理期限. */
  due: IsoDate;
  reason: string;
  approvedBy: string;
}

/** How a fee was computed (国办函〔2020〕109号 Arts. 3–5) and reduced; `amount` is what is due. */
export interface FeeAssessment {
  method: 'piece' | 'page';
  /** 按件: this application's place among the applicant's applications to the agency in its
   * calendar month (Art. 4); 按量: its pages (Art. 5). */
  quantity: number;
  /** The fee the schedule gives, before any reduction. */
  computed: number;
  /** 减免 in 元 (0: none). */
  reduction: number;
  reductionReason?: string;
  /** 缴纳方式, as the notice tells the applicant. */
  payment: string;
}

/** 收费通知 (国办函〔2020〕109号). */
export interface FeeNotifiedEvent {
  type: 'ProcessingFeeNotified';
  on: IsoDate;
  amount: number;
  /** Absent only on notices recorded before fees were computed in the workbench. */
  fee?: FeeAssessment;
}

/** The applicant received the fee notice: the payment window runs from the next day. */
export interface FeeNoticeDeliveredEvent {
  type: 'ProcessingFeeNoticeDelivered';
  on: IsoDate;
  /** 邮寄签收, 电子邮件, 当面领取 …: how the day is known. */
  method: string;
}

export interface FeePaidEvent {
  type: 'ProcessingFeePaid';
  on: IsoDate;
}

/** 答复决定: one entry of the decision catalogue; that fixes the T3 row. */
export interface DecidedEvent {
  type: 'Decided';
  on: IsoDate;
  decision: DecisionId;
  /** What is provided or how to obtain it. */
  text: string;
  /** Partial disclosure: what is withheld … */
  withheld?: string;
  /** … and why (the legal basis of the withheld part). */
  withheldReason?: string;
}

/** 送达: how and when the reply letter reached the applicant. */
export interface ServedEvent {
  type: 'Served';
  on: IsoDate;
  method: string;
}

/** The applicant withdrew the application (counted in T3 row `o3`). */
export interface WithdrawnEvent {
  type: 'Withdrawn';
  on: IsoDate;
  reason: string;
}

export interface ArchivedEvent {
  type: 'Archived';
  on: IsoDate;
}

/** Appeal kinds: 行政复议, 行政诉讼 直接起诉, 行政诉讼 复议后起诉 (T4 groups). */
export type AppealKind = 'rv' | 'ld' | 'lr';
export type AppealOutcome = 'upheld' | 'corrected' | 'other';

export interface AppealFiledEvent {
  type: 'AppealFiled';
  on: IsoDate;
  appealId: string;
  kind: AppealKind;
  /** 复议机关 or court. */
  body: string;
  caseNumber?: string;
  /** What is challenged: the decision, or the agency's failure to reply in time (不答复).
   * Derived from the state when absent. */
  against?: AppealTarget;
}

export type AppealTarget = 'decision' | 'no-reply';

/**
 * 重新答复: a new reply after a 复议 or court corrected the decision (or ordered one). The
 * application stays counted once in T3, in the row and year of its first decision.
 */
export interface RedecidedEvent {
  type: 'Redecided';
  on: IsoDate;
  /** The corrected appeal that requires the new reply. */
  appealId: string;
  decision: DecisionId;
  text: string;
  withheld?: string;
  withheldReason?: string;
}

export interface AppealClosedEvent {
  type: 'AppealClosed';
  on: IsoDate;
  appealId: string;
  outcome: AppealOutcome;
  note?: string;
}

/** A file added to the case (`case_files`): by staff on the case page, or by the applicant online. */
export interface FileAttachedEvent {
  type: 'FileAttached';
  on: IsoDate;
  fileId: number;
  purpose: CaseFilePurpose;
  title: string;
  by: 'staff' | 'applicant';
}

/** 要求说明理由 (Art. 35): the number or frequency of requests clearly exceeds a reasonable range. */
export interface ReasonsRequestedEvent {
  type: 'ReasonsRequested';
  on: IsoDate;
  /** What makes the requests excessive (how many, how often), as the letter states it. */
  grounds: string;
  /** The day the applicant is asked to explain by. */
  deadline: IsoDate;
}

/** The office's finding on the reasons (Art. 35): not given, unreasonable or reasonable. */
export interface ReasonsAssessedEvent {
  type: 'ReasonsAssessed';
  on: IsoDate;
  finding: ReasonsFinding;
  /** The reasons as the applicant gave them (none when not given). */
  reasons?: string;
  /** Why the office judged them so. */
  assessment: string;
}

/**
 * 书面告知第三方 (Art. 32): the office discloses over the third party's objection because
 * withholding would gravely affect the public interest; the third party is told in writing what
 * will be disclosed, why, and from which day.
 */
export interface ThirdPartyNotifiedEvent {
  type: 'ThirdPartyNotified';
  on: IsoDate;
  /** The third-party consultation that objected. */
  consultationId: string;
  /** 决定公开的政府信息内容. */
  content: string;
  /** 理由: why withholding would gravely affect the public interest. */
  reason: string;
  /** The day the information will be disclosed: the decision may not be dated earlier. */
  disclosureOn: IsoDate;
}

/** The third party received the Art. 32 notice (送达). */
export interface ThirdPartyNoticeServedEvent {
  type: 'ThirdPartyNoticeServed';
  on: IsoDate;
  consultationId: string;
  method: string;
}

/**
 * The answer to an Art. 41 correction request: corrected; forwarded to (or the applicant told of)
 * the agency competent to correct; or refused with the reason (e.g. the record is accurate).
 */
export interface CorrectionDecidedEvent {
  type: 'CorrectionDecided';
  on: IsoDate;
  result: CorrectionResult;
  /** What was corrected, or why it is refused or not this agency's. */
  text: string;
  /** The agency competent to correct (`forwarded`). */
  competentAgency?: string;
}

export type CorrectionResult = 'corrected' | 'forwarded' | 'refused';

export const CORRECTION_RESULT_LABELS: Record<CorrectionResult, string> = {
  corrected: '予以更正',
  forwarded: '转送（告知）有权更正的机关',
  refused: '不予更正',
};

export type CaseEvent =
  | SubmittedEvent
  | ReceivedEvent
  | AssignedEvent
  | SupplementRequestedEvent
  | SupplementReceivedEvent
  | ConsultationSentEvent
  | ConsultationRepliedEvent
  | ExtensionEvent
  | DeferralEvent
  | FeeNotifiedEvent
  | FeeNoticeDeliveredEvent
  | FeePaidEvent
  | DecidedEvent
  | ServedEvent
  | WithdrawnEvent
  | ArchivedEvent
  | AppealFiledEvent
  | AppealClosedEvent
  | RedecidedEvent
  | FileAttachedEvent
  | ReasonsRequestedEvent
  | ReasonsAssessedEvent
  | ThirdPartyNotifiedEvent
  | ThirdPartyNoticeServedEvent
  | CorrectionDecidedEvent;

export type CaseEventType = CaseEvent['type'];

export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  rv: '行政复议',
  ld: '行政诉讼（未经复议直接起诉）',
  lr: '行政诉讼（复议后起诉）',
};

export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome | 'pending', string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};
