/**
 * Bugs found by fuzzing (docs/fuzzing.md), each with its minimised input built here. The test
 * timeouts turn a regression into a failure instead of a stuck suite; nothing is timed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { simplePdf } from '../../bench/fuzz/seeds.ts';
import { scanFile } from '../../src/catalog/attachments/scan.ts';
import { isGongkaiError } from '../../src/errors.ts';
import { isUncertain } from '../../src/report/model.ts';
import { readCellValue } from '../../src/report/parse/gridValue.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { parseLimits } from '../../src/report/parse/limits.ts';
import { drawingSize } from '../../src/report/parse/pdfContent.ts';
import { repeatedObjectReread } from '../../src/report/parse/pdfGuard.ts';
import type { Segment } from '../../src/report/parse/pdfPage.ts';
import { pageBlocks } from '../../src/report/parse/pdfTables.ts';
import { cellValues, maxSearchSteps, readRow } from '../../src/report/parse/solve.ts';
import { cleanText } from '../../src/report/parse/text.ts';

const text = (s: string) => ({ kind: 'text' as const, text: s });
const t4Constraints = [0, 5, 10].map((b) => ({ target: b + 4, parts: [b, b + 1, b + 2, b + 3] }));

test('a T4 row of 12 collapsed lines: the search is cut short, every cell left undetermined', {
  timeout: 30_000,
}, () => {
  // Was: an exponential search (seconds for a 7 KB text) that still called some cells certain.
  const chunks = Array.from({ length: 12 }, (_, i) => text(String(i % 3)));
  const reading = readRow(chunks, Array(15).fill({}), 'lines', t4Constraints);
  assert.equal(reading.truncated, true);
  assert.deepEqual(reading.solutions, []);
  assert.ok(cellValues(reading.solutions, 15).every(isUncertain));
  assert.ok(maxSearchSteps >= 100_000, 'the budget still leaves room for real rows');
});

test('a fused run of 1,000 digits in a 7-cell row returns, undetermined', {
  timeout: 30_000,
}, () => {
  // Was: every split of the digits enumerated (24^7 paths with no reading) — it never returned.
  const reading = readRow([text('7'.repeat(1000))], Array(7).fill({}), 'fused', []);
  assert.equal(reading.truncated, true);
  assert.deepEqual(reading.solutions, []);
});

test('the step budget leaves ordinary fused rows exact', () => {
  const reading = readRow([text('200'), text('000121')], Array(7).fill({}), 'fused', [
    { target: 6, parts: [0, 1, 2, 3, 4, 5] },
  ]);
  assert.equal(reading.truncated, false);
  assert.deepEqual(cellValues(reading.solutions, 7), [20, 0, 0, 0, 0, 1, 21]);
});

test('thousands of blank tab lines: the markdown-rule cleanup stays linear', {
  timeout: 30_000,
}, async () => {
  // Was: `^\s*` of the table-rule pattern matched across lines and backtracked over every run of
  // blank lines (2,000 lines: 5 s). An HTML table of empty cells reaches it via the text fallback.
  const html = `<p>一、总体情况</p><table>${'<tr><td></td><td> </td></tr>'.repeat(5000)}</table>`;
  const outcome = await parseFile(Buffer.from(html), 'empty-cells.html').then(
    (r) => r.report.formatVersion,
    (error) => (isGongkaiError(error) ? error.code : String(error)),
  );
  assert.ok(['2021', '2019', 'report.unrecognized'].includes(outcome), outcome);
  const text = `一、总体情况\n${'\t\n'.repeat(20_000)}| --- | --- |\n二、主动公开政府信息情况\n`;
  assert.equal(cleanText(text).includes('| --- |'), false, 'a table rule is still removed');
});

test('a report JSON with a negative count is refused; a signed 2019 本年增/减 is kept', async () => {
  // Was: `t3.new.np: -1` accepted as a certain cell (found by fuzzing the .json parser).
  const doc = (formatVersion: string, cells: Record<string, number>) =>
    Buffer.from(
      JSON.stringify({
        schema: 'gongkai.annual-report/1',
        agency: '某局',
        year: 2021,
        formatVersion,
        sections: {},
        cells,
      }),
    );
  await assert.rejects(
    parseFile(doc('2021', { 't3.new.np': -1 }), 'r.json'),
    (e) => isGongkaiError(e) && e.code === 'report.bad-json',
  );
  const kept = await parseFile(doc('2019', { 't2.lic.change': -3 }), 'r.json');
  assert.equal(kept.report.cells['t2.lic.change'], -3);
});

test('a PDF repeating one object header 20,000 times is refused before pdfjs rebuilds its index', {
  timeout: 30_000,
}, async () => {
  // Was: pdfjs re-parsed the object from every repeated header to the end of the file
  // (fuzz pdf-s1-i533: 111,874 copies of `3 0 obj << /Type /Page /P` ran for minutes).
  const pdf = simplePdf(['一、总体情况']).toString('latin1');
  const at = pdf.indexOf('xref');
  const repeated = '3 0 obj\n<< /Type /Page /P\n'.repeat(20_000);
  const broken = Buffer.from(pdf.slice(0, at) + repeated + pdf.slice(at), 'latin1');
  assert.ok(repeatedObjectReread(broken).reread > parseLimits.maxPdfReread);
  await assert.rejects(
    parseFile(broken, 'repeated.pdf'),
    (e) => isGongkaiError(e) && e.code === 'report.bad-pdf' && /重复定义/.test(e.message),
  );
});

test('a PDF with an incremental update (objects redefined at the end) is still read', async () => {
  const pdf = simplePdf(['一、总体情况', '二、主动公开政府信息情况']);
  const update = Buffer.from(
    [1, 2, 3, 5].map((n) => `${n} 0 obj\n<< /Redefined true >>\nendobj\n`).join(''),
    'latin1',
  );
  const updated = Buffer.concat([pdf, update]);
  assert.deepEqual(
    { repeats: repeatedObjectReread(updated).repeats },
    { repeats: 4 },
    'the update repeats four objects',
  );
  // simplePdf writes ASCII only, so no heading is found; reaching the report recognizer (not
  // report.bad-pdf) shows that the guard let the file through and pdfjs read its text.
  const outcome = (data: Buffer) =>
    parseFile(data, 'r.pdf').then(
      () => 'parsed',
      (e) => (isGongkaiError(e) ? e.code : String(e)),
    );
  assert.equal(await outcome(pdf), 'report.unrecognized');
  assert.equal(await outcome(updated), 'report.unrecognized');
});

/** simplePdf with its page's content stream replaced by `content`, FlateDecode-compressed. */
function flatePdf(content: string): Buffer {
  const pdf = simplePdf(['x']).toString('latin1');
  const packed = deflateSync(Buffer.from(content, 'latin1')).toString('latin1');
  const start = pdf.indexOf('4 0 obj');
  const end = pdf.indexOf('endobj', start) + 'endobj\n'.length;
  const stream = `4 0 obj\n<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n${packed}\nendstream\nendobj\n`;
  const body = pdf.slice(0, start) + stream + pdf.slice(end, pdf.indexOf('xref'));
  const shift = stream.length - (end - start);
  const xref = pdf
    .slice(pdf.indexOf('xref'), pdf.indexOf('startxref'))
    .replace(/^(\d{10}) 00000 n $/gm, (line, at) =>
      Number(at) > start ? `${String(Number(at) + shift).padStart(10, '0')} 00000 n ` : line,
    );
  return Buffer.from(`${body}${xref}startxref\n${body.length}\n%%EOF\n`, 'latin1');
}

test('a PDF whose drawing inflates to megabytes is refused before pdfjs reads it', {
  timeout: 30_000,
}, async () => {
  // Was: seconds in pdfjs, growing with the decoded size (fuzz pdf-s3-i1380: one 4 MB string of
  // `?`, stored uncompressed under a wrong /Length); compressed, a few KB of file suffice.
  const outcome = (data: Buffer) =>
    parseFile(data, 'r.pdf').then(
      () => 'parsed',
      (e) => (isGongkaiError(e) ? `${e.code} ${e.message}` : String(e)),
    );
  const millionOps = flatePdf('q Q\n'.repeat(1_000_000));
  assert.ok(millionOps.byteLength < 20_000, `${millionOps.byteLength} bytes`);
  assert.equal(drawingSize(millionOps).bytes, parseLimits.maxPdfDrawingBytes + 1);
  const damaged = Buffer.from(millionOps);
  damaged.fill(0xff, damaged.indexOf('endstream') - 40, damaged.indexOf('endstream') - 1);
  const wrongLength = Buffer.from(
    simplePdf(['?'.repeat(3_000_000)])
      .toString('latin1')
      .replace(/\/Length \d+/, '/Length 100'),
    'latin1',
  );
  for (const [name, pdf] of [
    ['million ops', millionOps],
    ['damaged tail', damaged],
    ['long string', wrongLength],
  ] as const)
    assert.match(await outcome(pdf), /^report\.bad-pdf .*页面内容过于复杂.*2 MB/, name);
  // The same builder with an ordinary page is read: pdfjs gets to the text (no heading in ASCII).
  const ordinary = flatePdf(
    'BT /F1 10 Tf 40 800 Td (hello) Tj ET\n40 400 m 550 400 l S\n'.repeat(200),
  );
  assert.ok(drawingSize(ordinary).bytes > 10_000);
  assert.match(await outcome(ordinary), /^report\.unrecognized /);
  // A damaged stream counts what inflates before the damage, as pdfjs draws that much.
  const cut = Buffer.from(ordinary);
  cut.fill(0xff, cut.indexOf('endstream') - 30, cut.indexOf('endstream') - 1);
  const counted = drawingSize(cut);
  assert.ok(
    counted.bytes > 0 && counted.bytes < drawingSize(ordinary).bytes,
    String(counted.bytes),
  );
  // Sizing costs a zlib call per stream, more for a damaged one: both counts are bounded too.
  const appended = (n: number, dict: string, body: string) =>
    Buffer.concat([
      simplePdf(['x']),
      Buffer.from(
        Array.from(
          { length: n },
          (_, k) => `${100 + k} 0 obj\n${dict}\nstream\n${body}\nendstream\nendobj\n`,
        ).join(''),
        'latin1',
      ),
    ]);
  const damagedMany = appended(
    parseLimits.maxPdfDamagedStreams + 1,
    '<< /Filter /FlateDecode >>',
    'zz',
  );
  assert.match(await outcome(damagedMany), /^report\.bad-pdf .*无法完整解压/);
  const streamsMany = appended(parseLimits.maxPdfDrawingStreams + 1, '<< >>', 'q Q');
  assert.match(await outcome(streamsMany), /^report\.bad-pdf .*数据流过多/);
  assert.match(
    await outcome(appended(50, '<< /Filter /FlateDecode >>', 'zz')),
    /^report\.unrecognized /,
  );
});

/** A one-sheet workbook with a merged title row, its sheet XML then rewritten by `edit`. */
async function editedXlsx(edit?: (sheetXml: string) => string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('年度报告');
  sheet.addRow(['某局2021年政府信息公开工作年度报告']);
  sheet.mergeCells('A1:O1');
  sheet.getColumn(1).width = 20;
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const name = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(name)!.async('string');
  if (edit) {
    const edited = edit(xml);
    assert.notEqual(edited, xml, 'the edit applies');
    zip.file(name, edited);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const xlsxOutcome = (data: Buffer) =>
  parseFile(data, 'r.xlsx').then(
    () => 'parsed',
    (e) => (isGongkaiError(e) ? `${e.code}: ${e.message}` : String(e)),
  );

test('an XLSX merge or column range past Excel’s grid is refused before exceljs expands it', {
  timeout: 30_000,
}, async () => {
  // Was: exceljs created every cell of `A9007199254740993:O16` (fuzz xlsx-s1-i4696, endless).
  const original = await editedXlsx();
  assert.match(await xlsxOutcome(original), /^(parsed|report\.unrecognized)/);
  const merge = await editedXlsx((xml) =>
    xml.replace('<mergeCell ref="A1:O1"', '<mergeCell ref="A9007199254740993:O16"'),
  );
  assert.match(await xlsxOutcome(merge), /^report\.bad-xlsx: .*合并单元格.*超出 Excel 表格范围/);
  const cols = await editedXlsx((xml) =>
    xml.replace(/(<col\b[^>]*\bmax=")\d+"/, '$19007199254740993"'),
  );
  assert.match(await xlsxOutcome(cols), /^report\.bad-xlsx: .*列定义.*超出 Excel/);
});

test('an XLSX whose merges cover millions of cells, or are tens of thousands, is refused', {
  timeout: 30_000,
}, async () => {
  const huge = await editedXlsx((xml) =>
    xml.replace('<mergeCell ref="A1:O1"', '<mergeCell ref="A1:XFD1048576"'),
  );
  assert.match(await xlsxOutcome(huge), /^report\.bad-xlsx: .*覆盖的单元格过多/);
  const many = Array.from({ length: 3000 }, (_, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`);
  const numerous = await editedXlsx((xml) =>
    xml.replace(/<mergeCells count="1">/, `<mergeCells count="3001">${many.join('')}`),
  );
  assert.match(await xlsxOutcome(numerous), /^report\.bad-xlsx: .*合并单元格过多/);
});

/** A ruled grid: `rows` + 1 horizontal and `cols` + 1 vertical rules, 10 pt apart. */
function ruledGrid(rows: number, cols: number): Segment[] {
  const h = Array.from({ length: rows + 1 }, (_, i) => ({
    dir: 'h' as const,
    at: i * 10,
    a: 0,
    b: cols * 10,
  }));
  const v = Array.from({ length: cols + 1 }, (_, j) => ({
    dir: 'v' as const,
    at: j * 10,
    a: 0,
    b: rows * 10,
  }));
  return [...h, ...v];
}

test('a PDF page of 1,000 ruled rows and 20,000 text items: every item lands in its own cell', {
  timeout: 60_000,
}, () => {
  // Was: each item searched every cell box of every table and each cell's item list was copied
  // per item (seconds here; a page of 25,000 × 25,000 rules visited 625 million rule pairs).
  const items = Array.from({ length: 20_000 }, (_, k) => ({
    str: String(k),
    x: (k % 20) * 10 + 2,
    y: Math.floor(k / 20) * 10 + 2,
    width: 4,
    height: 4,
  }));
  const blocks = pageBlocks(items, ruledGrid(1000, 20));
  assert.equal(blocks.length, 1);
  const table = blocks[0].kind === 'table' ? blocks[0].table : undefined;
  assert.equal(table?.rows.length, 1000);
  // Rows run top to bottom, so the top row holds the items with the largest y.
  assert.deepEqual(
    table?.rows[0].slice(0, 3).map((c) => c.text),
    ['19980', '19981', '19982'],
  );
  assert.equal(table?.rows[999][19].text, '19');
  const dense = pageBlocks([], ruledGrid(4999, 4999));
  assert.deepEqual(dense, [], 'a 5,000 × 5,000 grid is too wide for a table and gives no block');
});

test('a table cell of 400 digits is uncertain with no candidate, never a certain or candidate Infinity', () => {
  // Was: `Number('8080…')` past float range gave the candidate Infinity (fuzz html-s2-i369),
  // and with a unit (`999…件`) a certain Infinity.
  for (const raw of ['80'.repeat(200), `${'9'.repeat(400)}件`, `约${'7'.repeat(400)}，另 3 件`]) {
    const { value } = readCellValue(raw);
    assert.ok(isUncertain(value), raw.slice(-8));
    assert.ok(value.candidates.every(Number.isFinite), JSON.stringify(value.candidates));
  }
  const mixed = readCellValue(`约${'7'.repeat(400)}，另 3 件`).value;
  assert.deepEqual(isUncertain(mixed) && mixed.candidates, [3], 'finite numbers stay candidates');
  assert.equal(readCellValue('1,234').value, 1234, 'ordinary numbers are unchanged');
});

test('the attachment readers refuse the same PDF and XLSX as the report parsers (unreadable, not stuck)', {
  timeout: 60_000,
}, async () => {
  const pdf = simplePdf(['x']).toString('latin1');
  const repeated = Buffer.from(
    pdf.replace('xref', `${'3 0 obj\n<< /Type /Page /P\n'.repeat(20_000)}xref`),
    'latin1',
  );
  const merge = await editedXlsx((xml) =>
    xml.replace('<mergeCell ref="A1:O1"', '<mergeCell ref="A9007199254740993:O16"'),
  );
  // 12 MB of drawing commands: over the attachment bound (8 MB), compressed to a few KB.
  const drawing = flatePdf('q Q\n'.repeat(3_000_000));
  for (const data of [repeated, drawing]) {
    const out = await scanFile(data, '附件.pdf');
    assert.deepEqual(
      out.findings.map((h) => h.kind),
      ['unreadable'],
    );
    assert.equal(out.error?.code, 'scan.too-large');
  }
  // The scan reads XLSX parts as XML (no exceljs), so a merge exceljs could not bound is harmless.
  assert.equal((await scanFile(merge, '附件.xlsx')).error, undefined);
  const readable = await scanFile(await editedXlsx(), '附件.xlsx');
  assert.match(readable.searchText, /年度报告/, 'an ordinary workbook is still read');
});

test('a report JSON with a cell note on a key the format does not have is refused', async () => {
  // Was: accepted, leaving a note on a cell that does not exist (fuzz json-s3-i6857).
  const doc = (cellNotes: Record<string, string>) =>
    Buffer.from(
      JSON.stringify({
        schema: 'gongkai.annual-report/1',
        agency: '某局',
        year: 2021,
        formatVersion: '2021',
        sections: {},
        cells: { 't3.new.np': 1 },
        cellNotes,
      }),
    );
  await assert.rejects(
    parseFile(doc({ 't2.proc.projects': '见附件' }), 'r.json'),
    (e) =>
      isGongkaiError(e) && e.code === 'report.bad-json' && /t2\.proc\.projects/.test(e.message),
  );
  const kept = await parseFile(doc({ 't3.new.np': '含转办 1 件' }), 'r.json');
  assert.equal(kept.report.cellNotes?.['t3.new.np'], '含转办 1 件');
});
