/**
 * The case events' table (after Froide's EVENT_DETAILS): each event type's label (timeline and
 * button), the action form's title, a description for the staff, who may record it, when it is
 * offered, and — if staff record it on the case page — its form's fields, schema and event. The
 * case page, its timeline, the action guard and the derive's messages all read it. An event type
 * is added in three places: its type in `events.ts`, its rule in `derive.ts`, its row here. The
 * rows are in the order the case page offers them.
 */
import { z } from 'zod';
import { REASONS_FINDING_LABELS } from '../law/excessive.ts';
import { dateField, idField } from '../law/fields.ts';
import {
  type ActionForm,
  actionForm,
  approvalBy,
  decisionOf,
  decisionShape,
  optionalText,
  requiredText,
} from './actionForm.ts';
import { APPEAL_KIND_LABELS, type CaseEventType, CORRECTION_RESULT_LABELS } from './events.ts';
import { assessFee } from './feeAssessment.ts';
import {
  answered,
  awaitingReceipt,
  awaitingSupplement,
  open,
  openCorrection,
  openDisclosure,
  processing,
  processingStarted,
  received,
  redecisionDue,
} from './offered.ts';
import type { CASE_STAFF_ROLES } from './privacy.ts';
import type { CaseState } from './state.ts';

export type CaseStaffRole = (typeof CASE_STAFF_ROLES)[number];

/** Where a select's options come from: fixed value → label pairs, or the case and agency at hand. */
export type OptionSource =
  | readonly (readonly [string, string])[]
  | 'staff'
  | 'approvers'
  | 'openConsultations'
  | 'openAppeals'
  | 'correctedAppeals'
  | 'objectingThirdParties'
  | 'unservedThirdPartyNotices';

/** One field of an action form (the date `on` is on every form). */
export interface FormField {
  name: string;
  label: string;
  type?: 'date' | 'number';
  multiline?: boolean;
  required?: boolean;
  options?: OptionSource;
}

/** `decision`: the decision catalogue's fields (the decision, its text, the withheld part). */
export type FormPart = FormField | 'decision';

export interface CaseEventDetails {
  /** The timeline's words and the form's button. */
  label: string;
  /** The action form's title, where it says more than the label. */
  action?: string;
  description: string;
  /** Who may record it on the case page; none: only the portal or intake records it. */
  roles: readonly CaseStaffRole[];
  /** The action form's fields after the date. */
  fields: readonly FormPart[];
  /** Whether the state allows it now (the derive refuses it otherwise). */
  offered(state: CaseState): boolean;
  /** Its form's schema and event: every row with `roles` has one. */
  form?: ActionForm;
}

const staff = ['office', 'handler'] as const;
const office = ['office'] as const;
const notArchived = (s: CaseState) => s.status !== 'archived';

export const CASE_EVENTS: Record<CaseEventType, CaseEventDetails> = {
  Submitted: {
    label: '提交申请',
    description: '申请人在网上提交或工作人员登记申请。',
    roles: [],
    fields: [],
    offered: () => false, // the first event: intake or the portal
  },
  Assigned: {
    label: '分派承办人',
    description: '指定本件的承办人。',
    roles: office,
    fields: [{ name: 'handlerId', label: '承办人', required: true, options: 'staff' }],
    offered: notArchived,
    form: actionForm({ handlerId: idField('请选择承办人') }, (d) => ({
      type: 'Assigned',
      on: d.on,
      handlerId: d.handlerId || null,
    })),
  },
  FileAttached: {
    label: '添加材料',
    description:
      '申请人或工作人员为本件添加的文件（委托书、身份证明、补正材料、公开的政府信息等）。',
    roles: [], // uploaded through the case page's file form or the tracking page, not an action form
    fields: [],
    offered: notArchived, // the file form's guard
  },
  Received: {
    label: '确认收到申请',
    action: '确认收到申请（确定收到申请之日）',
    description: '按第三十一条确定收到申请之日，答复期限自次日起算。',
    roles: staff,
    fields: [{ name: 'method', label: '确认方式（如电话确认、邮件确认）' }],
    offered: awaitingReceipt,
    form: actionForm({ method: optionalText(100) }, (d) => ({
      type: 'Received',
      on: d.on,
      method: d.method || undefined,
    })),
  },
  SupplementRequested: {
    label: '补正告知',
    description:
      '申请内容不明确的，在7个工作日内一次性告知补正（第三十条）；答复期限自收到补正之日重新起算。',
    roles: staff,
    fields: [
      { name: 'deadline', label: '补正期限', type: 'date', required: true },
      { name: 'items', label: '需要补正的事项', required: true, multiline: true },
    ],
    offered: (s) =>
      s.supplement === 'none' &&
      (openCorrection(s) || (openDisclosure(s) && !processingStarted(s))),
    form: actionForm(
      { deadline: dateField('日期'), items: requiredText('需要补正的事项') },
      (d) => ({ type: 'SupplementRequested', on: d.on, deadline: d.deadline, items: d.items }),
    ),
  },
  SupplementReceived: {
    label: '收到补正',
    description: '登记申请人提交补正的日期。',
    roles: staff,
    fields: [
      {
        name: 'amendedRequest',
        label: '补正后的申请内容（申请人补正后所需信息的描述）',
        required: true,
        multiline: true,
      },
      { name: 'note', label: '补正情况说明', multiline: true },
    ],
    offered: (s) => open(s) && awaitingSupplement(s),
    form: actionForm(
      { amendedRequest: requiredText('补正后的申请内容', 2000), note: optionalText() },
      (d) => ({
        type: 'SupplementReceived',
        on: d.on,
        amendedRequest: d.amendedRequest,
        note: d.note || undefined,
      }),
    ),
  },
  CorrectionDecided: {
    label: '作出更正处理决定',
    description:
      '按第四十一条答复更正申请：审核属实的予以更正；不属于本机关职能范围的转送或告知有权更正的机关；记录准确的不予更正。系统生成答复书。',
    roles: staff,
    fields: [
      {
        name: 'result',
        label: '处理结果',
        required: true,
        options: Object.entries(CORRECTION_RESULT_LABELS),
      },
      { name: 'text', label: '更正的内容或理由', required: true, multiline: true },
      { name: 'competentAgency', label: '有权更正的行政机关（转送或告知的填写）' },
    ],
    offered: (s) => openCorrection(s) && !awaitingSupplement(s),
    form: actionForm(
      {
        result: z.enum(['corrected', 'forwarded', 'refused'], { message: '请选择处理结果' }),
        text: requiredText('更正的内容或理由'),
        competentAgency: optionalText(100),
      },
      (d) => ({
        type: 'CorrectionDecided',
        on: d.on,
        result: d.result,
        text: d.text,
        competentAgency: d.competentAgency || undefined,
      }),
    ),
  },
  ConsultationSent: {
    label: '发出征求意见书',
    description: '征求第三方或其他机关意见（第三十二条、第三十四条），所需时间不计算在答复期限内。',
    roles: staff,
    fields: [
      {
        name: 'party',
        label: '征求意见对象',
        required: true,
        options: [
          ['third-party', '第三方（第三十二条）'],
          ['agency', '其他机关（第三十四条）'],
        ],
      },
      { name: 'name', label: '名称', required: true },
    ],
    offered: processing,
    form: actionForm(
      {
        party: z.enum(['third-party', 'agency'], { message: '请选择征求意见的对象' }),
        name: requiredText('被征求意见的第三方或机关名称', 100),
      },
      (d, ctx) => ({
        type: 'ConsultationSent',
        on: d.on,
        id: `c${ctx.state.consultations.length + 1}`,
        party: d.party,
        name: d.name,
      }),
    ),
  },
  Extension: {
    label: '延长答复期限',
    action: '延长答复期限（须办公室负责人同意）',
    description:
      '经政府信息公开工作机构负责人同意，可以延长答复期限，累计不超过20个工作日（第三十三条）。',
    roles: staff,
    fields: [
      { name: 'workdays', label: '延长工作日数（累计不超过20个）', type: 'number', required: true },
      { name: 'reason', label: '延长理由', required: true, multiline: true },
      {
        name: 'approverId',
        label: '批准人（政府信息公开工作机构负责人）',
        required: true,
        options: 'approvers',
      },
    ],
    // Art. 33 extensions end once an Art. 35 deadline is set (the law core refuses them).
    offered: (s) => processing(s) && s.extendedWorkdays < 20 && s.deferredTo === null,
    form: actionForm(
      {
        workdays: z.coerce
          .number()
          .int('请填写整数')
          .min(1, '至少1个工作日')
          .max(20, '最多20个工作日'),
        reason: requiredText('延长理由', 500),
        approverId: idField('请选择批准人'),
      },
      (d, ctx) => ({
        type: 'Extension',
        on: d.on,
        workdays: d.workdays,
        reason: d.reason,
        approvedBy: approvalBy(ctx, d.approverId),
      }),
    ),
  },
  Deferral: {
    label: '确定延迟答复期限',
    action: '确定延迟答复期限（第三十五条，须办公室负责人）',
    description:
      '申请人说明的理由经审查合理、但无法在第三十三条规定的期限内答复的，可以确定延迟答复的合理期限（第三十五条）。',
    roles: office,
    fields: [
      {
        name: 'due',
        label: '延迟答复的合理期限（须晚于当前答复期限）',
        type: 'date',
        required: true,
      },
      {
        name: 'reason',
        label: '延迟答复理由（如申请数量、频次明显超过合理范围）',
        required: true,
        multiline: true,
      },
    ],
    offered: (s) => processing(s) && s.reasons?.finding === 'reasonable',
    form: actionForm(
      { due: dateField('延迟答复的期限'), reason: requiredText('延迟答复理由', 500) },
      (d, ctx) => ({
        type: 'Deferral',
        on: d.on,
        due: d.due,
        reason: d.reason,
        approvedBy: ctx.userName,
      }),
    ),
  },
  ProcessingFeeNotified: {
    label: '发出收费通知',
    description:
      '金额由系统按国办函〔2020〕109号计算：按件计收时统计该申请人本自然月向本机关提出的申请件数（第四条），按量计收时按本件页数（第五条）；不能直接填写金额。',
    roles: staff,
    fields: [
      {
        name: 'method',
        label: '计收方式',
        required: true,
        options: [
          ['piece', '按件计收（第四条）'],
          ['page', '按量计收（第五条，纸质件、电子邮件、复制电子数据等）'],
        ],
      },
      { name: 'pages', label: '页数（按量计收时填写）', type: 'number' },
      { name: 'reduction', label: '减免金额（元，可不填）', type: 'number' },
      { name: 'reductionReason', label: '减免理由（有减免时必填）', multiline: true },
      { name: 'payment', label: '缴纳方式（写入收费通知）', required: true, multiline: true },
    ],
    offered: (s) => processing(s) && !s.feeOpen,
    form: actionForm(
      {
        method: z.enum(['piece', 'page'], { message: '请选择按件计收或按量计收' }),
        pages: z.coerce.number().int('请填写整数').min(0).max(1_000_000).optional().default(0),
        reduction: z.coerce
          .number()
          .int('请填写整数')
          .min(0, '减免金额不能为负')
          .max(1_000_000, '减免金额过大')
          .optional()
          .default(0),
        reductionReason: optionalText(500),
        payment: requiredText('缴纳方式', 500),
      },
      (d, ctx) => {
        const { fee, amount } = assessFee({
          method: d.method,
          quantity: d.method === 'piece' ? ctx.pieceIndex : d.pages,
          reduction: d.reduction,
          reductionReason: d.reductionReason || undefined,
          payment: d.payment,
        });
        return { type: 'ProcessingFeeNotified', on: d.on, amount, fee };
      },
    ),
  },
  ReasonsRequested: {
    label: '要求说明理由',
    action: '要求申请人说明理由（第三十五条）',
    description:
      '申请公开政府信息的数量、频次明显超过合理范围的，可以要求申请人说明理由（第三十五条）。答复期限不因此中止。',
    roles: office,
    fields: [
      {
        name: 'grounds',
        label: '数量、频次明显超过合理范围的具体情况（写入说明理由通知书）',
        required: true,
        multiline: true,
      },
      { name: 'deadline', label: '说明理由的期限', type: 'date', required: true },
    ],
    offered: (s) => processing(s) && s.reasons === null,
    form: actionForm(
      {
        grounds: requiredText('数量、频次明显超过合理范围的具体情况', 1000),
        deadline: dateField('说明理由的期限'),
      },
      (d) => ({ type: 'ReasonsRequested', on: d.on, grounds: d.grounds, deadline: d.deadline }),
    ),
  },
  ReasonsAssessed: {
    label: '登记说明理由情况',
    action: '登记申请人说明理由的情况（第三十五条）',
    description:
      '理由不合理或未说明理由的，可以告知不予处理；理由合理但无法按期答复的，可以确定延迟答复期限。',
    roles: office,
    fields: [
      {
        name: 'finding',
        label: '说明理由的情况',
        required: true,
        options: Object.entries(REASONS_FINDING_LABELS),
      },
      { name: 'reasons', label: '申请人说明的理由', multiline: true },
      { name: 'assessment', label: '审查意见', required: true, multiline: true },
    ],
    offered: (s) => openDisclosure(s) && s.reasons !== null && s.reasons.finding === null,
    form: actionForm(
      {
        finding: z.enum(['not-given', 'unreasonable', 'reasonable'], {
          message: '请选择说明理由的情况',
        }),
        reasons: optionalText(2000),
        assessment: requiredText('审查意见', 1000),
      },
      (d) => ({
        type: 'ReasonsAssessed',
        on: d.on,
        finding: d.finding,
        reasons: d.reasons || undefined,
        assessment: d.assessment,
      }),
    ),
  },
  ThirdPartyNotified: {
    label: '书面告知第三方',
    action: '书面告知第三方决定公开（第三十二条）',
    description:
      '第三方不同意公开，但不公开可能对公共利益造成重大影响的，决定公开前书面告知第三方公开的内容、理由和公开日期（第三十二条）。',
    roles: office,
    fields: [
      { name: 'consultationId', label: '第三方', required: true, options: 'objectingThirdParties' },
      { name: 'content', label: '决定公开的政府信息内容', required: true, multiline: true },
      {
        name: 'reason',
        label: '理由（不公开可能对公共利益造成的重大影响）',
        required: true,
        multiline: true,
      },
      { name: 'disclosureOn', label: '公开日期', type: 'date', required: true },
    ],
    offered: (s) =>
      openDisclosure(s) &&
      s.consultations.some((c) => c.objection && c.party === 'third-party' && !c.notice),
    form: actionForm(
      {
        consultationId: requiredText('第三方'),
        content: requiredText('决定公开的政府信息内容', 2000),
        reason: requiredText('理由', 2000),
        disclosureOn: dateField('公开日期'),
      },
      (d) => ({
        type: 'ThirdPartyNotified',
        on: d.on,
        consultationId: d.consultationId,
        content: d.content,
        reason: d.reason,
        disclosureOn: d.disclosureOn,
      }),
    ),
  },
  ThirdPartyNoticeServed: {
    label: '第三方告知书送达',
    description: '登记第三方收到告知书的日期和方式；送达前不得公开。',
    roles: staff,
    fields: [
      {
        name: 'consultationId',
        label: '第三方',
        required: true,
        options: 'unservedThirdPartyNotices',
      },
      { name: 'method', label: '送达方式（邮寄签收、当面送达等）', required: true },
    ],
    offered: (s) =>
      openDisclosure(s) && s.consultations.some((c) => c.notice && c.notice.servedOn === null),
    form: actionForm(
      { consultationId: requiredText('第三方'), method: requiredText('送达方式', 100) },
      (d) => ({
        type: 'ThirdPartyNoticeServed',
        on: d.on,
        consultationId: d.consultationId,
        method: d.method,
      }),
    ),
  },
  ConsultationReplied: {
    label: '收到征求意见答复',
    description: '登记收到意见的日期和意见内容。',
    roles: staff,
    fields: [
      { name: 'id', label: '征求意见书', required: true, options: 'openConsultations' },
      {
        name: 'objection',
        label: '意见结论',
        required: true,
        options: [
          ['agree', '同意公开（或未提出异议）'],
          ['object', '不同意公开'],
        ],
      },
      { name: 'opinion', label: '意见及理由', multiline: true },
    ],
    offered: (s) => openDisclosure(s) && s.consultations.some((c) => c.repliedOn === null),
    form: actionForm(
      {
        id: requiredText('征求意见书'),
        objection: z.enum(['agree', 'object'], { message: '请选择意见结论' }),
        opinion: optionalText(),
      },
      (d) => ({
        type: 'ConsultationReplied',
        on: d.on,
        id: d.id,
        opinion: d.opinion || undefined,
        objection: d.objection === 'object',
      }),
    ),
  },
  ProcessingFeePaid: {
    label: '缴纳信息处理费',
    description: '登记申请人缴费的日期。',
    roles: staff,
    fields: [],
    offered: (s) => openDisclosure(s) && s.feeOpen,
    form: actionForm({}, (d) => ({ type: 'ProcessingFeePaid', on: d.on })),
  },
  ProcessingFeeNoticeDelivered: {
    label: '申请人收到收费通知',
    description: '缴费期限自申请人收到收费通知的次日起算20个工作日。',
    roles: staff,
    fields: [
      { name: 'method', label: '收到方式（邮寄签收、电子邮件、当面领取等）', required: true },
    ],
    offered: (s) => openDisclosure(s) && s.feeOpen && s.feeDeliveredOn === null,
    form: actionForm({ method: requiredText('收到方式（如邮寄签收、电子邮件）', 100) }, (d) => ({
      type: 'ProcessingFeeNoticeDelivered',
      on: d.on,
      method: d.method,
    })),
  },
  Decided: {
    label: '作出答复决定',
    description: '按第三十六条作出答复，系统生成告知书。',
    roles: staff,
    fields: ['decision'],
    offered: openDisclosure,
    form: actionForm(decisionShape, (d) => ({ type: 'Decided', on: d.on, ...decisionOf(d) })),
  },
  Withdrawn: {
    label: '申请人撤回申请',
    description: '申请人撤回申请的，本件办结（表三 其他处理）。',
    roles: staff,
    fields: [{ name: 'reason', label: '撤回情况', required: true, multiline: true }],
    offered: (s) => awaitingReceipt(s) || open(s),
    form: actionForm({ reason: requiredText('撤回情况', 500) }, (d) => ({
      type: 'Withdrawn',
      on: d.on,
      reason: d.reason,
    })),
  },
  Served: {
    label: '送达',
    description: '登记告知书送达申请人的日期和方式。',
    roles: staff,
    fields: [
      {
        name: 'method',
        label: '送达方式',
        required: true,
        options: [
          ['邮寄', '邮寄'],
          ['电子邮件', '电子邮件'],
          ['当面领取', '当面领取'],
          ['网上送达', '网上送达（查询页面下载）'],
        ],
      },
    ],
    offered: (s) => answered(s) && s.status === 'decided',
    form: actionForm({ method: requiredText('送达方式', 100) }, (d) => ({
      type: 'Served',
      on: d.on,
      method: d.method,
    })),
  },
  Archived: {
    label: '归档',
    description: '办结后归档。',
    roles: staff,
    fields: [],
    offered: (s) => answered(s) && s.status === 'closed',
    form: actionForm({}, (d) => ({ type: 'Archived', on: d.on })),
  },
  AppealFiled: {
    label: '登记行政复议/诉讼',
    action: '登记行政复议或行政诉讼',
    description: '申请人对答复或未答复申请行政复议、提起行政诉讼的，登记立案情况（表四）。',
    roles: office,
    fields: [
      {
        name: 'kind',
        label: '类型',
        required: true,
        options: Object.entries(APPEAL_KIND_LABELS),
      },
      { name: 'body', label: '复议机关或人民法院', required: true },
      { name: 'caseNumber', label: '案号' },
    ],
    // An undecided case can be appealed as 不答复 (the derive checks the reply deadline passed).
    offered: (s) => received(s) && !s.withdrawn,
    form: actionForm(
      {
        kind: z.enum(['rv', 'ld', 'lr'], { message: '请选择复议或诉讼类型' }),
        body: requiredText('复议机关或人民法院', 100),
        caseNumber: optionalText(100),
      },
      (d, ctx) => ({
        type: 'AppealFiled',
        on: d.on,
        appealId: `a${ctx.state.appeals.length + 1}`,
        kind: d.kind,
        body: d.body,
        caseNumber: d.caseNumber || undefined,
      }),
    ),
  },
  AppealClosed: {
    label: '行政复议/诉讼审结',
    action: '登记复议或诉讼审结',
    description: '登记复议决定或判决的结果（维持、纠正或其他）。',
    roles: office,
    fields: [
      { name: 'appealId', label: '复议或诉讼', required: true, options: 'openAppeals' },
      {
        name: 'outcome',
        label: '结果',
        required: true,
        options: [
          ['upheld', '结果维持'],
          ['corrected', '结果纠正'],
          ['other', '其他结果'],
        ],
      },
      { name: 'note', label: '说明', multiline: true },
    ],
    offered: (s) => received(s) && s.appeals.some((a) => a.closedOn === null),
    form: actionForm(
      {
        appealId: requiredText('复议或诉讼'),
        outcome: z.enum(['upheld', 'corrected', 'other'], { message: '请选择审结结果' }),
        note: optionalText(),
      },
      (d) => ({
        type: 'AppealClosed',
        on: d.on,
        appealId: d.appealId,
        outcome: d.outcome,
        note: d.note || undefined,
      }),
    ),
  },
  Redecided: {
    label: '重新答复',
    description: '复议或诉讼纠正原答复的，重新作出答复。',
    roles: staff,
    fields: [
      {
        name: 'appealId',
        label: '依据哪一件纠正的复议或诉讼',
        required: true,
        options: 'correctedAppeals',
      },
      'decision',
    ],
    offered: (s) =>
      answered(s) && !s.withdrawn && s.kind === 'disclosure' && redecisionDue(s).length > 0,
    form: actionForm({ appealId: requiredText('纠正的复议或诉讼'), ...decisionShape }, (d) => ({
      type: 'Redecided',
      on: d.on,
      appealId: d.appealId,
      ...decisionOf(d),
    })),
  },
};

/** The action form's title. */
export const actionTitle = (type: CaseEventType): string =>
  CASE_EVENTS[type].action ?? CASE_EVENTS[type].label;

/** Whether a user with these roles may record the event on the case page. */
export function mayRecord(type: CaseEventType, roles: readonly string[]): boolean {
  return CASE_EVENTS[type].roles.some((r) => roles.includes(r));
}
