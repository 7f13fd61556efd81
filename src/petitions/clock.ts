import { GongkaiError } from '../errors.ts';
import { type DayNumber, fromDayNumber, type IsoDate, toDayNumber } from '../law/date.ts';
import { PETITION_CHANNEL_LABELS } from './channel.ts';
import {
  ACCEPTANCE_DECISION_LABELS,
  type AcceptanceDecision,
  type PetitionEvent,
  REVIEW_STAGE_LABELS,
  type ReviewStage,
} from './events.ts';
import { PETITION_EVENTS } from './eventTable.ts';
import { countDays, type DayCountOptions, inclusiveDays } from './period.ts';

/** The 《信访工作条例》 periods, in calendar days (日). */
export const ACCEPTANCE_NOTICE_DAYS = 15;
export const HANDLING_DAYS = 60;
export const MAX_EXTENSION_DAYS = 30;
export const REVIEW_REQUEST_DAYS = 30;
export const REVIEW_ANSWER_DAYS = 30;

/** One deadline of a petition and whether it was kept. */
export interface PetitionDeadline {
  label: string;
  due: IsoDate;
  doneOn: IsoDate | null;
  /** true: done by the due day; false: done after it; null: not done yet. */
  onTime: boolean | null;
}

export type PetitionStatus =
  | 'registered'
  | 'accepted'
  | 'not-accepted'
  | 'forwarded'
  | 'answered'
  | 'review-requested'
  | 'reviewed'
  | 'recheck-requested'
  | 'rechecked';

export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  registered: '已登记，待受理告知',
  accepted: '已受理，办理中',
  'not-accepted': '不予受理（已告知）',
  forwarded: '已转送有权处理机关',
  answered: '已办结（已出具处理意见书）',
  'review-requested': '复查中',
  reviewed: '已复查',
  'recheck-requested': '复核中',
  rechecked: '已复核（终结）',
};

export interface PetitionClock {
  status: PetitionStatus;
  receivedOn: IsoDate;
  acceptanceDecision: AcceptanceDecision | null;
  /** 受理告知期限: 15 days from receipt. */
  acceptance: PetitionDeadline;
  /** 办理期限: 60 days from acceptance, plus the approved extension; null unless accepted. */
  handling: PetitionDeadline | null;
  extensionDays: number;
  /** The petitioner's 30 days to ask for 复查 / 复核, and the agency's 30 days to answer. */
  reviewRequest: PetitionDeadline | null;
  reviewAnswer: PetitionDeadline | null;
  recheckRequest: PetitionDeadline | null;
  recheckAnswer: PetitionDeadline | null;
  /** The day the matter was closed (处理意见书出具之日). */
  closedOn: IsoDate | null;
  /** One line per step, in Chinese. */
  trace: string[];
}

/** The state and clocks of a petition as a pure function of its events (in log order). */
export function petitionClock(
  events: readonly PetitionEvent[],
  options: DayCountOptions = {},
): PetitionClock {
  return new PetitionClockRun(events, options).run();
}

/** Whether a pending deadline has passed by `today` (the due day itself is still in time). */
export function isOverdue(deadline: PetitionDeadline | null, today: IsoDate): boolean {
  return (
    deadline !== null && deadline.doneOn === null && toDayNumber(today) > toDayNumber(deadline.due)
  );
}

interface Open {
  label: string;
  due: DayNumber;
  doneOn: DayNumber | null;
}

class PetitionClockRun {
  private readonly trace: string[] = [];
  private received = 0;
  private status: PetitionStatus = 'registered';
  private decision: AcceptanceDecision | null = null;
  private acceptance!: Open;
  private handling: Open | null = null;
  private acceptedOn = 0;
  private extension = 0;
  private answeredOn: DayNumber | null = null;
  private readonly requests: Record<ReviewStage, Open | null> = { review: null, recheck: null };
  private readonly answers: Record<ReviewStage, Open | null> = { review: null, recheck: null };
  private servedOn = 0;

  constructor(
    private readonly events: readonly PetitionEvent[],
    private readonly options: DayCountOptions,
  ) {}

  run(): PetitionClock {
    const [first, ...rest] = this.events;
    if (first?.type !== 'Registered') {
      throw new GongkaiError('petition.events.no-registration', '信访事项的第一个事件应为“登记”');
    }
    this.onRegistered(first);
    for (const event of rest) this.apply(event);
    return this.result();
  }

  private apply(e: PetitionEvent): void {
    const day = toDayNumber(e.on);
    if (day < this.received) {
      throw new GongkaiError(
        'petition.events.before-receipt',
        `${PETITION_EVENTS[e.type].label}（${e.on}）早于收到信访事项之日（${fromDayNumber(this.received)}）`,
      );
    }
    switch (e.type) {
      case 'Registered':
        throw new GongkaiError('petition.events.registered-twice', '一件信访事项只能登记一次');
      case 'AcceptanceDecided':
        this.onDecided(day, e.decision, e.note);
        break;
      case 'Extended':
        this.onExtended(day, e.days, e.approvedBy, e.reason);
        break;
      case 'Answered':
        this.onAnswered(day, e.servedOn);
        break;
      case 'ReviewRequested':
        this.onRequested(day, e.stage);
        break;
      case 'ReviewAnswered':
        this.onReviewAnswered(day, e.stage, e.servedOn);
        break;
      case 'HearingHeld':
        this.onHearing(e.on, e.until);
        break;
    }
  }

  private onRegistered(e: Extract<PetitionEvent, { type: 'Registered' }>): void {
    this.received = toDayNumber(e.on);
    this.trace.push(`收到信访事项：${e.on}（${PETITION_CHANNEL_LABELS[e.channel]}）`);
    const period = countDays(
      this.received,
      ACCEPTANCE_NOTICE_DAYS,
      '收到',
      '受理告知期限',
      this.options,
    );
    this.trace.push(...period.lines);
    this.acceptance = { label: '受理告知期限', due: period.due, doneOn: null };
  }

  private onDecided(day: DayNumber, decision: AcceptanceDecision, note?: string): void {
    if (this.decision !== null) {
      throw new GongkaiError('petition.acceptance.twice', '本件已作出受理告知，不能重复告知');
    }
    this.decision = decision;
    this.acceptance.doneOn = day;
    const detail = note ? `：${note}` : '';
    this.trace.push(
      `受理告知：${fromDayNumber(day)}，${ACCEPTANCE_DECISION_LABELS[decision]}${detail}（${inTime(day, this.acceptance.due)}）`,
    );
    if (decision !== 'accepted') {
      this.status = decision;
      return;
    }
    this.status = 'accepted';
    this.acceptedOn = day;
    const period = countDays(day, HANDLING_DAYS, '受理', '办理期限', this.options);
    this.trace.push(...period.lines);
    this.handling = { label: '办理期限', due: period.due, doneOn: null };
  }

  private onExtended(day: DayNumber, days: number, approvedBy: string, reason: string): void {
    const handling = this.handling;
    if (handling === null) {
      throw new GongkaiError(
        'petition.extension.not-accepted',
        '只有已受理的信访事项才能延长办理期限',
      );
    }
    if (this.answeredOn !== null) {
      throw new GongkaiError('petition.extension.closed', '本件已办结，不能再延长办理期限');
    }
    if (this.extension > 0) {
      throw new GongkaiError('petition.extension.twice', '办理期限只能延长一次（最多30日）');
    }
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) {
      throw new GongkaiError('petition.extension.days', { max: MAX_EXTENSION_DAYS, days });
    }
    if (approvedBy.trim() === '') {
      throw new GongkaiError(
        'petition.extension.approval',
        '延长办理期限须经本机关负责人批准，请填写批准人',
      );
    }
    if (day > handling.due) {
      throw new GongkaiError('petition.extension.late', {
        due: fromDayNumber(handling.due),
        on: fromDayNumber(day),
      });
    }
    this.extension = days;
    const before = handling.due;
    handling.due = before + days;
    const explained = reason.trim() ? `，理由：${reason.trim()}` : '';
    this.trace.push(
      `延长办理期限：${fromDayNumber(day)}经${approvedBy.trim()}批准延长${days}日${explained}；办理期限由${fromDayNumber(before)}延至${fromDayNumber(handling.due)}（应告知信访人延期理由）`,
    );
  }

  private onAnswered(day: DayNumber, servedOn?: IsoDate): void {
    const handling = this.handling;
    if (handling === null) {
      throw new GongkaiError(
        'petition.answer.not-accepted',
        this.decision === null
          ? '尚未作出受理告知，不能出具处理意见书'
          : `本件${ACCEPTANCE_DECISION_LABELS[this.decision]}，不出具处理意见书`,
      );
    }
    if (this.answeredOn !== null) {
      throw new GongkaiError('petition.answer.twice', '本件已出具处理意见书');
    }
    if (day < this.acceptedOn) {
      throw new GongkaiError('petition.answer.before-acceptance', '处理意见书的日期早于受理之日');
    }
    this.answeredOn = day;
    handling.doneOn = day;
    this.status = 'answered';
    this.trace.push(
      `出具信访处理意见书（办结）：${fromDayNumber(day)}（${inTime(day, handling.due)}）`,
    );
    this.openRequestWindow('review', this.served(day, servedOn, '处理意见书'));
  }

  private served(day: DayNumber, servedOn: IsoDate | undefined, what: string): DayNumber {
    const served = servedOn === undefined ? day : toDayNumber(servedOn);
    if (served < day) {
      throw new GongkaiError('petition.served.before-issued', `${what}的送达日期早于出具日期`);
    }
    if (servedOn !== undefined && served !== day) {
      this.trace.push(`信访人收到${what}：${fromDayNumber(served)}`);
    }
    return served;
  }

  private openRequestWindow(stage: ReviewStage, served: DayNumber): void {
    this.servedOn = served;
    const what = stage === 'review' ? '处理意见书' : '复查意见';
    const label = `请求${REVIEW_STAGE_LABELS[stage]}期限`;
    const period = countDays(served, REVIEW_REQUEST_DAYS, `收到${what}`, label, this.options);
    this.trace.push(...period.lines);
    this.requests[stage] = { label, due: period.due, doneOn: null };
  }

  private onRequested(day: DayNumber, stage: ReviewStage): void {
    const window = this.requests[stage];
    const name = REVIEW_STAGE_LABELS[stage];
    if (window === null) {
      const needs = stage === 'review' ? '出具处理意见书' : '出具复查意见';
      throw new GongkaiError(`petition.${stage}.too-early`, `${needs}之后才能请求${name}`);
    }
    if (window.doneOn !== null) {
      throw new GongkaiError(`petition.${stage}.twice`, `本件已收到${name}请求`);
    }
    if (day < this.servedOn) {
      throw new GongkaiError(
        `petition.${stage}.before-served`,
        `${name}请求早于信访人收到意见之日`,
      );
    }
    window.doneOn = day;
    this.status = stage === 'review' ? 'review-requested' : 'recheck-requested';
    const late = day > window.due ? '，已超过30日请求期限，可不予受理' : '，在请求期限内';
    this.trace.push(`收到${name}请求：${fromDayNumber(day)}${late}`);
    const label = `${name}意见期限`;
    const period = countDays(day, REVIEW_ANSWER_DAYS, `收到${name}请求`, label, this.options);
    this.trace.push(...period.lines);
    this.answers[stage] = { label, due: period.due, doneOn: null };
  }

  private onHearing(from: IsoDate, until: IsoDate): void {
    const answer = this.answers.recheck;
    if (answer === null || answer.doneOn !== null) {
      throw new GongkaiError('petition.hearing.outside-recheck', '听证只在复核期间举行');
    }
    const days = inclusiveDays(from, until);
    if (days < 1) {
      throw new GongkaiError('petition.hearing.dates', { until, from });
    }
    answer.due += days;
    this.trace.push(
      `复核听证：${from}至${until}（${days}日），听证时间不计入复核期限，复核意见期限延至${fromDayNumber(answer.due)}`,
    );
  }

  private onReviewAnswered(day: DayNumber, stage: ReviewStage, servedOn?: IsoDate): void {
    const answer = this.answers[stage];
    const name = REVIEW_STAGE_LABELS[stage];
    if (answer === null) {
      throw new GongkaiError(
        `petition.${stage}.not-requested`,
        `没有${name}请求，不能出具${name}意见`,
      );
    }
    if (answer.doneOn !== null) {
      throw new GongkaiError(`petition.${stage}.answered-twice`, `本件已出具${name}意见`);
    }
    answer.doneOn = day;
    this.status = stage === 'review' ? 'reviewed' : 'rechecked';
    this.trace.push(`出具${name}意见：${fromDayNumber(day)}（${inTime(day, answer.due)}）`);
    if (stage === 'review')
      this.openRequestWindow('recheck', this.served(day, servedOn, '复查意见'));
    else
      this.trace.push(
        '信访人对复核意见不服，仍以同一事实和理由提出投诉请求的，各级信访部门和其他机关、单位不再受理',
      );
  }

  private result(): PetitionClock {
    return {
      status: this.status,
      receivedOn: fromDayNumber(this.received),
      acceptanceDecision: this.decision,
      acceptance: deadline(this.acceptance),
      handling: this.handling && deadline(this.handling),
      extensionDays: this.extension,
      reviewRequest: this.requests.review && deadline(this.requests.review),
      reviewAnswer: this.answers.review && deadline(this.answers.review),
      recheckRequest: this.requests.recheck && deadline(this.requests.recheck),
      recheckAnswer: this.answers.recheck && deadline(this.answers.recheck),
      closedOn: this.answeredOn === null ? null : fromDayNumber(this.answeredOn),
      trace: this.trace,
    };
  }
}

function deadline(open: Open): PetitionDeadline {
  return {
    label: open.label,
    due: fromDayNumber(open.due),
    doneOn: open.doneOn === null ? null : fromDayNumber(open.doneOn),
    onTime: open.doneOn === null ? null : open.doneOn <= open.due,
  };
}

function inTime(day: DayNumber, due: DayNumber): string {
  if (day <= due) return `在期限${fromDayNumber(due)}内`;
  return `逾期${day - due}日，期限为${fromDayNumber(due)}`;
}
