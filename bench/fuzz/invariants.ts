/**
 * The model invariants every parse result must keep, whatever the input: a known format version,
 * cell keys of that format, certain numbers finite (a printed `-1` is read as -1 and reported by
 * rule R5, so negative numbers are not a parser failure), uncertain cells with finite candidates and listed in `uncertain`, strings where the
 * model has strings. Returns the broken ones in words; empty means the result is sound.
 */
import { formatOf } from '../../src/report/formats/index.ts';
import { type CellKey, formatVersions, sectionKeys } from '../../src/report/keys.ts';
import { isUncertain } from '../../src/report/model.ts';
import type { ParseResult } from '../../src/report/parse/index.ts';

export function invariantProblems(result: ParseResult): string[] {
  const problems: string[] = [];
  const report = result?.report;
  if (!report || typeof report !== 'object') return ['result has no report'];
  if (!formatVersions.includes(report.formatVersion))
    return [`unknown formatVersion ${String(report.formatVersion)}`];
  if (typeof report.agency !== 'string') problems.push('agency is not a string');
  if (report.year !== null && !(Number.isInteger(report.year) && report.year > 0))
    problems.push(`year is ${String(report.year)}`);
  for (const [key, section] of Object.entries(report.sections ?? {})) {
    if (!sectionKeys.includes(key as never)) problems.push(`unknown section ${key}`);
    if (typeof section?.heading !== 'string' || typeof section?.text !== 'string')
      problems.push(`section ${key} lacks heading/text strings`);
  }
  const format = formatOf(report.formatVersion);
  const known = new Set<string>(format.cellKeys);
  const uncertainKeys: string[] = [];
  for (const [key, value] of Object.entries(report.cells ?? {})) {
    if (!known.has(key)) problems.push(`cell ${key} is not in the ${format.version} format`);
    if (value === 'blank' || value === 'slash') continue;
    if (isUncertain(value)) {
      uncertainKeys.push(key);
      if (!Array.isArray(value.candidates) || !value.candidates.every(Number.isFinite))
        problems.push(`cell ${key} has non-finite candidates ${JSON.stringify(value.candidates)}`);
      continue;
    }
    if (typeof value !== 'number') problems.push(`cell ${key} is ${JSON.stringify(value)}`);
    else if (!Number.isFinite(value)) problems.push(`cell ${key} is ${value}`);
  }
  for (const key of Object.keys(report.cellNotes ?? {}))
    if (!known.has(key)) problems.push(`cell note ${key} is not in the format`);
  const listed = new Set<string>(result.uncertain ?? []);
  for (const key of uncertainKeys)
    if (!listed.has(key)) problems.push(`uncertain cell ${key} missing from result.uncertain`);
  for (const key of listed)
    if (!uncertainKeys.includes(key as CellKey))
      problems.push(`result.uncertain lists ${key}, which is not an uncertain cell`);
  if (!Array.isArray(result.warnings) || !result.warnings.every((w) => typeof w === 'string'))
    problems.push('warnings are not strings');
  return problems;
}
