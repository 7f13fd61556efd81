/**
 * Issue 17 point 3: pipe-table rows printed plainly in a text copy are read, even when the table
 * has a padding column or the next line is a row whose label was printed elsewhere.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUncertain } from '../../src/report/model.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { parseText } from '../../src/report/parse/text.ts';
import { realDir } from './real/measure.ts';

test('上海市科委 2024 (PDF-to-text with pipe rows): the labelled rows are read', async () => {
  const { report } = await parseFile(`${realDir}shanghai-kw-2024.txt`);
  assert.equal(report.cells['t3.new.np'], 32);
  assert.equal(report.cells['t3.new.tot'], 34);
  assert.equal(report.cells['t3.carryIn.tot'], 2);
  assert.equal(report.cells['t3.open.np'], 9);
  assert.equal(report.cells['t3.total.tot'], 35);
  assert.equal(report.cells['t3.carryOut.np'], 1);
});

const table = (rows: string) => `某市某局2024年政府信息公开工作年度报告
一、总体情况
本年度工作平稳。
三、收到和处理政府信息公开申请情况
| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |  |
|---|---|---|---|---|---|---|---|---|
${rows}
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
无。`;

test('a padding column and an unlabelled next row do not make a pipe row unreadable', () => {
  const { report } = parseText(
    table(`| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |  |
| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |  |
| 三、本年度办理结果 | （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |
| 3 | 1 | 0 | 0 | 0 | 0 | 4 |`),
  );
  assert.equal(report.cells['t3.new.np'], 5);
  assert.equal(report.cells['t3.new.tot'], 6);
  assert.equal(report.cells['t3.carryIn.np'], 2);
  assert.equal(report.cells['t3.open.tot'], 4);
  // The unlabelled row is not given to the label before it.
  assert.notEqual(report.cells['t3.open.np'], 3);
});

test('a pipe row with a value too many is still not read as certain', () => {
  const { report } = parseText(
    table('| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 | 7 |'),
  );
  assert.ok(isUncertain(report.cells['t3.new.np']));
});
