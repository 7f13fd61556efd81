/** How one cell value is printed: digits, empty for blank, `/` for slash, `?` for undetermined. */
import { type CellValue, isUncertain } from '../model.ts';

/** The printed mark of an undetermined cell. Parsers read it back as uncertain. */
export const uncertainMark = '?';

export function cellText(value: CellValue | undefined): string {
  if (value === undefined || value === 'blank') return '';
  if (value === 'slash') return '/';
  if (isUncertain(value)) return uncertainMark;
  return String(value);
}
