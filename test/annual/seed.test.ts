import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type Agency, findAgencyByCode } from '../../src/db/agencies.ts';
import { findAnnualReportRow, getVersion, versionReport } from '../../src/db/annual.ts';
import type { Database } from '../../src/db/database.ts';
import { checkReport } from '../../src/report/check.ts';
import { formatOf } from '../../src/report/formats/index.ts';
import type { AnnualReport } from '../../src/report/model.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { parseText } from '../../src/report/parse/text.ts';
import { composeReport } from '../../src/services/annual/compose.ts';
import { versionFile } from '../../src/services/annual/workflow.ts';
import { freshPglite } from '../support/databases.ts';
import { seedPath } from '../support/shared.ts';

const seedText = readFileSync(new URL(`file://${seedPath}`), 'utf8');
const seed = parseText(seedText).report;

/** A sentence of the seed that starts with `start` and ends at the next 。 */
function sentence(text: string, start: string): string {
  const at = text.indexOf(start);
  assert.ok(at >= 0, `“${start}” not in text`);
  return text.slice(at, text.indexOf('。', at) + 1);
}

let database: Database;
let agency: Agency;
let regenerated: AnnualReport;

before(async () => {
  database = await freshPglite({ demo: true });
  agency = (await findAgencyByCode(database.db, 'xiangtan-xfj'))!;
  regenerated = (await composeReport(database.db, agency, 2021)).report;
});
after(() => database.close());

test('every T2/T3/T4 cell regenerated from the demo records equals the parsed seed', () => {
  const keys = formatOf('2021').cellKeys;
  assert.equal(keys.length, 10 + 25 * 7 + 15);
  for (const key of keys) assert.equal(regenerated.cells[key], seed.cells[key], key);
});

test('the S1 figures and the S6 petition and fee statements are the seed’s', () => {
  const s1 = regenerated.sections.S1!.text;
  const seedS1 = seed.sections.S1!.text;
  for (const start of [
    '2021年通过政务网站主动公开政府信息',
    '2021年，我局没有收到政府信息公开申请',
  ])
    assert.equal(sentence(s1, start), sentence(seedS1, start));
  assert.match(
    s1,
    /主动公开政府信息64条，其中：工作动态58条，财政信息2条，机构信息1条，领导信息1条，信息公开指南1条，信息公开年报1条。/,
  );
  const s6 = regenerated.sections.S6!.text;
  assert.equal(s6, seed.sections.S6!.text.trim());
  assert.match(s6, /共接待群众来访1119批2588人次，县级领导接待来访群众214批1065人次/);
  assert.match(s6, /2021年度我局没有收取信息处理费。/);
});

test('the demo published exactly this report; it has no error finding', async () => {
  const row = (await findAnnualReportRow(database.db, agency.id, 2021))!;
  assert.equal(row.status, 'published');
  assert.equal(row.publishedOn, '2022-01-25');
  const published = versionReport((await getVersion(database.db, row.publishedVersionId!))!);
  assert.deepEqual(published.cells, regenerated.cells);
  assert.deepEqual(published.sections, regenerated.sections);
  const errors = checkReport(published).filter((f) => f.severity === 'error');
  assert.deepEqual(errors, []);
});

for (const format of ['docx', 'html'] as const) {
  test(`gongkai check reads the exported ${format.toUpperCase()} back: same cells, no error`, async () => {
    const row = (await findAnnualReportRow(database.db, agency.id, 2021))!;
    const data = await versionFile(database.db, row.publishedVersionId!, format);
    const { report, uncertain } = await parseFile(data, `report.${format}`);
    assert.deepEqual(uncertain, []);
    assert.equal(report.agency, '湘潭县信访局');
    assert.equal(report.year, 2021);
    for (const key of formatOf('2021').cellKeys)
      assert.equal(report.cells[key], seed.cells[key], key);
    assert.deepEqual(
      checkReport(report).filter((f) => f.severity === 'error'),
      [],
    );
    assert.match(report.sections.S6?.text ?? '', /1119批2588人次/);
  });
}
