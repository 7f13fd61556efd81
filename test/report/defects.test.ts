/** Issue 17 point 2: the defects real reports have, each found with its rule id. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkReport } from '../../src/report/check.ts';
import type { AnnualReport } from '../../src/report/model.ts';
import { parseText } from '../../src/report/parse/text.ts';
import { seedPath } from '../support/shared.ts';

const seed = readFileSync(new URL(`file://${seedPath}`), 'utf8');
const base = (): AnnualReport => structuredClone(parseText(seed).report);
const ofRule = (report: AnnualReport, rule: string) =>
  checkReport(report).filter((f) => f.rule === rule);

test('R15: a 2021 report written on the 〔2019〕60号 template is an error; citing 〔2021〕30号 is not', () => {
  const r = base();
  r.preamble =
    '根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，编制本报告。';
  const found = ofRule(r, 'R15');
  assert.deepEqual(
    found.map((f) => f.severity),
    ['error'],
  );
  assert.match(found[0].message, /〔2021〕30号/);
  r.preamble += '并按照国办公开办函〔2021〕30号的格式。';
  assert.deepEqual(ofRule(r, 'R15'), []);
  r.preamble = '根据国办公开办函〔2019〕60号要求。';
  r.year = 2020;
  r.formatVersion = '2019';
  assert.deepEqual(ofRule(r, 'R15'), [], 'a 2020 report follows 60号');
});

test('year: the opening names the report with the previous year', () => {
  const r = base();
  r.preamble = '特向社会公布湘潭县信访局2020年度政府信息公开工作年度报告。';
  const found = ofRule(r, 'year');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /2020年度政府信息公开工作年度报告.*2021年度报告/);
  r.preamble = '特向社会公布湘潭县信访局2021年度政府信息公开工作年度报告。';
  assert.deepEqual(ofRule(r, 'year'), []);
});

test('R12: o2 > 0 while section 六 says no fee notice was issued', () => {
  const r = base();
  r.cells['t3.o2.np'] = 1;
  r.cells['t3.o2.tot'] = 1;
  r.sections.S6!.text = '本年度未发出收费通知，未收取信息处理费。';
  const found = ofRule(r, 'R12');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /收费通知/);
  r.sections.S6!.text = '本年度发出收费通知1件，申请人逾期未缴纳，未收取信息处理费。';
  assert.deepEqual(ofRule(r, 'R12'), []);
});

test('R11: 办结, 予以公开, 部分公开 and 不予公开 figures of the narrative against T3', () => {
  const r = base();
  const s1 = r.sections.S1!.text;
  for (const [sentence, what] of [
    ['全年共办结政府信息公开申请3件。', '办结申请'],
    ['其中予以公开2件。', '予以公开'],
    ['部分公开1件。', '部分公开'],
    ['不予公开1件。', '不予公开'],
  ]) {
    r.sections.S1!.text = `${s1}\n${sentence}`;
    const found = ofRule(r, 'R11');
    assert.equal(found.length, 1, sentence);
    assert.match(found[0].message, new RegExp(what));
  }
  Object.assign(r.cells, {
    't3.new.np': 3,
    't3.new.tot': 3,
    't3.open.np': 2,
    't3.open.tot': 2,
    't3.w4.np': 1,
    't3.w4.tot': 1,
    't3.total.np': 3,
    't3.total.tot': 3,
  });
  r.sections.S1!.text =
    `${s1}\n全年共答复政府信息公开申请3件，其中予以公开2条，保护第三方合法权益不予公开1条。`;
  assert.deepEqual(ofRule(r, 'R11'), [], 'figures that agree');
  // 上海市科委 2024: the figure after 办结的…申请中 is the 同意公开 count, not the 办结 one.
  r.sections.S1!.text = `${s1}\n所有办结的信息公开申请中同意公开答复 2 件。`;
  assert.deepEqual(ofRule(r, 'R11'), [], 'an outcome figure is no 办结 claim');
});

test('fee-unit: 万元 to the 分 has 6 decimals and is no warning; a 7th decimal is', () => {
  const r = base();
  r.cells['t2.fee.amountWan'] = 5949.088667;
  assert.deepEqual(ofRule(r, 'fee-unit'), [], '5949.088667 万元 = 59,490,886.67 元');
  r.cells['t2.fee.amountWan'] = 793.0570158;
  const found = ofRule(r, 'fee-unit');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /小数位数为7位.*6位小数/);
});

test('section5: 五 copied from the previous year is a warning quoting both; a new text is not', async () => {
  const { parseFile } = await import('../../src/report/parse/index.ts');
  const real = new URL('./real/', import.meta.url).pathname;
  const y2023 = (await parseFile(`${real}putian-ptcg-2023.txt`)).report;
  const y2024 = (await parseFile(`${real}putian-ptcg-2024.txt`)).report;
  const check = (r: AnnualReport, previous: AnnualReport) =>
    checkReport(r, { previous }).filter((f) => f.rule === 'section5');
  const copiedOf = (r: AnnualReport, previous: AnnualReport) =>
    check(r, previous).filter((f) => f.message.includes('基本相同'));
  assert.deepEqual(copiedOf(y2024, y2023), [], 'the real 2024 text is new');
  assert.deepEqual(check(y2023, y2023), [], 'the same year is not a previous report');
  // The 2024 report had it kept 2023's section 五, only the year changed.
  const copied = structuredClone(y2024);
  copied.sections.S5 = {
    heading: y2024.sections.S5!.heading,
    text: y2023.sections.S5!.text.replace('2023年', '2024年'),
  };
  const found = check(copied, y2023);
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.match(
    found[0].message,
    /与2023年度报告基本相同（3句中3句照抄）.*本年“2024年我局.*上年“2023年我局/,
  );
  assert.deepEqual(
    check(copied, { ...y2023, sections: {} }),
    [],
    'no previous 五, nothing to compare',
  );
});

test('R11 on the real 上海市人民政府办公厅 2019 report: 无法提供, 不予处理, 其他处理 and “均获维持” against T3/T4', async () => {
  const { parseFile } = await import('../../src/report/parse/index.ts');
  const file = new URL('./real/shanghai-bgt-2019.html', import.meta.url).pathname;
  const r = (await parseFile(file)).report;
  const messages = ofRule(r, 'R11').map((f) => f.message);
  assert.equal(messages.length, 3, messages.join('\n'));
  assert.match(messages[1], /无法提供265件.*为337$/);
  assert.match(
    messages[2],
    /^正文“行政复议7件，诉讼9件，均获维持”称全部维持.*「尚未审结」为2.*「尚未审结」为1$/,
  );
  // 不予公开35件, 不予处理158件 and 其他处理0件 agree with the table: no finding.
  assert.ok(!messages.some((m) => /不予处理|其他处理|不予公开/.test(m)));
  // "因本机关不掌握无法提供265件" (no 等) counts the 不掌握 row alone, which is 265.
  r.sections.S1!.text = r.sections.S1!.text.replace('不掌握等原因无法提供', '不掌握无法提供');
  assert.equal(ofRule(r, 'R11').length, 2);
  // Reviews all concluded and upheld: “均获维持” is then true.
  r.cells['t4.rv.pending'] = 0;
  r.cells['t4.rv.upheld'] = 7;
  r.cells['t4.ld.pending'] = 0;
  r.cells['t4.ld.upheld'] = 9;
  assert.equal(ofRule(r, 'R11').length, 1);
});

test('unit-in-cell quotes a crawled row (one cell per line) on one line', async () => {
  const { parseFile } = await import('../../src/report/parse/index.ts');
  const file = new URL('./real/putian-kjj-2019.txt', import.meta.url).pathname;
  const found = ofRule((await parseFile(file)).report, 'unit-in-cell');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /（“14 354834元”）/);
});

test('year: a sentence, a statistics period or a download link of an earlier year (real 2025 reports)', () => {
  const r = base();
  r.year = 2025;
  r.formatVersion = '2021';
  r.preamble = '本报告中所列数据的统计期限为2025年1月1日至2025年12月31日。';
  r.sections.S1!.text = '2025年，我局认真贯彻落实《条例》。';
  r.sections.S6!.text = '2025年度我局没有收取信息处理费。';
  assert.deepEqual(ofRule(r, 'year'), [], 'a 2025 text');
  // 莆田市科学技术局 2025, S1 (二): the previous year's sentence kept.
  r.sections.S1!.text +=
    '我局结合工作实际情况，认真做好政府信息依申请公开工作。2024年度我局未收到依申请公开事项。';
  assert.match(ofRule(r, 'year')[0].message, /“2024年度我局未收到依申请公开事项”写的是2024年/);
  // Looking back on purpose is not a copied sentence.
  r.sections.S1!.text = '2025年，我局认真贯彻落实《条例》。2024年度报告指出的问题已整改到位。';
  assert.deepEqual(ofRule(r, 'year'), []);
  // 莆田市水利局 2025, section 五 opens with 2024.
  r.sections.S5!.text =
    '2024年，我局政务公开、政府信息公开工作取得较好成效，但还存在部分领导信息更新不及时等问题。';
  assert.match(ofRule(r, 'year')[0].message, /存在的主要问题及改进情况”中“2024年，我局政务公开/);
  r.sections.S5!.text = '2025年，我局政务公开工作取得较好成效。';
  // 莆田市文化和旅游局 2022–2024: the download link of the 2021 report column.
  r.preamble +=
    '本报告可在“政府信息公开年报专栏”（https://www.putian.gov.cn/zfxxgk/zfxxgkndbg/2021ndbg/）下载。';
  assert.match(ofRule(r, 'year')[0].message, /2021ndbg\/”指向2021年度的年报栏目/);
  r.preamble = r.preamble.replace('2021ndbg', '2025nzfxxgkndbg');
  assert.deepEqual(
    ofRule(r, 'year'),
    [],
    'the own year’s column; dated page addresses are not columns',
  );
  // 莆田市文化和旅游局 2022: “数据期限涵盖…” of another year is an error.
  r.preamble = '本报告数据期限涵盖2024年1月1日至2024年12月31日政府信息公开全年工作情况。';
  const period = ofRule(r, 'year');
  assert.deepEqual(
    period.map((f) => f.severity),
    ['error'],
  );
  assert.match(period[0].message, /年份为2024年，但本报告是2025年度报告/);
});

test('fixes from the real fixtures: 信息费 named, a bracketed breakdown, fees of a few 亿元', () => {
  const r = base();
  // 莆田市海洋与渔业局 2022 and 2021 write the fee as 信息费.
  for (const s6 of ['2022年，我局未收取政府依申请公开信息费。', '2021年我局无收取信息费。']) {
    r.sections.S6!.text = s6;
    assert.deepEqual(ofRule(r, 'R12'), [], s6);
  }
  r.sections.S6!.text = '无其他需要报告的事项。';
  assert.equal(ofRule(r, 'R12').length, 1, 'no word on the fee at all');
  // 平潭综合实验区 2019: “197条（32条、165条）” breaks down a part already counted.
  r.sections.S1!.text +=
    '公开380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、“三公”经费27条、债券发行4条。';
  assert.deepEqual(ofRule(r, 'narrative-sum'), []);
  r.sections.S1!.text = r.sections.S1!.text.replace('债券发行4条', '债券发行5条');
  assert.match(ofRule(r, 'narrative-sum')[0].message, /152＋197＋27＋5＝381条/);
  // 莆田市海洋与渔业局 2024: a closing “全文电子化率100%” no longer hides the list.
  r.sections.S1!.text =
    '全年通过网站主动公开各类政府信息33条，其中发展规划3条、组织机构设置17条、法律法规和资金下达1条、公共事件应急管理3条、主动公开其他信息10条、监督检查情况3条，全文电子化率100%。';
  assert.match(ofRule(r, 'narrative-sum')[0].message, /共33条.*3＋17＋1＋3＋10＋3＝37条/);
  // 平潭 2024 prints 18651.06 万元, 淮安 2024 96171.6 万元: plausible, no warning.
  for (const wan of [18651.06, 96171.6]) {
    r.cells['t2.fee.amountWan'] = wan;
    assert.deepEqual(ofRule(r, 'fee-unit'), [], String(wan));
  }
  r.cells['t2.fee.amountWan'] = 1865106.01;
  assert.match(ofRule(r, 'fee-unit')[0].message, /1865106\.01万元（即186\.5106亿元）/);
});

test('section5: a section 五 that names no problem; enumeration: “三个方面” announced, two listed', async () => {
  const { parseFile } = await import('../../src/report/parse/index.ts');
  const real = new URL('./real/', import.meta.url).pathname;
  // 莆田市应急管理局 2020: section 五 only says the work followed the rules.
  const generic = (await parseFile(`${real}putian-yjglj-2020.txt`)).report;
  const found = ofRule(generic, 'section5');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /没有写出存在的具体问题（“20年，我局政府信息公开工作严格按照/);
  // 莆田市水利局 2022 names two problems as “需进一步…”: not generic.
  const named = (await parseFile(`${real}putian-slj-2022.txt`)).report;
  assert.deepEqual(ofRule(named, 'section5'), []);
  // 莆田市文化和旅游局 2020: “从三个方面加以改进：一是…二是…”.
  const wgj = (await parseFile(`${real}putian-wgj-2020.txt`)).report;
  assert.deepEqual(
    ofRule(wgj, 'enumeration').map((f) => f.message),
    ['“五、存在的主要问题及改进情况”称“三个方面”，但其后只列举了一是、二是'],
  );
  wgj.sections.S5!.text = wgj.sections.S5!.text.replace(
    '加强与公众的互动交流。',
    '加强与公众的互动交流。三是健全工作机制。',
  );
  assert.deepEqual(ofRule(wgj, 'enumeration'), [], 'three listed');
});

test('R11: 复议/诉讼 outcomes stated in the narrative against T4 (淮安市 2024)', () => {
  const r = base();
  r.sections.S1!.text +=
    '政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件。政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。';
  const cells = {
    rv: [72, 64, 178, 37],
    ld: [20, 3, 9, 5],
    lr: [5, 2, 0, 2],
  };
  for (const [g, values] of Object.entries(cells))
    for (const [i, o] of (['upheld', 'corrected', 'other', 'pending'] as const).entries())
      r.cells[`t4.${g}.${o}` as 't4.rv.upheld'] = values[i];
  r.cells['t4.rv.total'] = 351;
  r.cells['t4.ld.total'] = 37;
  r.cells['t4.lr.total'] = 9;
  const outcomes = () => ofRule(r, 'R11').filter((f) => f.cells.some((k) => k.startsWith('t4.')));
  assert.deepEqual(outcomes(), [], 'as printed, the narrative agrees with T4');
  // The totals stay as stated; R4 reports the groups that no longer add up.
  r.cells['t4.rv.corrected'] = 60;
  r.cells['t4.lr.upheld'] = 4;
  assert.deepEqual(
    outcomes().map((f) => f.message.replace(/表4[^为]*为/, '…为')),
    ['正文“行政复议…结果纠正64件”称64件，但…为60', '正文“行政诉讼…结果维持25件”称25件，但…为24'],
  );
});

test('enumeration in crawled text, one item per line (“四 / 是” split): 莆田市林业局 2023 lists 一是, 二是, 四是, 五是', async () => {
  const { parseFile } = await import('../../src/report/parse/index.ts');
  const real = new URL('./real/', import.meta.url).pathname;
  const slyj = (await parseFile(`${real}putian-slyj-2023.txt`)).report;
  assert.deepEqual(
    ofRule(slyj, 'enumeration').map((f) => [f.severity, f.message]),
    [['warning', '“六、其他需要报告的事项”中列举序号“二是”之后为“四是”，序号重复或跳号']],
  );
  slyj.sections.S6!.text = slyj.sections
    .S6!.text.replace('四是\n', '三是\n')
    .replace('五\n是', '四\n是');
  assert.deepEqual(ofRule(slyj, 'enumeration'), [], 'in order once renumbered');
  // Lists that restart at 一 in each subsection, inline or on their own lines, are in order.
  const hyyyj = (await parseFile(`${real}putian-hyyyj-2021.txt`)).report;
  assert.deepEqual(ofRule(hyyyj, 'enumeration'), []);
});

test('artifact: a phrase printed twice back to back (莆田市林业局 2023: “紧紧围绕围绕”)', async () => {
  const { parseFile } = await import('../../src/report/parse/index.ts');
  const real = new URL('./real/', import.meta.url).pathname;
  const slyj = (await parseFile(`${real}putian-slyj-2023.txt`)).report;
  assert.deepEqual(
    ofRule(slyj, 'artifact').map((f) => [f.severity, f.message]),
    [['warning', '正文“下，紧紧围绕围绕造林绿化”中“围绕”连续出现两次，疑为多余的重复，应删除其一']],
  );
  slyj.sections.S1!.text = slyj.sections.S1!.text.replace('围绕围绕', '围绕');
  assert.deepEqual(ofRule(slyj, 'artifact'), [], 'gone once the phrase is printed once');
});

test('artifact: doubled characters that are meant (常常, 人人, 研究研究, 一项一项, 市政府政府信息) and table lines are not faulted', () => {
  const r = base();
  r.sections.S1!.text =
    '我们常常研究研究，人人参与，逐条逐项一项一项落实，在市政府政府信息公开专栏发布。\n当前位置：首页政务公开政府信息公开政府信息公开年报\n合计合计 12 34 56 78 90 12';
  assert.deepEqual(ofRule(r, 'artifact'), []);
  r.sections.S1!.text = '进一步规范审核审核发布机制。';
  assert.equal(ofRule(r, 'artifact').length, 1);
});
