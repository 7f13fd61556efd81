import type { Calendar } from './calendar.ts';
import type { IsoDate } from './date.ts';
import { type ComputedDate, computePeriod } from './period.ts';

export const PUBLICATION_WORKDAYS = 20; // Art. 26

/** Proactive publication deadline: 20 working days after the information is made or changed (Art. 26). */
export function publicationDue(
  calendar: Calendar,
  madeOn: IsoDate,
  change: 'made' | 'changed' = 'made',
): ComputedDate {
  return computePeriod(calendar, {
    on: madeOn,
    eventLabel: change === 'made' ? '信息形成' : '信息变更',
    workdays: PUBLICATION_WORKDAYS,
    resultLabel: '主动公开期限',
  });
}
