/**
 * `gongkai scan FILE… [--json]`: the catalogue's privacy scan from the command line, for checking a
 * file before uploading it. Exit 0 when nothing is found, 1 when a file has a finding, 2 when a
 * file could not be read (which wins: such a file may hide anything).
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_ATTACHMENT_BYTES } from '../catalog/attachments/fileType.ts';
import { type ScanError, scanFile } from '../catalog/attachments/scan.ts';
import { privacyKindLabels } from '../catalog/privacy.ts';
import { parseCliArgs, runCommand } from './args.ts';

export interface ScanReport {
  file: string;
  findings: { kind: string; part: string; excerpt: string }[];
  error?: ScanError;
}

async function scanPath(file: string): Promise<ScanReport> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile())
    return {
      file,
      findings: [],
      error: { code: 'scan.missing', message: '文件不存在或不是普通文件。' },
    };
  if (info.size > MAX_ATTACHMENT_BYTES)
    return {
      file,
      findings: [],
      error: {
        code: 'scan.too-large',
        message: `文件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 的大小限制，未检查。`,
      },
    };
  const result = await scanFile(await readFile(file), file);
  const findings = result.findings
    .filter((f) => f.kind !== 'unreadable')
    .map((f) => ({ kind: f.kind, part: f.part ?? '', excerpt: f.excerpt }));
  return result.error ? { file, findings, error: result.error } : { file, findings };
}

function describe(report: ScanReport): string {
  const lines = [`== ${report.file}`];
  if (report.error) lines.push(`  无法完整读取（${report.error.code}）：${report.error.message}`);
  else if (report.findings.length === 0) lines.push('  未发现个人信息或隐藏内容。');
  else lines.push(`  发现${report.findings.length}处：`);
  for (const f of report.findings)
    lines.push(
      `  [${privacyKindLabels[f.kind as keyof typeof privacyKindLabels] ?? f.kind}] ${f.part}：${f.excerpt}`,
    );
  return lines.join('\n');
}

export function exitCode(reports: ScanReport[]): number {
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.findings.length > 0) ? 1 : 0;
}

export async function run(args: string[]): Promise<number> {
  return runCommand(async () => {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean' } });
    if (positionals.length === 0) {
      console.error('用法：gongkai scan 文件… [--json]');
      return 2;
    }
    const reports: ScanReport[] = [];
    for (const file of positionals) reports.push(await scanPath(file));
    if (values.json) console.log(JSON.stringify(reports, null, 2));
    else {
      console.log(reports.map(describe).join('\n\n'));
      const found = reports.filter((r) => r.findings.length > 0).length;
      const unreadable = reports.filter((r) => r.error).length;
      console.log(
        `\n共检查${reports.length}个文件：${found}个有发现，${unreadable}个无法完整读取。`,
      );
    }
    return exitCode(reports);
  });
}
