/**
 * AnnualReport → DOCX in the usual 公文 style: A4, margins 37/35/28/26 mm, title 方正小标宋简体
 * 二号 centred, body 仿宋_GB2312 三号 with a two-character indent, headings 黑体 三号, tables with
 * merged cells (rowSpan/columnSpan) exactly as in the official template.
 */
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { AnnualReport } from '../model.ts';
import { type Block, reportBlocks, reportTitle } from './document.ts';
import { fonts, sizes } from './fonts.ts';
import { placeSlots, type TableId, type TableLayout } from './layout.ts';
import { cellText } from './value.ts';

const mm = (value: number) => Math.round((value * 1440) / 25.4);
const margin = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const textWidth = 11906 - margin.left - margin.right;

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

function run(text: string, name: string, size: number) {
  return new TextRun({ text, font: font(name), size });
}

/** Column widths in twips: stub columns wide enough for the row labels, values share the rest. */
function columnWidths(id: TableId, width: number): number[] {
  const stub: Record<TableId, number[]> = { t2: [2400], t3: [900, 1100, 2300], t4: [] };
  const fixed = stub[id];
  const rest = width - fixed.length;
  const each = Math.floor((textWidth - fixed.reduce((a, b) => a + b, 0)) / rest);
  return [...fixed, ...new Array<number>(rest).fill(each)];
}

function tableOf(report: AnnualReport, layout: TableLayout): Table {
  const widths = columnWidths(layout.id, layout.width);
  const rows = placeSlots(layout).map(
    (row, r) =>
      new TableRow({
        // docx writes <w:tblHeader/> whenever the option is present, even when false.
        ...(r < layout.headerRows ? { tableHeader: true } : {}),
        cantSplit: true,
        children: row.map((slot) => {
          const text = slot.key ? cellText(report.cells[slot.key]) : (slot.text ?? '');
          const span = widths.slice(slot.col, slot.col + slot.colspan).reduce((a, b) => a + b, 0);
          return new TableCell({
            rowSpan: slot.rowspan > 1 ? slot.rowspan : undefined,
            columnSpan: slot.colspan > 1 ? slot.colspan : undefined,
            width: { size: span, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            children: [
              new Paragraph({
                alignment: slot.stub ? AlignmentType.LEFT : AlignmentType.CENTER,
                children: [run(text, fonts.body, sizes.table)],
              }),
            ],
          });
        }),
      }),
  );
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

const lineSpacing = { line: 560, lineRule: LineRuleType.EXACT };

function blockOf(report: AnnualReport, block: Block): Paragraph | Table {
  switch (block.kind) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 320 },
        children: [run(block.text, fonts.title, sizes.title)],
      });
    case 'heading':
      return new Paragraph({
        spacing: lineSpacing,
        indent: { firstLine: 640 },
        keepNext: true,
        children: [run(block.text, fonts.heading, sizes.body)],
      });
    case 'paragraph':
      return new Paragraph({
        spacing: lineSpacing,
        indent: { firstLine: 640 },
        alignment: AlignmentType.JUSTIFIED,
        children: [run(block.text, fonts.body, sizes.body)],
      });
    case 'table':
      return tableOf(report, block.layout);
  }
}

export function reportDocument(report: AnnualReport): Document {
  return new Document({
    title: reportTitle(report),
    creator: 'gongkai',
    styles: {
      default: { document: { run: { font: font(fonts.body), size: sizes.body } } },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin } },
        children: reportBlocks(report).map((b) => blockOf(report, b)),
      },
    ],
  });
}

export async function renderDocx(report: AnnualReport): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(report));
}
