/** Issue 17 point 1: no false errors — each case a report that a naive checker would wrongly fault. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkReport } from '../../src/report/check.ts';
import { formatOf } from '../../src/report/formats/index.ts';
import type { AnnualReport } from '../../src/report/model.ts';
import { isHeadingLike } from '../../src/report/parse/headingLike.ts';
import { parseText } from '../../src/report/parse/text.ts';
import { rules } from '../../src/report/rules/index.ts';
import { seedPath } from '../support/shared.ts';

const seed = readFileSync(new URL(`file://${seedPath}`), 'utf8');
const s5 = '5、 存在的主要问题及改进情况';
const parse = (text: string) => parseText(text).report;
const ofRule = (report: AnnualReport, rule: string) =>
  checkReport(report).filter((f) => f.rule === rule);
const setCells = (r: AnnualReport, cells: Record<string, unknown>) => Object.assign(r.cells, cells);

for (const wording of [
  '五、存在的主要问题及整改措施',
  '五、存在的主要问题及下一步工作计划',
  '五、政府信息公开存在的主要问题及改进情况',
  '五、存在主要问题及改进情况',
]) {
  test(`R14: “${wording}” is a warning quoting both wordings, not a missing section`, () => {
    const report = parse(seed.replace(s5, wording));
    assert.ok(report.sections.S5, 'S5 found');
    const r14 = ofRule(report, 'R14');
    assert.deepEqual(
      r14.map((f) => f.severity),
      ['warning'],
    );
    assert.match(r14[0].message, new RegExp(wording));
    assert.match(r14[0].message, /五、存在的主要问题及改进情况/);
  });
}

test('R14: a heading with the standard wording and spaces in its numbering is not faulted', () => {
  const report = parse(seed.replace(s5, '五 、 存在的主要问题及改进情况'));
  assert.deepEqual(ofRule(report, 'R14'), []);
});

test('R14: section 五 that lost its heading but opens with “（一）存在的主要问题” is a warning', () => {
  const report = parse(seed.replace(s5, ''));
  const r14 = ofRule(report, 'R14');
  assert.deepEqual(
    r14.map((f) => f.severity),
    ['warning'],
  );
  assert.match(r14[0].message, /没有“五、存在的主要问题及改进情况”的标题行/);
});

test('R14: a section with no heading-like line at all is still a missing-section error', () => {
  const report = parse(seed.replace(s5, '').replace('（一）存在的主要问题', ''));
  const r14 = ofRule(report, 'R14');
  assert.equal(r14.length, 1);
  assert.equal(r14[0].severity, 'error');
  assert.match(r14[0].message, /缺少章节：五、存在的主要问题及改进情况/);
});

test('R14: the T3 row label “四、结转下年度继续办理” is not taken for section 四', () => {
  const spec = formatOf('2021').sections.find((s) => s.key === 'S4')!;
  assert.equal(isHeadingLike('四、结转下年度继续办理', spec), false);
  assert.equal(isHeadingLike('四、政府信息公开行政复议行政诉讼情况', spec), true);
  const report = parse(seed.replace('四、政府信息公开行政复议、行政诉讼情况', ''));
  assert.equal(report.sections.S4, undefined);
  const r14 = ofRule(report, 'R14');
  assert.deepEqual(
    r14.map((f) => [f.severity, /缺少章节：四、/.test(f.message)]),
    [['error', true]],
  );
});

test('blank totals never enter R1–R4 as 0: recomputed from their parts, flagged by R7', () => {
  const report = parse(seed);
  // Shanghai 2019 style: the 总计 column of each result row left blank.
  setCells(report, {
    't3.new.np': 5,
    't3.new.tot': 5,
    't3.open.np': 3,
    't3.open.tot': 'blank',
    't3.u1.np': 2,
    't3.u1.tot': 'blank',
    't3.total.np': 5,
    't3.total.tot': 5,
  });
  for (const rule of ['R1', 'R2', 'R3', 'R4']) assert.deepEqual(ofRule(report, rule), [], rule);
  assert.equal(ofRule(report, 'R7').length, 1);
  // A blank 总计 row total is recomputed too, and R1 compares with the recomputed figure.
  setCells(report, { 't3.total.tot': 'blank' });
  assert.deepEqual(ofRule(report, 'R1'), []);
  setCells(report, { 't3.new.tot': 6, 't3.new.np': 6 });
  assert.equal(ofRule(report, 'R1').length, 2, 'np and tot columns: 6 ≠ 5 recomputed');
});

test('R11 compares the narrative with a recomputed blank total', () => {
  const report = parse(seed);
  setCells(report, { 't3.open.np': 3, 't3.open.tot': 'blank', 't3.partial.tot': 0 });
  report.sections.S1!.text += '\n本年度予以公开及部分公开3件。';
  assert.deepEqual(ofRule(report, 'R11'), []);
  report.sections.S1!.text += '\n本年度予以公开及部分公开4件。';
  assert.equal(ofRule(report, 'R11').length, 1);
});

test('R12 applies only to reports on 2021 or later (the fee rules took effect 2021-01-01)', () => {
  const report = parse(seed);
  report.sections.S6!.text = '无。';
  assert.equal(rules.R12(report).length, 1);
  report.year = 2020;
  report.formatVersion = '2019';
  assert.deepEqual(rules.R12(report), []);
});

test('R6 follows 立法法 Arts. 91 and 93: commissions of the State Council and autonomous prefectures', () => {
  const report = parse(seed);
  setCells(report, { 't2.reg.made': 1 });
  for (const agency of [
    '国家发展和改革委员会',
    '国家统计局',
    '延边朝鲜族自治州人民政府',
    '湖南省人民政府办公厅',
    '教育部',
  ]) {
    report.agency = agency;
    assert.deepEqual(rules.R6(report), [], agency);
  }
  for (const agency of ['上海市科学技术委员会', '莆田市城市管理局', '湘潭县人民政府']) {
    report.agency = agency;
    assert.equal(rules.R6(report).length, 1, agency);
  }
});

test('a year split across lines by a crawler (“20\\n24年”) is one year', () => {
  const text = seed
    .replace('湘潭县信访局2021年政府信息公开工作', '湘潭县信访局20\n21年政府信息公开工作')
    .replace('一、总体情况\n', '一、总体情况\n本报告统计期限为20\n21\n年1月1日至12月31日。\n');
  const report = parse(text);
  assert.equal(report.year, 2021);
  assert.deepEqual(ofRule(report, 'year'), []);
  const other = parse(text.replace('统计期限为20\n21\n年', '统计期限为202\n1\n年'));
  assert.deepEqual(ofRule(other, 'year'), [], '202 / 1 is one year too');
  const broken = parse(text.replace('统计期限为20\n21\n年', '统计期限为20\n年'));
  assert.equal(
    ofRule(broken, 'year').length,
    1,
    'a year with digits really missing is still faulted',
  );
});

test('R12 finds the fee statement wherever it is printed: 莆田市统计局 2022 puts it under 五', async () => {
  const { parseFile } = await import('../../src/report/parse/index.ts');
  const real = new URL('./real/', import.meta.url).pathname;
  const stjj = (await parseFile(`${real}putian-stjj-2022.txt`)).report;
  // “六、其他需要报告的事项” is printed before “五、…”, so “（一）信息处理费收取情况” falls under 五.
  assert.doesNotMatch(stjj.sections.S6?.text ?? '', /信息处理费/);
  assert.match(stjj.sections.S5?.text ?? '', /无收取信息处理费/);
  assert.deepEqual(rules.R12(stjj), []);
  for (const key of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'] as const) {
    const s = stjj.sections[key];
    if (s) s.text = s.text.replace(/.*信息处理费.*/g, '');
  }
  assert.equal(rules.R12(stjj).length, 1, 'no word on the fee anywhere');
});
