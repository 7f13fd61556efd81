/** The report formats by version, and helpers to look up labels of cells. */
import type { FormatVersion } from '../keys.ts';
import { format2019 } from './2019.ts';
import { format2021 } from './2021.ts';
import type { ReportFormat } from './types.ts';

export { format2019 } from './2019.ts';
export { format2021 } from './2021.ts';
export type * from './types.ts';

export const formats: Record<FormatVersion, ReportFormat> = {
  '2021': format2021,
  '2019': format2019,
};

export function formatOf(version: FormatVersion): ReportFormat {
  return formats[version];
}

/** The format version meant for a report year: 2019 for 2019–2020, 2021 from 2021 on. */
export function expectedVersion(year: number): FormatVersion {
  return year >= format2021.years.from ? '2021' : '2019';
}
