import { GongkaiError } from '../errors.ts';

/** A calendar date as `YYYY-MM-DD` (no time zone: the law counts whole days). */
export type IsoDate = string;

/** Days since 1970-01-01; the calendar computes on these. */
export type DayNumber = number;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses and validates `YYYY-MM-DD`; throws `law.date.invalid` for anything else (2021-02-30 included). */
export function toDayNumber(iso: IsoDate): DayNumber {
  const match = typeof iso === 'string' ? isoPattern.exec(iso) : null;
  if (!match) throw invalidDate(iso);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw invalidDate(iso);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new GongkaiError(
      'law.date.out-of-range',
      `日期超出支持范围（${MIN_YEAR}—${MAX_YEAR}年）：${iso}`,
      {
        date: iso,
      },
    );
  }
  return daysFromCivil(year, month, day);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function fromDayNumber(n: DayNumber): IsoDate {
  const { year, month, day } = civilFromDays(n);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function yearOf(n: DayNumber): number {
  return civilFromDays(n).year;
}

export function firstDayOfYear(year: number): DayNumber {
  return daysFromCivil(year, 1, 1);
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayName(n: DayNumber): string {
  return weekdayNames[weekdayOf(n)];
}

function invalidDate(value: unknown): GongkaiError {
  return new GongkaiError(
    'law.date.invalid',
    `日期无效：“${String(value)}”，应为 YYYY-MM-DD 格式的真实日期`,
    { date: value },
  );
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: DayNumber): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
