/**
 * Measuring `gongkai check` on real published reports (test/report/real/): each report file sits
 * beside `<name>.expected.json`, its hand-verified cells and defects. Used by real.test.ts (0 wrong
 * cells, 0 false errors) and by bench/accuracy.bench.ts (docs/checker-accuracy.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkReport } from '../../../src/report/check.ts';
import { formatOf } from '../../../src/report/formats/index.ts';
import type { CellKey, FormatVersion } from '../../../src/report/keys.ts';
import { isUncertain } from '../../../src/report/model.ts';
import { parseFile } from '../../../src/report/parse/index.ts';

export interface Expected {
  /** The page or file as published. */
  source: string;
  /** Where the copy kept here came from (repository and path, or the same URL). */
  copy: string;
  /** `original`: the file as published (HTML, PDF, …); `crawled`: a crawler's text of the page. */
  kind: 'original' | 'crawled';
  agency: string;
  year: number;
  format: FormatVersion;
  /** The cells that are not 0, as printed (hand-read); every other cell of the format is 0. */
  cells: Partial<Record<CellKey, number | 'blank' | 'slash'>>;
  /** Cells a careful reader cannot determine from the text either (left out of the measure). */
  unknown?: CellKey[];
  /** The rule ids of the report's real defects, each explained in `why`. */
  defects: string[];
  why?: Record<string, string>;
}

export interface Measure {
  name: string;
  expected: Expected;
  /** Cells a reader can determine. */
  determinable: number;
  /** Of those, the cells the checker read certain and right. */
  read: number;
  /** Cells the checker read certain but wrong (must be none). */
  wrong: { key: CellKey; expected: unknown; actual: unknown }[];
  /** Error findings of rules that are not among the real defects (must be none). */
  falseErrors: { rule: string; message: string }[];
  /** Real defects found (by rule id, any severity) and missed. */
  found: string[];
  missed: string[];
  identityOk: boolean;
}

export const realDir = new URL('./', import.meta.url).pathname;

/** The report files of the fixtures (every file with an expected.json beside it). */
export function fixtureNames(): string[] {
  const files = readdirSync(realDir);
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace(/\.expected\.json$/, ''))
    .map((base) => files.find((f) => f.startsWith(`${base}.`) && !f.endsWith('.expected.json')))
    .filter((f): f is string => f !== undefined)
    .sort();
}

export function expectedOf(name: string): Expected {
  const base = name.replace(/\.[^.]+$/, '');
  return JSON.parse(readFileSync(`${realDir}${base}.expected.json`, 'utf8')) as Expected;
}

/** The same agency's fixture for the year before (`putian-kjj-2021.txt` for `…-2022.txt`), as `check DIR` pairs them. */
export function previousFixture(name: string): string | undefined {
  const m = /^(.*)-(\d{4})\.[^.]+$/.exec(name);
  if (!m) return undefined;
  return fixtureNames().find((n) => n.startsWith(`${m[1]}-${Number(m[2]) - 1}.`));
}

export async function measure(name: string): Promise<Measure> {
  const expected = expectedOf(name);
  const { report } = await parseFile(`${realDir}${name}`);
  const before = previousFixture(name);
  const previous = before ? (await parseFile(`${realDir}${before}`)).report : undefined;
  const findings = checkReport(report, { previous });
  const unknown = new Set(expected.unknown ?? []);
  let determinable = 0;
  let read = 0;
  const wrong: Measure['wrong'] = [];
  for (const key of formatOf(expected.format).cellKeys) {
    if (unknown.has(key)) continue;
    determinable++;
    const want = expected.cells[key] ?? 0;
    const got = report.cells[key];
    if (got === undefined || isUncertain(got)) continue;
    if (got === want) read++;
    else wrong.push({ key, expected: want, actual: got });
  }
  const rules = new Set(findings.map((f) => f.rule));
  return {
    name,
    expected,
    determinable,
    read,
    wrong,
    falseErrors: findings
      .filter((f) => f.severity === 'error' && !expected.defects.includes(f.rule))
      .map((f) => ({ rule: f.rule, message: f.message })),
    found: expected.defects.filter((d) => rules.has(d)),
    missed: expected.defects.filter((d) => !rules.has(d)),
    identityOk:
      report.agency === expected.agency &&
      report.year === expected.year &&
      report.formatVersion === expected.format,
  };
}
