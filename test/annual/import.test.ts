import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { run } from '../../src/cli/import.ts';
import { upsertAgency } from '../../src/db/agencies.ts';
import { findImportedReport, saveImportedReport } from '../../src/db/annual.ts';
import { openDatabase } from '../../src/db/open.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { composeReport } from '../../src/services/annual/compose.ts';
import { confirmImportedCells, importPreviousReport } from '../../src/services/annual/import.ts';
import { migratedDataDir } from '../support/cli.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { seedPath } from '../support/shared.ts';

describeEachDatabase('previous-year import', (database) => {
  test('the seed imports as 2021; a wrong year or agency is refused; R8 uses it', async () => {
    const { db } = database();
    const agency = await upsertAgency(db, { code: 'imp-xfj', name: '湘潭县信访局' });
    const other = await upsertAgency(db, { code: 'imp-other', name: '某县林业局' });
    const { readFile } = await import('node:fs/promises');
    const data = await readFile(seedPath);
    const file = { name: 'seed.txt', data };
    await assert.rejects(
      importPreviousReport(db, agency, 2020, file, { userId: null }),
      /2021年度/,
    );
    await assert.rejects(
      importPreviousReport(db, other, 2021, file, { userId: null }),
      /不是“某县林业局”/,
    );
    const outcome = await importPreviousReport(db, agency, 2021, file, { userId: null });
    assert.deepEqual(outcome.pending, []);
    const composed = await composeReport(db, agency, 2022);
    assert.equal(composed.previous.source, 'imported');
    assert.ok(!composed.findings.some((f) => f.rule === 'R8'));
  });

  test('uncertain cells must be confirmed before the report is used', async () => {
    const { db } = database();
    const agency = await upsertAgency(db, { code: 'imp-b', name: '某县水利局' });
    const { report } = await parseFile(seedPath);
    report.agency = '某县水利局';
    report.cells['t3.carryOut.tot'] = { uncertain: true, candidates: [0, 8], raw: '08' };
    await saveImportedReport(db, {
      agencyId: agency.id,
      year: 2021,
      filename: 'x.pdf',
      report,
      uncertain: ['t3.carryOut.tot'],
      userId: null,
    });
    const before = await composeReport(db, agency, 2022);
    assert.deepEqual(before.previous, {
      source: 'unconfirmed',
      filename: 'x.pdf',
      pending: ['t3.carryOut.tot'],
    });
    await assert.rejects(
      confirmImportedCells(db, agency, 2021, { 't3.new.np': '1' }, { userId: null }),
      /不需要确认/,
    );
    await assert.rejects(
      confirmImportedCells(db, agency, 2021, { 't3.carryOut.tot': 'x' }, { userId: null }),
      /无效/,
    );
    assert.deepEqual(
      await confirmImportedCells(db, agency, 2021, { 't3.carryOut.tot': '8' }, { userId: null }),
      [],
    );
    assert.deepEqual((await findImportedReport(db, agency.id, 2021))?.confirmed, {
      't3.carryOut.tot': 8,
    });
    const after = await composeReport(db, agency, 2022);
    assert.equal(after.previous.source, 'imported');
    // 2022 carries nothing in, but the confirmed 2021 report carried 8 out: R8 is an error.
    const r8 = after.findings.find((f) => f.rule === 'R8' && f.severity === 'error');
    assert.deepEqual(r8?.cells, ['t3.carryIn.tot']);
  });
});

test('gongkai import FILE --agency CODE --year YYYY', async () => {
  const dir = await migratedDataDir();
  const saved = process.env.GONGKAI_DATA_DIR;
  process.env.GONGKAI_DATA_DIR = dir;
  try {
    const database = await openDatabase();
    await upsertAgency(database.db, { code: 'xiangtan-xfj', name: '湘潭县信访局' });
    await database.close();
    const log = console.log;
    const lines: string[] = [];
    console.log = (...args: unknown[]) => lines.push(args.join(' '));
    let code: number;
    let bad: number;
    try {
      code = await run([seedPath, '--agency', 'xiangtan-xfj', '--year', '2021']);
      bad = await run([seedPath, '--agency', 'xiangtan-xfj']);
    } finally {
      console.log = log;
    }
    assert.equal(code, 0);
    assert.equal(bad, 2);
    assert.match(
      lines.join('\n'),
      /已导入湘潭县信访局2021年度报告（000_8943cd9161ebccf1\.txt），读出200个单元格/,
    );
  } finally {
    if (saved === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
