/**
 * A hostile-file corpus for the privacy scan, generated in memory: DOCX and XLSX written part by
 * part with jszip, PDFs written by hand. Each file hides personal data in exactly one part.
 */
import JSZip from 'jszip';
import { withIdCheck } from '../../src/catalog/identifiers.ts';

export const idNumber = withIdCheck('43032119850312123');
export const phone = '13907321234';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const WP =
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export const para = (text: string, runProps = '') =>
  `<w:p><w:r>${runProps ? `<w:rPr>${runProps}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A DOCX whose body is `body` (WordprocessingML inside w:body) plus any extra parts. */
export async function docx(
  body = para('关于2026年政府信息公开工作的通知'),
  parts: Record<string, string | Uint8Array> = {},
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `${decl}<w:document ${W} ${WP}><w:body>${body}</w:body></w:document>`,
  );
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const wordPart = (root: string, inner: string) => `${decl}<w:${root} ${W}>${inner}</w:${root}>`;

const coreProps = (creator: string) =>
  `${decl}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>通知</dc:title><dc:creator>${creator}</dc:creator><cp:lastModifiedBy>办公室</cp:lastModifiedBy></cp:coreProperties>`;
const appProps = (company: string) =>
  `${decl}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>${company}</Company></Properties>`;
const customProps = (value: string) =>
  `${decl}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="联系人"><vt:lpwstr>${value}</vt:lpwstr></property></Properties>`;

export interface HostileCase {
  name: string;
  file: () => Promise<Buffer> | Buffer;
  /** Findings that must be there: [kind, part]. */
  expect: [string, string][];
}

const secret = `联系人身份证${idNumber}`;
const tel = `联系电话${phone}`;

export const docxCases: HostileCase[] = [
  { name: 'body', file: () => docx(para(secret)), expect: [['id-number', 'word/document.xml']] },
  {
    name: 'number split over runs',
    file: () =>
      docx(
        `<w:p><w:r><w:t>电话139</w:t></w:r><w:proofErr/><w:r><w:t>0732</w:t></w:r><w:r><w:t>1234</w:t></w:r></w:p>`,
      ),
    expect: [['mobile', 'word/document.xml']],
  },
  {
    name: 'header',
    file: () => docx(undefined, { 'word/header1.xml': wordPart('hdr', para(secret)) }),
    expect: [['id-number', 'word/header1.xml']],
  },
  {
    name: 'header in UTF-16',
    file: () =>
      docx(undefined, {
        'word/header2.xml': Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(wordPart('hdr', para(tel)).replace('UTF-8', 'UTF-16'), 'utf16le'),
        ]),
      }),
    expect: [['mobile', 'word/header2.xml']],
  },
  {
    name: 'footer',
    file: () => docx(undefined, { 'word/footer1.xml': wordPart('ftr', para(tel)) }),
    expect: [['mobile', 'word/footer1.xml']],
  },
  {
    name: 'footnote',
    file: () =>
      docx(undefined, {
        'word/footnotes.xml': wordPart(
          'footnotes',
          `<w:footnote w:id="1">${para(secret)}</w:footnote>`,
        ),
      }),
    expect: [['id-number', 'word/footnotes.xml']],
  },
  {
    name: 'endnote',
    file: () =>
      docx(undefined, {
        'word/endnotes.xml': wordPart('endnotes', `<w:endnote w:id="1">${para(tel)}</w:endnote>`),
      }),
    expect: [['mobile', 'word/endnotes.xml']],
  },
  {
    name: 'comment',
    file: () =>
      docx(undefined, {
        'word/comments.xml': wordPart(
          'comments',
          `<w:comment w:id="0" w:author="张某" w:initials="ZM">${para(tel)}</w:comment>`,
        ),
      }),
    expect: [
      ['docx-comment', 'word/comments.xml'],
      ['mobile', 'word/comments.xml'],
    ],
  },
  {
    name: 'comment author',
    file: () =>
      docx(undefined, {
        'word/comments.xml': wordPart(
          'comments',
          `<w:comment w:id="0" w:author="${phone}">${para('请核实')}</w:comment>`,
        ),
      }),
    expect: [['mobile', 'word/comments.xml']],
  },
  {
    name: 'text box',
    file: () =>
      docx(
        `<w:p><w:r><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${para(secret)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>`,
      ),
    expect: [['id-number', 'word/document.xml']],
  },
  {
    name: 'alt text (descr)',
    file: () =>
      docx(
        `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="2" name="图片 2" descr="${secret}"/></wp:inline></w:drawing></w:r></w:p>`,
      ),
    expect: [['id-number', 'word/document.xml']],
  },
  {
    name: 'alt text (title)',
    file: () =>
      docx(
        `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="2" name="图片 2" title="${tel}"/></wp:inline></w:drawing></w:r></w:p>`,
      ),
    expect: [['mobile', 'word/document.xml']],
  },
  {
    name: 'deleted revision',
    file: () =>
      docx(
        `<w:p><w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>${secret}</w:delText></w:r></w:del></w:p>`,
      ),
    expect: [
      ['tracked-change', 'word/document.xml'],
      ['id-number', 'word/document.xml'],
    ],
  },
  {
    name: 'inserted revision',
    file: () =>
      docx(`<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>${tel}</w:t></w:r></w:ins></w:p>`),
    expect: [
      ['tracked-change', 'word/document.xml'],
      ['mobile', 'word/document.xml'],
    ],
  },
  ...[
    '<w:vanish/>',
    '<w:vanish w:val="1"/>',
    '<w:vanish w:val="true"/>',
    '<w:vanish w:val="on"/>',
    '<w:vanish></w:vanish>',
  ].map(
    (vanish): HostileCase => ({
      name: `hidden text ${vanish}`,
      file: () => docx(para('正文') + para(secret, vanish)),
      expect: [
        ['hidden-text', 'word/document.xml'],
        ['id-number', 'word/document.xml'],
      ],
    }),
  ),
  {
    name: 'hidden text in a header',
    file: () =>
      docx(undefined, { 'word/header1.xml': wordPart('hdr', para(tel, '<w:vanish w:val="on"/>')) }),
    expect: [
      ['hidden-text', 'word/header1.xml'],
      ['mobile', 'word/header1.xml'],
    ],
  },
  {
    name: 'core properties',
    file: () => docx(undefined, { 'docProps/core.xml': coreProps(`张某${phone}`) }),
    expect: [['mobile', 'docProps/core.xml']],
  },
  {
    name: 'app properties',
    file: () => docx(undefined, { 'docProps/app.xml': appProps(secret) }),
    expect: [['id-number', 'docProps/app.xml']],
  },
  {
    name: 'custom properties',
    file: () => docx(undefined, { 'docProps/custom.xml': customProps(tel) }),
    expect: [['mobile', 'docProps/custom.xml']],
  },
  {
    name: 'full-width digits',
    file: () => docx(para('电话１３９０７３２１２３４')),
    expect: [['mobile', 'word/document.xml']],
  },
  {
    name: 'embedded OLE object',
    file: () => docx(undefined, { 'word/embeddings/oleObject1.bin': Buffer.from('ole') }),
    expect: [['unscannable', 'word/embeddings/oleObject1.bin']],
  },
  {
    name: 'image',
    file: () => docx(undefined, { 'word/media/image1.png': Buffer.from('png') }),
    expect: [['unscannable', 'word/media/image1.png']],
  },
  {
    name: 'macros',
    file: () => docx(undefined, { 'word/vbaProject.bin': Buffer.from('vba') }),
    expect: [['unscannable', 'word/vbaProject.bin']],
  },
];

// ---------------------------------------------------------------------------------------------
// XLSX

const S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const sheetXml = (rows: string, extra = '', cols = '') =>
  `${decl}<worksheet ${S}>${cols}<sheetData>${rows}</sheetData>${extra}</worksheet>`;

const cleanSheet = sheetXml(
  `<row r="1">${inline('A1', '月份')}${inline('B1', '来信')}</row><row r="2">${inline('A2', '1月')}<c r="B2"><v>12</v></c></row>`,
);

/** An XLSX with sheet1 (visible) and optional sheet2 (state), shared strings and extra parts. */
export async function xlsx(
  options: {
    sheet1?: string;
    sheet2?: { xml: string; state: 'visible' | 'hidden' | 'veryHidden' };
    sharedStrings?: string[];
    definedNames?: string;
    parts?: Record<string, string | Uint8Array>;
  } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheets = [`<sheet name="汇总" sheetId="1" r:id="rId1"/>`];
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
  ];
  zip.file('xl/worksheets/sheet1.xml', options.sheet1 ?? cleanSheet);
  if (options.sheet2) {
    sheets.push(`<sheet name="名单" sheetId="2" state="${options.sheet2.state}" r:id="rId2"/>`);
    rels.push(
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>',
    );
    zip.file('xl/worksheets/sheet2.xml', options.sheet2.xml);
  }
  if (options.sharedStrings) {
    rels.push(
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>',
    );
    zip.file(
      'xl/sharedStrings.xml',
      `${decl}<sst ${S} count="${options.sharedStrings.length}">${options.sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    );
  }
  zip.file(
    'xl/workbook.xml',
    `${decl}<workbook ${S} ${R}><sheets>${sheets.join('')}</sheets>${options.definedNames ?? ''}</workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  for (const [name, content] of Object.entries(options.parts ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export const xlsxCases: HostileCase[] = [
  {
    name: 'visible cell (inline string)',
    file: () => xlsx({ sheet1: sheetXml(`<row r="1">${inline('A1', secret)}</row>`) }),
    expect: [['id-number', 'xl/worksheets/sheet1.xml']],
  },
  {
    name: 'numeric cell',
    file: () => xlsx({ sheet1: sheetXml(`<row r="1"><c r="A1"><v>${phone}</v></c></row>`) }),
    expect: [['mobile', 'xl/worksheets/sheet1.xml']],
  },
  {
    name: 'shared string',
    file: () =>
      xlsx({
        sheet1: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`),
        sharedStrings: [secret],
      }),
    expect: [['id-number', 'xl/sharedStrings.xml']],
  },
  {
    name: 'hidden sheet',
    file: () =>
      xlsx({ sheet2: { state: 'hidden', xml: sheetXml(`<row r="1">${inline('A1', tel)}</row>`) } }),
    expect: [
      ['hidden-sheet', 'xl/worksheets/sheet2.xml'],
      ['mobile', 'xl/worksheets/sheet2.xml'],
    ],
  },
  {
    name: 'very hidden sheet',
    file: () =>
      xlsx({
        sheet2: { state: 'veryHidden', xml: sheetXml(`<row r="1">${inline('A1', secret)}</row>`) },
      }),
    expect: [
      ['hidden-sheet', 'xl/worksheets/sheet2.xml'],
      ['id-number', 'xl/worksheets/sheet2.xml'],
    ],
  },
  {
    name: 'hidden row',
    file: () =>
      xlsx({
        sheet1: sheetXml(
          `<row r="1">${inline('A1', '月份')}</row><row r="2" hidden="1">${inline('A2', tel)}</row>`,
        ),
      }),
    expect: [
      ['hidden-rows', 'xl/worksheets/sheet1.xml'],
      ['mobile', 'xl/worksheets/sheet1.xml'],
    ],
  },
  {
    name: 'hidden column',
    file: () =>
      xlsx({
        sheet1: sheetXml(
          `<row r="1">${inline('A1', '月份')}${inline('B1', secret)}</row>`,
          '',
          '<cols><col min="2" max="2" width="9" hidden="true"/></cols>',
        ),
      }),
    expect: [
      ['hidden-columns', 'xl/worksheets/sheet1.xml'],
      ['id-number', 'xl/worksheets/sheet1.xml'],
    ],
  },
  {
    name: 'note (legacy comment)',
    file: () =>
      xlsx({
        parts: {
          'xl/comments1.xml': `${decl}<comments ${S}><authors><author>张某</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>${tel}</t></r></text></comment></commentList></comments>`,
        },
      }),
    expect: [
      ['docx-comment', 'xl/comments1.xml'],
      ['mobile', 'xl/comments1.xml'],
    ],
  },
  {
    name: 'threaded comment',
    file: () =>
      xlsx({
        parts: {
          'xl/threadedComments/threadedComment1.xml': `${decl}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A1" id="{1}" personId="{2}"><text>${secret}</text></threadedComment></ThreadedComments>`,
        },
      }),
    expect: [
      ['docx-comment', 'xl/threadedComments/threadedComment1.xml'],
      ['id-number', 'xl/threadedComments/threadedComment1.xml'],
    ],
  },
  {
    name: 'header/footer',
    file: () =>
      xlsx({
        sheet1: sheetXml(
          `<row r="1">${inline('A1', '月份')}</row>`,
          `<headerFooter><oddHeader>&amp;L${tel}</oddHeader><oddFooter>第 &amp;P 页</oddFooter></headerFooter>`,
        ),
      }),
    expect: [['mobile', 'xl/worksheets/sheet1.xml']],
  },
  {
    name: 'defined name',
    file: () =>
      xlsx({
        definedNames: `<definedNames><definedName name="联系">"${phone}"</definedName></definedNames>`,
      }),
    expect: [['mobile', 'xl/workbook.xml']],
  },
  {
    name: 'core properties',
    file: () => xlsx({ parts: { 'docProps/core.xml': coreProps(secret) } }),
    expect: [['id-number', 'docProps/core.xml']],
  },
  {
    name: 'app properties',
    file: () => xlsx({ parts: { 'docProps/app.xml': appProps(tel) } }),
    expect: [['mobile', 'docProps/app.xml']],
  },
  {
    name: 'custom properties',
    file: () => xlsx({ parts: { 'docProps/custom.xml': customProps(secret) } }),
    expect: [['id-number', 'docProps/custom.xml']],
  },
  {
    name: 'image',
    file: () => xlsx({ parts: { 'xl/media/image1.png': Buffer.from('png') } }),
    expect: [['unscannable', 'xl/media/image1.png']],
  },
  {
    name: 'embedded OLE object',
    file: () => xlsx({ parts: { 'xl/embeddings/oleObject1.bin': Buffer.from('ole') } }),
    expect: [['unscannable', 'xl/embeddings/oleObject1.bin']],
  },
  {
    name: 'macros',
    file: () => xlsx({ parts: { 'xl/vbaProject.bin': Buffer.from('vba') } }),
    expect: [['unscannable', 'xl/vbaProject.bin']],
  },
];

// ---------------------------------------------------------------------------------------------
// PDF

/** PDF string literal for ASCII text. */
const lit = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * A one-page PDF by hand: objects 1 catalog, 2 pages, 3 page, 4 contents, 5 font, then `extra`
 * objects from 6. `catalog`/`page` add dictionary entries; `trailer` adds trailer entries.
 */
export function pdf(
  options: {
    content?: string;
    catalog?: string;
    page?: string;
    resources?: string;
    extra?: string[];
    trailer?: string;
  } = {},
): Buffer {
  const content = options.content ?? `BT /F1 12 Tf 72 720 Td ${lit('Annual notice 2026')} Tj ET`;
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${options.catalog ?? ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> ${options.resources ?? ''} >> ${options.page ?? ''} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...(options.extra ?? []),
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailer ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (dict: string, data: string) =>
  `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;

const pdfSecret = `ID ${idNumber}`;
const pdfTel = `Tel ${phone}`;
const xmp = (text: string) =>
  `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${text}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

export const pdfCases: HostileCase[] = [
  {
    name: 'page text',
    file: () => pdf({ content: `BT /F1 12 Tf 72 720 Td ${lit(pdfSecret)} Tj ET` }),
    expect: [['id-number', 'page p.1']],
  },
  {
    name: 'invisible text (render mode 3)',
    file: () =>
      pdf({
        content: `BT /F1 12 Tf 72 720 Td ${lit('Notice')} Tj ET BT 3 Tr /F1 12 Tf 72 700 Td ${lit(pdfTel)} Tj ET`,
      }),
    expect: [['mobile', 'page p.1']],
  },
  {
    name: 'comment annotation (contents)',
    file: () =>
      pdf({
        page: '/Annots [6 0 R]',
        extra: [
          `<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents ${lit(pdfTel)} /T ${lit('Reviewer')} >>`,
        ],
      }),
    expect: [['mobile', 'annotation p.1']],
  },
  {
    name: 'annotation author (title)',
    file: () =>
      pdf({
        page: '/Annots [6 0 R]',
        extra: [
          `<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents ${lit('ok')} /T ${lit(pdfSecret)} >>`,
        ],
      }),
    expect: [['id-number', 'annotation p.1']],
  },
  {
    name: 'form field',
    file: () =>
      pdf({
        catalog: '/AcroForm << /Fields [6 0 R] >>',
        page: '/Annots [6 0 R]',
        extra: [
          `<< /Type /Annot /Subtype /Widget /FT /Tx /T ${lit('phone')} /V ${lit(phone)} /Rect [72 600 300 620] /P 3 0 R >>`,
        ],
      }),
    expect: [['mobile', 'form field p.1']],
  },
  {
    name: 'document information (Author)',
    file: () =>
      pdf({
        extra: [`<< /Title ${lit('Notice')} /Author ${lit(pdfTel)} >>`],
        trailer: '/Info 6 0 R',
      }),
    expect: [['mobile', 'info:Author']],
  },
  {
    name: 'document information (custom key)',
    file: () => pdf({ extra: [`<< /Contact ${lit(pdfSecret)} >>`], trailer: '/Info 6 0 R' }),
    expect: [['id-number', 'info:Contact']],
  },
  {
    name: 'XMP metadata',
    file: () =>
      pdf({
        catalog: '/Metadata 6 0 R',
        extra: [stream('/Type /Metadata /Subtype /XML', xmp(pdfTel))],
      }),
    expect: [['mobile', 'XMP metadata']],
  },
  {
    name: 'outline',
    file: () =>
      pdf({
        catalog: '/Outlines 6 0 R',
        extra: [
          '<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>',
          `<< /Title ${lit(pdfTel)} /Parent 6 0 R /Dest [3 0 R /Fit] >>`,
        ],
      }),
    expect: [['mobile', 'outline']],
  },
  {
    name: 'embedded file',
    file: () =>
      pdf({
        catalog: '/Names << /EmbeddedFiles << /Names [(list.txt) 6 0 R] >> >>',
        extra: [
          '<< /Type /Filespec /F (list.txt) /EF << /F 7 0 R >> >>',
          stream('/Type /EmbeddedFile', pdfSecret),
        ],
      }),
    expect: [['unscannable', 'embedded file list.txt']],
  },
  {
    name: 'image',
    file: () =>
      pdf({
        content: 'q 100 0 0 100 72 600 cm /Im1 Do Q',
        resources: '/XObject << /Im1 6 0 R >>',
        extra: [
          stream(
            '/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8',
            '\xff',
          ),
        ],
      }),
    expect: [['unscannable', 'images']],
  },
  {
    name: 'script',
    file: () => pdf({ catalog: `/OpenAction << /S /JavaScript /JS ${lit('app.alert(1)')} >>` }),
    expect: [['unscannable', 'JavaScript']],
  },
];

/** A PDF that needs a password to open (an /Encrypt dictionary the empty password does not open). */
export function encryptedPdf(): Buffer {
  const hex = (n: number) => `<${'ab'.repeat(n)}>`;
  return pdf({
    extra: [`<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O ${hex(32)} /U ${hex(32)} >>`],
    trailer: `/Encrypt 6 0 R /ID [${hex(16)} ${hex(16)}]`,
  });
}

/** A DOCX whose one part inflates past the unzip cap (a zip bomb). */
export async function zipBombDocx(): Promise<Buffer> {
  return docx(undefined, { 'word/bomb.xml': Buffer.alloc(31 * 1024 * 1024, 0x20) });
}

/** A DOCX whose header part is damaged (its deflate stream corrupted). */
export async function damagedDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', `<w:document ${W}><w:body>${para('正文')}</w:body></w:document>`);
  zip.file('word/header1.xml', 'x'.repeat(5000) + tel);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const at = bytes.indexOf(Buffer.from('word/header1.xml')) + 16;
  bytes.fill(0xff, at + 4, at + 14);
  return bytes;
}
