/**
 * The report's key vocabulary (law-and-format.md §1). Pure data, no I/O.
 * `ApplicantKey` is the law core's `ApplicantType` plus the `tot` column; `OutcomeRowKey` is the
 * law core's `OutcomeRow` plus `o`, the single 2019 （六）其他处理 row.
 */
import type { ApplicantType, OutcomeRow } from '../law/keys.ts';

export type FormatVersion = '2021' | '2019';
export const formatVersions: readonly FormatVersion[] = ['2021', '2019'];

export type SectionKey = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6';
export const sectionKeys: readonly SectionKey[] = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];

/** T3 columns: 自然人, the five 法人或其他组织 kinds, 总计. */
export type ApplicantKey = ApplicantType | 'tot';
export const applicantKeys: readonly ApplicantKey[] = [
  'np',
  'biz',
  'res',
  'ngo',
  'law',
  'oth',
  'tot',
];
/** The six applicant columns without 总计. */
export const applicantLeafKeys: readonly ApplicantKey[] = ['np', 'biz', 'res', 'ngo', 'law', 'oth'];

/** T3 result rows (block 三). `o` is the single 2019 （六）其他处理 row; `o1…o3` are 2021's. */
export type OutcomeRowKey = OutcomeRow | 'o';

export type T3RowKey = 'new' | 'carryIn' | OutcomeRowKey | 'total' | 'carryOut';

export type T4GroupKey = 'rv' | 'ld' | 'lr';
export const t4GroupKeys: readonly T4GroupKey[] = ['rv', 'ld', 'lr'];
export type T4OutcomeKey = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';
export const t4OutcomeKeys: readonly T4OutcomeKey[] = [
  'upheld',
  'corrected',
  'other',
  'pending',
  'total',
];

/** T2 cells of the 2021 format (§1.3). */
export type T2CellKey2021 =
  | 't2.reg.made'
  | 't2.reg.repealed'
  | 't2.reg.valid'
  | 't2.norm.made'
  | 't2.norm.repealed'
  | 't2.norm.valid'
  | 't2.lic.decisions'
  | 't2.pun.decisions'
  | 't2.coe.decisions'
  | 't2.fee.amountWan';

/**
 * T2 cells of the 2019 trial format (§1.6). The spec names no keys for them; these are ours.
 * `svc` = 其他对外管理服务事项, `proc` = 政府集中采购; `prevItems` = 上一年项目数量,
 * `change` = 本年增/减 (signed), `newMade` = 本年新制作数量, `newPublished` = 本年新公开数量,
 * `publicTotal` = 对外公开总数量.
 */
export type T2CellKey2019 =
  | 't2.reg.newMade'
  | 't2.reg.newPublished'
  | 't2.reg.publicTotal'
  | 't2.norm.newMade'
  | 't2.norm.newPublished'
  | 't2.norm.publicTotal'
  | 't2.lic.prevItems'
  | 't2.lic.change'
  | 't2.lic.decisions'
  | 't2.svc.prevItems'
  | 't2.svc.change'
  | 't2.svc.decisions'
  | 't2.pun.prevItems'
  | 't2.pun.change'
  | 't2.pun.decisions'
  | 't2.coe.prevItems'
  | 't2.coe.change'
  | 't2.coe.decisions'
  | 't2.fee.prevItems'
  | 't2.fee.change'
  | 't2.proc.projects'
  | 't2.proc.amount';

export type T2CellKey = T2CellKey2021 | T2CellKey2019;
export type T3CellKey = `t3.${T3RowKey}.${ApplicantKey}`;
export type T4CellKey = `t4.${T4GroupKey}.${T4OutcomeKey}`;

/** Every cell of either format, named as in law-and-format.md §1 (`t3.new.np`, `t4.rv.pending`). */
export type CellKey = T2CellKey | T3CellKey | T4CellKey;

export function t3Key(row: T3RowKey, column: ApplicantKey): T3CellKey {
  return `t3.${row}.${column}`;
}

export function t4Key(group: T4GroupKey, outcome: T4OutcomeKey): T4CellKey {
  return `t4.${group}.${outcome}`;
}
