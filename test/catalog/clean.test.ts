import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanOfficeFile } from '../../src/catalog/attachments/clean.ts';
import { scanFile } from '../../src/catalog/attachments/scan.ts';
import { docxCases, phone, xlsxCases } from './hostileFiles.ts';

const cleanable: [string, typeof docxCases, 'docx' | 'xlsx'][] = [
  ['core properties', docxCases, 'docx'],
  ['app properties', docxCases, 'docx'],
  ['custom properties', docxCases, 'docx'],
  ['comment', docxCases, 'docx'],
  ['comment author', docxCases, 'docx'],
  ['deleted revision', docxCases, 'docx'],
  ['hidden text <w:vanish/>', docxCases, 'docx'],
  ['hidden text <w:vanish w:val="on"/>', docxCases, 'docx'],
  ['hidden text in a header', docxCases, 'docx'],
  ['note (legacy comment)', xlsxCases, 'xlsx'],
  ['threaded comment', xlsxCases, 'xlsx'],
  ['core properties', xlsxCases, 'xlsx'],
  ['custom properties', xlsxCases, 'xlsx'],
];

for (const [name, cases, kind] of cleanable)
  test(`the cleaned copy of a ${kind} with personal data in its ${name} scans clean`, async () => {
    const data = await cases.find((c) => c.name === name)!.file();
    assert.notDeepEqual((await scanFile(data, `a.${kind}`)).findings, []);
    const copy = await cleanOfficeFile(kind, data);
    assert.notDeepEqual(copy.changed, []);
    const again = await scanFile(copy.data, `a.${kind}`);
    assert.equal(again.error, undefined);
    const left = again.findings.filter(
      (f) => f.kind !== 'mobile' || !again.searchText.includes(phone),
    );
    assert.deepEqual(left, [], JSON.stringify(again.findings));
  });

test('an inserted revision is accepted: its text stays (and is still found), the mark goes', async () => {
  const data = await docxCases.find((c) => c.name === 'inserted revision')!.file();
  const copy = await cleanOfficeFile('docx', data);
  const scan = await scanFile(copy.data, 'a.docx');
  assert.ok(scan.searchText.includes(`联系电话${phone}`), 'the insertion stays');
  assert.deepEqual(
    scan.findings.map((f) => [f.kind, f.part]),
    [['mobile', 'word/document.xml']],
  );
});

test('what cleaning cannot remove (visible text, hidden sheets, images) stays found', async () => {
  for (const [name, cases, kind] of [
    ['body', docxCases, 'docx'],
    ['image', docxCases, 'docx'],
    ['hidden sheet', xlsxCases, 'xlsx'],
    ['hidden row', xlsxCases, 'xlsx'],
  ] as const) {
    const copy = await cleanOfficeFile(kind, await cases.find((c) => c.name === name)!.file());
    assert.notDeepEqual((await scanFile(copy.data, `a.${kind}`)).findings, [], name);
  }
});

test('PDF and images have no cleaned copy', async () => {
  await assert.rejects(cleanOfficeFile('pdf', Buffer.from('%PDF-1.4')), {
    code: 'catalog.clean.kind',
  });
});
