/**
 * Zip kind detection reads the central directory only (src/catalog/attachments/zipNames.ts): the
 * part names of real office files, a zip comment, and refusals for a broken or foreign zip.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { detectAttachmentKind } from '../../src/catalog/attachments/fileType.ts';
import { zipEntryNames } from '../../src/catalog/attachments/zipNames.ts';
import { bigSheetXlsx } from '../jobs/hostileFiles.ts';
import { docxWith, xlsxWith } from './fixtures.ts';

const zipOf = (files: Record<string, string>, comment?: string) => {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', comment });
};

test('the names of a real XLSX and DOCX, in order, without unpacking', async () => {
  const names = zipEntryNames(await xlsxWith({})) ?? [];
  assert.ok(names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml'), `${names}`);
  assert.ok(zipEntryNames(await docxWith({ paragraphs: ['x'] }))?.includes('word/document.xml'));
  assert.deepEqual(zipEntryNames(await zipOf({ 'a.txt': 'a', '目录/乙.xml': 'b' })), [
    'a.txt',
    '目录/', // JSZip writes the folder as an entry of its own
    '目录/乙.xml',
  ]);
});

test('a zip comment after the directory is skipped; the hostile 28 MB sheet is still an xlsx', async () => {
  const commented = await zipOf(
    { '[Content_Types].xml': '<x/>', 'word/document.xml': '<w/>' },
    '注释'.repeat(100),
  );
  assert.equal(await detectAttachmentKind(commented), 'docx');
  assert.equal(await detectAttachmentKind(await bigSheetXlsx(2000)), 'xlsx');
});

test('a truncated zip, a zip without office parts and a bare signature are refused', async () => {
  const docx = await docxWith({ paragraphs: ['x'] });
  assert.equal(zipEntryNames(docx.subarray(0, docx.length - 30)), undefined);
  await assert.rejects(detectAttachmentKind(docx.subarray(0, docx.length - 30)), {
    code: 'catalog.file.type',
  });
  await assert.rejects(detectAttachmentKind(await zipOf({ 'xl/workbook.xml': '<w/>' })), {
    code: 'catalog.file.type',
  });
  await assert.rejects(detectAttachmentKind(Buffer.from('PK\x03\x04 and nothing else')), {
    code: 'catalog.file.type',
  });
});
