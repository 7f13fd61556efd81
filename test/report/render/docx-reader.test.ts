import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import JSZip from 'jszip';
import { parseDocx, parseDocxWithMammoth } from '../../../src/report/parse/docx.ts';
import { docxBlocks } from '../../../src/report/parse/docxXml.ts';
import { renderDocx } from '../../../src/report/render/docx.ts';
import { reportArb } from './arbitrary.ts';

test('the direct document.xml reader and the mammoth route read the same report', async () => {
  for (const report of fc.sample(reportArb(), { numRuns: 4, seed: 21 })) {
    const docx = await renderDocx(report);
    const fast = await parseDocx(docx);
    const slow = await parseDocxWithMammoth(docx);
    assert.deepEqual(fast.report.cells, slow.report.cells);
    assert.deepEqual(fast.report.sections, slow.report.sections);
    assert.equal(fast.report.agency, slow.report.agency);
  }
});

test('docxBlocks: gridSpan and vMerge become colspan and rowspan, any namespace prefix', () => {
  const xml = `<x:document><x:body><x:p><x:r><x:t>标题</x:t></x:r></x:p><x:tbl>
    <x:tr><x:tc><x:tcPr><x:gridSpan x:val="2"/><x:vMerge x:val="restart"/></x:tcPr><x:p><x:r><x:t>合并</x:t></x:r></x:p></x:tc><x:tc><x:p><x:r><x:t xml:space="preserve">a &amp; b</x:t></x:r></x:p></x:tc></x:tr>
    <x:tr><x:tc><x:tcPr><x:gridSpan x:val="2"/><x:vMerge/></x:tcPr><x:p/></x:tc><x:tc><x:p><x:r><x:t>c</x:t></x:r></x:p></x:tc></x:tr>
    </x:tbl></x:body></x:document>`;
  const blocks = docxBlocks(xml);
  assert.deepEqual(blocks[0], { kind: 'text', text: '标题' });
  assert.equal(blocks[1].kind, 'table');
  if (blocks[1].kind !== 'table') return;
  const [first, second] = blocks[1].table.rows;
  assert.deepEqual(
    first.map((c) => [c.text, c.row, c.col, c.rowspan, c.colspan]),
    [
      ['合并', 0, 0, 2, 2],
      ['a & b', 0, 2, 1, 1],
    ],
  );
  assert.deepEqual(
    second.map((c) => [c.text, c.col]),
    [['c', 2]],
  );
});

test('a docx whose document.xml holds no report falls back to mammoth, then fails cleanly', async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file(
    'word/document.xml',
    '<w:document><w:body><w:p><w:r><w:t>你好</w:t></w:r></w:p></w:body></w:document>',
  );
  const docx = await zip.generateAsync({ type: 'nodebuffer' });
  await assert.rejects(parseDocx(docx), (e: Error & { code?: string }) => {
    assert.match(String(e.code), /^(report\.unrecognized|report\.bad-docx)$/);
    return true;
  });
});
