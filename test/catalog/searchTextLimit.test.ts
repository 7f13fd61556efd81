/**
 * Search keeps a bounded prefix of an attachment's text (src/catalog/searchTextLimit.ts), while
 * the privacy scan still reads the whole file.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanFile } from '../../src/catalog/attachments/scan.ts';
import {
  ATTACHMENT_SEARCH_CHARS,
  ATTACHMENTS_SEARCH_CHARS,
  searchableAttachmentTexts,
  truncateText,
} from '../../src/catalog/searchTextLimit.ts';
import { docx, idNumber, para } from './hostileFiles.ts';

describe('the searchable text of attachments is bounded', () => {
  test('a cut never splits a character outside the basic plane', () => {
    const text = `${'字'.repeat(9)}𠀋尾`;
    assert.equal(truncateText(text, 10), '字'.repeat(9));
    assert.equal(truncateText(text, 11), `${'字'.repeat(9)}𠀋`);
    assert.equal(truncateText('短', 10), '短');
  });

  test('each attachment to its limit, all of them together to theirs', () => {
    const big = '文'.repeat(ATTACHMENT_SEARCH_CHARS + 5);
    const kept = searchableAttachmentTexts([big, big, big, '小']);
    assert.deepEqual(
      kept.map((t) => t.length),
      [ATTACHMENT_SEARCH_CHARS, ATTACHMENTS_SEARCH_CHARS - ATTACHMENT_SEARCH_CHARS],
    );
    assert.deepEqual(searchableAttachmentTexts(['甲', '乙']), ['甲', '乙']);
  });

  test('a file longer than the limit keeps its first part for search, and its end is still scanned', async () => {
    const filler = para('本年度政府信息公开工作情况说明。'.repeat(400));
    const body = `${filler.repeat(Math.ceil(ATTACHMENT_SEARCH_CHARS / 6000) + 2)}${para(`联系人身份证号${idNumber}`)}`;
    const scan = await scanFile(await docx(body), '长文件.docx');
    assert.equal(scan.error, undefined);
    assert.equal(scan.searchText.length, ATTACHMENT_SEARCH_CHARS);
    assert.ok(scan.searchText.startsWith('本年度政府信息公开工作情况说明。'));
    assert.ok(!scan.searchText.includes(idNumber));
    assert.ok(
      scan.findings.some((f) => f.kind === 'id-number'),
      JSON.stringify(scan.findings.map((f) => f.kind)),
    );
  });
});
