import type { IsoDate } from '../law/date.ts';
import type { PetitionChannel } from './channel.ts';

/** What the agency decides within the 15 days after receipt, and tells the petitioner in writing. */
export const ACCEPTANCE_DECISIONS = ['accepted', 'not-accepted', 'forwarded'] as const;
export type AcceptanceDecision = (typeof ACCEPTANCE_DECISIONS)[number];

export const ACCEPTANCE_DECISION_LABELS: Record<AcceptanceDecision, string> = {
  accepted: '受理',
  'not-accepted': '不予受理',
  forwarded: '转送有权处理的机关',
};

/** 复查 (by the next-higher agency) and 复核 (by the agency above that). */
export type ReviewStage = 'review' | 'recheck';

export const REVIEW_STAGE_LABELS: Record<ReviewStage, string> = {
  review: '复查',
  recheck: '复核',
};

/** The append-only events of one petition. Its state and clocks are derived from them. */
export type PetitionEvent =
  | RegisteredEvent
  | AcceptanceDecidedEvent
  | ExtendedEvent
  | AnsweredEvent
  | ReviewRequestedEvent
  | ReviewAnsweredEvent
  | HearingHeldEvent;

/** 登记: the day the agency received the matter (a visit, a letter, an online petition, a referral). */
export interface RegisteredEvent {
  type: 'Registered';
  on: IsoDate;
  channel: PetitionChannel;
}

/** 受理告知: accepted, not accepted, or forwarded, with the written notice sent on `on`. */
export interface AcceptanceDecidedEvent {
  type: 'AcceptanceDecided';
  on: IsoDate;
  decision: AcceptanceDecision;
  /** The reason (不予受理) or the agency forwarded to (转送). */
  note?: string;
}

/** 延长办理期限: ≤ 30 days, approved by the agency's head, the petitioner told why. */
export interface ExtendedEvent {
  type: 'Extended';
  on: IsoDate;
  days: number;
  approvedBy: string;
  reason: string;
}

/** 出具信访处理意见书: the matter is closed (办结) on `on`; `servedOn` when the petitioner received it. */
export interface AnsweredEvent {
  type: 'Answered';
  on: IsoDate;
  servedOn?: IsoDate;
  /** The reply as told to the petitioner (personal data). */
  text?: string;
}

/** The petitioner asked for 复查 or 复核; `on` is the day the request was received. */
export interface ReviewRequestedEvent {
  type: 'ReviewRequested';
  on: IsoDate;
  stage: ReviewStage;
}

/** The 复查意见 or 复核意见 was issued on `on` (served on `servedOn`). */
export interface ReviewAnsweredEvent {
  type: 'ReviewAnswered';
  on: IsoDate;
  stage: ReviewStage;
  servedOn?: IsoDate;
}

/** A 复核 hearing (听证) from `on` to `until`: its days are not counted in the 复核 period. */
export interface HearingHeldEvent {
  type: 'HearingHeld';
  on: IsoDate;
  until: IsoDate;
}
