import type { IsoDate } from '../law/date.ts';

/** Today's date in China (UTC+8), where the working days are counted. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
