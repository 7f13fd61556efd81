/**
 * The rows of an old 公开目录 export: the first worksheet of an XLSX, or a CSV in UTF-8 (with or
 * without BOM) or GB18030/GBK, as many old systems write. Every cell becomes trimmed text; dates
 * typed as Excel dates become YYYY-MM-DD.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { GongkaiError } from '../errors.ts';
import { checkZip } from '../report/parse/zipGuard.ts';

/** Rows of text, the header first; the 1-based line (row) number of each row in the file. */
export interface LegacyTable {
  rows: string[][];
  lineNumbers: number[];
}

const maxBytes = 50 * 1024 * 1024;

export async function readLegacyTable(data: Uint8Array, filename: string): Promise<LegacyTable> {
  if (data.length > maxBytes)
    throw new GongkaiError('catalog.import.size', '文件超过50 MB，请分成几个文件导入。');
  if (/\.xlsx$/i.test(filename)) return readXlsx(data);
  if (/\.csv$/i.test(filename)) return readCsv(decodeText(data));
  throw new GongkaiError('catalog.import.type', '只能导入 .xlsx 或 .csv 文件。');
}

function decodeText(data: Uint8Array): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return new TextDecoder('utf-8').decode(data.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return iconv.decode(Buffer.from(data), 'gb18030');
  }
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function readCsv(text: string): LegacyTable {
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    row.push(field.trim());
    if (row.some((cell) => cell !== '')) {
      rows.push(row);
      lineNumbers.push(rowLine);
    }
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === ',') {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (quoted) throw new GongkaiError('catalog.import.csv', { rowLine });
  endRow();
  return { rows, lineNumbers };
}

async function readXlsx(data: Uint8Array): Promise<LegacyTable> {
  await checkZip(data, 'XLSX', 'xl/workbook.xml');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    throw new GongkaiError('catalog.import.xlsx', '无法读取 XLSX 文件：文件损坏或格式不对。');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new GongkaiError('catalog.import.xlsx', 'XLSX 文件中没有工作表。');
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  sheet.eachRow((row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((cell) => cell !== '')) {
      rows.push(cells);
      lineNumbers.push(number);
    }
  });
  return { rows, lineNumbers };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}
