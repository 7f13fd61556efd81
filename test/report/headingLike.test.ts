/** Section headings in crawled text: a numeral on a line of its own, a closing 。, T3 sub-row labels. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkReport } from '../../src/report/check.ts';
import { formatOf } from '../../src/report/formats/index.ts';
import { isHeadingLike } from '../../src/report/parse/headingLike.ts';
import { parseText } from '../../src/report/parse/text.ts';
import { seedPath } from '../support/shared.ts';

const seed = readFileSync(new URL(`file://${seedPath}`), 'utf8');
const spec = (key: string) => formatOf('2021').sections.find((s) => s.key === key)!;
const r14 = (text: string) =>
  checkReport(parseText(text).report)
    .filter((f) => f.rule === 'R14')
    .map((f) => f.severity);

test('a T3 sub-row label such as “3.补正后申请内容仍不明确” is not section 三', () => {
  assert.equal(isHeadingLike('3.补正后申请内容仍不明确', spec('S3')), false);
  assert.equal(isHeadingLike('1.信访举报投诉类申请', spec('S3')), false);
  assert.equal(isHeadingLike('三、行政机关收到和处理政府信息公开申请情况。', spec('S3')), true);
});

test('“二” / “、” / the wording on three lines is section 二, in other words: a warning, no error', () => {
  const text = seed
    .replace('二、主动公开政府信息情况', '二\n、\n行政机关主动公开政府信息情况')
    .replace('三、收到和处理政府信息公开申请情况', '三、行政机关收到和处理政府信息公开申请情况。');
  const { report } = parseText(text);
  assert.ok(report.sections.S2, 'S2 found');
  assert.equal(report.sections.S2.heading, '二、行政机关主动公开政府信息情况');
  assert.ok(
    report.sections.S3?.heading.startsWith('三、行政机关收到'),
    'S3 is the heading, not a T3 row',
  );
  assert.deepEqual(r14(text), ['warning', 'warning']);
  assert.deepEqual(r14(seed), []);
});

test('section 一 under other words (“一、政府信息主动公开工作”) is a warning, not a missing section', () => {
  assert.equal(isHeadingLike('一、政府信息主动公开工作', spec('S1')), true);
  assert.equal(isHeadingLike('一是加强政策解读', spec('S1')), false);
  const text = seed.replace('一、总体情况', '一、政府信息主动公开工作');
  assert.equal(parseText(text).report.sections.S1?.heading, '一、政府信息主动公开工作');
  assert.deepEqual(r14(text), ['warning']);
});

test('a heading printed out of order (六 before 五) is there: R14 says the order, not 缺少; table 2 without its heading is read after 一', () => {
  const real = readFileSync(new URL('./real/putian-stjj-2022.txt', import.meta.url), 'utf8');
  const { report } = parseText(real);
  assert.ok(report.sections.S6, 'section 六 found before 五');
  assert.ok((report.sections.S6.order ?? 0) < (report.sections.S5?.order ?? 0));
  assert.equal(report.cells['t2.pun.decisions'], 1);
  const messages = checkReport(report)
    .filter((f) => f.rule === 'R14' && f.severity === 'error')
    .map((f) => f.message);
  assert.equal(messages.length, 2, messages.join('\n'));
  assert.match(messages[0], /缺少章节：二、主动公开政府信息情况。/);
  assert.doesNotMatch(messages[0], /六、/);
  assert.match(messages[1], /章节顺序与规定格式不一致/);
  // In order, 六 is found where it belongs and nothing is reported.
  const inOrder = real
    .replace('六、其他需要报告的事项\n五、', '五、')
    .replace('（一）信息处理费收取情况', '六、其他需要报告的事项\n（一）信息处理费收取情况');
  assert.deepEqual(
    r14(inOrder.replace('第二十条第（一）项', '二、主动公开政府信息情况\n第二十条第（一）项')),
    [],
  );
});
