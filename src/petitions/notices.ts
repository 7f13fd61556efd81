/**
 * What a petitioner is told, and when: receipt (with the day by which acceptance is decided),
 * the acceptance decision with the handling due date, an extension, and the reply ready. As for
 * applicants (`cases/notices.ts`), a notice names the agency and the query code only.
 */
import type { PetitionClock } from './clock.ts';
import { ACCEPTANCE_DECISION_LABELS, type PetitionEvent } from './events.ts';

export interface PetitionNotice {
  step: 'received' | 'acceptance' | 'extension' | 'answered';
  subject: string;
  body: string;
}

export interface PetitionNoticeContext {
  agencyName: string;
  queryCode: string;
  /** The petition tracking page, e.g. https://gk.example.cn/a/xiangtan-xfj/petition/track. */
  trackUrl: string;
}

export function petitionNoticeFor(
  event: PetitionEvent,
  clock: PetitionClock,
  context: PetitionNoticeContext,
): PetitionNotice | null {
  const { agencyName } = context;
  const line = (what: string) =>
    `${what}\n查询码：${context.queryCode}\n请凭查询码和联系电话后四位在 ${context.trackUrl} 查看办理进度。\n（本消息由系统自动发送，请勿回复。）`;
  switch (event.type) {
    case 'Registered':
      return {
        step: 'received',
        subject: `${agencyName}已收到您的信访事项`,
        body: line(
          `${agencyName}已于 ${event.on} 收到您的信访事项，将于 ${clock.acceptance.due} 前告知是否受理。`,
        ),
      };
    case 'AcceptanceDecided':
      return {
        step: 'acceptance',
        subject: `${agencyName}信访事项受理告知`,
        body: line(
          event.decision === 'accepted' && clock.handling
            ? `您的信访事项已于 ${event.on} 受理，办理期限为 ${clock.handling.due}。`
            : `您的信访事项已于 ${event.on} 作出“${ACCEPTANCE_DECISION_LABELS[event.decision]}”的决定，书面告知另行送达。`,
        ),
      };
    case 'Extended':
      return {
        step: 'extension',
        subject: `${agencyName}延长信访事项办理期限的告知`,
        body: line(
          `您的信访事项办理期限已延长${event.days}日${clock.handling ? `，延长后的办理期限为 ${clock.handling.due}` : ''}。`,
        ),
      };
    case 'Answered':
      return {
        step: 'answered',
        subject: `${agencyName}已出具信访事项处理意见书`,
        body: line(`${agencyName}已于 ${event.on} 对您的信访事项出具处理意见书。`),
      };
    default:
      return null;
  }
}
