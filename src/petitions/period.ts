import type { Calendar } from '../law/calendar.ts';
import { type DayNumber, fromDayNumber, toDayNumber } from '../law/date.ts';
import { dayNote } from '../law/period.ts';

/** How the end of a period of calendar days is fixed. */
export interface DayCountOptions {
  /** Used only to name rest days in the trace and, with `rollover`, to move the last day. */
  calendar?: Calendar;
  /**
   * Move a last day that is a rest day to the next working day (《民法典》第二百零三条).
   * Off by default: the 《信访工作条例》 counts 日 and says nothing about rest days, so the
   * strict reading (no rollover) is the safe one for the agency. Needs `calendar`.
   */
  rollover?: boolean;
}

export interface CountedPeriod {
  due: DayNumber;
  lines: string[];
}

/**
 * `days` calendar days after an event on `from`: day 1 is the next day (《民法典》第二百零一条),
 * so the period ends on `from + days` (then moved past rest days only with `rollover`).
 */
export function countDays(
  from: DayNumber,
  days: number,
  eventLabel: string,
  resultLabel: string,
  options: DayCountOptions = {},
): CountedPeriod {
  let due = from + days;
  const lines = [
    `${resultLabel}：${days}日（日历日），自${eventLabel}之日（${fromDayNumber(from)}）的次日起算，第1日为${fromDayNumber(from + 1)}，第${days}日为${fromDayNumber(due)}`,
  ];
  const calendar = options.calendar;
  if (calendar && !calendar.isWorkdayOn(due)) {
    const note = dayNote(calendar, fromDayNumber(due)).replace(/^（|）$/g, '');
    if (options.rollover) {
      let next = due + 1;
      while (!calendar.isWorkdayOn(next)) next++;
      lines.push(
        `第${days}日（${fromDayNumber(due)}）为${note}，依《民法典》第二百零三条顺延至其后第一个工作日${fromDayNumber(next)}`,
      );
      due = next;
    } else {
      lines.push(`第${days}日（${fromDayNumber(due)}）为${note}；按日历日计算，不顺延`);
    }
  }
  lines.push(`${resultLabel}届满：${fromDayNumber(due)}`);
  return { due, lines };
}

/** Whole days from `from` to `to` inclusive, e.g. a hearing held on two days counts 2. */
export function inclusiveDays(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from) + 1;
}
