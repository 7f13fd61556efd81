/**
 * `gongkai render <file> --to html|docx|xlsx|md|json|pdf [-o FILE] [--index N]`: converts a report
 * that gongkai can read (its own JSON, `check --json` output, txt/md/html/docx/pdf/xlsx) into
 * another format. Text formats go to stdout without -o; binary formats need -o.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { GongkaiError } from '../errors.ts';
import type { AnnualReport } from '../report/model.ts';
import { parseFile } from '../report/parse/index.ts';
import { parseReportJson } from '../report/parse/reportJson.ts';
import { type RenderFormat, render, renderFormats, textFormats } from '../report/render/index.ts';
import { parseCliArgs, runCommand } from './args.ts';

const usage =
  '用法：gongkai render <文件> --to html|docx|xlsx|md|json|pdf [-o 输出文件] [--index N]';

async function readReport(file: string, index: number): Promise<AnnualReport> {
  if (extname(file).toLowerCase() !== '.json') return (await parseFile(file)).report;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new GongkaiError('report.unreadable', { file });
  if (info.size > 20 * 1024 * 1024) throw new GongkaiError('report.too-large', { file });
  return parseReportJson(await readFile(file, 'utf8'), index);
}

function options(args: string[]) {
  const { values, positionals } = parseCliArgs(args, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    index: { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new GongkaiError('cli.arguments', `需要且只需要一个输入文件。${usage}`);
  const to = values.to as RenderFormat | undefined;
  if (!to || !renderFormats.includes(to))
    throw new GongkaiError(
      'cli.arguments',
      `--to 必须是 ${renderFormats.join('、')} 之一。${usage}`,
    );
  const index = values.index === undefined ? 0 : Number(values.index);
  if (!Number.isInteger(index) || index < 0)
    throw new GongkaiError('cli.arguments', '--index 必须是非负整数（从 0 开始）');
  if (!values.output && !textFormats.has(to))
    throw new GongkaiError(
      'cli.arguments',
      `${to} 是二进制格式，不能输出到终端，请用 -o 指定输出文件`,
    );
  return { file: positionals[0], to, output: values.output, index };
}

export async function run(args: string[]): Promise<number> {
  return runCommand(async () => {
    const { file, to, output, index } = options(args);
    const report = await readReport(file, index);
    const out = await render(report, to);
    if (output) await writeFile(output, out);
    else process.stdout.write(out);
    return 0;
  });
}
