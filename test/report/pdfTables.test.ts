/**
 * Issue 17 point 3: T3 rows real PDFs lost — a row cut by a page break, a misprinted or `1、`
 * numbered label, a 2021 table printing （六）其他处理 as one row — are read, never guessed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../../src/report/check.ts';
import { formatOf } from '../../src/report/formats/index.ts';
import { applicantKeys, t3Key } from '../../src/report/keys.ts';
import { isUncertain } from '../../src/report/model.ts';
import { placeTable } from '../../src/report/parse/grid.ts';
import { mapTables } from '../../src/report/parse/gridMap.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { realDir } from './real/measure.ts';

const header = [
  [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' }],
  ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map(
    (text) => ({ text: text }),
  ),
];

/** A T3 fragment: the header and rows of a label followed by seven values. */
function t3(rows: [string, number[]][]) {
  const table = placeTable([
    ...header,
    ...rows.map(([label, values]) => [
      { text: label },
      ...values.map((v) => ({ text: String(v) })),
    ]),
  ]);
  return mapTables([table], formatOf('2021'));
}

test('a row cut off by a page break (no closing rule) is read: 洪泽区 2023 u2', async () => {
  const { report } = await parseFile(`${realDir}jiangsu-hongze-2023.pdf`);
  assert.equal(report.cells['t3.u2.np'], 3);
  assert.equal(report.cells['t3.u2.tot'], 3);
  assert.equal(report.cells['t3.u3.np'], 0);
});

test('a misprinted numbered label maps by its number when only one row fits, with a warning', async () => {
  const { report, warnings } = await parseFile(`${realDir}jiangsu-hongze-2024.pdf`);
  assert.equal(report.cells['t3.w2.np'], 0);
  assert.ok(warnings.some((w) => w.includes('2.其他法律行政止公开')));
  const read = t3([['2.其他法律行政止公开', [1, 0, 0, 0, 0, 0, 1]]]);
  assert.equal(read.cells['t3.w2.np'], 1);
  // `2.申请` fits both 2.重复申请 and nothing else? It is too short to be taken at all.
  const short = t3([['2.申请', [1, 0, 0, 0, 0, 0, 1]]]);
  assert.deepEqual(short.cells, {});
  // `3.其他法律` fits no 3. row (it is 2.'s wording): not mapped.
  const wrongNumber = t3([['3.其他法律行政法规禁止公开', [1, 0, 0, 0, 0, 0, 1]]]);
  assert.deepEqual(wrongNumber.cells, {});
});

test('labels numbered `1、` read as `1.`: 淮安市 2024 （六）其他处理 rows', async () => {
  const { report } = await parseFile(`${realDir}jiangsu-huaian-2024.pdf`);
  assert.equal(report.cells['t3.o1.np'], 67);
  assert.equal(report.cells['t3.o2.np'], 6);
  assert.equal(report.cells['t3.o3.tot'], 110);
});

test('a 2021 table with one （六）其他处理 row: 0 deduced, else undetermined with the sum known', async () => {
  const { report } = await parseFile(`${realDir}jiangsu-hongze-2023.pdf`);
  for (const a of applicantKeys)
    for (const o of ['o1', 'o2', 'o3'] as const) assert.equal(report.cells[t3Key(o, a)], 0);
  const r15 = checkReport(report).filter((f) => f.rule === 'R15');
  assert.deepEqual(
    r15.map((f) => f.severity),
    ['warning'],
  );
  assert.match(r15[0].message, /（六）其他处理印成一行/);

  const read = t3([['（六）其他处理', [3, 0, 0, 0, 0, 0, 3]]]);
  assert.equal(read.otherAsOneRow, true);
  assert.equal(read.cells['t3.o1.biz'], 0);
  const np = read.cells['t3.o2.np'];
  assert.ok(isUncertain(np));
  assert.deepEqual(np.candidates, [0, 1, 2, 3]);
  assert.match(np.reason ?? '', /合计 3/);
  assert.equal(read.cells['t3.o' as never], undefined, 'no 2019 key in a 2021 report');
});

test('R15: a 2019 T2 label printed in a 2021 report', async () => {
  const text = `某县人民政府2022年政府信息公开工作年度报告
一、总体情况
本年度工作平稳。
二、主动公开政府信息情况
第二十条第（一）项
信息内容	本年制发件数	本年废止件数	现行有效件数
规章	0	0	0
行政规范性文件	1	0	3
第二十条第（五）项
信息内容	本年处理决定数量
行政许可	5
第二十条第（八）项
信息内容	本年收费金额（单位：万元）
行政事业性收费	0
第二十条第（九）项
信息内容	采购项目数量	采购总金额
政府集中采购	2	10
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
无。`;
  const { report } = await parseFile(Buffer.from(text), 'a.txt');
  const r15 = checkReport(report).filter((f) => f.rule === 'R15');
  assert.equal(report.formatVersion, '2021');
  assert.deepEqual(
    r15.map((f) => f.severity),
    ['warning', 'warning'],
  );
  assert.match(r15[0].message, /〔2019〕60号格式的“第二十条第（九）项”/);
  assert.match(r15[1].message, /政府集中采购/);
});
