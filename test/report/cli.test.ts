import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusDir, seedPath } from '../support/shared.ts';

const root = new URL('../../', import.meta.url).pathname;
const seed = seedPath;
const corpus = corpusDir;

function check(...args: string[]) {
  const r = spawnSync('./bin/gongkai', ['check', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('check --json on the seed: exit 0 and the documented shape', () => {
  const r = check(seed, '--json');
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

test('check: exit 1 when a report has an error finding', () => {
  const r = check(join(corpus, '006.txt'), '--json');
  assert.equal(r.code, 1);
  const [result] = JSON.parse(r.out);
  assert.ok(
    result.findings.some(
      (f: { rule: string; severity: string }) => f.rule === 'R2' && f.severity === 'error',
    ),
  );
});

test('check: exit 2 when a file cannot be read, and the batch goes on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const r = check(empty, seed, '--json');
  assert.equal(r.code, 2);
  const results = JSON.parse(r.out);
  assert.equal(results.length, 2);
  assert.equal(results[0].error.code, 'report.empty');
  assert.equal(results[1].agency, '湘潭县信访局');
});

test('check: readable Chinese output with the tables and findings', () => {
  const r = check(seed);
  assert.equal(r.code, 0);
  assert.match(r.out, /机关：湘潭县信访局/);
  assert.match(r.out, /表3 收到和处理政府信息公开申请情况/);
  assert.match(r.out, /警告（\d+）/);
});
