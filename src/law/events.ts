import type { IsoDate } from './date.ts';
import type { Receipt } from './receipt.ts';

/**
 * The case events the reply clock depends on. The cases module appends these (with its own ids
 * and metadata) and calls `replyDue(calendar, events)`; dates are `YYYY-MM-DD`.
 */
export type ClockEvent =
  | ReceivedEvent
  | SupplementRequestedEvent
  | SupplementReceivedEvent
  | ConsultationSentEvent
  | ConsultationRepliedEvent
  | ExtensionEvent
  | ProcessingFeeNotifiedEvent
  | ProcessingFeePaidEvent
  | DeferralEvent;

/** The application was received; `receivedOn` follows from the channel (Art. 31). */
export interface ReceivedEvent {
  type: 'Received';
  receipt: Receipt;
}

/** 补正告知 (Art. 30): once, within 7 working days of receipt, stating a reasonable deadline. */
export interface SupplementRequestedEvent {
  type: 'SupplementRequested';
  on: IsoDate;
  /** The supplement deadline stated in the notice; after it the case may be closed as `o1`. */
  deadline?: IsoDate;
}

/** The supplemented application arrived: the 20-working-day clock restarts from this day. */
export interface SupplementReceivedEvent {
  type: 'SupplementReceived';
  on: IsoDate;
}

export type ConsultedParty = 'third-party' | 'agency';

/** 征求意见书 sent (Art. 32 third party, Art. 34 another agency); 15 working days to answer. */
export interface ConsultationSentEvent {
  type: 'ConsultationSent';
  /** Pairs the letter with its reply. */
  id: string;
  on: IsoDate;
  party: ConsultedParty;
  /** Who was consulted, for the trace. */
  name?: string;
}

export interface ConsultationRepliedEvent {
  type: 'ConsultationReplied';
  id: string;
  on: IsoDate;
}

/** Who may approve an extension. Art. 33 requires the head of the disclosure office. */
export type ApproverRole = 'office-head' | 'leader' | 'staff';

/** 延长答复期限 (Art. 33): at most 20 working days in total, decided within the current period. */
export interface ExtensionEvent {
  type: 'Extension';
  /** The day the extension was approved and notified. */
  on: IsoDate;
  workdays: number;
  approvedBy: { role: ApproverRole; name?: string };
  reason?: string;
}

/** 收费通知 (国办函〔2020〕109号): the applicant has 20 working days to pay; that time is not counted. */
export interface ProcessingFeeNotifiedEvent {
  type: 'ProcessingFeeNotified';
  on: IsoDate;
  amount?: number;
  /** When the applicant received the notice: the 20 working days run from the next day. */
  deliveredOn?: IsoDate;
}

export interface ProcessingFeePaidEvent {
  type: 'ProcessingFeePaid';
  on: IsoDate;
}

/** Art. 35: a reasoned, custom reply deadline for requests beyond a reasonable volume. */
export interface DeferralEvent {
  type: 'Deferral';
  on: IsoDate;
  due: IsoDate;
  reason: string;
}
