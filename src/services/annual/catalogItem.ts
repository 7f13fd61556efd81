/**
 * Publishing puts the report in the agency's 政府信息公开年报 category of the catalogue (so the
 * portal's 年报 sub-column lists it), with the report as the item's body (the catalogue's plain
 * text conventions: `# ` headings, `- ` lists) and the DOCX/PDF attached.
 */
import { mediaTypes } from '../../catalog/attachments/fileType.ts';
import { listCategories } from '../../db/catalogCategories.ts';
import type { Db } from '../../db/database.ts';
import { attachGeneratedFile } from '../../db/publications/attachments.ts';
import { importPublication } from '../../db/publications/import.ts';
import { GongkaiError } from '../../errors.ts';
import { formatOf } from '../../report/formats/index.ts';
import type { AnnualReport } from '../../report/model.ts';
import { tableLayouts } from '../../report/render/layout.ts';
import { cellText } from '../../report/render/value.ts';

/** The tables as lines of text: each data row with its label path and values. */
function tableLines(report: AnnualReport, table: 't2' | 't3' | 't4'): string[] {
  const layout = tableLayouts(formatOf(report.formatVersion))[table];
  const lines: string[] = [];
  let columns: string[] = [];
  if (table === 't4') {
    const values = layout.rows[layout.rows.length - 1]
      .filter((s) => s.key)
      .map((s) => cellText(report.cells[s.key!]));
    const part = (i: number) => values.slice(i * 5, i * 5 + 5).join('／');
    return [
      `- 行政复议（维持／纠正／其他／尚未审结／总计）：${part(0)}`,
      `- 行政诉讼·未经复议直接起诉：${part(1)}`,
      `- 行政诉讼·复议后起诉：${part(2)}`,
    ];
  }
  for (const row of layout.rows.slice(layout.headerRows)) {
    const keys = row.filter((s) => s.key).map((s) => s.key!);
    if (keys.length === 0) {
      if (row.length > 1) columns = row.map((s) => s.text ?? '');
      continue;
    }
    const label = row
      .filter((s) => s.stub)
      .map((s) => s.text)
      .join('');
    const values = keys.map((k, i) =>
      table === 't3'
        ? cellText(report.cells[k])
        : `${columns[row.length - keys.length + i] ?? ''} ${cellText(report.cells[k])}`,
    );
    lines.push(`- ${label}：${values.join(table === 't3' ? '／' : '，')}`);
  }
  if (table === 't3')
    lines.unshift(
      '- 各列依次为：自然人／商业企业／科研机构／社会公益组织／法律服务机构／其他／总计',
    );
  return lines;
}

export function catalogBody(report: AnnualReport, onlinePath: string): string {
  const out: string[] = [];
  for (const spec of formatOf(report.formatVersion).sections) {
    const section = report.sections[spec.key];
    out.push(`# ${section?.heading || `${spec.numeral}、${spec.heading.text}`}`, '');
    for (const line of (section?.text ?? '').split('\n').filter((l) => l.trim()))
      out.push(line.trim(), '');
    if (spec.table) out.push(tableLines(report, spec.table).join('\n'), '');
  }
  out.push(`按规定格式排版的表格见附件，或在线查看：${onlinePath}`);
  return out.join('\n');
}

export interface ReportFileSet {
  docx: Buffer;
  pdf?: Buffer;
}

/** Creates the published catalogue item and attaches the files; returns its id. */
export async function publishCatalogItem(
  db: Db,
  agencyId: number,
  report: AnnualReport,
  files: ReportFileSet,
  options: { today: string; userId: number | null; onlinePath: string; titleSuffix?: string },
): Promise<number> {
  const category = (await listCategories(db, agencyId)).find((c) => c.column === 'reports');
  if (!category)
    throw new GongkaiError('annual.category', '本单位的公开目录没有“政府信息公开年报”分类。');
  const title = `${report.agency}${report.year}年政府信息公开工作年度报告${options.titleSuffix ?? ''}`;
  const body = catalogBody(report, options.onlinePath);
  const item = await importPublication(
    db,
    agencyId,
    {
      categoryId: category.id,
      title,
      madeOn: options.today,
      publishedOn: options.today,
      issuer: report.agency,
      summary: `${report.year}年度政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）`,
      keywords: '政府信息公开 年度报告',
      body,
    },
    { userId: options.userId },
  );
  const attach = async (filename: string, kind: 'docx' | 'pdf', data: Buffer) => {
    const file = { filename, mediaType: mediaTypes[kind], data, text: body };
    await attachGeneratedFile(db, agencyId, item.id, file, options.userId);
  };
  await attach(`${title}.docx`, 'docx', files.docx);
  if (files.pdf) await attach(`${title}.pdf`, 'pdf', files.pdf);
  return item.id;
}
