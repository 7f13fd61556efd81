import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import JSZip from 'jszip';
import { isGongkaiError } from '../../../src/errors.ts';
import { parseDocx } from '../../../src/report/parse/docx.ts';
import { parseHtml } from '../../../src/report/parse/html.ts';
import { htmlBlocks } from '../../../src/report/parse/htmlBlocks.ts';
import { parseFile } from '../../../src/report/parse/index.ts';
import { parsePdf } from '../../../src/report/parse/pdf.ts';
import { parseReportJson } from '../../../src/report/parse/reportJson.ts';
import { parseText } from '../../../src/report/parse/text.ts';
import { parseXlsx } from '../../../src/report/parse/xlsx.ts';
import { renderDocx } from '../../../src/report/render/docx.ts';
import { seedPath } from '../../support/shared.ts';

const seed = parseText(readFileSync(seedPath, 'utf8')).report;

async function failure(run: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    assert.ok(isGongkaiError(error), `not a GongkaiError: ${String(error)}`);
    assert.match(error.message, /[\u4e00-\u9fff]/, 'message is Chinese');
    return { code: error.code, message: error.message };
  }
  assert.fail('expected a GongkaiError');
}

test('empty files are refused for every format', async () => {
  const empty = Buffer.alloc(0);
  for (const name of ['a.html', 'a.docx', 'a.pdf', 'a.xlsx', 'a.md', 'a.json'])
    assert.match((await failure(() => parseFile(empty, name))).message, /空|JSON/, name);
  assert.equal((await failure(() => parseDocx(empty))).code, 'report.empty');
  assert.equal((await failure(() => parsePdf(empty))).code, 'report.empty');
});

test('random bytes as .docx, .pdf and .xlsx', async () => {
  const junk = randomBytes(4096);
  assert.equal((await failure(() => parseDocx(junk))).code, 'report.bad-docx');
  assert.equal((await failure(() => parsePdf(junk))).code, 'report.bad-pdf');
  assert.equal((await failure(() => parseXlsx(junk))).code, 'report.bad-xlsx');
  const fakePdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), junk]);
  assert.equal((await failure(() => parsePdf(fakePdf))).code, 'report.bad-pdf');
});

test('a truncated docx and a zip without a document are refused', async () => {
  const docx = await renderDocx(seed);
  const truncated = docx.subarray(0, Math.floor(docx.length / 2));
  assert.equal((await failure(() => parseDocx(truncated))).code, 'report.bad-docx');
  const zip = new JSZip();
  zip.file('hello.txt', '你好');
  const other = await zip.generateAsync({ type: 'nodebuffer' });
  assert.match((await failure(() => parseDocx(other))).message, /word\/document\.xml/);
});

test('a zip bomb (small file, > 30 MB inflated) is refused before mammoth reads it', async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', Buffer.alloc(40 * 1024 * 1024, 0x20));
  const bomb = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 1 },
  });
  assert.ok(bomb.length < 2 * 1024 * 1024);
  assert.match((await failure(() => parseDocx(bomb))).message, /压缩炸弹/);
});

test('text over a million characters is refused at once instead of parsed for seconds', async () => {
  const error = await failure(() => parseText('一'.repeat(1_000_001)));
  assert.equal(error.code, 'report.text-too-long');
  assert.match(error.message, /超过 1000000 个字符/);
});

test('huge html (> 20 MB) is refused; hostile spans are clamped, not expanded', async () => {
  const huge = Buffer.alloc(21 * 1024 * 1024, 'a');
  assert.equal((await failure(() => parseHtml(huge))).code, 'report.too-large');
  const spans = `<p>一、总体情况</p><table>${'<tr><td rowspan="999999999" colspan="999999">x</td></tr>'.repeat(2000)}</table>`;
  const table = htmlBlocks(spans).find((b) => b.kind === 'table');
  assert.ok(table?.kind === 'table');
  assert.equal(table.table.rows.length, 2000);
  for (const [i, [cell]] of table.table.rows.entries()) {
    assert.equal(cell.rowspan, 2000 - i, 'a rowspan stops at the last row');
    assert.ok(cell.colspan <= 64, 'a colspan is clamped');
  }
  assert.deepEqual(parseHtml(spans).report.cells, {});
  const many = `<table><tr>${'<td>1</td>'.repeat(250_000)}</tr></table>`;
  assert.equal((await failure(() => parseHtml(many))).code, 'report.too-large');
});

test('html that is not an annual report', async () => {
  assert.equal(
    (await failure(() => parseHtml('<html><body><p>你好</p></body></html>'))).code,
    'report.unrecognized',
  );
});

test('json: invalid, wrong schema, unknown cells, index out of range', async () => {
  assert.equal((await failure(() => parseReportJson('{'))).code, 'report.bad-json');
  assert.match(
    (await failure(() => parseReportJson('{"schema":"gongkai.annual-report/1"}'))).message,
    /annual-report\/1/,
  );
  const doc = {
    schema: 'gongkai.annual-report/1',
    agency: 'x',
    year: 2021,
    formatVersion: '2021',
    sections: {},
    cells: { 't9.x.y': 1 },
  };
  assert.match((await failure(() => parseReportJson(JSON.stringify(doc)))).message, /t9\.x\.y/);
  assert.match((await failure(() => parseReportJson('[{}]', 2))).message, /--index 2/);
});

/** A valid PDF of empty pages, written by hand. */
function blankPdf(pages: number): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')}] >>`,
    ...Array.from(
      { length: pages },
      () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ),
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test('pdf: too many pages, or no text at all (a scan), are refused', async () => {
  assert.match((await failure(() => parsePdf(blankPdf(61)))).message, /页数过多/);
  assert.match((await failure(() => parsePdf(blankPdf(2)))).message, /没有可提取的文字/);
});
