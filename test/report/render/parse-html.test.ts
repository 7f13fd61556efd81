import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { applicantKeys, t3Key } from '../../../src/report/keys.ts';
import { parseHtml } from '../../../src/report/parse/html.ts';
import { decodeHtml } from '../../../src/report/parse/htmlDecode.ts';
import { corpusDir, seedPath } from '../../support/shared.ts';

const corpus = new URL(`file://${corpusDir}`);
const raw = readFileSync(new URL('030.html', corpus));
const shanghai = parseHtml(raw);

test('030.html (Shanghai 2019): identity and format version', () => {
  assert.equal(shanghai.report.agency, '上海市人民政府办公厅');
  assert.equal(shanghai.report.year, 2019);
  assert.equal(shanghai.report.formatVersion, '2019');
  assert.deepEqual(shanghai.uncertain, []);
  assert.equal(Object.keys(shanghai.report.sections).length, 6);
  assert.match(shanghai.report.sections.S6?.text ?? '', /无/);
});

test('030.html: T3 balances as the MANIFEST says, blanks stay blank', () => {
  const c = shanghai.report.cells;
  assert.deepEqual(
    [c['t3.new.tot'], c['t3.carryIn.tot'], c['t3.total.tot'], c['t3.carryOut.tot']],
    [859, 18, 805, 72],
  );
  assert.deepEqual(
    [c['t3.new.np'], c['t3.carryIn.np'], c['t3.total.np'], c['t3.carryOut.np']],
    [821, 18, 767, 72],
  );
  // The total column is blank on every result row except (七)总计.
  for (const row of ['open', 'partial', 'w1', 'u1', 'n1', 'o'] as const)
    assert.equal(c[t3Key(row, 'tot')], 'blank', row);
  // The table's 无法提供 rows sum to 337; 予以公开 + 部分公开 rows as printed.
  const sum = (row: 'u1' | 'u2' | 'u3') =>
    applicantKeys.slice(0, 6).reduce((a, k) => a + (Number(c[t3Key(row, k)]) || 0), 0);
  assert.equal(sum('u1') + sum('u2') + sum('u3'), 337);
  assert.deepEqual([c['t3.open.np'], c['t3.open.biz'], c['t3.open.law']], [258, 12, 1]);
});

test('030.html: 2019 T2 with the unit in a cell, and T4', () => {
  const { cells, cellNotes } = shanghai.report;
  assert.equal(cells['t2.reg.newMade'], 13);
  assert.equal(cells['t2.norm.publicTotal'], 368);
  assert.equal(cells['t2.proc.projects'], 6);
  assert.equal(cells['t2.proc.amount'], 251000);
  assert.equal(cellNotes?.['t2.proc.amount'], '251000元');
  assert.deepEqual(
    [cells['t4.rv.upheld'], cells['t4.rv.pending'], cells['t4.rv.total']],
    [5, 2, 7],
  );
  assert.deepEqual(
    [cells['t4.ld.upheld'], cells['t4.ld.pending'], cells['t4.ld.total']],
    [8, 1, 9],
  );
  assert.equal(cells['t4.lr.total'], 'blank');
});

test('a GBK copy parses exactly like the UTF-8 original (with and without meta charset)', () => {
  const text = raw.toString('utf8');
  const gbk = iconv.encode(text, 'gbk');
  assert.notDeepEqual(gbk, raw);
  assert.deepEqual(parseHtml(gbk).report, shanghai.report);
  const declared = iconv.encode(
    `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">${text}`,
    'gbk',
  );
  assert.deepEqual(parseHtml(declared).report.cells, shanghai.report.cells);
});

test('decodeHtml: BOM, declared charset and the UTF-8 default', () => {
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('报告')]);
  assert.equal(decodeHtml(bom), '报告');
  assert.equal(decodeHtml(Buffer.from('<meta charset="utf-8">报告')), '<meta charset="utf-8">报告');
  const gb = iconv.encode('<meta charset="GBK"><p>政府信息公开</p>', 'gbk');
  assert.equal(decodeHtml(gb), '<meta charset="GBK"><p>政府信息公开</p>');
});

test('entities, nested markup and Word-style line breaks inside labels', () => {
  const html = `<p>某县统计局2022年政府信息公开工作年度报告</p>
    <p>二、主动公开政府信息情况</p>
    <table><tr><td colspan="4">第二十条第（一）项</td></tr>
    <tr><td>信息内容</td><td>本年<br/>制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
    <tr><td><span>规&nbsp;章</span></td><td><p><b>1</b></p></td><td>&#47;</td><td>&nbsp;</td></tr></table>`;
  const { report } = parseHtml(html);
  assert.equal(report.agency, '某县统计局');
  assert.equal(report.year, 2022);
  assert.equal(report.cells['t2.reg.made'], 1);
  assert.equal(report.cells['t2.reg.repealed'], 'slash');
  assert.equal(report.cells['t2.reg.valid'], 'blank');
});

test('an unreadable cell is uncertain, never a guessed number', () => {
  const html = `<p>一、总体情况</p><table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
    <tr><td>规章</td><td>约3件左右</td><td>2</td><td>?</td></tr></table>`;
  const r = parseHtml(html);
  assert.deepEqual(r.uncertain.sort(), ['t2.reg.made', 't2.reg.valid']);
  assert.equal(r.report.cells['t2.reg.repealed'], 2);
});

test('a page without report tables falls back to the text parser', () => {
  const text = readFileSync(seedPath, 'utf8');
  const html = `<html><body>${text
    .split('\n')
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('')}</body></html>`;
  const fromHtml = parseHtml(html);
  assert.notEqual(fromHtml.layout, 'grid');
  assert.equal(fromHtml.report.agency, '湘潭县信访局');
  assert.equal(Object.keys(fromHtml.report.cells).length, 200);
  assert.equal(fromHtml.report.cells['t3.total.tot'], 0);
});
