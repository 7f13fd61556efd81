/**
 * Art. 35 (申请数量、频次明显超过合理范围): the office may ask the applicant to explain the reasons
 * (要求说明理由). Only then may it refuse to handle the request (n4, 不予处理) — when no reasons
 * came or they were judged unreasonable — or, when the reasons were judged reasonable but the
 * Art. 33 limits cannot be met, set a later reply deadline (延迟答复).
 *
 * The clock: the 条例 does not pause the Art. 33 period while the applicant explains, so the
 * request for reasons leaves the reply deadline as it was (the conservative reading); only the
 * 延迟答复 moves it (`clock.ts`).
 */
import type { IsoDate } from './date.ts';

/** How the office judged the applicant's reasons. */
export type ReasonsFinding = 'not-given' | 'unreasonable' | 'reasonable';

export const REASONS_FINDING_LABELS: Record<ReasonsFinding, string> = {
  'not-given': '申请人未在期限内说明理由',
  unreasonable: '申请人说明的理由经审查不合理',
  reasonable: '申请人说明的理由经审查合理',
};

/** The Art. 35 record of one application: the request for reasons and, later, the finding. */
export interface ReasonsRecord {
  requestedOn: IsoDate;
  /** The day the applicant was asked to answer by. */
  deadline: IsoDate;
  finding: ReasonsFinding | null;
}

/** What Art. 35 lets the office do after asking: refuse to handle (n4) or defer the reply. */
export type ExcessiveAction = 'refuse' | 'defer';

/** Null when Art. 35 allows the action; otherwise the Chinese reason it does not. */
export function excessiveActionProblem(
  action: ExcessiveAction,
  record: ReasonsRecord | null,
): string | null {
  const what = action === 'refuse' ? '按第三十五条不予处理' : '确定延迟答复期限';
  if (record === null) return `${what}，须先要求申请人说明理由（第三十五条）`;
  if (record.finding === null) {
    return `${what}，须先登记申请人说明理由的情况（未说明理由、理由不合理或理由合理）`;
  }
  if (action === 'refuse' && record.finding === 'reasonable') {
    return '申请人说明的理由经审查合理的，不能按第三十五条不予处理；无法按期答复的，可以确定延迟答复期限';
  }
  if (action === 'defer' && record.finding !== 'reasonable') {
    return '只有申请人说明的理由经审查合理、但无法在第三十三条规定的期限内答复的，才能确定延迟答复期限';
  }
  return null;
}
