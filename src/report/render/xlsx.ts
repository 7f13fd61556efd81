/**
 * AnnualReport → XLSX (exceljs). Sheet 「年度报告」 prints the report as on paper: text rows
 * merged across the page, the tables with their merged cells and borders (values are written
 * first, then ranges merged: exceljs drops merges that values are written over). Sheet 「cells」
 * lists every cell key with its value for machines, sheet 「meta」 the identity and schema.
 */
import ExcelJS from 'exceljs';
import { cellLabel } from '../formats/labels.ts';
import type { CellKey } from '../keys.ts';
import { type AnnualReport, type CellValue, isUncertain } from '../model.ts';
import { reportBlocks } from './document.ts';
import { reportSchemaId } from './json.ts';
import { placeSlots, type TableLayout } from './layout.ts';
import { cellText } from './value.ts';

const pageWidth = 15;
const border = { style: 'thin', color: { argb: 'FF000000' } } as const;
const borders = { top: border, left: border, bottom: border, right: border };
const bodyFont = { name: '仿宋_GB2312', size: 12 };

function excelValue(value: CellValue | undefined): ExcelJS.CellValue {
  if (typeof value === 'number') return value;
  const text = cellText(value);
  return text === '' ? null : text;
}

function writeTable(ws: ExcelJS.Worksheet, report: AnnualReport, layout: TableLayout, top: number) {
  const merges: [number, number, number, number][] = [];
  for (const row of placeSlots(layout)) {
    for (const slot of row) {
      for (let dr = 0; dr < slot.rowspan; dr++)
        for (let dc = 0; dc < slot.colspan; dc++) {
          const cell = ws.getCell(top + slot.row + dr, 1 + slot.col + dc);
          cell.border = borders;
          cell.font = bodyFont;
          cell.alignment = {
            wrapText: true,
            vertical: 'middle',
            horizontal: slot.stub ? 'left' : 'center',
          };
        }
      const cell = ws.getCell(top + slot.row, 1 + slot.col);
      cell.value = slot.key ? excelValue(report.cells[slot.key]) : (slot.text ?? '');
      if (slot.rowspan > 1 || slot.colspan > 1)
        merges.push([
          top + slot.row,
          1 + slot.col,
          top + slot.row + slot.rowspan - 1,
          slot.col + slot.colspan,
        ]);
    }
  }
  for (const [t, l, b, r] of merges) ws.mergeCells(t, l, b, r);
  return top + layout.rows.length;
}

function writeText(ws: ExcelJS.Worksheet, row: number, text: string, font: Partial<ExcelJS.Font>) {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { wrapText: true, vertical: 'top' };
  ws.mergeCells(row, 1, row, pageWidth);
  ws.getRow(row).height = Math.max(20, Math.ceil(text.length / 45) * 18);
}

function reportSheet(wb: ExcelJS.Workbook, report: AnnualReport) {
  const ws = wb.addWorksheet('年度报告', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  ws.columns = [14, 12, 26, ...new Array(pageWidth - 3).fill(8)].map((width) => ({ width }));
  let row = 1;
  for (const block of reportBlocks(report)) {
    if (block.kind === 'table') {
      row = writeTable(ws, report, block.layout, row) + 1;
      continue;
    }
    const font =
      block.kind === 'title'
        ? { name: '方正小标宋简体', size: 18 }
        : block.kind === 'heading'
          ? { name: '黑体', size: 14 }
          : bodyFont;
    writeText(ws, row++, block.text, font);
  }
}

function storedValue(value: CellValue): string | number {
  if (isUncertain(value)) return JSON.stringify(value);
  return value;
}

function cellsSheet(wb: ExcelJS.Workbook, report: AnnualReport) {
  const ws = wb.addWorksheet('cells');
  ws.columns = [
    { header: 'key', width: 22 },
    { header: 'value', width: 12 },
    { header: 'label', width: 60 },
  ];
  for (const [key, value] of Object.entries(report.cells) as [CellKey, CellValue][])
    ws.addRow([key, storedValue(value), cellLabel(key, report.formatVersion)]);
}

function metaSheet(wb: ExcelJS.Workbook, report: AnnualReport) {
  const ws = wb.addWorksheet('meta');
  ws.columns = [{ width: 16 }, { width: 60 }];
  ws.addRow(['schema', reportSchemaId]);
  ws.addRow(['agency', report.agency]);
  ws.addRow(['year', report.year ?? '']);
  ws.addRow(['formatVersion', report.formatVersion]);
}

export function reportWorkbook(report: AnnualReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  reportSheet(wb, report);
  cellsSheet(wb, report);
  metaSheet(wb, report);
  return wb;
}

export async function renderXlsx(report: AnnualReport): Promise<Buffer> {
  const data = await reportWorkbook(report).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
