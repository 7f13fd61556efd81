import type { T2CellKey2021 } from '../report/keys.ts';
import type { Validity } from './categories.ts';

/** A 规章 or 行政规范性文件 from the catalogue with its dated 有效性 history. */
export interface NormativeRecord {
  publicationId: number;
  title: string;
  indexNumber: string | null;
  docNumber: string | null;
  kind: 'normative' | 'regulation';
  /** 成文日期 */
  madeOn: string;
  history: { validity: Validity; since: string }[];
}

export type RegisterKind = 'lic' | 'pun' | 'coe' | 'fee';

/** Bounds of one month's register figure: beyond them it is a typing error, not a record. */
export const REGISTER_BOUNDS = {
  firstYear: 2008,
  lastYear: 2100,
  /** Decisions of one kind in one month. */
  maxCount: 100_000,
  /** 行政事业性收费 in one month, 元. */
  maxFeeYuan: 1_000_000_000,
};

export interface RegisterRecord {
  kind: RegisterKind;
  /** YYYY-MM */
  month: string;
  count: number | null;
  amountYuan: number | null;
}

/** One record behind a cell: what a reviewer clicks through to. */
export interface DrillRow {
  label: string;
  value: number;
  publicationId?: number;
  month?: string;
}

export interface T2Cells {
  cells: Record<T2CellKey2021, number>;
  drillDown: Record<T2CellKey2021, DrillRow[]>;
}

export const registerKindLabels: Record<RegisterKind, string> = {
  lic: '行政许可',
  pun: '行政处罚',
  coe: '行政强制',
  fee: '行政事业性收费',
};

/** 有效性 of a document on a day: its last history entry on or before it (valid from 成文日期 by default). */
export function validityOn(doc: NormativeRecord, day: string): Validity | null {
  if (doc.madeOn > day) return null;
  let current: Validity = 'valid';
  for (const h of [...doc.history].sort((a, b) => a.since.localeCompare(b.since))) {
    if (h.since <= day) current = h.validity;
  }
  return current;
}

/**
 * T2 (2021 format) for one agency and year: 规章 / 行政规范性文件 made, repealed and valid at
 * 12-31 from the catalogue; decisions and fees (元 → 万元) from the monthly registers.
 */
export function computeT2(
  year: number,
  docs: NormativeRecord[],
  registers: RegisterRecord[],
): T2Cells {
  const cells = {} as Record<T2CellKey2021, number>;
  const drillDown = {} as Record<T2CellKey2021, DrillRow[]>;
  const put = (
    key: T2CellKey2021,
    rows: DrillRow[],
    value = rows.reduce((s, r) => s + r.value, 0),
  ) => {
    cells[key] = value;
    drillDown[key] = rows;
  };
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  for (const [prefix, kind] of [
    ['t2.reg', 'regulation'],
    ['t2.norm', 'normative'],
  ] as const) {
    const ofKind = docs.filter((d) => d.kind === kind);
    const row = (d: NormativeRecord): DrillRow => ({
      label: docLabel(d),
      value: 1,
      publicationId: d.publicationId,
    });
    put(`${prefix}.made`, ofKind.filter((d) => d.madeOn >= first && d.madeOn <= last).map(row));
    put(
      `${prefix}.repealed`,
      ofKind
        .filter((d) =>
          d.history.some((h) => h.validity === 'repealed' && h.since >= first && h.since <= last),
        )
        .map(row),
    );
    put(`${prefix}.valid`, ofKind.filter((d) => validityOn(d, last) === 'valid').map(row));
  }
  const inYear = registers
    .filter((r) => r.month.startsWith(`${year}-`))
    .sort((a, b) => a.month.localeCompare(b.month));
  for (const [key, kind] of [
    ['t2.lic.decisions', 'lic'],
    ['t2.pun.decisions', 'pun'],
    ['t2.coe.decisions', 'coe'],
  ] as const) {
    put(
      key,
      inYear
        .filter((r) => r.kind === kind)
        .map((r) => ({
          label: `${r.month} ${registerKindLabels[kind]}`,
          value: r.count ?? 0,
          month: r.month,
        })),
    );
  }
  const fees = inYear
    .filter((r) => r.kind === 'fee')
    .map((r) => ({ label: `${r.month} 收费（元）`, value: r.amountYuan ?? 0, month: r.month }));
  const yuan = fees.reduce((s, r) => s + Math.round(r.value * 100), 0) / 100;
  put('t2.fee.amountWan', fees, yuanToWan(yuan));
  return { cells, drillDown };
}

/** 元 → 万元, kept to 4 decimals (1 元 = 0.0001 万元), so no income is lost to rounding. */
export function yuanToWan(yuan: number): number {
  return Math.round(yuan * 100) / 1_000_000;
}

function docLabel(d: NormativeRecord): string {
  return [
    d.title,
    d.docNumber ? `（${d.docNumber}）` : '',
    d.indexNumber ? ` ${d.indexNumber}` : '',
  ].join('');
}
