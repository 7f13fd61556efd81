import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gongkaiInProcess } from '../support/cli.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A real `bin/gongkai` process: one per command family proves exit codes and output reach the shell. */
function spawned(args: string[]) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const r = spawnSync('./bin/gongkai', args, { cwd: root, encoding: 'utf8', env: base });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The other cases run the CLI's `main` in this process (no second of CPU per start). */
const gongkai = (args: string[], env: Record<string, string> = {}) => gongkaiInProcess(args, env);

describe('gongkai deadline', () => {
  test('--json gives the due date, provisional flag and trace', async () => {
    const r = spawned(['deadline', '--received', '2021-09-24', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['replyDue', 'provisional', 'trace']);
    assert.equal(out.replyDue, '2021-10-27');
    assert.equal(out.provisional, false);
    assert.equal(out.trace[0], '收到申请：2021-09-24（当面提交）');
    assert.ok(out.trace.includes('第1个工作日：2021-09-26（国庆节调休上班）'));
  });
  test('consultations, extension and supplement combine (hand-counted)', async () => {
    // supplement received Tue 10-12 → 11-09; consultation 10-13..10-15 (3 days) → 11-12;
    // + extension 5 → 11-19
    const r = await gongkai([
      'deadline',
      '--received',
      '2021-09-24',
      '--supplement-requested',
      '2021-09-28',
      '--supplement-received',
      '2021-10-12',
      '--consultation',
      '2021-10-12..2021-10-15',
      '--extension',
      '5',
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).replyDue, '2021-11-19');
  });
  test('2027 is provisional', async () => {
    const r = await gongkai([
      'deadline',
      '--received',
      '2026-12-10',
      '--channel',
      'online',
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      [JSON.parse(r.stdout).replyDue, JSON.parse(r.stdout).provisional],
      ['2027-01-07', true],
    );
  });
  test('text output names the due date first', async () => {
    const r = await gongkai(['deadline', '--received', '2021-09-24', '--channel', 'post-signed']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^答复期限：2021-10-27\n推算过程：\n {2}收到申请：2021-09-24（邮寄/);
  });
  const bad: [string, string[], RegExp][] = [
    ['an impossible date', ['--received', '2021-02-30'], /日期无效/],
    [
      'an extension over 20',
      ['--received', '2021-09-24', '--extension', '21'],
      /不得超过20个工作日/,
    ],
    [
      'a consultation after the due date',
      ['--received', '2021-09-24', '--consultation', '2021-11-01..2021-11-03'],
      /答复期限届满前/,
    ],
    [
      'a consultation before receipt',
      ['--received', '2021-09-24', '--consultation', '2021-09-01..2021-09-03'],
      /早于收到申请之日/,
    ],
    ['an unknown channel', ['--received', '2021-09-24', '--channel', 'pigeon'], /未知的申请渠道/],
    ['a missing receipt date', [], /缺少 --received/],
    ['an unknown option', ['--received', '2021-09-24', '--bogus'], /未知选项 --bogus/],
  ];
  for (const [what, args, message] of bad) {
    test(`${what} → exit 2 with a Chinese error`, async () => {
      const r = await gongkai(['deadline', ...args]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }
});

describe('gongkai fee', () => {
  test('--pieces 45 --json → 5500', async () => {
    const r = spawned(['fee', '--pieces', '45', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.total, 5500);
    assert.equal(out.trace.at(-1), '合计：5500元');
  });
  test('--pages 250 --json → 4700', async () => {
    const r = await gongkai(['fee', '--pages', '250', '--json']);
    assert.equal(JSON.parse(r.stdout).total, 4700);
  });
  test('both bases, neither, or a bad number → exit 2', async () => {
    for (const args of [
      ['--pieces', '3', '--pages', '40'],
      [],
      ['--pages', '-5'],
      ['--pages', 'x'],
    ]) {
      const r = await gongkai(['fee', ...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^(错误|参数错误)：/);
    }
  });
});

describe('gongkai calendar', () => {
  test('show 2026 lists the holidays and make-up days of a covered year', async () => {
    const r = spawned(['calendar', 'show', '2026', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.covered, true);
    assert.equal(out.holidays.length, 33);
    assert.deepEqual(out.workdays[0], { date: '2026-01-04', name: '元旦' });
  });
  test('show 2027 says provisional', async () => {
    const r = await gongkai(['calendar', 'show', '2027']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /尚未载入.*暂定/);
  });
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-'));
  const good = join(dir, '2027.json');
  writeFileSync(
    good,
    JSON.stringify({ year: 2027, source: '测试用', holidays: ['2027-01-01'], workdays: [] }),
  );
  test('import --dry-run validates and prints what would be loaded', async () => {
    const r = await gongkai(['calendar', 'import', good, '--dry-run']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /将载入2027年节假日安排（来源：测试用）：放假1天，调休上班0天/);
  });
  test('import of an invalid file → exit 2 with the problems in Chinese', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ year: 2027, source: 'x', holidays: ['2027-02-30'] }));
    const r = await gongkai(['calendar', 'import', bad, '--dry-run']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /holidays\[0\]：应为 YYYY-MM-DD 格式的真实日期/);
  });
  test('import saves through the database layer (in-memory database)', async () => {
    const r = await gongkai(['calendar', 'import', good], { GONGKAI_DATA_DIR: 'memory://' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /已载入2027年节假日安排/);
  });
});
