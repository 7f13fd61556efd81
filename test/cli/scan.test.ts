import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  docx,
  docxCases,
  encryptedPdf,
  pdf,
  pdfCases,
  xlsx,
  xlsxCases,
} from '../catalog/hostileFiles.ts';
import { gongkai, gongkaiInProcess, tempDataDir } from '../support/cli.ts';

const dir = tempDataDir();
async function write(name: string, data: Buffer | Promise<Buffer>): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await data);
  return path;
}
const caseFile = (cases: typeof docxCases, name: string) =>
  cases.find((c) => c.name === name)!.file();

test('gongkai scan: clean files exit 0 with a Chinese summary', async () => {
  const files = [
    await write('clean.docx', docx()),
    await write('clean.xlsx', xlsx()),
    await write('clean.pdf', pdf()),
  ];
  // One real process for the scan family; the other cases run in process.
  const r = gongkai(['scan', ...files]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.match(/未发现个人信息或隐藏内容/g)?.length, 3);
  assert.match(r.stdout, /共检查3个文件：0个有发现，0个无法完整读取/);
});

test('gongkai scan --json: one object per file with kind, part and a masked excerpt; exit 1 on a finding', async () => {
  const header = await write('header.docx', caseFile(docxCases, 'header'));
  const note = await write('note.xlsx', caseFile(xlsxCases, 'note (legacy comment)'));
  const info = await write('info.pdf', caseFile(pdfCases, 'document information (Author)'));
  const clean = await write('clean2.pdf', pdf());
  const r = await gongkaiInProcess(['scan', header, note, info, clean, '--json']);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out, [
    {
      file: header,
      findings: [{ kind: 'id-number', part: 'word/header1.xml', excerpt: '430321********123X' }],
    },
    {
      file: note,
      findings: [
        { kind: 'docx-comment', part: 'xl/comments1.xml', excerpt: '有1条批注' },
        { kind: 'mobile', part: 'xl/comments1.xml', excerpt: '139****1234' },
      ],
    },
    { file: info, findings: [{ kind: 'mobile', part: 'info:Author', excerpt: '139****1234' }] },
    { file: clean, findings: [] },
  ]);
  assert.doesNotMatch(r.stdout, /13907321234/, 'nothing printed unmasked');
});

test('gongkai scan: an unreadable or missing file exits 2 with its error code, in JSON and in words', async () => {
  const locked = await write('locked.pdf', encryptedPdf());
  const header = await write('header2.docx', caseFile(docxCases, 'header'));
  const missing = join(dir, 'missing.docx');
  const json = await gongkaiInProcess(['scan', '--json', header, locked, missing]);
  assert.equal(json.code, 2);
  const out = JSON.parse(json.stdout);
  assert.equal(out.length, 3);
  assert.equal(out[1].error.code, 'scan.encrypted');
  assert.deepEqual(out[1].findings, []);
  assert.equal(out[2].error.code, 'scan.missing');
  const words = await gongkaiInProcess(['scan', locked]);
  assert.equal(words.code, 2);
  assert.match(words.stdout, /无法完整读取（scan\.encrypted）：PDF 文件有打开密码/);
});

test('gongkai scan: no file or an unknown option is a usage error (exit 2, Chinese)', async () => {
  const none = await gongkaiInProcess(['scan']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /用法：gongkai scan/);
  const bad = await gongkaiInProcess(['scan', '--xml', 'a.docx']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /参数错误/);
});
