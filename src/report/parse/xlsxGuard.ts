/**
 * A check of an XLSX's worksheets before exceljs loads them: exceljs creates a cell object for
 * every cell of a merged range and compares each merge with all earlier ones, and creates one
 * column object per column of a `<col>` range. A mutated file with the merge `A9007199254740993:O16`
 * kept it busy for good; so merges and column ranges are bounded here first, by counts.
 */
import type JSZip from 'jszip';
import { GongkaiError } from '../../errors.ts';
import { parseLimits } from './limits.ts';
import { readEntry } from './zipGuard.ts';

const excelRows = 1_048_576;
const excelCols = 16_384;

function fail(why: string): GongkaiError {
  return new GongkaiError('report.bad-xlsx', `无法读取 XLSX 文件：${why}。`);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A cell address (`B7`, `$B$7`) as row and column, or undefined if it is not one inside Excel's grid. */
function address(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  const row = Number(m[2]);
  const col = columnNumber(m[1]);
  return row >= 1 && row <= excelRows && col <= excelCols ? { row, col } : undefined;
}

function mergedCells(sheet: string, xml: string): { merges: number; cells: number } {
  let merges = 0;
  let cells = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g)) {
    const [from, to = from] = m[1].split(':');
    const a = address(from);
    const b = address(to);
    if (!a || !b) throw fail(`${sheet} 的合并单元格“${m[1].slice(0, 40)}”超出 Excel 表格范围`);
    merges++;
    cells += (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
  }
  return { merges, cells };
}

function checkColumns(sheet: string, xml: string): void {
  for (const m of xml.matchAll(/<(?:\w+:)?col\b[^>]*?\bmax\s*=\s*["']([^"']*)["']/g))
    if (Number(m[1]) > excelCols)
      throw fail(`${sheet} 的列定义“${m[1].slice(0, 20)}”超出 Excel 的 ${excelCols} 列`);
}

/** Rejects worksheets whose merges or column ranges would make exceljs's work unbounded. */
export async function checkSheets(zip: JSZip): Promise<void> {
  let merges = 0;
  let cells = 0;
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n));
  for (const name of sheets) {
    const xml = await readEntry(zip, name, 'XLSX');
    const sheet = name.slice('xl/worksheets/'.length);
    checkColumns(sheet, xml);
    const found = mergedCells(sheet, xml);
    merges += found.merges;
    cells += found.cells;
  }
  if (merges > parseLimits.maxXlsxMerges)
    throw fail(`合并单元格过多（${merges} 处，上限 ${parseLimits.maxXlsxMerges} 处）`);
  if (cells > parseLimits.maxXlsxMergedCells)
    throw fail(
      `合并单元格覆盖的单元格过多（${cells} 个，上限 ${parseLimits.maxXlsxMergedCells} 个）`,
    );
}
