/** R5 (domains), R6 (no 规章 without rule-making power), R7 (blank is not zero), fee unit sanity. */
import { type Finding, finding } from '../finding.ts';
import { formatOf } from '../formats/index.ts';
import type { CellKey } from '../keys.ts';
import type { AnnualReport } from '../model.ts';
import { label } from './cells.ts';

const signedOrDecimalByVersion = new Map<string, { signed: Set<string>; decimal: Set<string> }>();

/** The T2 cells that may be negative or fractional, per format version (computed once). */
function signedOrDecimal(report: AnnualReport) {
  const known = signedOrDecimalByVersion.get(report.formatVersion);
  if (known) return known;
  const signed = new Set<string>();
  const decimal = new Set<string>();
  for (const g of formatOf(report.formatVersion).t2.groups)
    for (const r of g.rows)
      for (const c of g.columns) {
        if (c.signed) signed.add(`t2.${r.key}.${c.key}`);
        if (c.decimal) decimal.add(`t2.${r.key}.${c.key}`);
      }
  signedOrDecimalByVersion.set(report.formatVersion, { signed, decimal });
  return { signed, decimal };
}

/** R5: counts are non-negative integers; amounts non-negative; 本年增/减 may be negative. */
export function r5(report: AnnualReport): Finding[] {
  const { signed, decimal } = signedOrDecimal(report);
  const out: Finding[] = [];
  const cells = report.cells;
  for (const key of Object.keys(cells) as CellKey[]) {
    const v = cells[key];
    if (typeof v !== 'number') continue;
    if (v < 0 && !signed.has(key))
      out.push(finding('R5', 'error', `${label(report, key)}为${v}，不能为负数`, [key]));
    else if (!Number.isInteger(v) && !decimal.has(key))
      out.push(finding('R5', 'error', `${label(report, key)}为${v}，件数应为整数`, [key]));
  }
  return out;
}

/**
 * Bodies with rule-making power (《立法法》 Arts. 91 and 93): the State Council's ministries,
 * commissions, 中国人民银行, 审计署 and directly subordinate bodies; the governments of provinces,
 * autonomous regions, municipalities, cities with districts and autonomous prefectures (their
 * 办公厅/办公室 publish those 规章). A `…市人民政府` may be a county-level city, which has none;
 * without a list of cities it is not warned. Local commissions (…市…委员会) have none.
 */
const ruleMaker =
  /(省|自治区|自治州|市)人民政府|^国务院|^(国家|中华人民共和国).*(部|委员会|局|署)$|^中国人民银行|^审计署|^海关总署|^[^省市县区]*部$|总局$/;

/** R6: an agency without rule-making power has no 规章. */
export function r6(report: AnnualReport): Finding[] {
  if (!report.agency || ruleMaker.test(report.agency)) return [];
  const nonZero: CellKey[] = [];
  for (const k of Object.keys(report.cells) as CellKey[]) {
    const v = report.cells[k];
    if (k.startsWith('t2.reg.') && typeof v === 'number' && v > 0) nonZero.push(k);
  }
  if (nonZero.length === 0) return [];
  return [
    finding(
      'R6',
      'warning',
      `${report.agency}没有规章制定权（《立法法》第九十一条、第九十三条），但${nonZero.map((k) => `${label(report, k)}为${report.cells[k]}`).join('、')}`,
      nonZero,
    ),
  ];
}

/** R7: every data cell should be filled (0 if none); blank and / are reported, not taken as 0. */
export function r7(report: AnnualReport): Finding[] {
  const blank: CellKey[] = [];
  const slash: CellKey[] = [];
  for (const k of Object.keys(report.cells) as CellKey[]) {
    const v = report.cells[k];
    if (v === 'blank') blank.push(k);
    else if (v === 'slash') slash.push(k);
  }
  const out: Finding[] = [];
  const list = (keys: CellKey[]) =>
    keys
      .slice(0, 5)
      .map((k) => label(report, k))
      .join('、') + (keys.length > 5 ? `等${keys.length}个单元格` : '');
  if (blank.length > 0)
    out.push(
      finding('R7', 'warning', `${list(blank)}为空白，应填写数字（没有的填0）；空白不等于0`, blank),
    );
  if (slash.length > 0)
    out.push(finding('R7', 'warning', `${list(slash)}填写了“/”，应填写数字（没有的填0）`, slash));
  return out;
}

/**
 * 10亿元: real city-level reports print fees of 1.9–9.6亿元 (平潭 2021 and 2024, 淮安 2024); a figure
 * written in 元 is 10,000 times too large and usually lands well above this.
 */
const implausibleWan = 100_000;

/** Fee unit sanity: the column is in 万元; a large or over-precise figure was probably written in 元. */
export function feeUnit(report: AnnualReport): Finding[] {
  const out: Finding[] = [];
  const key: CellKey = 't2.fee.amountWan';
  const v = report.cells[key];
  const note = report.cellNotes?.[key];
  if (note && /元/.test(note) && !/万元/.test(note))
    out.push(
      finding('fee-unit', 'warning', `${label(report, key)}单位为万元，但原文写作“${note}”`, [key]),
    );
  if (typeof v === 'number') {
    if (v >= implausibleWan)
      out.push(
        finding(
          'fee-unit',
          'warning',
          `${label(report, key)}为${v}万元（即${Number((v / 10000).toFixed(4))}亿元），疑似按“元”填写`,
          [key],
        ),
      );
    // 1 分 = 0.000001 万元: more than 6 decimals is finer than money is counted.
    const decimals = String(v).split('.')[1]?.length ?? 0;
    if (decimals > 6)
      out.push(
        finding(
          'fee-unit',
          'warning',
          `${label(report, key)}为${v}，小数位数为${decimals}位，万元金额精确到分只需6位小数`,
          [key],
        ),
      );
  }
  for (const [k, n] of Object.entries(report.cellNotes ?? {}) as [CellKey, string][])
    if (k !== key)
      out.push(
        finding(
          'unit-in-cell',
          'warning',
          `${label(report, k)}的单元格里写了单位（“${n}”），应只填数字`,
          [k],
        ),
      );
  return out;
}
