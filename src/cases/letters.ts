/**
 * The letters (告知书) an event produces: pure content with the legal basis and the remedy text
 * from the decision catalogue. `letterDocx.ts` turns the content into a .docx file.
 */
import { CONSULTATION_WORKDAYS, FEE_PAYMENT_WORKDAYS } from '../law/clock.ts';
import type { IsoDate } from '../law/date.ts';
import { decisionKind } from '../law/decisions.ts';
import { REASONS_FINDING_LABELS } from '../law/excessive.ts';
import { type RemedyBodies, remedyFor } from '../law/remedies.ts';
import type { CaseEvent } from './events.ts';
import { feeStandard } from './feeAssessment.ts';
import { petitionChannelNotice } from './petitionChannelNotice.ts';
import type { CaseState } from './state.ts';

export type LetterKind =
  | 'supplement'
  | 'extension'
  | 'deferral'
  | 'consultation'
  | 'fee'
  | 'decision'
  | 'reasons'
  | 'third-party-notice'
  | 'correction';

export interface LetterContent {
  kind: LetterKind;
  title: string;
  /** From the agency's template, e.g. `湘信访依申复〔2026〕3号`. */
  number: string;
  /** Who the letter is addressed to. */
  addressee: string;
  paragraphs: string[];
  /** The provision the letter rests on, printed as its own paragraph. */
  basis: string | null;
  /** How to challenge the letter, as the law stood on its date (`law/remedies.ts`). */
  remedy: string | null;
  agencyName: string;
  date: IsoDate;
  /** Whether the applicant receives it (the 征求意见书 goes to the third party). */
  toApplicant: boolean;
}

export interface LetterContext {
  agencyName: string;
  applicationId: number;
  applicantName: string;
  description: string;
  state: CaseState;
  /** The number this letter gets (the repository allocates it from the agency's template). */
  number: string;
  /** The agency's 复议机关 and competent court, named in every remedy. */
  bodies: RemedyBodies;
}

const REG = '《中华人民共和国政府信息公开条例》';

/** The letter an event produces, or null when it produces none. */
export function letterFor(ctx: LetterContext, event: CaseEvent): LetterContent | null {
  const { state } = ctx;
  const received = state.receivedOn ? cnDate(state.receivedOn) : '';
  const amended = state.amendedRequest ? `，经补正为：“${state.amendedRequest}”` : '';
  const request = `您（单位）于${received}向本机关提出的政府信息公开申请（申请内容：“${ctx.description}”${amended}）`;
  const base = {
    number: ctx.number,
    addressee: ctx.applicantName,
    agencyName: ctx.agencyName,
    date: event.on,
    toApplicant: true,
  };
  switch (event.type) {
    case 'SupplementRequested':
      return {
        ...base,
        kind: 'supplement',
        title: '政府信息公开申请补正告知书',
        paragraphs: [
          `${request}，经审查，申请内容不明确。请您对以下事项作出补正：${event.items}`,
          `请于${cnDate(event.deadline)}前提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ],
        basis: `依据${REG}第三十条。`,
        remedy: null,
      };
    case 'Extension':
      return {
        ...base,
        kind: 'extension',
        title: '延长政府信息公开答复期限告知书',
        paragraphs: [
          `${request}，因${event.reason}，需要延长答复期限。经本机关政府信息公开工作机构负责人同意，答复期限延长${event.workdays}个工作日${state.clock?.due ? `，延长后的答复期限至${cnDate(state.clock.due)}` : ''}。`,
          ...(state.clock?.due && state.clock.provisional ? [PROVISIONAL] : []),
        ],
        basis: `依据${REG}第三十三条第二款。`,
        remedy: null,
      };
    case 'Deferral':
      return {
        ...base,
        kind: 'deferral',
        title: '政府信息公开申请延迟答复告知书',
        paragraphs: [
          `${request}，因${event.reason}，本机关无法在${REG}第三十三条规定的期限内答复。经本机关政府信息公开工作机构负责人同意，确定延迟答复的合理期限至${cnDate(event.due)}，本机关将在该期限内作出答复。`,
        ],
        basis: `依据${REG}第三十五条。`,
        remedy: null,
      };
    case 'ConsultationSent':
      return {
        ...base,
        kind: 'consultation',
        title: '政府信息公开征求意见书',
        addressee: event.name,
        toApplicant: false,
        paragraphs: [
          `本机关于${received}收到政府信息公开申请，申请公开的信息（“${ctx.description}”）可能涉及贵方${event.party === 'third-party' ? '的合法权益' : '的职责'}。现书面征求贵方意见。`,
          `请于收到本征求意见书之日起${CONSULTATION_WORKDAYS}个工作日内提出意见。${event.party === 'third-party' ? '逾期未提出意见的，由本机关依照条例的规定决定是否公开。' : '逾期未提出意见的，视为同意公开。'}`,
        ],
        basis: `依据${REG}${event.party === 'third-party' ? '第三十二条' : '第三十四条'}。`,
        remedy: null,
      };
    case 'ProcessingFeeNotified':
      return { ...base, ...feeNotice(request, event) };
    case 'ReasonsRequested':
      return {
        ...base,
        kind: 'reasons',
        title: '政府信息公开申请说明理由通知书',
        paragraphs: [
          `${request}，经审查，您（单位）申请公开政府信息的数量、频次明显超过合理范围：${event.grounds}`,
          `请于${cnDate(event.deadline)}前向本机关说明申请理由。本机关认为申请理由不合理的，将告知不予处理；认为申请理由合理、但无法在${REG}第三十三条规定的期限内答复的，可以确定延迟答复的合理期限并告知您（单位）。`,
        ],
        basis: `依据${REG}第三十五条。`,
        remedy: null,
      };
    case 'ThirdPartyNotified':
      return { ...base, ...thirdPartyNotice(ctx, event) };
    case 'Decided':
    case 'Redecided':
      return decisionLetter(ctx, event, request, base);
    case 'CorrectionDecided':
      return { ...base, ...correctionLetter(ctx, event, received) };
    default:
      return null;
  }
}

/** What a letter adds when its date rests on holidays not yet published (`clock.provisional`). */
export const PROVISIONAL =
  '上述日期系按现行节假日安排推算；次年节假日安排公布后，如日期有变化，本机关将另行告知。';

/** Why a provisional letter is refused when the agency holds them until the calendar is loaded. */
export const PROVISIONAL_HELD =
  '本告知书载明的日期涉及尚未载入的次年节假日安排，本单位设置为暂缓出具：请系统管理员在国务院办公厅公布安排后用“gongkai calendar import 年份.json”导入次年日历（见 docs/calendar.md），再登记本操作；或由单位管理员在“单位设置—答复文书”中改为照常出具。';

function thirdPartyNotice(
  ctx: LetterContext,
  event: CaseEvent & { type: 'ThirdPartyNotified' },
): Pick<
  LetterContent,
  'kind' | 'title' | 'paragraphs' | 'basis' | 'remedy' | 'addressee' | 'toApplicant'
> {
  const c = ctx.state.consultations.find((x) => x.id === event.consultationId);
  const received = ctx.state.receivedOn ? cnDate(ctx.state.receivedOn) : '';
  return {
    kind: 'third-party-notice',
    title: '政府信息公开第三方告知书',
    addressee: c?.name ?? '',
    toApplicant: false,
    paragraphs: [
      `本机关于${received}收到政府信息公开申请（申请内容：“${ctx.state.amendedRequest ?? ctx.description}”）。本机关${c ? `于${cnDate(c.sentOn)}` : ''}书面征求贵方意见，贵方${c?.repliedOn ? `于${cnDate(c.repliedOn)}` : ''}答复不同意公开。`,
      `本机关认为，不公开可能对公共利益造成重大影响，决定予以公开。现将有关事项书面告知如下：`,
      `一、决定公开的政府信息内容：${event.content}`,
      `二、理由：${event.reason}`,
      `三、公开日期：本机关将于${cnDate(event.disclosureOn)}公开上述信息，在此之前不予公开。`,
    ],
    basis: `依据${REG}第三十二条。`,
    remedy: remedyFor('open', event.on, ctx.bodies)
      .text.replace('如对本答复不服', '如对本机关决定公开不服')
      .replaceAll('本答复', '本告知书'),
  };
}

const FEE_RULES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

function feeNotice(
  request: string,
  event: CaseEvent & { type: 'ProcessingFeeNotified' },
): Pick<LetterContent, 'kind' | 'title' | 'paragraphs' | 'basis' | 'remedy'> {
  const fee = event.fee;
  const article = fee?.method === 'page' ? '第五条（按量计收）' : '第四条（按件计收）';
  const paragraphs = [
    `${request}，因申请公开政府信息的数量、频次明显超过合理范围，本机关依法收取信息处理费。`,
  ];
  if (fee) {
    paragraphs.push(`收费标准：${feeStandard(fee)}。`);
    if (fee.reduction > 0) {
      paragraphs.push(`减免：${fee.reduction.toFixed(2)}元，理由：${fee.reductionReason}。`);
    }
  }
  paragraphs.push(
    `应缴金额：人民币${event.amount.toFixed(2)}元。`,
    ...(fee ? [`缴纳方式：${fee.payment}`] : []),
    `请自收到本通知之次日起${FEE_PAYMENT_WORKDAYS}个工作日内缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
  );
  return {
    kind: 'fee',
    title: '政府信息公开信息处理费收费通知书',
    paragraphs,
    basis: `依据${REG}第四十二条和${FEE_RULES}第三条、${fee ? article : '第四条、第五条'}。`,
    remedy: null,
  };
}

function decisionLetter(
  ctx: LetterContext,
  event: CaseEvent & { type: 'Decided' | 'Redecided' },
  request: string,
  base: Omit<LetterContent, 'kind' | 'title' | 'paragraphs' | 'basis' | 'remedy'>,
): LetterContent {
  const kind = decisionKind(event.decision);
  const again = event.type === 'Redecided' ? redecisionCause(ctx, event.appealId) : '';
  const paragraphs = [
    `${request}，${again}本机关经审查，答复如下：`,
    `${kind.label}。${kind.basisText}。`,
  ];
  const text = event.text.trim();
  if (kind.statement && text) paragraphs.push(`${kind.statement.label}：${text}`);
  else if (text) paragraphs.push(text);
  if (kind.outcome === 'n1') paragraphs.push(petitionChannelNotice({ agencyName: ctx.agencyName }));
  const reasons = ctx.state.reasons;
  if (kind.outcome === 'n4' && reasons?.finding) {
    paragraphs.push(
      `本机关于${cnDate(reasons.requestedOn)}要求您（单位）于${cnDate(reasons.deadline)}前说明理由，${REASONS_FINDING_LABELS[reasons.finding]}。`,
    );
  }
  if (event.withheld) {
    paragraphs.push(`不予公开的内容：${event.withheld}。理由：${event.withheldReason ?? ''}`);
  }
  return {
    ...base,
    kind: 'decision',
    title: event.type === 'Redecided' ? `${kind.letterTitle}（重新答复）` : kind.letterTitle,
    paragraphs,
    basis: kind.basis ? `依据${kind.basis}。` : null,
    remedy: remedyFor(kind.outcome, event.on, ctx.bodies).text,
  };
}

/** 条例 第四十一条: the answer to a request to correct the applicant's own records. */
function correctionLetter(
  ctx: LetterContext,
  event: CaseEvent & { type: 'CorrectionDecided' },
  received: string,
): Pick<LetterContent, 'kind' | 'title' | 'paragraphs' | 'basis' | 'remedy'> {
  const request = `您（单位）于${received}向本机关提出的更正与您（单位）自身相关的政府信息记录的申请（申请内容：“${ctx.description}”）`;
  const text = event.text.trim();
  const answer = {
    corrected: [`经审核属实，本机关已予以更正。`, `更正的内容：${text}`],
    forwarded: [
      `经审核，该政府信息记录的更正不属于本机关职能范围，有权更正的行政机关为${event.competentAgency ?? ''}。本机关已将您的申请转送该机关处理（或请您向该机关提出）。`,
      `理由：${text}`,
    ],
    refused: ['经审核，本机关决定不予更正。', `理由：${text}`],
  }[event.result];
  return {
    kind: 'correction',
    title: '更正政府信息记录申请答复书',
    paragraphs: [`${request}，本机关答复如下：`, ...answer],
    basis: `依据${REG}第四十一条。`,
    remedy: remedyFor('correction', event.on, ctx.bodies).text,
  };
}

function redecisionCause(ctx: LetterContext, appealId: string): string {
  const appeal = ctx.state.appeals.find((a) => a.id === appealId);
  if (!appeal) return '';
  const what = appeal.kind === 'rv' ? '行政复议决定' : '裁判';
  const number = appeal.caseNumber ? `（${appeal.caseNumber}）` : '';
  return `经${appeal.body}${what}${number}纠正，本机关重新答复。`;
}

/** `2026年3月5日`. */
export function cnDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
