/** Each staff action: its form schema and the event it appends (who may take it: `cases/eventTable.ts`). */
import { z } from 'zod';
import { type Approval, approverRoleOf } from '../../../cases/approval.ts';
import type { CaseEvent, CaseEventType } from '../../../cases/events.ts';
import { assessFee } from '../../../cases/feeAssessment.ts';
import type { CaseState } from '../../../cases/state.ts';
import { GongkaiError } from '../../../errors.ts';
import { DECISION_IDS, type DecisionId } from '../../../law/decisions.ts';
import { dateField, idField } from '../../fields.ts';

const date = dateField('日期');
const required = (label: string, max = 1000) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const optional = (max = 1000) => z.string().trim().max(max).optional().default('');

export interface ActionContext {
  state: CaseState;
  userName: string;
  /** The agency's users who may be named as approvers, with their roles there. */
  approvers: readonly { id: number; displayName: string; roles: readonly string[] }[];
  /** This application's place among the applicant's applications to the agency in its month. */
  pieceIndex: number;
}

interface ActionSpec<S extends z.ZodType> {
  schema: S;
  toEvent(data: z.infer<S>, ctx: ActionContext): CaseEvent;
}

function spec<S extends z.ZodType>(s: ActionSpec<S>) {
  return s as unknown as ActionSpec<z.ZodType>;
}

/** The approver chosen on the form, in the capacity their roles in the agency give them. */
function approvalBy(ctx: ActionContext, userId: number | null): Approval {
  const user = ctx.approvers.find((a) => a.id === userId);
  if (!user) throw new GongkaiError('cases.approver-unknown', '请选择本单位的批准人');
  return { userId: user.id, name: user.displayName, role: approverRoleOf(user.roles) };
}

export const ACTIONS: Partial<Record<CaseEventType, ActionSpec<z.ZodType>>> = {
  Received: spec({
    schema: z.object({ on: date, method: optional(100) }),
    toEvent: (d) => ({ type: 'Received', on: d.on, method: d.method || undefined }),
  }),
  Assigned: spec({
    schema: z.object({ on: date, handlerId: idField('请选择承办人') }),
    toEvent: (d) => ({ type: 'Assigned', on: d.on, handlerId: d.handlerId || null }),
  }),
  SupplementRequested: spec({
    schema: z.object({ on: date, deadline: date, items: required('需要补正的事项') }),
    toEvent: (d) => ({
      type: 'SupplementRequested',
      on: d.on,
      deadline: d.deadline,
      items: d.items,
    }),
  }),
  SupplementReceived: spec({
    schema: z.object({
      on: date,
      amendedRequest: required('补正后的申请内容', 2000),
      note: optional(),
    }),
    toEvent: (d) => ({
      type: 'SupplementReceived',
      on: d.on,
      amendedRequest: d.amendedRequest,
      note: d.note || undefined,
    }),
  }),
  ConsultationSent: spec({
    schema: z.object({
      on: date,
      party: z.enum(['third-party', 'agency'], { message: '请选择征求意见的对象' }),
      name: required('被征求意见的第三方或机关名称', 100),
    }),
    toEvent: (d, ctx) => ({
      type: 'ConsultationSent',
      on: d.on,
      id: `c${ctx.state.consultations.length + 1}`,
      party: d.party,
      name: d.name,
    }),
  }),
  ConsultationReplied: spec({
    schema: z.object({
      on: date,
      id: required('征求意见书'),
      objection: z.enum(['agree', 'object'], { message: '请选择意见结论' }),
      opinion: optional(),
    }),
    toEvent: (d) => ({
      type: 'ConsultationReplied',
      on: d.on,
      id: d.id,
      opinion: d.opinion || undefined,
      objection: d.objection === 'object',
    }),
  }),
  Extension: spec({
    schema: z.object({
      on: date,
      workdays: z.coerce
        .number()
        .int('请填写整数')
        .min(1, '至少1个工作日')
        .max(20, '最多20个工作日'),
      reason: required('延长理由', 500),
      approverId: idField('请选择批准人'),
    }),
    toEvent: (d, ctx) => ({
      type: 'Extension',
      on: d.on,
      workdays: d.workdays,
      reason: d.reason,
      approvedBy: approvalBy(ctx, d.approverId),
    }),
  }),
  Deferral: spec({
    schema: z.object({
      on: date,
      due: dateField('延迟答复的期限'),
      reason: required('延迟答复理由', 500),
    }),
    toEvent: (d, ctx) => ({
      type: 'Deferral',
      on: d.on,
      due: d.due,
      reason: d.reason,
      approvedBy: ctx.userName,
    }),
  }),
  ProcessingFeeNotified: spec({
    schema: z.object({
      on: date,
      method: z.enum(['piece', 'page'], { message: '请选择按件计收或按量计收' }),
      pages: z.coerce.number().int('请填写整数').min(0).max(1_000_000).optional().default(0),
      reduction: z.coerce
        .number()
        .int('请填写整数')
        .min(0, '减免金额不能为负')
        .max(1_000_000, '减免金额过大')
        .optional()
        .default(0),
      reductionReason: optional(500),
      payment: required('缴纳方式', 500),
    }),
    toEvent: (d, ctx) => {
      const { fee, amount } = assessFee({
        method: d.method,
        quantity: d.method === 'piece' ? ctx.pieceIndex : d.pages,
        reduction: d.reduction,
        reductionReason: d.reductionReason || undefined,
        payment: d.payment,
      });
      return { type: 'ProcessingFeeNotified', on: d.on, amount, fee };
    },
  }),
  ProcessingFeeNoticeDelivered: spec({
    schema: z.object({ on: date, method: required('收到方式（如邮寄签收、电子邮件）', 100) }),
    toEvent: (d) => ({ type: 'ProcessingFeeNoticeDelivered', on: d.on, method: d.method }),
  }),
  ProcessingFeePaid: spec({
    schema: z.object({ on: date }),
    toEvent: (d) => ({ type: 'ProcessingFeePaid', on: d.on }),
  }),
  Decided: spec({
    schema: z.object({
      on: date,
      decision: z.enum(DECISION_IDS, { message: '请选择答复决定' }),
      text: optional(4000),
      withheld: optional(2000),
      withheldReason: optional(2000),
    }),
    toEvent: (d) => ({
      type: 'Decided',
      on: d.on,
      decision: d.decision as DecisionId,
      text: d.text,
      withheld: d.withheld || undefined,
      withheldReason: d.withheldReason || undefined,
    }),
  }),
  Redecided: spec({
    schema: z.object({
      on: date,
      appealId: required('纠正的复议或诉讼'),
      decision: z.enum(DECISION_IDS, { message: '请选择答复决定' }),
      text: optional(4000),
      withheld: optional(2000),
      withheldReason: optional(2000),
    }),
    toEvent: (d) => ({
      type: 'Redecided',
      on: d.on,
      appealId: d.appealId,
      decision: d.decision as DecisionId,
      text: d.text,
      withheld: d.withheld || undefined,
      withheldReason: d.withheldReason || undefined,
    }),
  }),
  Served: spec({
    schema: z.object({ on: date, method: required('送达方式', 100) }),
    toEvent: (d) => ({ type: 'Served', on: d.on, method: d.method }),
  }),
  Withdrawn: spec({
    schema: z.object({ on: date, reason: required('撤回情况', 500) }),
    toEvent: (d) => ({ type: 'Withdrawn', on: d.on, reason: d.reason }),
  }),
  Archived: spec({
    schema: z.object({ on: date }),
    toEvent: (d) => ({ type: 'Archived', on: d.on }),
  }),
  AppealFiled: spec({
    schema: z.object({
      on: date,
      kind: z.enum(['rv', 'ld', 'lr'], { message: '请选择复议或诉讼类型' }),
      body: required('复议机关或人民法院', 100),
      caseNumber: optional(100),
    }),
    toEvent: (d, ctx) => ({
      type: 'AppealFiled',
      on: d.on,
      appealId: `a${ctx.state.appeals.length + 1}`,
      kind: d.kind,
      body: d.body,
      caseNumber: d.caseNumber || undefined,
    }),
  }),
  AppealClosed: spec({
    schema: z.object({
      on: date,
      appealId: required('复议或诉讼'),
      outcome: z.enum(['upheld', 'corrected', 'other'], { message: '请选择审结结果' }),
      note: optional(),
    }),
    toEvent: (d) => ({
      type: 'AppealClosed',
      on: d.on,
      appealId: d.appealId,
      outcome: d.outcome,
      note: d.note || undefined,
    }),
  }),
  ReasonsRequested: spec({
    schema: z.object({
      on: date,
      grounds: required('数量、频次明显超过合理范围的具体情况', 1000),
      deadline: dateField('说明理由的期限'),
    }),
    toEvent: (d) => ({
      type: 'ReasonsRequested',
      on: d.on,
      grounds: d.grounds,
      deadline: d.deadline,
    }),
  }),
  ReasonsAssessed: spec({
    schema: z.object({
      on: date,
      finding: z.enum(['not-given', 'unreasonable', 'reasonable'], {
        message: '请选择说明理由的情况',
      }),
      reasons: optional(2000),
      assessment: required('审查意见', 1000),
    }),
    toEvent: (d) => ({
      type: 'ReasonsAssessed',
      on: d.on,
      finding: d.finding,
      reasons: d.reasons || undefined,
      assessment: d.assessment,
    }),
  }),
  ThirdPartyNotified: spec({
    schema: z.object({
      on: date,
      consultationId: required('第三方'),
      content: required('决定公开的政府信息内容', 2000),
      reason: required('理由', 2000),
      disclosureOn: dateField('公开日期'),
    }),
    toEvent: (d) => ({
      type: 'ThirdPartyNotified',
      on: d.on,
      consultationId: d.consultationId,
      content: d.content,
      reason: d.reason,
      disclosureOn: d.disclosureOn,
    }),
  }),
  ThirdPartyNoticeServed: spec({
    schema: z.object({
      on: date,
      consultationId: required('第三方'),
      method: required('送达方式', 100),
    }),
    toEvent: (d) => ({
      type: 'ThirdPartyNoticeServed',
      on: d.on,
      consultationId: d.consultationId,
      method: d.method,
    }),
  }),
  CorrectionDecided: spec({
    schema: z.object({
      on: date,
      result: z.enum(['corrected', 'forwarded', 'refused'], { message: '请选择处理结果' }),
      text: required('更正的内容或理由'),
      competentAgency: optional(100),
    }),
    toEvent: (d) => ({
      type: 'CorrectionDecided',
      on: d.on,
      result: d.result,
      text: d.text,
      competentAgency: d.competentAgency || undefined,
    }),
  }),
};
