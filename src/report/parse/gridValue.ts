/**
 * The value of one printed table cell. Keeps blank, `/`, numbers and unreadable text apart
 * (DESIGN principle 5): a cell that is not plainly a number is never read as one.
 */
import { type CellValue, uncertain } from '../model.ts';

export interface ReadValue {
  value: CellValue;
  /** The source text when it carried more than the number (a unit, a dash). */
  note?: string;
}

const units = /(件|个|项|条|次|人次|元|万元|家|份)$/;

function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** A number written plainly; undefined if it is not one or is past float range (400 digits). */
function plainNumber(text: string): number | undefined {
  let n: number | undefined;
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) n = Number(text);
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) n = Number(text.replace(/,/g, ''));
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

export function readCellValue(raw: string): ReadValue {
  // Most cells are bare digits: the same value as the general path below, without its regexes.
  if (/^\d{1,15}$/.test(raw)) return { value: Number(raw) };
  const text = halfWidth(raw).replace(/[\s\u00a0\u3000]+/g, '');
  if (text === '') return { value: 'blank' };
  if (/^[/\\]+$/.test(text)) return { value: 'slash' };
  if (/^[-—–]+$/.test(text)) return { value: 'slash', note: raw.trim() };
  if (/^[?？]$/.test(text)) return { value: uncertain([]) };
  const number = plainNumber(text);
  if (number !== undefined) return { value: number };
  const unit = units.exec(text);
  if (unit) {
    const bare = plainNumber(text.slice(0, unit.index));
    if (bare !== undefined) return { value: bare, note: raw.trim() };
  }
  const numbers = (text.match(/\d+(\.\d+)?/g) ?? [])
    .map(Number)
    .filter(Number.isFinite)
    .slice(0, 8);
  return { value: uncertain(numbers, raw.trim().slice(0, 80)) };
}
