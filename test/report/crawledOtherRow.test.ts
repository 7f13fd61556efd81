/**
 * Issue 17 point 3: a 2021 table printing （六）其他处理 as one row, in crawled text (one cell per
 * line, runs of 0 collapsed). The input is a real crawled report (莆田市统计局 2024) with its three
 * （六） sub-rows printed as the single row of the 2019 format, the way such tables are printed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkReport } from '../../src/report/check.ts';
import { applicantKeys, t3Key } from '../../src/report/keys.ts';
import { isUncertain } from '../../src/report/model.ts';
import { parseText } from '../../src/report/parse/text.ts';
import { realDir } from './real/measure.ts';

const real = readFileSync(`${realDir}putian-stjj-2024.txt`, 'utf8');
const subRows =
  '（六）其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n0\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n0\n3.其他\n0\n';
const leaves = ['o1', 'o2', 'o3'] as const;

/** The real report with （六）其他处理 printed as one row of `values`. */
function withOneRow(values: string): string {
  assert.ok(real.includes(subRows), 'the fixture prints the three sub-rows');
  return real.replace(subRows, `（六）其他处理\n${values}\n`);
}

test('one （六） row of 0 in crawled text: o1–o3 deduced 0, R15 warns, nothing else changes', () => {
  const { report, warnings } = parseText(withOneRow('0'));
  for (const a of applicantKeys)
    for (const o of leaves) assert.equal(report.cells[t3Key(o, a)], 0, `${o}.${a}`);
  assert.equal(report.cells['t3.o.tot' as never], undefined, 'no 2019 key in a 2021 report');
  assert.ok(report.zeroOrBlank?.includes('t3.o2.tot'), 'a collapsed 0: 0 or blank');
  assert.equal(report.cells['t3.total.tot'], 9);
  assert.equal(report.cells['t3.u1.tot'], 2);
  assert.ok(warnings.some((w) => w.includes('（六）其他处理印成一行')));
  assert.ok(!warnings.some((w) => w.includes('表3未找到')), warnings.join('\n'));
  const findings = checkReport(report);
  const r15 = findings.filter((f) => f.rule === 'R15');
  assert.deepEqual(
    r15.map((f) => f.severity),
    ['warning'],
  );
  assert.match(r15[0].message, /（六）其他处理印成一行/);
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error'),
    [],
  );
});

test('one （六） row with a number: o1–o3 uncertain with the sum known, the table still balances', () => {
  // The 2 of 本机关不掌握 moved into the one （六） row: 新收 9 = 予以公开 7 + （六） 2.
  const text = withOneRow('2\n0\n2').replace(
    '1.本机关不掌握相关政府信息\n2\n0\n2\n',
    '1.本机关不掌握相关政府信息\n0\n',
  );
  const { report } = parseText(text);
  for (const o of leaves) {
    const tot = report.cells[t3Key(o, 'tot')];
    assert.ok(isUncertain(tot), `${o}.tot`);
    assert.deepEqual(tot.candidates, [0, 1, 2]);
    assert.match(tot.reason ?? '', /（六）其他处理一行（本列合计 2）/);
    assert.equal(report.cells[t3Key(o, 'oth')], 0, 'the collapsed 0 covers the legal persons');
  }
  const findings = checkReport(report);
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error'),
    [],
  );
  assert.ok(findings.some((f) => f.rule === 'R15' && f.severity === 'warning'));
});

test('the report as published (three sub-rows) is read as before: no mixing, no warning', () => {
  const { report, warnings } = parseText(real);
  for (const o of leaves) assert.equal(report.cells[t3Key(o, 'tot')], 0);
  assert.equal(report.formatMixing, undefined);
  assert.ok(!warnings.some((w) => w.includes('（六）')));
});

test('a 2019-format report keeps its one （六） row as the 2019 key', () => {
  const { report } = parseText(readFileSync(`${realDir}putian-stjj-2019.txt`, 'utf8'));
  assert.equal(report.formatVersion, '2019');
  assert.equal(report.cells['t3.o.tot'], 0);
  assert.equal(report.cells['t3.o1.tot' as never], undefined);
  assert.equal(report.formatMixing, undefined);
});
