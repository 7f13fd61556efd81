import { GongkaiError } from '../errors.ts';
import { bundledNoticeDays, bundledSource, type NoticeDay } from './bundled.ts';
import {
  type DayNumber,
  daysInYear,
  firstDayOfYear,
  fromDayNumber,
  type IsoDate,
  MAX_YEAR,
  MIN_YEAR,
  toDayNumber,
  weekdayOf,
  yearOf,
} from './date.ts';

/** One day of a loaded notice (the shape of a `workday_overrides` row). */
export interface WorkdayOverride {
  day: IsoDate;
  /** true: a (make-up) working day; false: a rest day. */
  workday: boolean;
  name?: string | null;
}

/** A year's schedule from one State Council notice. Loading it makes the year covered. */
export interface WorkdaySchedule {
  year: number;
  source: string;
  overrides: WorkdayOverride[];
}

/**
 * When day 1 of a period falls. `next-day` (default, 民法典 第二百零一条): the day after the event;
 * `same-day`: the event's own day when it is a working day.
 */
export type DayOne = 'next-day' | 'same-day';

export interface CountingConvention {
  dayOne: DayOne;
}

export const DEFAULT_CONVENTION: CountingConvention = { dayOne: 'next-day' };

export interface CalendarOptions {
  /** Years loaded from notices (e.g. from the database); their days override the bundled data. */
  schedules?: WorkdaySchedule[];
  convention?: CountingConvention;
  /** Use the bundled chinese-days data (default true). */
  bundled?: boolean;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  kind: DayKind;
  /** The festival for days a notice lists (春节, 国庆节 …), otherwise null. */
  name: string | null;
  /** false when the day's year has no notice loaded: weekends-only, provisional. */
  covered: boolean;
}

export interface YearCoverage {
  year: number;
  covered: boolean;
  source: string | null;
}

interface YearTable {
  year: number;
  first: DayNumber;
  last: DayNumber;
  working: Uint8Array;
  /** cum[i] = working days among the year's days 0 … i-1. */
  cum: Int32Array;
  /** nth[k] = index of the year's (k+1)-th working day. */
  nth: Int16Array;
  total: number;
  /** Named days, sorted. */
  listed: NoticeDay[];
  coverage: YearCoverage;
}

/**
 * The working-day calendar: the bundled State Council schedules plus loaded notices.
 * Per-year tables (working flags, cumulative counts, index of the k-th working day) are built
 * on first use, so adding N working days costs a couple of array reads per year crossed.
 */
export class Calendar {
  readonly convention: CountingConvention;
  private readonly useBundled: boolean;
  private readonly sources = new Map<number, string>();
  private readonly overridesByYear = new Map<number, NoticeDay[]>();
  private readonly tables = new Map<number, YearTable>();
  private recent: YearTable | undefined;

  constructor(options: CalendarOptions = {}) {
    this.convention = options.convention ?? DEFAULT_CONVENTION;
    this.useBundled = options.bundled ?? true;
    for (const schedule of options.schedules ?? []) this.load(schedule);
  }

  /** Whether the date is a working day. */
  isWorkday(date: IsoDate): boolean {
    return this.isWorkdayOn(toDayNumber(date));
  }

  isWorkdayOn(day: DayNumber): boolean {
    const t = this.tableOf(day);
    return t.working[day - t.first] === 1;
  }

  day(date: IsoDate): DayInfo {
    return this.dayInfo(toDayNumber(date));
  }

  dayInfo(day: DayNumber): DayInfo {
    const t = this.tableOf(day);
    const listed = findListed(t.listed, day);
    const weekend = isWeekend(day);
    return {
      date: fromDayNumber(day),
      workday: t.working[day - t.first] === 1,
      kind: kindOf(listed, weekend),
      name: listed?.name ?? null,
      covered: t.coverage.covered,
    };
  }

  coverage(year: number): YearCoverage {
    return this.table(year).coverage;
  }

  /** The days the year's notice lists (holidays and make-up working days), in date order. */
  exceptions(year: number): DayInfo[] {
    const t = this.table(year);
    return t.listed.map((d) => ({
      date: fromDayNumber(d.day),
      workday: d.workday,
      kind: kindOf(d, isWeekend(d.day)),
      name: d.name,
      covered: t.coverage.covered,
    }));
  }

  /** Listed days with `from < day <= to`, in order. */
  listedBetween(from: DayNumber, to: DayNumber): NoticeDay[] {
    const out: NoticeDay[] = [];
    for (let year = yearOf(from + 1); year <= yearOf(to); year++) {
      for (const d of this.table(year).listed) if (d.day > from && d.day <= to) out.push(d);
    }
    return out;
  }

  /** The years from `from` to `to` (inclusive) that have no notice loaded. */
  uncoveredYears(from: DayNumber, to: DayNumber): number[] {
    const years: number[] = [];
    if (to < from && yearOf(to) < yearOf(from)) return years;
    let t = this.tableOf(from);
    while (t.first <= to) {
      if (!t.coverage.covered) years.push(t.year);
      if (t.last >= to) break;
      t = this.table(t.year + 1);
    }
    return years;
  }

  /**
   * The end of the n-th working day of a period that starts with an event on `date`,
   * following the counting convention (n = 0 gives the event day itself).
   */
  periodEnd(date: IsoDate, n: number): IsoDate {
    return fromDayNumber(this.periodEndOn(toDayNumber(date), n));
  }

  periodEndOn(event: DayNumber, n: number): DayNumber {
    return this.addWorkdaysOn(this.anchorOf(event), n);
  }

  /** The last day before day 1 of a period starting with an event on `event`. */
  anchorOf(event: DayNumber): DayNumber {
    return this.convention.dayOne === 'same-day' && this.isWorkdayOn(event) ? event - 1 : event;
  }

  /** The n-th working day strictly after `date` (n ≥ 0; 0 gives `date`). No convention applied. */
  addWorkdays(date: IsoDate, n: number): IsoDate {
    return fromDayNumber(this.addWorkdaysOn(toDayNumber(date), n));
  }

  addWorkdaysOn(day: DayNumber, n: number): DayNumber {
    if (!Number.isInteger(n) || n < 0) {
      throw new GongkaiError('law.workdays.invalid', { n }, { n });
    }
    if (n === 0) return day;
    let t = this.tableOf(day);
    let before = t.cum[day - t.first + 1];
    let need = n;
    while (before + need > t.total) {
      need -= t.total - before;
      t = this.table(t.year + 1);
      before = 0;
    }
    return t.first + t.nth[before + need - 1];
  }

  /** Working days with `after < day <= through` (0 when through ≤ after). */
  countWorkdays(after: IsoDate, through: IsoDate): number {
    return this.countWorkdaysOn(toDayNumber(after), toDayNumber(through));
  }

  countWorkdaysOn(after: DayNumber, through: DayNumber): number {
    if (through <= after) return 0;
    let t = this.tableOf(after);
    let count = t.total - t.cum[after - t.first + 1];
    while (through > t.last) {
      t = this.table(t.year + 1);
      count += t.total;
    }
    return count - (t.total - t.cum[through - t.first + 1]);
  }

  private load(schedule: WorkdaySchedule): void {
    this.sources.set(schedule.year, schedule.source);
    for (const o of schedule.overrides) {
      const day = toDayNumber(o.day);
      const year = yearOf(day);
      const list = this.overridesByYear.get(year) ?? [];
      list.push({ day, workday: o.workday, name: o.name ?? '' });
      this.overridesByYear.set(year, list);
    }
  }

  private tableOf(day: DayNumber): YearTable {
    const r = this.recent;
    if (r !== undefined && day >= r.first && day <= r.last) return r;
    const t = this.table(yearOf(day));
    this.recent = t;
    return t;
  }

  private table(year: number): YearTable {
    let t = this.tables.get(year);
    if (t === undefined) {
      t = this.build(year);
      this.tables.set(year, t);
    }
    return t;
  }

  private build(year: number): YearTable {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new GongkaiError(
        'law.date.out-of-range',
        { min: MIN_YEAR, max: MAX_YEAR, date: `${year}年` },
        {
          year,
        },
      );
    }
    const first = firstDayOfYear(year);
    const length = daysInYear(year);
    const bundled = this.useBundled ? bundledNoticeDays(year) : null;
    const byDay = new Map<DayNumber, NoticeDay>();
    for (const d of bundled ?? []) byDay.set(d.day, d);
    for (const d of this.overridesByYear.get(year) ?? []) byDay.set(d.day, d);
    const listed = [...byDay.values()].sort((a, b) => a.day - b.day);

    const working = new Uint8Array(length);
    for (let i = 0; i < length; i++) working[i] = isWeekend(first + i) ? 0 : 1;
    for (const d of listed) working[d.day - first] = d.workday ? 1 : 0;

    const cum = new Int32Array(length + 1);
    const nth = new Int16Array(length);
    for (let i = 0; i < length; i++) {
      if (working[i] === 1) nth[cum[i]] = i;
      cum[i + 1] = cum[i] + working[i];
    }
    const source = this.sources.get(year) ?? (bundled ? bundledSource(year) : null);
    return {
      year,
      first,
      last: first + length - 1,
      working,
      cum,
      nth,
      total: cum[length],
      listed,
      coverage: { year, covered: source !== null, source },
    };
  }
}

function isWeekend(day: DayNumber): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

function kindOf(listed: NoticeDay | undefined, weekend: boolean): DayKind {
  if (listed === undefined) return weekend ? 'weekend' : 'workday';
  if (!listed.workday) return 'holiday';
  return weekend ? 'makeup' : 'workday';
}

function findListed(listed: NoticeDay[], day: DayNumber): NoticeDay | undefined {
  let lo = 0;
  let hi = listed.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = listed[mid].day;
    if (d === day) return listed[mid];
    if (d < day) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
