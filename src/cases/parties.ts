/**
 * Who an application is from (条例 第二十九条): the applicant (委托人 when an agent applies), an
 * agent (代理人) acting under a 授权委托书, and an organisation identified by another certificate
 * when it has no 统一社会信用代码. The applicant — never the agent — fixes the T3 column.
 */
import type { ApplicantType } from '../law/keys.ts';

/** 代理人: acts for the applicant; the 授权委托书 is a case file (`power-of-attorney`). */
export interface Agent {
  name: string;
  phone: string;
  /** 居民身份证号码 or another ID, when given. */
  idNumber?: string;
}

/** Another certificate of an organisation without a 统一社会信用代码. */
export interface OrganisationCertificate {
  type: OrganisationCertificateType;
  number: string;
  /** Why the organisation has no 统一社会信用代码. */
  noUsccReason: string;
}

/**
 * The certificates accepted instead of a 统一社会信用代码, with the T3 columns each allows. T3
 * sorts organisations by what they are (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他), not
 * by their legal form, so the applicant still chooses the column; the certificate only rules out
 * columns it contradicts (a 律师事务所执业许可证 is a 法律服务机构; a 事业单位 is not a 商业企业).
 */
export const ORGANISATION_CERTIFICATES = {
  事业单位法人证书: ['res', 'ngo', 'oth'],
  社会团体法人登记证书: ['res', 'ngo', 'law', 'oth'],
  民办非企业单位登记证书: ['res', 'ngo', 'law', 'oth'],
  基金会法人登记证书: ['ngo', 'oth'],
  律师事务所执业许可证: ['law'],
  营业执照: ['biz', 'oth'],
  其他: ['biz', 'res', 'ngo', 'law', 'oth'],
} as const satisfies Record<string, readonly Exclude<ApplicantType, 'np'>[]>;

export type OrganisationCertificateType = keyof typeof ORGANISATION_CERTIFICATES;

export const ORGANISATION_CERTIFICATE_TYPES = Object.keys(
  ORGANISATION_CERTIFICATES,
) as OrganisationCertificateType[];

export function isOrganisationCertificateType(v: string): v is OrganisationCertificateType {
  return Object.hasOwn(ORGANISATION_CERTIFICATES, v);
}

/** Why this certificate and T3 column contradict each other, or null when they fit. */
export function certificateColumnProblem(
  certificate: OrganisationCertificateType,
  column: ApplicantType,
): string | null {
  const allowed: readonly ApplicantType[] = ORGANISATION_CERTIFICATES[certificate];
  return allowed.includes(column) ? null : `持${certificate}的组织不能登记为该组织类型，请核对`;
}

/** Whom letters are addressed to: the applicant, with the agent named after it. */
export function letterAddressee(applicantName: string, agent?: Pick<Agent, 'name'>): string {
  return agent ? `${applicantName}（代理人：${agent.name}）` : applicantName;
}
