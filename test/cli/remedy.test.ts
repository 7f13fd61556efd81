import assert from 'node:assert/strict';
import { test } from 'node:test';
import { upsertAgency } from '../../src/db/agencies.ts';
import { openDatabase } from '../../src/db/open.ts';
import { gongkai, gongkaiInProcess, migratedDataDir } from '../support/cli.ts';

test('gongkai remedy: the exact JSON shape, the law of the decision day, the agency bodies', async () => {
  const dataDir = await migratedDataDir();
  const database = await openDatabase({ dataDir, url: '' });
  try {
    const county = await upsertAgency(database.db, {
      code: 'xtx',
      name: '湘潭县人民政府',
      kind: 'government',
    });
    await upsertAgency(database.db, { code: 'xtxxfj', name: '湘潭县信访局', parentId: county.id });
    await upsertAgency(database.db, {
      code: 'xtxsw',
      name: '国家税务总局湘潭县税务局',
      parentId: county.id,
      reconsiderationBody: '国家税务总局湘潭市税务局',
      court: '湘潭市雨湖区人民法院',
    });
  } finally {
    await database.close();
  }
  const env = { GONGKAI_DATA_DIR: dataDir };
  const json = async (args: string[]) => {
    const r = await gongkaiInProcess(['remedy', ...args, '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout);
  };

  const refusal = await json(['--outcome', 'w4', '--decided', '2024-01-01', '--agency', 'xtxxfj']);
  assert.deepEqual(Object.keys(refusal), [
    'text',
    'reconsiderationFirst',
    'reconsiderationBody',
    'court',
    'basis',
  ]);
  assert.equal(refusal.reconsiderationFirst, true);
  assert.equal(refusal.reconsiderationBody, '湘潭县人民政府', 'a county department: the county');
  assert.equal(refusal.court, null);
  assert.match(refusal.text, /应当先自收到本答复之日起60日内向湘潭县人民政府申请行政复议/);

  const before = await json(['--outcome', 'w4', '--decided', '2023-12-31', '--agency', 'xtxxfj']);
  assert.equal(before.reconsiderationFirst, false);
  assert.match(before.text, /或者自收到本答复之日起6个月内/);

  const vertical = await json([
    '--outcome',
    'open',
    '--decided',
    '2026-03-05',
    '--agency',
    'xtxsw',
  ]);
  assert.equal(vertical.reconsiderationBody, '国家税务总局湘潭市税务局');
  assert.equal(vertical.court, '湘潭市雨湖区人民法院');
  assert.ok(Array.isArray(vertical.basis) && vertical.basis.length === 2);

  // One real process for the remedy family; the other cases run in process.
  const plain = gongkai(['remedy', '--outcome', 'no-reply', '--decided', '2025-05-06'], env);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /^如对本机关未予答复不服，可以自知道该行政行为之日起60日内/);
  assert.match(plain.stdout, /依据：/);

  const unknown = await gongkaiInProcess(
    ['remedy', '--outcome', 'w4', '--decided', '2024-01-01', '--agency', 'nope'],
    env,
  );
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /没有代码为“nope”的单位/);
  const badOutcome = await gongkaiInProcess(
    ['remedy', '--outcome', 'w9', '--decided', '2024-01-01'],
    env,
  );
  assert.equal(badOutcome.code, 2);
  assert.match(badOutcome.stderr, /未知的办理结果：w9/);
  const missing = await gongkaiInProcess(['remedy', '--outcome', 'w1'], env);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /缺少 --decided/);
});
