import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gongkaiInProcess } from '../support/cli.ts';
import { corpusDir, seedPath } from '../support/shared.ts';

const root = new URL('../../', import.meta.url).pathname;
const seed = seedPath;
const corpus = corpusDir;

/** A real `bin/gongkai check` process: the first test proves exit code and output reach the shell. */
function spawnedCheck(...args: string[]) {
  const r = spawnSync('./bin/gongkai', ['check', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The other cases run the CLI's `main` in this process. */
async function check(...args: string[]) {
  const r = await gongkaiInProcess(['check', ...args]);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

test('check --json on the seed: exit 0 and the documented shape', async () => {
  const r = spawnedCheck(seed, '--json');
  assert.equal(r.code, 0, r.err);
  const [result] = JSON.parse(r.out);
  assert.equal(result.agency, '湘潭县信访局');
  assert.equal(result.year, 2021);
  assert.equal(result.formatVersion, '2021');
  assert.equal(Object.keys(result.cells).length, 200);
  assert.equal(result.cells['t3.total.tot'], 0);
  assert.deepEqual(result.uncertain, {});
  assert.ok(result.findings.some((f: { rule: string }) => f.rule === 'artifact'));
});

test('check: exit 1 when a report has an error finding', async () => {
  const r = await check(join(corpus, '006.txt'), '--json');
  assert.equal(r.code, 1);
  const [result] = JSON.parse(r.out);
  assert.ok(
    result.findings.some(
      (f: { rule: string; severity: string }) => f.rule === 'R2' && f.severity === 'error',
    ),
  );
});

test('check: exit 2 when a file cannot be read, and the batch goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const r = await check(empty, seed, '--json');
  assert.equal(r.code, 2);
  const results = JSON.parse(r.out);
  assert.equal(results.length, 2);
  assert.equal(results[0].error.code, 'report.empty');
  assert.equal(results[1].agency, '湘潭县信访局');
});

test('check: readable Chinese output with the tables and findings', async () => {
  const r = await check(seed);
  assert.equal(r.code, 0);
  assert.match(r.out, /机关：湘潭县信访局/);
  assert.match(r.out, /表3 收到和处理政府信息公开申请情况/);
  assert.match(r.out, /警告（\d+）/);
});

test('check DIR: one line per file, a progress line on stderr past 20 files, a summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-dir-'));
  const crawled = readFileSync(join(root, 'test/report/real/putian-ptcg-2021.txt'));
  for (let i = 0; i < 21; i++)
    writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.txt`), crawled);
  writeFileSync(join(dir, 'zz-empty.txt'), '');
  const r = await check(dir);
  assert.equal(r.code, 2, 'an unreadable file');
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, 23, '22 files and the summary');
  assert.deepEqual(lines[0].split('\t').slice(1), [
    '莆田市城市管理局',
    '2021年度',
    '2021年版',
    '单元格 185/200',
    '错误 0',
    '警告 0',
  ]);
  assert.match(lines[21], /zz-empty\.txt\t无法读取：/);
  assert.match(
    lines[22],
    /^共检查22个文件：0个有错误，0个有警告，1个无法读取；读出确定的单元格 3885\/4200/,
  );
  assert.match(r.err, /已检查 20\/22 个文件/);
  assert.match(r.err, /已检查 22\/22 个文件/);
});

test('check --json: uncertain cells with candidates and reason, zeroOrBlank (gongkai.check-result/2)', async () => {
  const r = await check(join(root, 'test/report/real/putian-ptcg-2021.txt'), '--json');
  assert.equal(r.code, 0, r.err);
  const [result] = JSON.parse(r.out);
  assert.equal(result.schema, 'gongkai.check-result/2');
  assert.deepEqual(result.uncertain['t3.new.np'].candidates, [0, 1]);
  assert.match(result.uncertain['t3.new.np'].reason, /折叠/);
  assert.ok(result.zeroOrBlank.includes('t3.carryIn.np'));
  assert.equal(result.cells['t3.carryIn.np'], 0);
  assert.equal(result.cells['t3.new.tot'], 1);
});

test('check DIR pairs an agency’s consecutive years: section 五 copied from the year before', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-pair-'));
  const y2023 = readFileSync(join(root, 'test/report/real/putian-ptcg-2023.txt'), 'utf8');
  writeFileSync(join(dir, 'a.txt'), y2023);
  // The same report with only the year changed: the 2024 section 五 is 2023's.
  writeFileSync(join(dir, 'b.txt'), y2023.replaceAll('2023', '2024'));
  const r = await check(dir, '--json');
  assert.equal(r.code, 0);
  const [first, second] = JSON.parse(r.out) as { findings: { rule: string; message: string }[] }[];
  assert.deepEqual(
    first.findings.filter((f) => f.rule === 'section5'),
    [],
    'no 2022 report in the batch',
  );
  const copied = second.findings.filter((f) => f.rule === 'section5');
  assert.equal(copied.length, 1);
  assert.match(copied[0].message, /与2023年度报告基本相同.*本年“2024年我局.*上年“2023年我局/);
});
