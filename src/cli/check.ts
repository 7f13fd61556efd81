/** `gongkai check <file|dir>… [--previous FILE] [--json]`: format and 勾稽 checks of annual reports. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isGongkaiError } from '../errors.ts';
import { checkReport } from '../report/check.ts';
import { type CheckResult, checkResult, failedResult } from '../report/checkResult.ts';
import type { Finding } from '../report/finding.ts';
import { formatOf } from '../report/formats/index.ts';
import type { AnnualReport } from '../report/model.ts';
import { parseFile, parsers } from '../report/parse/index.ts';
import { textTables } from '../report/textTable.ts';
import { reportError } from './args.ts';
import { progressLine } from './progress.ts';

async function expand(paths: string[]): Promise<{ files: string[]; fromDir: boolean }> {
  const files: string[] = [];
  let fromDir = false;
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) {
      fromDir = true;
      const names = (await readdir(p))
        .filter((n) => /\.(txt|md|text|html?|docx|pdf|xlsx|json)$/i.test(n))
        .sort();
      files.push(...names.map((n) => join(p, n)));
    } else files.push(p);
  }
  return { files, fromDir };
}

const progress = progressLine((done, total) => `已检查 ${done}/${total} 个文件`);

/** One line per file for a folder of reports: who, which year, how much was read, what was found. */
function oneLine(result: CheckResult): string {
  if (result.error) return `${result.file}\t无法读取：${result.error.message}`;
  const total = result.formatVersion ? formatOf(result.formatVersion).cellKeys.length : 0;
  const count = (severity: Finding['severity']) =>
    result.findings.filter((f) => f.severity === severity).length;
  return [
    result.file,
    result.agency ?? '（机关未识别）',
    result.year === null ? '（年度未识别）' : `${result.year}年度`,
    `${result.formatVersion}年版`,
    `单元格 ${Object.keys(result.cells).length}/${total}`,
    `错误 ${count('error')}`,
    `警告 ${count('warning')}`,
  ].join('\t');
}

function describe(result: CheckResult, report: AnnualReport, warnings: string[]): string {
  const lines = [`== ${result.file}`];
  lines.push(
    `机关：${result.agency ?? '（未识别）'}  年度：${result.year ?? '（未识别）'}  格式：${result.formatVersion}年版  确定的单元格：${Object.keys(result.cells).length}  未能确定：${Object.keys(result.uncertain).length}`,
  );
  lines.push('', textTables(report), '');
  const group = (severity: Finding['severity'], title: string) => {
    const items = result.findings.filter((f) => f.severity === severity);
    lines.push(`${title}（${items.length}）`);
    for (const f of items) lines.push(`  [${f.rule}] ${f.message}`);
  };
  group('error', '错误');
  group('warning', '警告');
  if (warnings.length > 0)
    lines.push(`读取说明（${warnings.length}）`, ...warnings.map((w) => `  ${w}`));
  return lines.join('\n');
}

type Parsed =
  | { file: string; report: AnnualReport; warnings: string[] }
  | { file: string; error: { code: string; message: string } };

async function parseAll(files: string[]): Promise<Parsed[]> {
  const out: Parsed[] = [];
  for (const file of files) {
    try {
      const { report, warnings } = await parseFile(file);
      out.push({ file, report, warnings });
    } catch (error) {
      if (!isGongkaiError(error)) throw error;
      out.push({ file, error });
    }
    progress(out.length, files.length);
  }
  return out;
}

/** In a batch, the same agency's report for the year before (for R8, R9 and section 五). */
function previousOf(report: AnnualReport, batch: Parsed[]): AnnualReport | undefined {
  if (!report.agency || report.year === null) return undefined;
  for (const other of batch)
    if (
      'report' in other &&
      other.report.agency === report.agency &&
      other.report.year === report.year - 1
    )
      return other.report;
  return undefined;
}

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    return reportError(error);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    console.error('用法：gongkai check <文件|目录>… [--previous 文件] [--json]');
    return 2;
  }
  let previous: AnnualReport | undefined;
  if (values.previous) {
    try {
      previous = (await parseFile(values.previous)).report;
    } catch (error) {
      console.error(isGongkaiError(error) ? error.message : `无法读取上年报告：${String(error)}`);
      return 2;
    }
  }
  const { files, fromDir } = await expand(positionals);
  const reports = await parseAll(files);
  const results: CheckResult[] = [];
  let unreadable = false;
  for (const one of reports) {
    let result: CheckResult;
    if ('error' in one) {
      unreadable = true;
      result = failedResult(one.file, one.error.code, one.error.message);
      if (!values.json && !fromDir)
        console.error(`== ${one.file}\n无法读取：${one.error.message}\n`);
    } else {
      const { report, warnings } = one;
      const lastYear = previous ?? previousOf(report, reports);
      result = checkResult(one.file, report, checkReport(report, { previous: lastYear }));
      if (!values.json && !fromDir) console.log(`${describe(result, report, warnings)}\n`);
    }
    results.push(result);
    if (!values.json && fromDir) console.log(oneLine(result));
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else if (files.length > 1) summary(results);
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function summary(results: CheckResult[]) {
  const having = (severity: Finding['severity']) =>
    results.filter((r) => r.findings.some((f) => f.severity === severity)).length;
  const failed = results.filter((r) => r.error).length;
  let certain = 0;
  let cells = 0;
  for (const r of results) {
    if (!r.formatVersion || r.error) continue;
    certain += Object.keys(r.cells).length;
    cells += formatOf(r.formatVersion).cellKeys.length;
  }
  const share =
    cells === 0
      ? ''
      : `；读出确定的单元格 ${certain}/${cells}（${((100 * certain) / cells).toFixed(1)}%）`;
  console.log(
    `共检查${results.length}个文件：${having('error')}个有错误，${having('warning')}个有警告，${failed}个无法读取${share}。支持的格式：${Object.keys(parsers).join('、')}`,
  );
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { previous: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
}
