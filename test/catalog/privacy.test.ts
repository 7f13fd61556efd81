import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectAttachmentKind } from '../../src/catalog/attachments/fileType.ts';
import { scanFile } from '../../src/catalog/attachments/scan.ts';
import {
  isValidIdNumber,
  isValidUscc,
  passesLuhn,
  withIdCheck,
  withUsccCheck,
} from '../../src/catalog/identifiers.ts';
import { formatIndexNumber, indexPrefix, parseIndexNumber } from '../../src/catalog/indexNumber.ts';
import { scanText } from '../../src/catalog/privacy.ts';
import { docxWith, pdfWith, pngBytes, xlsxWith } from './fixtures.ts';

const id = withIdCheck('43032119850312123');
const kinds = (text: string) => scanText(text, '正文').map((f) => f.kind);

describe('identifiers', () => {
  test('ID number checksum and birth date', () => {
    assert.equal(isValidIdNumber('11010519491231002X'), true);
    assert.equal(isValidIdNumber('110105194912310021'), false);
    assert.equal(isValidIdNumber(withIdCheck('43032119851332123')), false, 'month 13');
  });
  test('Luhn and USCC check characters', () => {
    assert.equal(passesLuhn('4111111111111111'), true);
    assert.equal(passesLuhn('4111111111111112'), false);
    assert.equal(isValidUscc('91350100M000100Y43'), true);
    assert.equal(isValidUscc('91350100M000100Y44'), false);
  });
});

describe('scanText', () => {
  test('finds a valid ID number and masks it; ignores one with a bad check digit', () => {
    const findings = scanText(`来访人身份证号${id}。`, '正文');
    assert.deepEqual(
      findings.map((f) => f.kind),
      ['id-number'],
    );
    assert.equal(findings[0].excerpt, `430321********${id.slice(-4)}`);
    const bad = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    assert.deepEqual(kinds(`号码${bad}`), []);
  });
  test('mobile numbers, with spaces or +86, but not landlines or longer digit runs', () => {
    assert.deepEqual(kinds('电话13907321234'), ['mobile']);
    assert.deepEqual(kinds('电话 +86 139-0732-1234'), ['mobile']);
    assert.deepEqual(kinds('电话0731-57822610'), []);
    assert.deepEqual(kinds('编号2139073212345'), []);
  });
  test('bank card numbers only when Luhn holds', () => {
    assert.deepEqual(kinds('卡号 4111 1111 1111 1111'), ['bank-card']);
    assert.deepEqual(kinds('卡号 4111 1111 1111 1112'), []);
  });
  test('USCC only for individuals (92…) or in a person’s context', () => {
    const company = withUsccCheck('91430321MA4L00001');
    const individual = withUsccCheck('92430321MA4L00001');
    assert.deepEqual(kinds(`中标单位：某某建设有限公司（${company}）`), []);
    assert.deepEqual(kinds(`处罚对象：${individual}`), ['uscc-person']);
    assert.deepEqual(kinds(`经营者张某某，统一社会信用代码${company}`), ['uscc-person']);
  });
});

describe('attachments', () => {
  test('type comes from the content, not the name', async () => {
    assert.equal(await detectAttachmentKind(await xlsxWith({})), 'xlsx');
    assert.equal(await detectAttachmentKind(await docxWith({ paragraphs: ['x'] })), 'docx');
    assert.equal(await detectAttachmentKind(pdfWith('hello')), 'pdf');
    assert.equal(await detectAttachmentKind(pngBytes), 'png');
    await assert.rejects(detectAttachmentKind(Buffer.from('MZ\x90\x00 not a pdf')), {
      code: 'catalog.file.type',
    });
    await assert.rejects(detectAttachmentKind(Buffer.from('<html><script>')), {
      code: 'catalog.file.type',
    });
    await assert.rejects(detectAttachmentKind(Buffer.alloc(0)), { code: 'catalog.file.empty' });
  });

  test('a hidden xlsx sheet (written by exceljs) is reported and its personal data found', async () => {
    const data = await xlsxWith({
      hiddenSheet: [
        ['姓名', '身份证号'],
        ['李某', id],
      ],
    });
    const out = await scanFile(data, '统计表.xlsx');
    assert.deepEqual(
      out.findings.map((h) => [h.kind, h.where]),
      [
        ['hidden-sheet', '名单'],
        ['id-number', undefined],
      ],
    );
  });

  test('hidden rows and columns are reported; a clean sheet gives nothing', async () => {
    const out = await scanFile(await xlsxWith({ hiddenRow: true, hiddenColumn: true }), 'a.xlsx');
    assert.deepEqual(out.findings.map((h) => h.kind).sort(), ['hidden-columns', 'hidden-rows']);
    const clean = await scanFile(await xlsxWith({}), 'b.xlsx');
    assert.deepEqual(clean.findings, []);
    assert.match(clean.searchText, /来信/);
  });

  test('docx comments and tracked changes are reported; deleted text is scanned', async () => {
    const data = await docxWith({
      paragraphs: ['关于信访事项的答复'],
      comment: '请核实当事人电话13812345678',
      tracked: true,
    });
    const out = await scanFile(data, '答复.docx');
    assert.deepEqual(
      out.findings.map((h) => [h.kind, h.part]),
      [
        ['docx-comment', 'word/comments.xml'],
        ['tracked-change', 'word/document.xml'],
        ['mobile', 'word/comments.xml'],
        ['mobile', 'word/document.xml'],
      ],
    );
    assert.match(out.searchText, /关于信访事项的答复/);
    const clean = await scanFile(await docxWith({ paragraphs: ['正文'] }), 'c.docx');
    assert.deepEqual(clean.findings, []);
  });

  test('pdf text is extracted and scanned', async () => {
    const out = await scanFile(pdfWith(`ID ${id}`), 'x.pdf');
    assert.deepEqual(
      out.findings.map((f) => [f.kind, f.part]),
      [['id-number', 'page p.1']],
    );
  });

  test('a broken file is reported as unreadable rather than passed', async () => {
    const out = await scanFile(Buffer.from('PK\x03\x04garbage'), 'bad.xlsx');
    assert.deepEqual(
      out.findings.map((h) => h.kind),
      ['unreadable'],
    );
  });
});

describe('索引号', () => {
  test('national form from the USCC, tolerant parsing, fallback to the site code', () => {
    const prefix = indexPrefix({ uscc: '11430321MB16134126', code: 'x' });
    assert.equal(
      formatIndexNumber({ prefix, year: 2021, serial: 7 }),
      '11430321MB16134126/2021-00007',
    );
    assert.equal(
      formatIndexNumber({ prefix, year: 2021, serial: 123456 }),
      '11430321MB16134126/2021-123456',
    );
    assert.deepEqual(parseIndexNumber('000014349/2018-00222'), {
      prefix: '000014349',
      year: 2018,
      serial: 222,
    });
    assert.deepEqual(parseIndexNumber('11341702486344515H/202110-00013'), {
      prefix: '11341702486344515H',
      year: 2021,
      serial: 13,
    });
    assert.equal(parseIndexNumber('tongjiju/2023-00075'), null);
    assert.equal(
      indexPrefix({ uscc: '0142768-8', code: 'x' }),
      'x',
      'an 8-character code is not an org code',
    );
    assert.equal(indexPrefix({ uscc: '01527918-X', code: 'x' }), '01527918X');
    assert.equal(indexPrefix({ uscc: null, code: 'tongjiju' }), 'tongjiju');
    assert.throws(() => formatIndexNumber({ prefix, year: 2021, serial: 0 }), {
      code: 'catalog.index.serial',
    });
  });
});
