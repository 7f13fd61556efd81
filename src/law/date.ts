import { GongkaiError } from '../errors.ts';

/** A calendar date as `YYYY-MM-DD` (no time zone: the law counts whole days). */
export type IsoDate = string;

/** Days since 1970-01-01; the calendar computes on these. */
export type DayNumber = number;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const FIRST_DAY = daysFromCivil(MIN_YEAR, 1, 1);
const LAST_DAY = daysFromCivil(MAX_YEAR, 12, 31);

const DASH = 45; // '-'
const ZERO = 48; // '0'

/** Parses and validates `YYYY-MM-DD`; throws `law.date.invalid` for anything else (2021-02-30 included). */
export function toDayNumber(iso: IsoDate): DayNumber {
  // Parsed by hand, without a regex or allocation: this runs for every event of every clock.
  if (typeof iso !== 'string' || iso.length !== 10) throw invalidDate(iso);
  if (iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH) throw invalidDate(iso);
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw invalidDate(iso);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new GongkaiError(
      'law.date.out-of-range',
      { min: MIN_YEAR, max: MAX_YEAR, date: iso },
      {
        date: iso,
      },
    );
  }
  const leapDay = month > 2 && isLeapYear(year) ? 1 : 0;
  return YEAR_STARTS[year - MIN_YEAR] + DAYS_BEFORE_MONTH[month] + leapDay + day - 1;
}

/** Days before the first of each month (1–12) in a common year. */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The first day of each supported year and of the year after the last. */
const YEAR_STARTS = Int32Array.from({ length: MAX_YEAR - MIN_YEAR + 2 }, (_, i) =>
  daysFromCivil(MIN_YEAR + i, 1, 1),
);

/** The value of `count` ASCII digits from `start`, or -1 if one of them is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
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
  if (n < FIRST_DAY || n > LAST_DAY) return format(n);
  const i = n - FIRST_DAY;
  let iso = formatted[i];
  if (iso === undefined) {
    iso = format(n);
    formatted[i] = iso;
  }
  return iso;
}

// Every clock result formats several dates and the same days recur: keeping them is ten times
// cheaper than formatting again. Indexed by day within the supported years (at most 109,573).
const formatted: (IsoDate | undefined)[] = new Array(LAST_DAY - FIRST_DAY + 1).fill(undefined);

function format(n: DayNumber): IsoDate {
  const civil = civilFromDays(n);
  const month = (civil >> 5) & 15;
  const day = civil & 31;
  return `${Math.floor(civil / 512)}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function yearOf(n: DayNumber): number {
  if (n < FIRST_DAY || n > LAST_DAY) return Math.floor(civilFromDays(n) / 512);
  // At most one year off: the supported years average 365.2425 days.
  let i = Math.floor((n - FIRST_DAY) / 365.25);
  if (YEAR_STARTS[i] > n) i--;
  else if (YEAR_STARTS[i + 1] <= n) i++;
  return MIN_YEAR + i;
}

export function firstDayOfYear(year: number): DayNumber {
  return year >= MIN_YEAR && year <= MAX_YEAR
    ? YEAR_STARTS[year - MIN_YEAR]
    : daysFromCivil(year, 1, 1);
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
  return new GongkaiError('law.date.invalid', { date: String(value) }, { date: value });
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

/** Year, month and day packed as (year × 16 + month) × 32 + day: hot callers allocate nothing. */
function civilFromDays(n: DayNumber): number {
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
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return (year * 16 + month) * 32 + day;
}

/** Today's date in China (UTC+8), where working days are counted and documents are dated. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
