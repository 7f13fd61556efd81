import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoDataDir, gongkai, gongkaiInProcess, tempDataDir } from '../support/cli.ts';

test('gongkai reproject reports per kind; a calendar import re-projects; a bad kind is refused', async () => {
  const env = { GONGKAI_DATA_DIR: await demoDataDir() };

  // One real process for the reproject family; the other calls run in process.
  const all = gongkai(['reproject'], env);
  assert.equal(all.code, 0, all.stderr);
  const applications = Number(all.stdout.match(/依申请公开申请：重算 (\d+) 条，失败 0 条/)?.[1]);
  assert.ok(applications > 0, all.stdout);
  assert.match(all.stdout, /信访事项：重算 \d+ 条，失败 0 条/);
  const published = Number(all.stdout.match(/主动公开信息：重算 (\d+) 条，失败 0 条/)?.[1]);
  assert.ok(published > 0, all.stdout);

  const petitions = await gongkaiInProcess(['reproject', '--kind', 'petition'], env);
  assert.equal(petitions.code, 0, petitions.stderr);
  assert.doesNotMatch(petitions.stdout, /依申请公开申请/);
  assert.match(petitions.stdout, /信访事项：重算 \d+ 条/);

  const bad = await gongkaiInProcess(['reproject', '--kind', 'letters'], env);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /未知的类型：letters（可用：application、petition、publication）/);

  const file = join(tempDataDir(), '2027.json');
  writeFileSync(
    file,
    JSON.stringify({
      year: 2027,
      source: '测试用2027年节假日安排',
      holidays: [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }],
      workdays: [],
    }),
  );
  const imported = await gongkaiInProcess(['calendar', 'import', file], env);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, new RegExp(`依申请公开申请：重算 ${applications} 条，失败 0 条`));
});
