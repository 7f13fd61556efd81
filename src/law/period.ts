import type { Calendar } from './calendar.ts';
import { fromDayNumber, type IsoDate, toDayNumber } from './date.ts';
import { describeCount, provisionalLines } from './trace.ts';

/** A computed date with the reasons for it. */
export interface ComputedDate {
  date: IsoDate;
  /** true when a counted year has no holiday notice loaded (weekends-only estimate). */
  provisional: boolean;
  /** One line per step, in Chinese. */
  trace: string[];
}

export interface PeriodSpec {
  /** The event the period runs from. */
  on: IsoDate;
  /** Its trace line label, e.g. `收到申请`. */
  eventLabel: string;
  workdays: number;
  /** The result's label, e.g. `补正告知期限`. */
  resultLabel: string;
}

/** `workdays` working days from an event, following the calendar's counting convention. */
export function computePeriod(calendar: Calendar, spec: PeriodSpec): ComputedDate {
  const event = toDayNumber(spec.on);
  const anchor = calendar.anchorOf(event);
  const end = calendar.addWorkdaysOn(anchor, spec.workdays);
  const uncovered = calendar.uncoveredYears(event, end);
  const trace = [
    `${spec.eventLabel}：${spec.on}${dayNote(calendar, spec.on)}`,
    `期限：${spec.workdays}个工作日，自${spec.eventLabel}之日${startsText(calendar, event)}`,
    ...describeCount(calendar, anchor, end),
    ...provisionalLines(uncovered),
    `${spec.resultLabel}：${fromDayNumber(end)}`,
  ];
  return { date: fromDayNumber(end), provisional: uncovered.length > 0, trace };
}

/** `（国庆节假期）` when the event falls on a rest day a notice lists, `（星期六）` on a weekend. */
export function dayNote(calendar: Calendar, date: IsoDate): string {
  const info = calendar.day(date);
  if (info.kind === 'holiday') return `（${info.name ? `${info.name}假期` : '法定节假日'}）`;
  if (info.kind === 'makeup') return `（${info.name}调休上班日）`;
  if (info.kind === 'weekend') return '（休息日）';
  return '';
}

export function startsText(calendar: Calendar, event: number): string {
  if (calendar.anchorOf(event) === event - 1) return '起算（当日为工作日，计为第1个工作日）';
  return '的次日起算';
}
