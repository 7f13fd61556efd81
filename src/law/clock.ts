import { type ErrorCode, GongkaiError } from '../errors.ts';
import type { Calendar } from './calendar.ts';
import { type DayNumber, fromDayNumber, type IsoDate, toDayNumber } from './date.ts';
import type {
  ClockEvent,
  ConsultationSentEvent,
  DeferralEvent,
  ExtensionEvent,
  ProcessingFeeNotifiedEvent,
  SupplementRequestedEvent,
} from './events.ts';
import { type ComputedDate, computePeriod, startsText } from './period.ts';
import { CHANNEL_LABELS, type Receipt, receiptDayNumber } from './receipt.ts';
import {
  describeCount,
  formatRange,
  mergePauses,
  type Pause,
  pausedWorkdays,
  provisionalLines,
} from './trace.ts';

/** Statutory periods in working days. */
export const REPLY_WORKDAYS = 20; // Art. 33
export const SUPPLEMENT_NOTICE_WORKDAYS = 7; // Art. 30
export const CONSULTATION_WORKDAYS = 15; // Arts. 32, 34
export const MAX_EXTENSION_WORKDAYS = 20; // Art. 33
export const FEE_PAYMENT_WORKDAYS = 20; // 国办函〔2020〕109号 implementing notices

/** If nothing arrives by the end of `after`, the case may be closed in row `outcome`. */
export interface Lapse {
  outcome: 'o1' | 'o2';
  after: IsoDate;
  reason: string;
}

export interface ReplyClock {
  /** 答复期限; null while the clock waits for the applicant's supplement. */
  due: IsoDate | null;
  provisional: boolean;
  trace: string[];
  receivedOn: IsoDate;
  /** The day the 20-day count runs from: receipt, or receipt of the supplement. */
  clockStart: IsoDate;
  /** The last day to send the one-time supplement notice (Art. 30). */
  supplementNoticeDue: IsoDate;
  waitingFor: 'supplement' | null;
  extendedWorkdays: number;
  /** Working days not counted (consultations, fee payment), overlaps counted once. */
  pausedWorkdays: number;
  deferred: boolean;
  lapse: Lapse | null;
}

/** The reply deadline of an application as a pure function of its events (Arts. 30–35, 109号). */
export function replyDue(
  calendar: Calendar,
  events: readonly ClockEvent[],
  options: ReplyClockOptions = {},
): ReplyClock {
  return new ReplyClockRun(calendar, events, options.explain ?? true).run();
}

export interface ReplyClockOptions {
  /** Build the Chinese trace (default true); false for bulk projections, `trace` is then empty. */
  explain?: boolean;
}

/** Art. 35 replaces the Art. 33 extension: once deferred, no extension. */
export function extensionAfterDeferral(): GongkaiError {
  return new GongkaiError(
    'law.extension.after-deferral',
    '已依第三十五条确定延迟答复期限，不能再依第三十三条延长',
  );
}

/** The last day for the one-time supplement notice: receipt + 7 working days (Art. 30). */
export function supplementNoticeDue(calendar: Calendar, receivedOn: IsoDate): ComputedDate {
  return computePeriod(calendar, {
    on: receivedOn,
    eventLabel: '收到申请',
    workdays: SUPPLEMENT_NOTICE_WORKDAYS,
    resultLabel: '补正告知期限',
  });
}

/** The end of the consulted party's 15 working days (Arts. 32, 34). */
export function consultationWindowEnd(calendar: Calendar, sentOn: IsoDate): ComputedDate {
  return computePeriod(calendar, {
    on: sentOn,
    eventLabel: '发出征求意见书',
    workdays: CONSULTATION_WORKDAYS,
    resultLabel: '征求意见答复期限',
  });
}

/** The last day to pay the processing fee: notice + 20 working days. */
export function feePaymentDue(calendar: Calendar, notifiedOn: IsoDate): ComputedDate {
  return computePeriod(calendar, {
    on: notifiedOn,
    eventLabel: '发出收费通知',
    workdays: FEE_PAYMENT_WORKDAYS,
    resultLabel: '缴费期限',
  });
}

/** An event with its day; `answered`: the day a consultation letter was answered or a fee paid. */
type Dated = { event: ClockEvent; day: DayNumber; answered: DayNumber | null };

class ReplyClockRun {
  private readonly trace: string[] = [];
  private received = 0;
  private start = 0;
  private noticeDue = 0;
  private base = 0;
  private budget = REPLY_WORKDAYS;
  private extension = 0;
  private pauses: Pause[] = [];
  /** Working days in `pauses`, overlaps counted once. */
  private paused = 0;
  private pausedBefore = 0;
  private deferral: DeferralEvent | null = null;
  private supplement: SupplementRequestedEvent | null = null;
  private supplementDone = false;
  private lapse: Lapse | null = null;
  private latest = 0;

  // Every trace line is built behind `if (this.explain)`: bulk projections build no strings.
  constructor(
    private readonly calendar: Calendar,
    private readonly events: readonly ClockEvent[],
    private readonly explain: boolean,
  ) {}

  private say(line: string): void {
    this.trace.push(line);
  }

  run(): ReplyClock {
    const dated = this.sorted();
    pair(dated);
    for (const d of dated) this.apply(d);
    return this.result();
  }

  private sorted(): Dated[] {
    checkOneReceipt(this.events);
    const dated: Dated[] = [];
    let received = 0;
    for (const event of this.events) {
      if (event.type === 'Received') received = dated.length;
      dated.push({ event, day: dayOf(event), answered: null });
    }
    // Stable: events of the same day keep their log order, the receipt first.
    if (received > 0) dated.unshift(...dated.splice(received, 1));
    checkNotBeforeReceipt(dated);
    return inOrder(dated) ? dated : dated.sort(byDay);
  }

  private apply(d: Dated): void {
    const e = d.event;
    switch (e.type) {
      case 'Received':
        this.onReceived(d.day, e.receipt);
        break;
      case 'SupplementRequested':
        this.onSupplementRequested(d.day, e);
        break;
      case 'SupplementReceived':
        this.onSupplementReceived(d.day);
        break;
      case 'ConsultationSent':
        this.onConsultation(d, e);
        break;
      case 'Extension':
        this.onExtension(d.day, e);
        break;
      case 'ProcessingFeeNotified':
        this.onFee(d, e);
        break;
      case 'Deferral':
        this.onDeferral(d.day, e);
        break;
      default:
        break; // replies and payments were paired in advance
    }
  }

  private onReceived(day: DayNumber, receipt: Receipt): void {
    this.received = day;
    this.restart(day);
    this.noticeDue = this.calendar.periodEndOn(day, SUPPLEMENT_NOTICE_WORKDAYS);
    this.latest = this.noticeDue;
    if (!this.explain) return;
    const note = restDayNote(this.calendar, day);
    this.say(`收到申请：${fromDayNumber(day)}（${CHANNEL_LABELS[receipt.channel]}${note}）`);
  }

  private restart(day: DayNumber): void {
    this.start = day;
    this.base = this.calendar.anchorOf(day);
    this.budget = REPLY_WORKDAYS;
  }

  private onSupplementRequested(day: DayNumber, e: SupplementRequestedEvent): void {
    if (this.supplement !== null) {
      throw new GongkaiError(
        'law.supplement.repeated',
        '补正只能一次性告知申请人，本件已告知过补正',
      );
    }
    if (this.extension > 0 || this.pauses.length > 0 || this.deferral !== null) {
      throw new GongkaiError(
        'law.supplement.after-processing',
        '补正应在办理前一次性告知：本件已延长期限、征求意见或发出收费通知',
      );
    }
    if (day > this.noticeDue) {
      throw new GongkaiError(
        'law.supplement.late',
        { noticeDue: fromDayNumber(this.noticeDue), on: e.on },
        { noticeDue: fromDayNumber(this.noticeDue) },
      );
    }
    if (e.deadline !== undefined) this.setSupplementDeadline(day, e.on, e.deadline);
    this.supplement = e;
    if (!this.explain) return;
    const deadline = e.deadline !== undefined ? `，补正期限至${e.deadline}` : '';
    this.say(
      `补正告知：${e.on}（应在收到申请之日起7个工作日内告知，最迟${fromDayNumber(this.noticeDue)}）${deadline}`,
    );
  }

  private setSupplementDeadline(day: DayNumber, on: IsoDate, date: IsoDate): void {
    const deadline = toDayNumber(date);
    if (deadline <= day) {
      throw new GongkaiError('law.supplement.deadline', { date, on });
    }
    this.latest = Math.max(this.latest, deadline);
    this.lapse = {
      outcome: 'o1',
      after: date,
      reason: `申请人无正当理由逾期（${date}后）不补正的，视为放弃申请，不再处理`,
    };
  }

  private onSupplementReceived(day: DayNumber): void {
    if (this.supplement === null) {
      throw new GongkaiError('law.supplement.not-requested', { on: fromDayNumber(day) });
    }
    if (this.supplementDone) {
      throw new GongkaiError('law.supplement.received-twice', '本件已收到过补正后的申请');
    }
    this.supplementDone = true;
    this.lapse = null;
    this.restart(day);
    if (!this.explain) return;
    const deadline = this.supplement.deadline;
    const late =
      deadline !== undefined && day > toDayNumber(deadline)
        ? `（已超过补正期限${deadline}，行政机关接受逾期补正）`
        : '';
    this.say(`收到补正后的申请：${fromDayNumber(day)}${late}，答复期限自该日起重新计算`);
  }

  private onConsultation(d: Dated, e: ConsultationSentEvent): void {
    const day = d.day;
    this.checkWithin(day, '征求意见', 'law.consultation.outside-case');
    const windowEnd = this.calendar.periodEndOn(day, CONSULTATION_WORKDAYS);
    const reply = d.answered;
    const end = reply === null ? windowEnd : Math.min(reply, windowEnd);
    this.addPause(day, end);
    if (!this.explain) return;
    const who = e.party === 'third-party' ? '第三方' : '其他机关';
    const named = e.name ? `${who}（${e.name}）` : who;
    let outcome: string;
    if (reply === null) {
      outcome = `尚未收到答复，按15个工作日期满（${fromDayNumber(windowEnd)}）计算`;
    } else if (reply > windowEnd) {
      outcome = `${fromDayNumber(reply)}收到答复，已超过15个工作日期限（${fromDayNumber(windowEnd)}），只计至期满之日`;
    } else {
      outcome = `${fromDayNumber(reply)}收到答复`;
    }
    this.say(`征求${named}意见：${e.on}发出征求意见书，${outcome}；${this.pausedText(day, end)}`);
  }

  private onExtension(day: DayNumber, e: ExtensionEvent): void {
    if (this.deferral !== null) throw extensionAfterDeferral();
    if (!Number.isInteger(e.workdays) || e.workdays < 1) {
      throw new GongkaiError('law.extension.invalid', { workdays: e.workdays });
    }
    if (e.approvedBy.role !== 'office-head') {
      throw new GongkaiError(
        'law.extension.not-approved',
        '延长答复期限须经政府信息公开工作机构负责人同意',
      );
    }
    if (this.extension + e.workdays > MAX_EXTENSION_WORKDAYS) {
      throw new GongkaiError(
        'law.extension.too-long',
        { extended: this.extension, requested: e.workdays },
        { extended: this.extension, requested: e.workdays },
      );
    }
    this.checkWithin(day, '延长答复期限', 'law.extension.late');
    this.extension += e.workdays;
    this.budget += e.workdays;
    if (!this.explain) return;
    const who = e.approvedBy.name ? `（${e.approvedBy.name}）` : '';
    const reason = e.reason ? `，理由：${e.reason}` : '';
    this.say(
      `延长答复期限${e.workdays}个工作日：${e.on}经政府信息公开工作机构负责人${who}同意${reason}（累计延长${this.extension}个）`,
    );
  }

  private onFee(d: Dated, e: ProcessingFeeNotifiedEvent): void {
    const day = d.day;
    this.checkWithin(day, '收费通知', 'law.fee.outside-case');
    if (this.lapse?.outcome === 'o2') {
      throw new GongkaiError('law.fee.pending', '上一份收费通知尚未缴费，不能再次发出收费通知');
    }
    // 109号 practice: 20 working days from the day after the applicant receives the notice.
    const delivered = e.deliveredOn === undefined ? day : toDayNumber(e.deliveredOn);
    if (delivered < day) {
      throw new GongkaiError('law.fee.delivered-early', {
        deliveredOn: String(e.deliveredOn),
        on: e.on,
      });
    }
    const windowEnd = this.calendar.periodEndOn(delivered, FEE_PAYMENT_WORKDAYS);
    const paid = d.answered;
    const end = paid === null ? windowEnd : Math.min(paid, windowEnd);
    this.addPause(day, end);
    if (paid === null) {
      this.lapse = {
        outcome: 'o2',
        after: fromDayNumber(windowEnd),
        reason: `申请人逾期（${fromDayNumber(windowEnd)}后）未缴纳信息处理费的，视为放弃申请，不再处理`,
      };
    }
    if (!this.explain) return;
    const amount = e.amount !== undefined ? `，金额${e.amount}元` : '';
    const receipt = e.deliveredOn ? `，申请人${e.deliveredOn}收到` : '';
    const head = `发出收费通知：${e.on}${amount}${receipt}（缴费期限至${fromDayNumber(windowEnd)}）`;
    const tail = this.pausedText(day, end);
    if (paid === null) {
      this.say(`${head}；尚未缴费，按缴费期满计算，${tail}`);
    } else if (paid > windowEnd) {
      this.say(`${head}；${fromDayNumber(paid)}缴费，已逾期，只计至缴费期满之日，${tail}`);
    } else {
      this.say(`${head}；${fromDayNumber(paid)}缴费，${tail}`);
    }
  }

  private pausedText(from: DayNumber, to: DayNumber): string {
    const paused = this.calendar.countWorkdaysOn(from, to);
    const range = to > from ? `（${formatRange(from + 1, to)}）` : '';
    return `不计算的工作日${paused}个${range}`;
  }

  private onDeferral(day: DayNumber, e: DeferralEvent): void {
    if (e.reason.trim() === '') {
      throw new GongkaiError('law.deferral.no-reason', '依第三十五条延迟答复须说明理由');
    }
    this.checkWithin(day, '确定延迟答复期限', 'law.deferral.late');
    const due = toDayNumber(e.due);
    const current = this.currentDue();
    if (due <= current) {
      throw new GongkaiError('law.deferral.not-later', {
        due: e.due,
        current: fromDayNumber(current),
      });
    }
    this.pausedBefore += this.paused;
    this.pauses = [];
    this.paused = 0;
    this.deferral = e;
    this.base = due;
    this.budget = 0;
    if (!this.explain) return;
    this.say(
      `依第三十五条确定延迟答复的合理期限：${e.on}决定，期限至${e.due}（理由：${e.reason}）`,
    );
  }

  private checkWithin(day: DayNumber, what: string, code: ErrorCode): void {
    if (this.supplement !== null && !this.supplementDone) {
      throw new GongkaiError(
        'law.events.awaiting-supplement',
        `${what}（${fromDayNumber(day)}）：本件正在等待申请人补正，答复期限尚未重新起算`,
      );
    }
    if (day < this.start) {
      throw new GongkaiError(
        code,
        `${what}（${fromDayNumber(day)}）早于答复期限的起算日（${fromDayNumber(this.start)}）`,
      );
    }
    const due = this.currentDue();
    if (day > due) {
      throw new GongkaiError(
        code,
        `${what}应在答复期限届满前作出：${fromDayNumber(day)}已晚于当前答复期限${fromDayNumber(due)}`,
        { due: fromDayNumber(due) },
      );
    }
  }

  private addPause(from: DayNumber, to: DayNumber): void {
    this.pauses.push({ from, to });
    this.paused = pausedWorkdays(this.calendar, mergePauses(this.pauses));
    this.latest = Math.max(this.latest, to);
  }

  private currentDue(): DayNumber {
    return this.calendar.addWorkdaysOn(this.base, this.budget + this.paused);
  }

  private result(): ReplyClock {
    if (this.supplement !== null && !this.supplementDone) return this.awaitingSupplement();
    const due = this.currentDue();
    this.latest = Math.max(this.latest, due);
    const uncovered = this.calendar.uncoveredYears(this.received, this.latest);
    if (this.explain) this.explainDue(due, this.paused, uncovered);
    const paused = this.pausedBefore + this.paused;
    return this.clock(fromDayNumber(due), uncovered.length > 0, null, paused);
  }

  private awaitingSupplement(): ReplyClock {
    const uncovered = this.calendar.uncoveredYears(this.received, this.latest);
    if (this.explain) {
      const until = this.lapse
        ? `；如至${this.lapse.after}仍未补正，可按“逾期不补正”（o1）不再处理`
        : '';
      this.trace.push(
        ...provisionalLines(uncovered),
        `等待申请人补正：答复期限自收到补正后的申请之日起重新计算${until}`,
      );
    }
    return this.clock(null, uncovered.length > 0, 'supplement', 0);
  }

  private clock(
    due: IsoDate | null,
    provisional: boolean,
    waitingFor: 'supplement' | null,
    paused: number,
  ): ReplyClock {
    return {
      receivedOn: fromDayNumber(this.received),
      clockStart: fromDayNumber(this.start),
      supplementNoticeDue: fromDayNumber(this.noticeDue),
      extendedWorkdays: this.extension,
      deferred: this.deferral !== null,
      lapse: this.lapse,
      due,
      provisional,
      trace: this.trace,
      waitingFor,
      pausedWorkdays: paused,
    };
  }

  private explainDue(due: DayNumber, paused: number, uncovered: number[]): void {
    this.trace.push(
      ...this.countLines(due, paused),
      ...provisionalLines(uncovered),
      `答复期限：${fromDayNumber(due)}`,
    );
    if (this.lapse?.outcome === 'o2') {
      this.say(`如至${this.lapse.after}仍未缴费，可按“逾期未缴费”（o2）不再处理`);
    }
  }

  private countLines(due: DayNumber, paused: number): string[] {
    if (this.deferral !== null) {
      return paused > 0 ? [`延迟答复期限后另有${paused}个工作日不计算，期限顺延`] : [];
    }
    const extended = this.extension > 0 ? ` + 延长${this.extension}个工作日` : '';
    const excluded = paused > 0 ? `，另有${paused}个工作日不计算` : '';
    const from = this.start === this.received ? '收到申请之日' : '收到补正之日';
    return [
      `期限：${REPLY_WORKDAYS}个工作日${extended}${excluded}；自${from}${startsText(this.calendar, this.start)}`,
      ...describeCount(this.calendar, this.base, due, this.pauses),
    ];
  }
}

function checkOneReceipt(events: readonly ClockEvent[]): void {
  let receipts = 0;
  for (const e of events) if (e.type === 'Received') receipts++;
  if (receipts === 0) {
    throw new GongkaiError('law.events.no-receipt', '缺少“收到申请”事件，无法计算答复期限');
  }
  if (receipts > 1) {
    throw new GongkaiError('law.events.duplicate-receipt', '一件申请只能有一个“收到申请”事件');
  }
}

/** `dated[0]` is the receipt. */
function checkNotBeforeReceipt(dated: Dated[]): void {
  const received = dated[0].day;
  for (const d of dated) {
    if (d.day < received) {
      throw new GongkaiError(
        'law.events.before-receipt',
        `${EVENT_LABELS[d.event.type]}（${fromDayNumber(d.day)}）早于收到申请之日（${fromDayNumber(received)}），不属于本件申请的办理期间`,
        { event: d.event },
      );
    }
  }
}

/** Logs are usually appended in date order: then no sort is needed. */
function inOrder(dated: Dated[]): boolean {
  for (let i = 1; i < dated.length; i++) if (dated[i].day < dated[i - 1].day) return false;
  return true;
}

function byDay(a: Dated, b: Dated): number {
  return a.day - b.day;
}

/** Pairs consultation letters with their replies and fee notices with their payments. */
function pair(dated: Dated[]): void {
  let letters: Map<string, Dated> | null = null;
  let openFee: Dated | null = null;
  for (const d of dated) {
    const e = d.event;
    if (e.type === 'ConsultationSent') {
      letters ??= new Map();
      if (letters.has(e.id)) {
        throw new GongkaiError('law.consultation.duplicate', { id: e.id });
      }
      letters.set(e.id, d);
    } else if (e.type === 'ConsultationReplied') {
      const letter = letters?.get(e.id);
      if (letter === undefined) {
        throw new GongkaiError('law.consultation.unknown', { id: e.id, on: e.on });
      }
      if (letter.answered !== null) {
        throw new GongkaiError('law.consultation.replied-twice', { id: e.id });
      }
      letter.answered = d.day;
    } else if (e.type === 'ProcessingFeeNotified') {
      openFee = d;
    } else if (e.type === 'ProcessingFeePaid') {
      if (openFee === null) {
        throw new GongkaiError('law.fee.not-notified', { on: e.on });
      }
      openFee.answered = d.day;
      openFee = null;
    }
  }
}

const EVENT_LABELS: Record<ClockEvent['type'], string> = {
  Received: '收到申请',
  SupplementRequested: '补正告知',
  SupplementReceived: '收到补正',
  ConsultationSent: '发出征求意见书',
  ConsultationReplied: '收到征求意见答复',
  Extension: '延长答复期限',
  ProcessingFeeNotified: '发出收费通知',
  ProcessingFeePaid: '缴费',
  Deferral: '确定延迟答复期限',
};

function dayOf(event: ClockEvent): DayNumber {
  return event.type === 'Received' ? receiptDayNumber(event.receipt) : toDayNumber(event.on);
}

function restDayNote(calendar: Calendar, day: DayNumber): string {
  const info = calendar.dayInfo(day);
  if (info.kind === 'holiday') return `；当日为${info.name ? `${info.name}假期` : '法定节假日'}`;
  if (info.kind === 'weekend') return '；当日为休息日';
  if (info.kind === 'makeup') return `；当日为${info.name}调休上班日`;
  return '';
}
