/**
 * Sanity of a paper, in-person, fax or post registration (条例 第三十一条): dates that
 * contradict each other are refused, and an application that looks like one already registered
 * is flagged so staff confirm it is not the same one twice.
 */
import { fromDayNumber, type IsoDate, toDayNumber } from '../law/date.ts';
import type { Channel } from '../law/receipt.ts';

/** The 2007 条例 took effect on 2008-05-01: no application under it can be older. */
export const FIRST_INTAKE_DATE = '2008-05-01';
/** Two registrations this many days apart or fewer may be the same application. */
export const DUPLICATE_WINDOW_DAYS = 30;

export interface IntakeDates {
  channel: Channel;
  submittedOn: IsoDate;
  /** Blank while the date is not yet fixed (ordinary post, fax: confirmation pending). */
  receivedOn?: IsoDate;
}

/** Why the dates of a registration cannot all be true, per field (empty when they can). */
export function intakeDateErrors(dates: IntakeDates, today: IsoDate): Record<string, string> {
  const errors: Record<string, string> = {};
  const { channel, submittedOn, receivedOn } = dates;
  if (submittedOn > today)
    errors.submittedOn = `提交日期（${submittedOn}）不能晚于今天（${today}）`;
  else if (submittedOn < FIRST_INTAKE_DATE)
    errors.submittedOn = `提交日期（${submittedOn}）早于《政府信息公开条例》施行之日（2008-05-01），请核对`;
  if (!receivedOn) return errors;
  if (receivedOn > today)
    errors.receivedOn = `收到申请之日（${receivedOn}）不能晚于今天（${today}）`;
  else if (channel === 'in-person' && receivedOn !== submittedOn)
    errors.receivedOn = `当面提交的，收到申请之日就是提交之日（${submittedOn}），请留空或填写提交日期`;
  else if (receivedOn < submittedOn)
    errors.receivedOn = `收到申请之日（${receivedOn}）不能早于提交日期（${submittedOn}）`;
  return errors;
}

/** The days a likely duplicate of an application submitted on `on` may have been submitted. */
export function duplicateWindow(on: IsoDate): { from: IsoDate; to: IsoDate } {
  const day = toDayNumber(on);
  return {
    from: fromDayNumber(day - DUPLICATE_WINDOW_DAYS),
    to: fromDayNumber(day + DUPLICATE_WINDOW_DAYS),
  };
}

/** The request with spacing and punctuation dropped, so a retyped copy compares equal. */
export function requestKey(description: string): string {
  return description
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** Same request: equal once normalised, or one contains the other and is not trivially short. */
export function sameRequest(a: string, b: string): boolean {
  const [x, y] = [requestKey(a), requestKey(b)];
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 10 && long.includes(short);
}

export interface RegisteredApplication {
  applicantName: string;
  phoneDigits: string;
  submittedOn: IsoDate;
  description: string;
}

/** Same applicant (name or phone) with the same request within the window. */
export function looksLikeDuplicate(
  candidate: RegisteredApplication,
  earlier: RegisteredApplication,
): boolean {
  const window = duplicateWindow(candidate.submittedOn);
  if (earlier.submittedOn < window.from || earlier.submittedOn > window.to) return false;
  const sameName = candidate.applicantName.trim() === earlier.applicantName.trim();
  const samePhone = candidate.phoneDigits !== '' && candidate.phoneDigits === earlier.phoneDigits;
  return (sameName || samePhone) && sameRequest(candidate.description, earlier.description);
}
