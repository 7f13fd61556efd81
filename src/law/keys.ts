/** Shared key vocabulary of the law core (law-and-format.md §1.4). The report core imports these. */

/** The 21 leaf result rows of T3 block 三 (2021 format), in table order. */
export const OUTCOME_ROWS = [
  'open',
  'partial',
  'w1',
  'w2',
  'w3',
  'w4',
  'w5',
  'w6',
  'w7',
  'w8',
  'u1',
  'u2',
  'u3',
  'n1',
  'n2',
  'n3',
  'n4',
  'n5',
  'o1',
  'o2',
  'o3',
] as const;

export type OutcomeRow = (typeof OUTCOME_ROWS)[number];

/** The T3 group a row belongs to: （一）予以公开 … （六）其他处理. */
export type OutcomeGroup = 'open' | 'partial' | 'withheld' | 'unable' | 'notProcessed' | 'other';

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  open: '（一）予以公开',
  partial: '（二）部分公开',
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
};

/** The six groups in table order, named without their numbering (予以公开 …), with their rows. */
export const OUTCOME_GROUP_ROWS: readonly (readonly [string, readonly OutcomeRow[]])[] = (
  Object.keys(OUTCOME_GROUP_LABELS) as OutcomeGroup[]
).map((g) => [
  OUTCOME_GROUP_LABELS[g].slice(3),
  OUTCOME_ROWS.filter((r) => outcomeGroupOf(r) === g),
]);

/** Exact row labels as printed in the 2021 format. */
export const OUTCOME_ROW_LABELS: Record<OutcomeRow, string> = {
  open: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  w1: '1.属于国家秘密',
  w2: '2.其他法律行政法规禁止公开',
  w3: '3.危及“三安全一稳定”',
  w4: '4.保护第三方合法权益',
  w5: '5.属于三类内部事务信息',
  w6: '6.属于四类过程性信息',
  w7: '7.属于行政执法案卷',
  w8: '8.属于行政查询事项',
  u1: '1.本机关不掌握相关政府信息',
  u2: '2.没有现成信息需要另行制作',
  u3: '3.补正后申请内容仍不明确',
  n1: '1.信访举报投诉类申请',
  n2: '2.重复申请',
  n3: '3.要求提供公开出版物',
  n4: '4.无正当理由大量反复申请',
  n5: '5.要求行政机关确认或重新出具已获取信息',
  o1: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  o2: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  o3: '3.其他',
};

export function outcomeGroupOf(row: OutcomeRow): OutcomeGroup {
  if (row === 'open' || row === 'partial') return row;
  const groups: Record<string, OutcomeGroup> = {
    w: 'withheld',
    u: 'unable',
    n: 'notProcessed',
    o: 'other',
  };
  return groups[row[0]];
}

export function isOutcomeRow(value: unknown): value is OutcomeRow {
  return typeof value === 'string' && (OUTCOME_ROWS as readonly string[]).includes(value);
}

/** T3 applicant columns without 总计: 自然人 and the five 法人或其他组织 kinds. */
export const APPLICANT_TYPES = ['np', 'biz', 'res', 'ngo', 'law', 'oth'] as const;

export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  np: '自然人',
  biz: '商业企业',
  res: '科研机构',
  ngo: '社会公益组织',
  law: '法律服务机构',
  oth: '其他',
};

export function isApplicantType(value: unknown): value is ApplicantType {
  return typeof value === 'string' && (APPLICANT_TYPES as readonly string[]).includes(value);
}
