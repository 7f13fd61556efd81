/**
 * XLSX → AnnualReport. The first sheet is read as printed (bordered rows form tables, merged
 * ranges become rowspan/colspan, other rows text) and goes through the grid mapper. When the
 * workbook is one of ours, the 「cells」 and 「meta」 sheets hold the exact values and win,
 * unless `layoutOnly` asks for the printed sheet alone.
 */
import ExcelJS from 'exceljs';
import { GongkaiError } from '../../errors.ts';
import { formatOf } from '../formats/index.ts';
import type { CellKey, FormatVersion } from '../keys.ts';
import { type CellValue, isUncertain, uncertain } from '../model.ts';
import { type DocBlock, placeTable, type SourceCell } from './grid.ts';
import { type GridParseResult, reportFromBlocks } from './gridReport.ts';
import { checkSize } from './limits.ts';
import type { ParseOptions } from './text.ts';
import { checkSheets } from './xlsxGuard.ts';
import { checkZip } from './zipGuard.ts';

export interface XlsxParseOptions extends ParseOptions {
  /** Read only the printed sheet, ignoring the machine sheets. */
  layoutOnly?: boolean;
}

function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(cell.text ?? v);
}

function mergeSpans(ws: ExcelJS.Worksheet): Map<string, { rowspan: number; colspan: number }> {
  const spans = new Map<string, { rowspan: number; colspan: number }>();
  const merges: string[] = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [a, b] = range.split(':');
    const from = ws.getCell(a);
    const to = ws.getCell(b ?? a);
    spans.set(from.address, {
      rowspan: Number(to.row) - Number(from.row) + 1,
      colspan: Number(to.col) - Number(from.col) + 1,
    });
  }
  return spans;
}

function sheetBlocks(ws: ExcelJS.Worksheet): DocBlock[] {
  const spans = mergeSpans(ws);
  const blocks: DocBlock[] = [];
  let rows: SourceCell[][] = [];
  const flush = () => {
    if (rows.length) blocks.push({ kind: 'table', table: placeTable(rows) });
    rows = [];
  };
  const width = Math.min(ws.columnCount, 256);
  for (let r = 1; r <= Math.min(ws.rowCount, 5000); r++) {
    const row = ws.getRow(r);
    const cells = Array.from({ length: width }, (_, i) => row.getCell(i + 1));
    const bordered = cells.some((c) => c.border?.top || c.border?.left);
    if (!bordered) {
      flush();
      const line = cells
        .filter((c) => !c.isMerged || c.master === c)
        .map(text)
        .join(' ')
        .trim();
      if (line) blocks.push({ kind: 'text', text: line });
      continue;
    }
    rows.push(
      cells
        .filter((c) => (c.border?.top || c.border?.left) && (!c.isMerged || c.master === c))
        .map((c) => ({ text: text(c), ...spans.get(c.address) })),
    );
  }
  flush();
  return blocks;
}

function storedValue(raw: ExcelJS.CellValue): CellValue {
  if (typeof raw === 'number') return raw;
  if (raw === 'blank' || raw === 'slash') return raw;
  if (typeof raw === 'string' && raw.startsWith('{')) {
    try {
      const parsed = JSON.parse(raw);
      if (isUncertain(parsed)) return uncertain(parsed.candidates, parsed.raw);
    } catch {}
  }
  return uncertain([], String(raw).slice(0, 80));
}

function machineSheets(wb: ExcelJS.Workbook, result: GridParseResult): boolean {
  const cellsWs = wb.getWorksheet('cells');
  const metaWs = wb.getWorksheet('meta');
  if (!cellsWs || !metaWs) return false;
  const meta = new Map<string, ExcelJS.CellValue>();
  metaWs.eachRow((row) => meta.set(String(row.getCell(1).value), row.getCell(2).value));
  if (!String(meta.get('schema') ?? '').startsWith('gongkai.annual-report/')) return false;
  const version = String(meta.get('formatVersion')) as FormatVersion;
  const known = new Set<string>(formatOf(version === '2019' ? '2019' : '2021').cellKeys);
  const cells: GridParseResult['report']['cells'] = {};
  cellsWs.eachRow((row, n) => {
    const key = String(row.getCell(1).value);
    if (n > 1 && known.has(key)) cells[key as CellKey] = storedValue(row.getCell(2).value);
  });
  const year = Number(meta.get('year'));
  Object.assign(result.report, {
    agency: String(meta.get('agency') ?? ''),
    year: Number.isInteger(year) && year > 0 ? year : null,
    formatVersion: version === '2019' ? '2019' : '2021',
    cells,
  });
  result.uncertain = (Object.keys(cells) as CellKey[]).filter((k) => isUncertain(cells[k]));
  return true;
}

export async function parseXlsx(
  bytes: Uint8Array,
  opts: XlsxParseOptions = {},
): Promise<GridParseResult> {
  checkSize(bytes, 'XLSX ');
  await checkSheets(await checkZip(bytes, 'XLSX', 'xl/workbook.xml'));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new GongkaiError(
      'report.bad-xlsx',
      '无法读取 XLSX 文件：文件损坏或不是 Excel 2007 及以后的格式。',
    );
  }
  const first = wb.worksheets[0];
  if (!first) throw new GongkaiError('report.bad-xlsx', 'XLSX 文件中没有工作表。');
  const result = reportFromBlocks(sheetBlocks(first), opts);
  if (!opts.layoutOnly) machineSheets(wb, result);
  return result;
}
