/**
 * What an applicant is told, and when: receipt confirmed, 补正, fee notice, extension, reply
 * ready. A notice names the agency and the query code only — no name, no request text — because
 * a mail or an SMS may be read by someone else; the details are behind the tracking page.
 */
import type { CaseEvent } from './events.ts';
import type { CaseState } from './state.ts';

export interface Notice {
  /** Which step it reports; with the event's sequence it makes the message unique. */
  step: 'received' | 'supplement' | 'fee' | 'extension' | 'decided' | 'reasons' | 'correction';
  subject: string;
  body: string;
}

export interface NoticeContext {
  agencyName: string;
  queryCode: string;
  /** The tracking page's address, e.g. https://gk.example.cn/a/xiangtan-xfj/track. */
  trackUrl: string;
}

/** The words of every notice that states the reply due date (the correction looks for them). */
export function dueWords(due: string): string {
  return `答复期限为 ${due}`;
}

export function noticeFor(
  event: CaseEvent,
  state: CaseState,
  context: NoticeContext,
): Notice | null {
  const line = (what: string) => noticeText(what, context);
  switch (event.type) {
    case 'Received':
      return {
        step: 'received',
        subject: `${context.agencyName}已收到您的政府信息公开申请`,
        body: line(
          `${context.agencyName}已于 ${event.on} 收到您的政府信息公开申请${dueText(state)}。`,
        ),
      };
    case 'SupplementRequested':
      return {
        step: 'supplement',
        subject: `${context.agencyName}请您补正政府信息公开申请`,
        body: line(
          `您的申请内容需要补正，请于 ${event.deadline} 前补正；逾期未补正的，视为放弃申请。`,
        ),
      };
    case 'ProcessingFeeNotified':
      return {
        step: 'fee',
        subject: `${context.agencyName}信息处理费缴纳通知`,
        body: line(`您的申请需缴纳信息处理费 ${event.amount} 元，缴纳方式见收费通知。`),
      };
    case 'Extension':
      return {
        step: 'extension',
        subject: `${context.agencyName}延长答复期限的告知`,
        body: line(`您的申请答复期限已依法延长${dueText(state)}。`),
      };
    case 'Deferral':
      return {
        step: 'extension',
        subject: `${context.agencyName}延迟答复的告知`,
        body: line(`您的申请将延迟答复，${dueWords(event.due)}。`),
      };
    case 'ReasonsRequested':
      return {
        step: 'reasons',
        subject: `${context.agencyName}请您说明政府信息公开申请的理由`,
        body: line(`请于 ${event.deadline} 前说明申请理由，详见说明理由通知书。`),
      };
    case 'Decided':
      return {
        step: 'decided',
        subject: `${context.agencyName}已对您的政府信息公开申请作出答复`,
        body: line(`${context.agencyName}已于 ${event.on} 作出答复。`),
      };
    default:
      return null;
  }
}

/**
 * After a change of the working-day calendar (调休 notice) moved the reply due date the applicant
 * was told: the date that now applies.
 */
export function dueCorrectionNotice(told: string, due: string, context: NoticeContext): Notice {
  return {
    step: 'correction',
    subject: `${context.agencyName}更正政府信息公开申请的答复期限`,
    body: noticeText(
      `因法定节假日和调休安排调整，此前告知的答复期限 ${told} 有变，现${dueWords(due)}。`,
      context,
    ),
  };
}

function noticeText(what: string, context: NoticeContext): string {
  return `${what}\n查询码：${context.queryCode}\n请凭查询码和手机号码后四位在 ${context.trackUrl} 查看详情。\n（本消息由系统自动发送，请勿回复。）`;
}

function dueText(state: CaseState): string {
  const due = state.outcome === null ? state.clock?.due : null;
  return due ? `，${dueWords(due)}` : '';
}
