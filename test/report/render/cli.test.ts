import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mock, test } from 'node:test';
import { run } from '../../../src/cli/render.ts';
import { parseDocx } from '../../../src/report/parse/docx.ts';
import { parseHtml } from '../../../src/report/parse/html.ts';
import { parseText } from '../../../src/report/parse/text.ts';
import { renderJson } from '../../../src/report/render/json.ts';
import { seedPath } from '../../support/shared.ts';

const root = new URL('../../../', import.meta.url).pathname;
const seed = seedPath;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-render-'));
const seedReport = parseText(readFileSync(seed, 'utf8')).report;

/** Runs `gongkai render` in-process, returning the exit code and what went to stderr. */
async function render(...args: string[]) {
  const errors = mock.method(console, 'error', () => {});
  try {
    const code = await run(args);
    return { code, err: errors.mock.calls.map((c) => c.arguments.join(' ')).join('\n') };
  } finally {
    errors.mock.restore();
  }
}

test('bin/gongkai render: txt → json on stdout', () => {
  const r = spawnSync('./bin/gongkai', ['render', seed, '--to', 'json'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.schema, 'gongkai.annual-report/1');
  assert.equal(doc.agency, '湘潭县信访局');
  assert.deepEqual(doc.cells, seedReport.cells);
});

test('render json → docx → html keeps the cells', async () => {
  const jsonFile = join(dir, 'seed.json');
  writeFileSync(jsonFile, renderJson(seedReport));
  const docxFile = join(dir, 'seed.docx');
  assert.equal((await render(jsonFile, '--to', 'docx', '-o', docxFile)).code, 0);
  assert.deepEqual((await parseDocx(readFileSync(docxFile))).report.cells, seedReport.cells);
  const htmlFile = join(dir, 'seed.html');
  assert.equal((await render(docxFile, '--to', 'html', '-o', htmlFile)).code, 0);
  assert.deepEqual(parseHtml(readFileSync(htmlFile)).report.cells, seedReport.cells);
});

test('render reads `check --json` output and picks a result with --index', async () => {
  const file = join(dir, 'check.json');
  const result = {
    file: 'x.txt',
    agency: '湘潭县信访局',
    year: 2021,
    formatVersion: '2021',
    cells: seedReport.cells,
    uncertain: ['t3.new.np'],
    findings: [],
  };
  writeFileSync(file, JSON.stringify([{ ...result, agency: '别的机关' }, result]));
  const out = join(dir, 'second.md');
  assert.equal((await render(file, '--to', 'md', '--index', '1', '-o', out)).code, 0);
  const md = readFileSync(out, 'utf8');
  assert.match(md, /^# 湘潭县信访局2021年政府信息公开工作年度报告/);
  assert.match(md, /\| 一、本年新收政府信息公开申请数量 \| {2}\| {2}\| \? \|/);
  const bad = await render(file, '--to', 'md', '--index', '2');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--index 2 超出范围/);
});

test('bad input: exit 2 with a Chinese message', async () => {
  const binary = await render(seed, '--to', 'docx');
  assert.equal(binary.code, 2);
  assert.match(binary.err, /二进制格式.*-o/);
  const format = await render(seed, '--to', 'rtf');
  assert.equal(format.code, 2);
  assert.match(format.err, /--to 必须是/);
  const missing = await render(join(dir, 'nope.html'), '--to', 'md');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /无法读取/);
  const empty = join(dir, 'empty.pdf');
  writeFileSync(empty, '');
  const e = await render(empty, '--to', 'md');
  assert.equal(e.code, 2);
  assert.match(e.err, /空/);
  assert.equal((await render('--to', 'md')).code, 2);
  assert.equal((await render(seed, '--to', 'md', '--bogus')).code, 2);
});
