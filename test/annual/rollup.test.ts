import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { upsertAgency } from '../../src/db/agencies.ts';
import { appendEvent, type NewApplication, submitApplication } from '../../src/db/cases.ts';
import type { CheckResult } from '../../src/report/checkResult.ts';
import { formatOf } from '../../src/report/formats/index.ts';
import { composeReport } from '../../src/services/annual/compose.ts';
import { cellBreakdown, rollupReport } from '../../src/services/annual/rollup.ts';
import { demoDataDir, gongkaiInProcess } from '../support/cli.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = '2024-12-31';

function application(agencyId: number, on: string, type: 'np' | 'biz'): NewApplication {
  return {
    agencyId,
    channel: 'in-person',
    submittedOn: on,
    receivedOn: on,
    applicantType: type,
    applicant: {
      kind: type === 'np' ? 'person' : 'organisation',
      name: '王五',
      phone: '13700137000',
    },
    request: { description: '某项目审批文件', form: '纸质', delivery: '邮寄' },
  };
}

describeEachDatabase('county roll-up', (database) => {
  test('the aggregate is the sum of the government and every member, cell by cell (R16)', async () => {
    const { db } = database();
    const gov = await upsertAgency(db, {
      code: 'ru-gov',
      name: '某某县人民政府',
      kind: 'government',
    });
    const a = await upsertAgency(db, { code: 'ru-a', name: '某某县教育局', parentId: gov.id });
    const b = await upsertAgency(db, { code: 'ru-b', name: '某某县卫生健康局', parentId: gov.id });
    await submitApplication(db, application(gov.id, '2023-02-01', 'np'), { today });
    const id = (await submitApplication(db, application(a.id, '2023-03-01', 'biz'), { today })).id;
    await appendEvent(
      db,
      id,
      { type: 'Decided', on: '2023-03-15', decision: 'not-held', text: '经检索本机关未制作' },
      { today },
    );
    await submitApplication(db, application(b.id, '2023-12-30', 'np'), { today });
    const rollup = await rollupReport(db, gov, 2023);
    assert.deepEqual(rollup.findings, []);
    assert.equal(rollup.aggregate.cells['t3.new.tot'], 3);
    assert.equal(rollup.aggregate.cells['t3.u1.biz'], 1);
    assert.equal(rollup.aggregate.cells['t3.carryOut.np'], 2);
    for (const key of formatOf('2021').cellKeys) {
      const sum = rollup.parts.reduce((s, p) => s + Number(p.report.cells[key] ?? 0), 0);
      assert.equal(rollup.aggregate.cells[key], sum, key);
    }
    assert.deepEqual(
      cellBreakdown(rollup.parts, 't3.new.tot').map((p) => [p.agency.code, p.value]),
      [
        ['ru-gov', 1],
        ['ru-a', 1],
        ['ru-b', 1],
      ],
    );
    // The government's own report page shows the roll-up.
    const composed = await composeReport(db, gov, 2023);
    assert.equal(composed.report.cells['t3.new.tot'], 3);
    assert.match(composed.report.sections.S1!.text, /我县收到政府信息公开申请3件/);
  });
});

test('gongkai report --agency xiangtan --year 2021 --json prints the roll-up and satisfies R16', async () => {
  const dir = await demoDataDir();
  try {
    const { code, stdout } = await gongkaiInProcess(
      ['report', '--agency', 'xiangtan', '--year', '2021', '--json'],
      { GONGKAI_DATA_DIR: dir },
    );
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as CheckResult;
    assert.equal(result.agency, '湘潭县人民政府');
    assert.equal(result.year, 2021);
    assert.ok(!result.findings.some((f) => f.rule === 'R16'), JSON.stringify(result.findings));
    assert.equal(result.cells['t3.new.tot'], 0);
    assert.equal(Object.keys(result.cells).length, formatOf('2021').cellKeys.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
