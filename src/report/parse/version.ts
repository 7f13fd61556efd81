/** Recognising the format version from table labels (law-and-format.md §1.6 fingerprint). */

import { expectedVersion, formats } from '../formats/index.ts';
import { normalizeLabel } from '../formats/normalize.ts';
import type { FormatVersion } from '../keys.ts';

export interface VersionGuess {
  version: FormatVersion;
  /** True when table labels decided; false when only the year (or the default) did. */
  fromLabels: boolean;
}

export function detectVersion(normalized: string, year: number | null): VersionGuess {
  const score = (v: FormatVersion) =>
    formats[v].fingerprints.filter((f) => normalized.includes(normalizeLabel(f))).length;
  const s2021 = score('2021');
  const s2019 = score('2019');
  if (s2021 !== s2019) return { version: s2021 > s2019 ? '2021' : '2019', fromLabels: true };
  return { version: year ? expectedVersion(year) : '2021', fromLabels: false };
}
