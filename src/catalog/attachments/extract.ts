import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { checkPdfDrawing } from '../../report/parse/pdfContent.ts';
import { checkPdfStructure } from '../../report/parse/pdfGuard.ts';
import { checkSheets } from '../../report/parse/xlsxGuard.ts';
import { checkZip } from '../../report/parse/zipGuard.ts';
import type { PrivacyFinding } from '../privacy.ts';
import type { AttachmentKind } from './fileType.ts';

/** The text of an attachment (hidden parts included, so they are scanned) and what was hidden. */
export interface ExtractedText {
  text: string;
  hidden: PrivacyFinding[];
}

export async function extractAttachmentText(
  kind: AttachmentKind,
  data: Uint8Array,
  name: string,
): Promise<ExtractedText> {
  try {
    if (kind === 'xlsx') return await extractXlsx(data, name);
    if (kind === 'docx') return await extractDocx(data, name);
    if (kind === 'pdf') return await extractPdf(data);
    return { text: '', hidden: [] };
  } catch {
    return {
      text: '',
      hidden: [{ kind: 'unreadable', source: name, excerpt: '文件内容无法读取，无法完成隐私检查' }],
    };
  }
}

async function extractXlsx(data: Uint8Array, name: string): Promise<ExtractedText> {
  // The report parser's guards: no zip bomb, no merge or column range exceljs cannot bound.
  await checkSheets(await checkZip(data, 'XLSX', 'xl/workbook.xml'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const lines: string[] = [];
  const hidden: PrivacyFinding[] = [];
  for (const sheet of workbook.worksheets) {
    const sheetHidden = sheet.state !== 'visible';
    if (sheetHidden)
      hidden.push({
        kind: 'hidden-sheet',
        source: name,
        excerpt: `工作表“${sheet.name}”被隐藏`,
        where: sheet.name,
      });
    const hiddenRows: number[] = [];
    const hiddenCols = new Set<number>();
    for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getColumn(c).hidden) hiddenCols.add(c);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.hidden) hiddenRows.push(rowNumber);
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push(cell.text);
      });
      lines.push(cells.join('\t'));
    });
    if (hiddenRows.length > 0) {
      hidden.push({
        kind: 'hidden-rows',
        source: name,
        excerpt: `工作表“${sheet.name}”有${hiddenRows.length}个隐藏行（第${hiddenRows.slice(0, 5).join('、')}行${hiddenRows.length > 5 ? '等' : ''}）`,
        where: sheet.name,
      });
    }
    if (hiddenCols.size > 0) {
      const letters = [...hiddenCols].slice(0, 5).map(columnLetter);
      hidden.push({
        kind: 'hidden-columns',
        source: name,
        excerpt: `工作表“${sheet.name}”有${hiddenCols.size}个隐藏列（${letters.join('、')}列${hiddenCols.size > 5 ? '等' : ''}）`,
        where: sheet.name,
      });
    }
  }
  return { text: lines.join('\n'), hidden };
}

async function extractDocx(data: Uint8Array, name: string): Promise<ExtractedText> {
  await checkZip(data, 'DOCX', 'word/document.xml');
  const zip = await JSZip.loadAsync(data);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const hidden: PrivacyFinding[] = [];
  const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
  const commentTexts = [...comments.matchAll(/<w:comment\b[^>]*>([\s\S]*?)<\/w:comment>/g)].map(
    (m) => wordText(m[1]),
  );
  commentTexts.forEach((text, i) => {
    hidden.push({
      kind: 'docx-comment',
      source: name,
      excerpt: `批注${i + 1}：${text.slice(0, 40)}`,
      where: `批注${i + 1}`,
    });
  });
  const insertions = xml.match(/<w:ins\b/g)?.length ?? 0;
  const deletions = xml.match(/<w:del\b/g)?.length ?? 0;
  if (insertions + deletions > 0) {
    hidden.push({
      kind: 'tracked-change',
      source: name,
      excerpt: `文档含未接受的修订：插入${insertions}处，删除${deletions}处`,
    });
  }
  if (/<w:vanish\s*\/>/.test(xml))
    hidden.push({ kind: 'hidden-text', source: name, excerpt: '文档含设置为隐藏的文字' });
  const text = [wordText(xml), ...commentTexts].join('\n');
  return { text, hidden };
}

/** Paragraph text of WordprocessingML, deleted runs (w:delText) included. */
function wordText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:(?:t|delText)\b[^>/]*>([^<]*)<\/w:(?:t|delText)>/g)]
        .map((m) => m[1])
        .join(''),
    )
    .filter((line) => line !== '')
    .map(decodeXml)
    .join('\n');
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Decoded drawing bytes of an attached PDF: more than a report's (long documents), still bounded. */
const maxAttachmentDrawingBytes = 8 * 1024 * 1024;

async function extractPdf(data: Uint8Array): Promise<ExtractedText> {
  checkPdfStructure(data);
  checkPdfDrawing(data, maxAttachmentDrawingBytes);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return { text: pages.join('\n'), hidden: [] };
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
