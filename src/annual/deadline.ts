/**
 * When a year's report is due (条例 Art. 49: departments publish by 1月31日, governments by
 * 3月31日 of the next year; local rules may set earlier dates) and where a report stands against
 * it. Pure: dates are `YYYY-MM-DD` strings, so comparison is lexical.
 */
import type { AnnualReportStatus } from './reportStatus.ts';

export type AgencyKind = 'government' | 'department';

/** The statutory latest date for the report on `year`. */
export function statutoryDeadline(kind: AgencyKind, year: number): string {
  return `${year + 1}-${kind === 'government' ? '03-31' : '01-31'}`;
}

/** A local `MM-DD` date applies only when it is earlier than the statutory one. */
export function effectiveDeadline(kind: AgencyKind, year: number, localMonthDay?: string | null) {
  const statutory = statutoryDeadline(kind, year);
  if (!localMonthDay || !isMonthDay(localMonthDay)) return { due: statutory, local: false };
  const local = `${year + 1}-${localMonthDay}`;
  return local < statutory ? { due: local, local: true } : { due: statutory, local: false };
}

export function isMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

export type ReportState = 'not-started' | AnnualReportStatus | 'late';

export const reportStateLabels: Record<ReportState, string> = {
  'not-started': '未开始',
  draft: '编制中',
  approved: '已审核',
  published: '已发布',
  late: '逾期未发布',
};

export interface ReportStanding {
  state: ReportState;
  /** Published, but after the deadline. */
  publishedLate: boolean;
  /** Days left until the deadline (negative when past), from `today`. */
  daysLeft: number;
}

export function reportStanding(
  status: AnnualReportStatus | null,
  publishedOn: string | null,
  due: string,
  today: string,
): ReportStanding {
  const daysLeft = Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
  if (status === 'published')
    return { state: 'published', publishedLate: !!publishedOn && publishedOn > due, daysLeft };
  if (today > due) return { state: 'late', publishedLate: false, daysLeft };
  return { state: status ?? 'not-started', publishedLate: false, daysLeft };
}

/** The report year whose deadline season `today` falls in: from 1月1日 the previous year's report is due. */
export function dueSeasonYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

/** The dashboard warning for an unpublished report, shown from 1月1日 until it is published. */
export function deadlineWarning(
  standing: ReportStanding,
  year: number,
  due: string,
): string | null {
  if (standing.state === 'published') return null;
  const [, m, d] = due.split('-').map(Number);
  if (standing.daysLeft < 0)
    return `${year}年度报告已超过发布期限（${m}月${d}日）${-standing.daysLeft}天，请尽快审核发布。`;
  return `${year}年度报告应于${year + 1}年${m}月${d}日前发布，还有${standing.daysLeft}天。`;
}
