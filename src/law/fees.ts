import { GongkaiError } from '../errors.ts';

/** 信息处理费 (国办函〔2020〕109号): per piece or per page, never both for one application (Art. 3). */
export type FeeBasis =
  | {
      method: 'piece';
      /** Applications counted now, by the same applicant in the same calendar month. */
      pieces: number;
      /** Pieces the same applicant already filed this calendar month (default 0). */
      previousInMonth?: number;
    }
  | { method: 'page'; pages: number };

export interface FeeResult {
  method: 'piece' | 'page';
  /** 元 */
  total: number;
  trace: string[];
}

interface Band {
  from: number;
  /** Inclusive; Infinity for the open top band. */
  to: number;
  price: number;
}

/** Art. 5 按量计收, per application. */
export const PAGE_BANDS: readonly Band[] = [
  { from: 1, to: 30, price: 0 },
  { from: 31, to: 100, price: 10 },
  { from: 101, to: 200, price: 20 },
  { from: 201, to: Infinity, price: 40 },
];

export const MAX_FEE_QUANTITY = 1_000_000;

/** The price of the k-th piece (1-based) in a month (Art. 4): 1–10 free, 11–30 100元, then +100元 per band of 10. */
export function piecePrice(k: number): number {
  if (k <= 10) return 0;
  if (k <= 30) return 100;
  return 100 * (Math.floor((k - 31) / 10) + 2);
}

export function processingFee(basis: FeeBasis): FeeResult {
  const raw = basis as { pieces?: unknown; pages?: unknown };
  if (raw.pieces !== undefined && raw.pages !== undefined) {
    throw new GongkaiError(
      'law.fee.both',
      '按件计收和按量计收不得同时适用于同一件申请（国办函〔2020〕109号第三条）',
    );
  }
  return basis.method === 'piece'
    ? pieceFee(basis.pieces, basis.previousInMonth ?? 0)
    : pageFee(basis.pages);
}

/** 按件计收 for pieces numbered previousInMonth+1 … previousInMonth+pieces. */
export function pieceFee(pieces: number, previousInMonth = 0): FeeResult {
  checkQuantity(pieces, '件数');
  checkQuantity(previousInMonth, '本月此前已申请件数');
  const first = previousInMonth + 1;
  const last = previousInMonth + pieces;
  const trace = [
    previousInMonth > 0
      ? `按件计收（国办函〔2020〕109号第四条）：同一申请人本自然月此前已申请${previousInMonth}件，本次为第${first}—${last}件`
      : `按件计收（国办函〔2020〕109号第四条）：同一申请人一个自然月内累计申请${pieces}件`,
  ];
  const total = sumBands(pieceBands(last), first, last, '件', trace);
  trace.push(`合计：${total}元`);
  return { method: 'piece', total, trace };
}

/** 按量计收 for one application of `pages` pages. */
export function pageFee(pages: number): FeeResult {
  checkQuantity(pages, '页数');
  const trace = [`按量计收（国办函〔2020〕109号第五条）：本件申请共${pages}页`];
  const total = sumBands(PAGE_BANDS, 1, pages, '页', trace);
  trace.push(`合计：${total}元`);
  return { method: 'page', total, trace };
}

function pieceBands(upTo: number): Band[] {
  const bands: Band[] = [
    { from: 1, to: 10, price: 0 },
    { from: 11, to: 30, price: 100 },
  ];
  for (let from = 31; from <= upTo; from += 10) {
    bands.push({ from, to: from + 9, price: piecePrice(from) });
  }
  return bands;
}

function sumBands(
  bands: readonly Band[],
  first: number,
  last: number,
  unit: string,
  trace: string[],
): number {
  let total = 0;
  for (const band of bands) {
    const from = Math.max(band.from, first);
    const to = Math.min(band.to, last);
    if (to < from) continue;
    const count = to - from + 1;
    const span = from === to ? `第${from}${unit}` : `第${from}—${to}${unit}`;
    if (band.price === 0) {
      trace.push(`${span}：${count}${unit}，不收费`);
    } else {
      const amount = count * band.price;
      total += amount;
      trace.push(`${span}：${count}${unit} × ${band.price}元 = ${amount}元`);
    }
  }
  return total;
}

function checkQuantity(value: number, label: string): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_FEE_QUANTITY) {
    throw new GongkaiError(
      'law.fee.invalid',
      `${label}应为0到${MAX_FEE_QUANTITY}之间的整数：${value}`,
      {
        value,
      },
    );
  }
}
