import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { upsertAgency } from '../../src/db/agencies.ts';
import { openDatabase } from '../../src/db/open.ts';
import { demoAgency, demoCounty } from '../../src/demo/agencies.ts';
import { demoCases } from '../../src/demo/cases.ts';
import { checkedAnnualReport } from '../../src/services/annual/build.ts';
import { gongkai, gongkaiInProcess, migratedDataDir } from '../support/cli.ts';

test('gongkai report: T3/T4 of the demo cases as a check --json object, and rendered', async () => {
  const dir = await migratedDataDir();
  const env = { GONGKAI_DATA_DIR: dir };
  const database = await openDatabase({ dataDir: dir, url: '' });
  const county = await upsertAgency(database.db, demoCounty);
  const agency = await upsertAgency(database.db, { ...demoAgency, parentId: county.id });
  await demoCases(database.db);
  const next = (await checkedAnnualReport(database.db, agency, 2026)).result;
  assert.equal(next.cells['t3.carryIn.np'], 1, 'carried into 2026');
  const rollup = (await checkedAnnualReport(database.db, county, 2025, { includeMembers: true }))
    .result;
  assert.equal(rollup.cells['t3.new.tot'], 8, 'the county roll-up counts its members');
  await database.close();
  const json = gongkai(['report', '--agency', 'xiangtan-xfj', '--year', '2025', '--json'], env);
  assert.equal(json.code, 0, json.stderr);
  const result = JSON.parse(json.stdout);
  assert.equal(result.year, 2025);
  assert.equal(result.formatVersion, '2021');
  assert.deepEqual(result.uncertain, {});
  assert.equal(result.cells['t3.partial.np'], 1);
  assert.equal(result.cells['t3.w4.biz'], 1);
  assert.equal(result.cells['t3.carryOut.np'], 1, 'received 2025-12-22, decided 2026-01-08');
  assert.equal(
    result.cells['t3.new.tot'],
    result.cells['t3.total.tot'] + result.cells['t3.carryOut.tot'],
  );
  assert.equal(result.cells['t4.rv.upheld'], 1);
  assert.equal(result.cells['t4.rv.total'], 1);
  assert.ok(!result.findings.some((f: { rule: string }) => /^R[1-4]$/.test(f.rule)));

  const out = join(dir, 'report.docx');
  const docx = await gongkaiInProcess(
    ['report', '--agency', 'xiangtan-xfj', '--year', '2025', '--to', 'docx', '-o', out],
    env,
  );
  assert.equal(docx.code, 0, docx.stderr);
  assert.ok(existsSync(out) && statSync(out).size > 1000);
});
