import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkReport } from '../../src/report/check.ts';
import { formatOf } from '../../src/report/formats/index.ts';
import { parseText } from '../../src/report/parse/text.ts';
import { seedPath } from '../support/shared.ts';

const seed = readFileSync(new URL(`file://${seedPath}`), 'utf8');

test('the seed parses as the 2021 report of 湘潭县信访局 with every cell certain and 0', () => {
  const { report, uncertain } = parseText(seed);
  assert.equal(report.agency, '湘潭县信访局');
  assert.equal(report.year, 2021);
  assert.equal(report.formatVersion, '2021');
  assert.deepEqual(uncertain, []);
  for (const key of formatOf('2021').cellKeys) assert.equal(report.cells[key], 0, key);
  assert.deepEqual(Object.keys(report.sections), ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
  assert.equal(report.sections.S5?.heading, '5、 存在的主要问题及改进情况');
});

test('the seed has no arithmetic findings but its real defects are found', () => {
  const findings = checkReport(parseText(seed).report);
  const rules = findings.map((f) => f.rule);
  for (const r of ['R1', 'R2', 'R3', 'R4', 'R5', 'R14', 'R15']) assert.ok(!rules.includes(r), r);
  const heading = findings.find((f) => f.rule === 'heading-number');
  assert.match(heading?.message ?? '', /5、.*五、/);
  const artifact = findings.find((f) => f.rule === 'artifact');
  assert.match(artifact?.message ?? '', /\[bookmark: _GoBack\]/);
});
