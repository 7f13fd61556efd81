import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanFile } from '../../src/catalog/attachments/scan.ts';
import { pngBytes } from './fixtures.ts';
import {
  damagedDocx,
  docx,
  docxCases,
  encryptedPdf,
  type HostileCase,
  idNumber,
  pdf,
  pdfCases,
  xlsx,
  xlsxCases,
  zipBombDocx,
} from './hostileFiles.ts';

function suite(format: string, cases: HostileCase[], ext: string) {
  describe(`privacy scan: ${format}, one hostile file per part`, () => {
    for (const c of cases)
      test(c.name, async () => {
        const result = await scanFile(await c.file(), `hostile.${ext}`);
        assert.equal(result.error, undefined, JSON.stringify(result.error));
        const found = result.findings.map((f) => [f.kind, f.part]);
        for (const expected of c.expect)
          assert.ok(
            found.some(([k, p]) => k === expected[0] && p === expected[1]),
            `${expected.join(' in ')} not among ${JSON.stringify(found)}`,
          );
        for (const f of result.findings) {
          assert.equal(f.source, `hostile.${ext}`);
          assert.ok(!f.excerpt.includes(idNumber), 'the excerpt is masked');
          assert.ok(!f.excerpt.includes('13907321234'), 'the excerpt is masked');
        }
      });
  });
}

suite('DOCX', docxCases, 'docx');
suite('XLSX', xlsxCases, 'xlsx');
suite('PDF', pdfCases, 'pdf');

describe('privacy scan: clean files and files it cannot read', () => {
  test('a clean file of each format has no finding', async () => {
    for (const [name, data] of [
      ['clean.docx', await docx()],
      ['clean.xlsx', await xlsx()],
      ['clean.pdf', pdf()],
    ] as const) {
      const result = await scanFile(data, name);
      assert.deepEqual(result.findings, [], name);
      assert.equal(result.error, undefined);
      assert.notEqual(result.searchText, '', `${name} has searchable text`);
    }
  });

  test('w:vanish switched off is not hidden text', async () => {
    const data = await docx(
      '<w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>正文</w:t></w:r></w:p><w:p><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>正文</w:t></w:r></w:p>',
    );
    assert.deepEqual((await scanFile(data, 'a.docx')).findings, []);
  });

  test('an image cannot be scanned', async () => {
    const result = await scanFile(pngBytes, 'photo.png');
    assert.deepEqual(
      result.findings.map((f) => f.kind),
      ['unscannable'],
    );
    assert.equal(result.error, undefined);
  });

  const unreadable: [string, () => Promise<Buffer> | Buffer, string][] = [
    ['a password-protected PDF', encryptedPdf, 'scan.encrypted'],
    [
      'an encrypted Office file (OLE container)',
      () => Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'),
      'scan.encrypted',
    ],
    ['a damaged zip', () => Buffer.from('PK\x03\x04garbage'), 'scan.damaged'],
    ['a docx with a damaged part', damagedDocx, 'scan.damaged'],
    ['a zip bomb', zipBombDocx, 'scan.too-large'],
    ['a PDF that is not one', () => Buffer.from('%PDF-1.4\n%garbage only\n'), 'scan.damaged'],
    ['an unknown format', () => Buffer.from('MZ\x90\x00 an executable'), 'scan.format'],
    ['an empty file', () => Buffer.alloc(0), 'scan.empty'],
  ];
  for (const [name, file, code] of unreadable)
    test(`${name} is unreadable (${code}) and blocked`, async () => {
      const result = await scanFile(await file(), 'bad');
      assert.equal(result.error?.code, code, JSON.stringify(result.error));
      assert.match(result.error!.message, /[\u4e00-\u9fff]/);
      assert.deepEqual(
        result.findings.map((f) => f.kind),
        ['unreadable'],
      );
    });
});
