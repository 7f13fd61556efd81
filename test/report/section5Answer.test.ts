/** Issue 17 point 2: section 五 that does not answer the problems the previous report named. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../../src/report/check.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { fixtureNames, previousFixture, realDir } from './real/measure.ts';

const read = async (name: string) => (await parseFile(`${realDir}${name}`)).report;
const unansweredOf = (findings: ReturnType<typeof checkReport>) =>
  findings.filter((f) => f.rule === 'section5' && f.message.includes('没有回应'));

test('莆田市城市管理局 2024 does not answer the problems its 2023 report named: a warning quoting both', async () => {
  const [now, before] = [await read('putian-ptcg-2024.txt'), await read('putian-ptcg-2023.txt')];
  const found = unansweredOf(checkReport(now, { previous: before }));
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.match(found[0].message, /上年“政策文件解读形式还是比较单一/);
  assert.match(found[0].message, /本年“2024年，我局/);
  assert.deepEqual(unansweredOf(checkReport(now)), [], 'no previous report, no finding');

  // The same section that also reports on last year's 解读 problem answers it.
  now.sections.S5!.text += '针对上年政策解读形式单一的问题，本年制作图解、视频解读5篇。';
  assert.deepEqual(unansweredOf(checkReport(now, { previous: before })), []);
});

test('no unanswered-problems warning on the real series except the three read as real defects', async () => {
  const flagged: string[] = [];
  for (const name of fixtureNames()) {
    const before = previousFixture(name);
    if (!before) continue;
    const found = unansweredOf(checkReport(await read(name), { previous: await read(before) }));
    if (found.length > 0) flagged.push(name);
  }
  assert.deepEqual(flagged, ['pingtan-2020.txt', 'putian-ptcg-2024.txt', 'putian-slyj-2023.txt']);
});
