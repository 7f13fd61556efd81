import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gongkai, gongkaiInProcess, migratedDataDir, tempDataDir } from '../support/cli.ts';

// A 2027 notice as staff would type it in (the dates are invented for the test: no notice exists yet).
const notice2027 = {
  year: 2027,
  source: '测试用2027年节假日安排',
  holidays: [{ from: '2027-01-01', to: '2027-01-05', name: '元旦' }],
  workdays: [{ date: '2027-01-09', name: '元旦' }],
};

test('an imported year makes deadlines in it final, for deadline and calendar show', async () => {
  const env = { GONGKAI_DATA_DIR: await migratedDataDir() };
  // One real process (the deadline family's); the other commands run in process.
  const before = JSON.parse(
    gongkai(['deadline', '--received', '2026-12-20', '--json'], env).stdout,
  );
  assert.equal(before.provisional, true);
  // Weekends only: 12-21 … 12-31 give 9 working days, Friday 01-01 the 10th, 01-15 the 20th.
  assert.equal(before.replyDue, '2027-01-15');

  const file = join(tempDataDir(), '2027.json');
  writeFileSync(file, JSON.stringify(notice2027));
  const imported = await gongkaiInProcess(['calendar', 'import', file], env);
  assert.equal(imported.code, 0, imported.stderr);

  const after = JSON.parse(
    (await gongkaiInProcess(['deadline', '--received', '2026-12-20', '--json'], env)).stdout,
  );
  assert.equal(after.provisional, false);
  // 12-21 … 12-31 give 9 working days; 01-01..05 are holidays, 01-06..08 give 3 more (12),
  // Saturday 01-09 is a make-up working day (13), 01-11..15 (18), 01-18 and 01-19 (20).
  assert.equal(after.replyDue, '2027-01-19');
  assert.ok(after.trace.some((line: string) => line.includes('01-09')));

  const shown = JSON.parse(
    (await gongkaiInProcess(['calendar', 'show', '2027', '--json'], env)).stdout,
  );
  assert.equal(shown.covered, true);
  assert.deepEqual(
    shown.workdays.map((d: { date: string }) => d.date),
    ['2027-01-09'],
  );
});
