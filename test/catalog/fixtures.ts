/** Crafted attachments for the privacy scan tests (built in memory with exceljs and jszip). */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function xlsxWith(options: {
  hiddenSheet?: string[][];
  hiddenRow?: boolean;
  hiddenColumn?: boolean;
  visible?: string[][];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总');
  for (const row of options.visible ?? [
    ['月份', '来信', '来访'],
    ['1月', '12', '30'],
  ])
    ws.addRow(row);
  if (options.hiddenRow) {
    ws.addRow(['备注', '内部', '勿公开']);
    ws.getRow(ws.rowCount).hidden = true;
  }
  if (options.hiddenColumn) {
    ws.getCell('E1').value = '联系人';
    ws.getColumn(5).hidden = true;
  }
  if (options.hiddenSheet) {
    const hidden = wb.addWorksheet('名单');
    for (const row of options.hiddenSheet) hidden.addRow(row);
    hidden.state = 'hidden';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal valid docx; `comment` adds word/comments.xml, `tracked` a w:ins/w:del pair. */
export async function docxWith(options: {
  paragraphs: string[];
  comment?: string;
  tracked?: boolean;
}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paras = options.paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  const tracked = options.tracked
    ? '<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>原电话13807320000</w:delText></w:r></w:del></w:p>'
    : '';
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${paras}${tracked}</w:body></w:document>`,
  );
  if (options.comment) {
    zip.file(
      'word/comments.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:comments ${ns}><w:comment w:id="0" w:author="张"><w:p><w:r><w:t>${options.comment}</w:t></w:r></w:p></w:comment></w:comments>`,
    );
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A one-page PDF whose text layer says `text` (ASCII only, Helvetica). */
export function pdfWith(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const pngBytes = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
