import cd from 'chinese-days';
import { type DayNumber, daysInYear, firstDayOfYear, fromDayNumber } from './date.ts';

/** One day listed in a State Council holiday notice: a rest day or a make-up working day. */
export interface NoticeDay {
  day: DayNumber;
  workday: boolean;
  /** The festival the notice names, e.g. 春节, 国庆节. */
  name: string;
}

export const BUNDLED_DATA = 'chinese-days 1.5.7';

const cache = new Map<number, NoticeDay[] | null>();

/**
 * The days chinese-days lists for a calendar year, or null when it has no notice for that year.
 * chinese-days answers weekends-only for unknown years, so a year counts as bundled only when
 * the library lists at least one named day in it.
 */
export function bundledNoticeDays(year: number): NoticeDay[] | null {
  let days = cache.get(year);
  if (days === undefined) {
    days = readYear(year);
    cache.set(year, days);
  }
  return days;
}

export function bundledSource(year: number): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知（${BUNDLED_DATA} 内置数据）`;
}

function readYear(year: number): NoticeDay[] | null {
  const first = firstDayOfYear(year);
  const days: NoticeDay[] = [];
  for (let i = 0; i < daysInYear(year); i++) {
    const detail = cd.getDayDetail(fromDayNumber(first + i));
    // Named days look like "National Day,国庆节,3"; ordinary days carry the English weekday name.
    const parts = detail.name.split(',');
    if (parts.length >= 2) days.push({ day: first + i, workday: detail.work, name: parts[1] });
  }
  return days.length > 0 ? days : null;
}
