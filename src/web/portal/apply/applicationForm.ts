/**
 * The application form of Art. 29, shared by the portal (online) and the back office (paper,
 * in person, fax, post): applicant, the information wanted, the form and delivery.
 */
import { z } from 'zod';
import { isValidIdCardNumber, isValidUscc } from '../../../cases/identifiers.ts';
import {
  certificateColumnProblem,
  isOrganisationCertificateType,
  type OrganisationCertificateType,
} from '../../../cases/parties.ts';
import type { NewApplication } from '../../../db/cases.ts';

type ApplicantDetails = NewApplication['applicant'];

import { type ApplicantType, isApplicantType } from '../../../law/keys.ts';

export const ID_TYPES = [
  '居民身份证',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '护照',
  '其他',
];
export const ORG_TYPES: [ApplicantType, string][] = [
  ['biz', '商业企业'],
  ['res', '科研机构'],
  ['ngo', '社会公益组织'],
  ['law', '法律服务机构'],
  ['oth', '其他'],
];
/** value → label: who applies. */
export const APPLICANT_KINDS: [['person', string], ['organisation', string]] = [
  ['person', '自然人'],
  ['organisation', '法人或其他组织'],
];
/** value → label of the two requests Art. 29 and Art. 41 allow. */
export const REQUEST_KINDS: [['disclosure', string], ['correction', string]] = [
  ['disclosure', '申请公开政府信息'],
  ['correction', '申请更正与本人相关的政府信息记录（条例第四十一条）'],
];
/** value → label of how an organisation proves who it is. */
export const ORG_ID_KINDS: [['uscc', string], ['certificate', string]] = [
  ['uscc', '统一社会信用代码'],
  ['certificate', '其他证照（没有统一社会信用代码的）'],
];
export const FORMS = ['纸质', '电子数据'];
export const DELIVERIES = ['邮寄', '电子邮件', '当面领取', '传真'];

const text = (max: number) => z.string().trim().max(max, `不能超过${max}个字`);
/** A select whose blank first option (请选择) means the usual choice. */
const choice = <T extends [string, ...string[]]>(values: T, usual: T[number]) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional().default(usual));
const keysOf = <K extends string>(pairs: [[K, string], ...[K, string][]]) =>
  pairs.map(([key]) => key) as [K, ...K[]];
const phonePattern = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

export const applicationSchema = z
  .object({
    requestKind: choice(keysOf(REQUEST_KINDS), 'disclosure'),
    applicantKind: z.enum(keysOf(APPLICANT_KINDS), { message: '请选择申请人类型' }),
    name: text(50).optional().default(''),
    idType: text(30).optional().default(''),
    idNumber: text(30).optional().default(''),
    orgType: text(10).optional().default(''),
    orgName: text(100).optional().default(''),
    uscc: text(30).optional().default(''),
    orgId: choice(keysOf(ORG_ID_KINDS), 'uscc'),
    certType: text(20).optional().default(''),
    certNumber: text(50).optional().default(''),
    noUsccReason: text(200).optional().default(''),
    contactPerson: text(50).optional().default(''),
    byAgent: z.enum(['', 'on']).optional().default(''),
    agentName: text(50).optional().default(''),
    agentPhone: text(20).optional().default(''),
    agentIdNumber: text(30).optional().default(''),
    phone: z.string().trim().regex(phonePattern, '请填写11位手机号码或带区号的固定电话'),
    address: text(200).optional().default(''),
    email: z
      .string()
      .trim()
      .max(100)
      .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), '电子邮箱格式不正确')
      .optional()
      .default(''),
    description: z
      .string()
      .trim()
      .min(5, '请描述所需政府信息的名称、文号或便于查询的特征（至少5个字）')
      .max(2000, '不能超过2000个字'),
    documentNumber: text(100).optional().default(''),
    purpose: text(500).optional().default(''),
    form: z.enum(FORMS, { message: '请选择信息的提供形式' }),
    delivery: z.enum(DELIVERIES, { message: '请选择获取信息的方式' }),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.applicantKind === 'person') {
      if (!v.name) need('name', '请填写申请人姓名');
      if (!ID_TYPES.includes(v.idType)) need('idType', '请选择身份证件类型');
      if (!v.idNumber) need('idNumber', '请填写证件号码');
      else if (v.idType === '居民身份证' && !isValidIdCardNumber(v.idNumber)) {
        need('idNumber', '居民身份证号码不正确（应为18位，最后一位校验码不符）');
      }
    } else {
      if (!ORG_TYPES.some(([k]) => k === v.orgType)) need('orgType', '请选择法人或其他组织的类型');
      if (!v.orgName) need('orgName', '请填写法人或其他组织的名称');
      if (v.orgId === 'uscc' && !isValidUscc(v.uscc)) {
        need(
          'uscc',
          '统一社会信用代码不正确（应为18位，校验码须相符）；没有统一社会信用代码的，请选择“其他证照”',
        );
      }
      if (v.orgId === 'certificate') certificateIssues(v, need);
      if (!v.contactPerson) need('contactPerson', '请填写联系人');
    }
    if (v.byAgent === 'on') agentIssues(v, need);
    if (v.delivery === '邮寄' && !v.address) need('address', '选择邮寄的，请填写通信地址');
    if (v.delivery === '电子邮件' && !v.email) need('email', '选择电子邮件的，请填写电子邮箱');
  });

export type ApplicationForm = z.infer<typeof applicationSchema>;

type Need = (path: string, message: string) => void;

function certificateIssues(v: ApplicationForm, need: Need) {
  if (!isOrganisationCertificateType(v.certType)) {
    need('certType', '请选择证照类型');
  } else if (isApplicantType(v.orgType) && v.orgType !== 'np') {
    const problem = certificateColumnProblem(v.certType, v.orgType);
    if (problem) need('orgType', problem);
  }
  if (!v.certNumber) need('certNumber', '请填写证照号码');
  if (!v.noUsccReason) need('noUsccReason', '请说明没有统一社会信用代码的原因');
}

function agentIssues(v: ApplicationForm, need: Need) {
  if (!v.agentName) need('agentName', '请填写代理人姓名');
  if (!phonePattern.test(v.agentPhone)) {
    need('agentPhone', '请填写代理人的11位手机号码或带区号的固定电话');
  }
  if (v.agentIdNumber && /^\d{17}[\dXx]$/.test(v.agentIdNumber)) {
    if (!isValidIdCardNumber(v.agentIdNumber)) {
      need('agentIdNumber', '代理人居民身份证号码不正确（最后一位校验码不符）');
    }
  }
}

/** The validated form as a new application. */
export function toNewApplication(
  form: ApplicationForm,
  base: Pick<NewApplication, 'agencyId' | 'channel' | 'submittedOn' | 'receivedOn'>,
): NewApplication {
  const person = form.applicantKind === 'person';
  return {
    ...base,
    ...(form.requestKind === 'correction' ? { kind: 'correction' as const } : {}),
    applicantType: person ? 'np' : (form.orgType as ApplicantType),
    applicant: { ...principal(form), ...agentOf(form) },
    request: {
      description: form.description,
      documentNumber: form.documentNumber || undefined,
      purpose: form.purpose || undefined,
      form: form.form,
      delivery: form.delivery,
    },
  };
}

function agentOf(form: ApplicationForm): Pick<ApplicantDetails, 'agent'> {
  if (form.byAgent !== 'on') return {};
  const idNumber = form.agentIdNumber.toUpperCase() || undefined;
  return { agent: { name: form.agentName, phone: form.agentPhone, idNumber } };
}

function principal(form: ApplicationForm): ApplicantDetails {
  return form.applicantKind === 'person'
    ? {
        kind: 'person',
        name: form.name,
        idType: form.idType,
        idNumber: form.idNumber.toUpperCase(),
        phone: form.phone,
        address: form.address || undefined,
        email: form.email || undefined,
      }
    : {
        kind: 'organisation',
        name: form.orgName,
        ...(form.orgId === 'certificate'
          ? {
              certificate: {
                type: form.certType as OrganisationCertificateType,
                number: form.certNumber,
                noUsccReason: form.noUsccReason,
              },
            }
          : { uscc: form.uscc.toUpperCase() }),
        contactPerson: form.contactPerson,
        phone: form.phone,
        address: form.address || undefined,
        email: form.email || undefined,
      };
}
