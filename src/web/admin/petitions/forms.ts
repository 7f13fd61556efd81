import { z } from 'zod';
import { countField, dateField, MAX_MONTHLY_COUNT } from '../../../law/fields.ts';
import { PETITION_CHANNELS } from '../../../petitions/channel.ts';
import { ACCEPTANCE_DECISIONS } from '../../../petitions/events.ts';
import { REVIEW_STEPS } from '../../../petitions/eventTable.ts';
import { LEADER_LEVELS } from '../../../petitions/leaderLevel.ts';

export const isoDate = dateField;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过${max}字`)
    .optional()
    .transform((v) => (v ? v : null));

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

/** Mainland mobile, or a landline with area code; separators allowed. */
export const phoneSchema = z
  .string()
  .trim()
  .refine(
    (v) => /^(1[3-9]\d{9}|0\d{2,3}\d{7,8}(\d{1,4})?)$/.test(v.replace(/[\s()（）-]/g, '')),
    '请填写有效的联系电话（手机号或带区号的固定电话）',
  );

/** 18-digit 居民身份证号码 with its check digit. */
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(validIdNumber, '身份证号码格式或校验位不正确');

function validIdNumber(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
}

/** An e-mail address for notices, or nothing. */
export const optionalEmailSchema = z
  .string()
  .trim()
  .max(100, '电子邮箱不超过100字')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), '电子邮箱格式不正确')
  .optional();

export const registerForm = z
  .object({
    channel: z.enum(PETITION_CHANNELS, { message: '请选择信访形式' }),
    receivedOn: isoDate('收到日期'),
    persons: z.coerce
      .number({ message: '来访人数应为数字' })
      .int('来访人数应为整数')
      .min(1, '来访人数至少为1')
      .max(9999, '来访人数过大')
      .default(1),
    leaderReceived: checkbox,
    leaderName: optionalText(50, '接访领导'),
    leaderLevel: z
      .union([z.literal(''), z.enum(LEADER_LEVELS)], { message: '请选择接访领导的级别' })
      .optional(),
    subject: z.string().trim().min(1, '请填写信访事项标题').max(100, '标题不超过100字'),
    content: z.string().trim().min(1, '请填写诉求内容').max(5000, '诉求内容不超过5000字'),
    handlingUnit: optionalText(100, '承办单位'),
    petitionerName: z.string().trim().min(1, '请填写信访人姓名').max(50, '姓名不超过50字'),
    petitionerPhone: z.union([z.literal(''), phoneSchema]).optional(),
    petitionerEmail: optionalEmailSchema,
    petitionerIdNumber: z.union([z.literal(''), idNumberSchema]).optional(),
    petitionerAddress: optionalText(200, '住址'),
  })
  .refine((f) => !f.leaderReceived || f.channel === 'visit', {
    message: '领导接访只适用于来访',
    path: ['leaderReceived'],
  })
  .refine((f) => !f.leaderReceived || f.leaderName, {
    message: '请填写接访领导',
    path: ['leaderName'],
  })
  .refine((f) => !f.leaderReceived || f.leaderLevel, {
    message: '请选择接访领导的级别',
    path: ['leaderLevel'],
  });

export const acceptForm = z.object({
  decision: z.enum(ACCEPTANCE_DECISIONS, { message: '请选择受理结果' }),
  on: isoDate('告知日期'),
  note: optionalText(500, '说明'),
});

export const extendForm = z.object({
  on: isoDate('批准日期'),
  days: z.coerce
    .number({ message: '延长日数应为数字' })
    .int('延长日数应为整数')
    .min(1, '延长日数至少为1日')
    .max(30, '延长不得超过30日'),
  approvedBy: z.string().trim().min(1, '请填写批准人（本机关负责人）').max(50, '批准人不超过50字'),
  reason: z.string().trim().min(1, '请填写延期理由（须告知信访人）').max(500, '理由不超过500字'),
});

export const answerForm = z.object({
  on: isoDate('出具日期'),
  servedOn: z.union([z.literal(''), isoDate('送达日期')]).optional(),
  text: z.string().trim().min(1, '请填写处理意见').max(5000, '处理意见不超过5000字'),
});

export const reviewForm = z
  .object({
    step: z.enum(REVIEW_STEPS, { message: '请选择环节' }),
    on: isoDate('日期'),
    until: z.union([z.literal(''), isoDate('听证结束日期')]).optional(),
    servedOn: z.union([z.literal(''), isoDate('送达日期')]).optional(),
  })
  .refine((f) => f.step !== 'hearing' || f.until, {
    message: '请填写听证结束日期',
    path: ['until'],
  });

const count = (label: string) => countField(label);

const optionalCount = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > MAX_MONTHLY_COUNT) {
        ctx.addIssue({ code: 'custom', message: `${label}应为非负整数，未知请留空` });
        return z.NEVER;
      }
      return n;
    });

export const aggregateForm = z.object({
  periodFrom: isoDate('开始日期'),
  periodTo: isoDate('结束日期'),
  visitBatches: count('来访批次'),
  visitPersons: count('来访人次'),
  leaderBatches: count('领导接访批次'),
  leaderPersons: count('领导接访人次'),
  writtenHandled: count('来信、网上信访件数'),
  acceptanceDue: optionalCount('应告知件数'),
  acceptanceOnTime: optionalCount('按期告知件数'),
  completionDue: optionalCount('应办结件数'),
  completionOnTime: optionalCount('按期办结件数'),
  writtenCompletionDue: optionalCount('网信应办结件数'),
  writtenCompletionOnTime: optionalCount('网信按期办结件数'),
  source: optionalText(200, '数据来源'),
});

export const periodQuery = z.object({
  from: isoDate('开始日期'),
  to: isoDate('结束日期'),
});
