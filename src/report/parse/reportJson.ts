/**
 * JSON → AnnualReport: our own `gongkai.annual-report/1` documents (validated, see
 * docs/report-json.md) and the `gongkai check --json` output (an array of check results; one is
 * picked by index). Check results carry no section text and list uncertain cells by key only.
 */
import { z } from 'zod';
import { GongkaiError } from '../../errors.ts';
import { formatOf } from '../formats/index.ts';
import { type CellKey, formatVersions, sectionKeys } from '../keys.ts';
import { type AnnualReport, type Cells, uncertain } from '../model.ts';

const uncertainValue = z.object({
  uncertain: z.literal(true),
  candidates: z.array(z.number()),
  raw: z.string().optional(),
});
const certainValue = z.union([z.number().finite(), z.literal('blank'), z.literal('slash')]);
const section = z.object({
  heading: z.string(),
  text: z.string(),
  order: z.number().int().optional(),
});
const version = z.enum(formatVersions as ['2021', '2019']);

export const reportJsonSchema = z.object({
  schema: z.literal('gongkai.annual-report/1'),
  agency: z.string(),
  year: z.number().int().nullable(),
  formatVersion: version,
  title: z.string().optional(),
  preamble: z.string().optional(),
  sections: z.partialRecord(z.enum(sectionKeys as ['S1']), section),
  cells: z.record(z.string(), z.union([certainValue, uncertainValue])),
  cellNotes: z.record(z.string(), z.string()).optional(),
});

const checkResultSchema = z.object({
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  formatVersion: version.nullable(),
  cells: z.record(z.string(), certainValue),
  // gongkai.check-result/1 listed the keys; /2 maps each key to its candidates and reason.
  uncertain: z.union([
    z.array(z.string()),
    z.record(
      z.string(),
      z.object({ candidates: z.array(z.number().finite()), reason: z.string().optional() }),
    ),
  ]),
  zeroOrBlank: z.array(z.string()).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

function bad(message: string): GongkaiError {
  return new GongkaiError('report.bad-json', message);
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '（根）'}：${i.message}`)
    .join('；');
}

function checkKeys(keys: string[], formatVersion: '2021' | '2019') {
  const known = new Set<string>(formatOf(formatVersion).cellKeys);
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw bad(`JSON 中有${formatVersion}年版格式不存在的单元格：${unknown.slice(0, 5).join('、')}`);
}

/** Counts are never negative; only the 2019 本年增/减 columns are signed. */
function checkSigns(cells: Record<string, unknown>, formatVersion: '2021' | '2019') {
  const signed = new Set<string>();
  for (const group of formatOf(formatVersion).t2.groups)
    for (const column of group.columns)
      if (column.signed) for (const row of group.rows) signed.add(`t2.${row.key}.${column.key}`);
  const negative = Object.entries(cells).filter(
    ([k, v]) => typeof v === 'number' && v < 0 && !signed.has(k),
  );
  if (negative.length > 0)
    throw bad(
      `JSON 中的单元格不能为负数：${negative
        .slice(0, 5)
        .map(([k, v]) => `${k}=${v}`)
        .join('、')}`,
    );
}

function fromCheckResult(value: unknown): AnnualReport {
  const parsed = checkResultSchema.safeParse(value);
  if (!parsed.success) throw bad(`不是 gongkai check --json 的结果：${issues(parsed.error)}`);
  const r = parsed.data;
  if (r.error) throw bad(`该检查结果没有报告内容（当时无法读取：${r.error.message}）`);
  const formatVersion = r.formatVersion ?? '2021';
  const undetermined = Array.isArray(r.uncertain)
    ? r.uncertain.map((key) => [key, { candidates: [] }] as const)
    : Object.entries(r.uncertain);
  const zeroOrBlank = r.zeroOrBlank ?? [];
  checkKeys(
    [...Object.keys(r.cells), ...undetermined.map(([k]) => k), ...zeroOrBlank],
    formatVersion,
  );
  checkSigns(r.cells, formatVersion);
  const cells: Cells = { ...(r.cells as Cells) };
  for (const [key, value] of undetermined) cells[key as CellKey] = uncertain([...value.candidates]);
  const report: AnnualReport = {
    agency: r.agency ?? '',
    year: r.year,
    formatVersion,
    sections: {},
    cells,
  };
  if (zeroOrBlank.length > 0) report.zeroOrBlank = zeroOrBlank as CellKey[];
  return report;
}

function fromReportJson(value: unknown): AnnualReport {
  const parsed = reportJsonSchema.safeParse(value);
  if (!parsed.success)
    throw bad(`年度报告 JSON 不符合 gongkai.annual-report/1：${issues(parsed.error)}`);
  const { schema: _schema, ...report } = parsed.data;
  checkKeys(
    [...Object.keys(report.cells), ...Object.keys(report.cellNotes ?? {})],
    report.formatVersion,
  );
  checkSigns(report.cells, report.formatVersion);
  return report as AnnualReport;
}

/** An AnnualReport from JSON text; `index` picks one result of a `check --json` array. */
export function parseReportJson(text: string, index = 0): AnnualReport {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw bad(`不是有效的 JSON：${(error as Error).message.slice(0, 100)}`);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw bad('JSON 数组是空的，没有可用的报告');
    if (!Number.isInteger(index) || index < 0 || index >= value.length)
      throw bad(`--index ${index} 超出范围：数组中有 ${value.length} 个结果（从 0 开始编号）`);
    value = value[index];
  }
  if (typeof value === 'object' && value !== null && 'schema' in value)
    return fromReportJson(value);
  return fromCheckResult(value);
}
