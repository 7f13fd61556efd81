/**
 * What the case's staff are told at once, not only in the next morning's digest: the applicant
 * answered a 补正 online, so the clock runs again. Like the applicant's notices, it names the
 * query code only; the answer itself is behind the back-office link.
 */
import type { CaseEvent } from './events.ts';

export interface StaffNoticeContext {
  agencyName: string;
  queryCode: string;
  /** The case's back-office page, e.g. https://gk.example.cn/admin/xiangtan-xfj/cases/12. */
  caseUrl: string;
}

export function staffNoticeFor(
  event: CaseEvent,
  context: StaffNoticeContext,
): { subject: string; body: string } | null {
  if (event.type !== 'SupplementReceived' || event.by !== 'applicant') return null;
  return {
    subject: `申请人已在网上补正（查询码 ${context.queryCode}）`,
    body: `${context.agencyName}：查询码为 ${context.queryCode} 的政府信息公开申请，申请人已于 ${event.on} 在网上提交补正，答复期限自收到补正之日起重新计算。\n请在 ${context.caseUrl} 查看补正内容并继续办理。\n（本邮件由系统自动发送，请勿回复。）`,
  };
}
