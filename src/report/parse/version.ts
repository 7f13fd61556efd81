/** Recognising the format version from table labels (law-and-format.md §1.6 fingerprint). */

import { expectedVersion, formatOf, formats } from '../formats/index.ts';
import { normalizeLabel } from '../formats/normalize.ts';
import type { FormatVersion } from '../keys.ts';

export interface VersionGuess {
  version: FormatVersion;
  /** True when table labels decided; false when only the year (or the default) did. */
  fromLabels: boolean;
}

/** Each format's fingerprints, normalised once. */
const fingerprints: Record<FormatVersion, string[]> = {
  '2021': formats['2021'].fingerprints.map(normalizeLabel),
  '2019': formats['2019'].fingerprints.map(normalizeLabel),
};

function score(normalized: string, version: FormatVersion): number {
  let n = 0;
  for (const f of fingerprints[version]) if (normalized.includes(f)) n++;
  return n;
}

export function detectVersion(normalized: string, year: number | null): VersionGuess {
  const s2021 = score(normalized, '2021');
  const s2019 = score(normalized, '2019');
  if (s2021 !== s2019) return { version: s2021 > s2019 ? '2021' : '2019', fromLabels: true };
  return { version: year ? expectedVersion(year) : '2021', fromLabels: false };
}

/**
 * The other format's fingerprints printed in a report's tables (normalised table text): a report
 * mixing the 2019 and 2021 formats, each described for R15.
 */
export function formatMixing(normalizedTables: string, version: FormatVersion): string[] {
  const other: FormatVersion = version === '2021' ? '2019' : '2021';
  return formats[other].fingerprints
    .filter((_, i) => normalizedTables.includes(fingerprints[other][i]))
    .map((label) => `表格中印有${formatOf(other).source}格式的“${label}”`);
}
