import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AnnualReport } from '../../../src/report/model.ts';
import { parsePdf } from '../../../src/report/parse/pdf.ts';
import { parseText } from '../../../src/report/parse/text.ts';
import { fontconfigXml, renderPdf, renderPdfMany } from '../../../src/report/render/pdf.ts';
import { seedPath } from '../../support/shared.ts';
import { reportArb } from './arbitrary.ts';
import { assertSameReport } from './roundtrip.ts';

const seed = parseText(readFileSync(seedPath, 'utf8')).report;

// LibreOffice takes seconds to start: a handful of cases, one per kind, in one run.
const cases: [string, AnnualReport][] = [
  ['seed', seed],
  ['consistent 2021/2019', fc.sample(reportArb({ consistent: true }), { numRuns: 1, seed: 11 })[0]],
  ['inconsistent, blanks and slashes', fc.sample(reportArb(), { numRuns: 1, seed: 12 })[0]],
  [
    '2019 format',
    fc
      .sample(reportArb(), { numRuns: 40, seed: 13 })
      .find((r) => r.formatVersion === '2019') as AnnualReport,
  ],
];

test('pdf via LibreOffice: render → parse is the identity', async () => {
  const pdfs = await renderPdfMany(cases.map(([, r]) => r));
  for (const [i, [name, report]] of cases.entries()) {
    assert.equal(pdfs[i].subarray(0, 5).toString('latin1'), '%PDF-', name);
    const parsed = await parsePdf(pdfs[i]);
    assertSameReport(parsed.report, report);
    assert.deepEqual(parsed.uncertain, [], name);
  }
});

test('the fontconfig file maps the 公文 fonts to Noto CJK SC', () => {
  const xml = fontconfigXml();
  assert.match(xml, /<family>仿宋_GB2312<\/family><prefer><family>Noto Serif CJK SC/);
  assert.match(xml, /<family>方正小标宋简体<\/family><prefer><family>Noto Serif CJK SC/);
  assert.match(xml, /<family>黑体<\/family><prefer><family>Noto Sans CJK SC/);
});

test('without LibreOffice, pdf rendering fails with a Chinese GongkaiError', async () => {
  const saved = { path: process.env.PATH, lo: process.env.GONGKAI_LIBREOFFICE };
  process.env.PATH = '/nonexistent';
  delete process.env.GONGKAI_LIBREOFFICE;
  try {
    await assert.rejects(renderPdf(seed), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'render.no-libreoffice');
      assert.match(e.message, /LibreOffice/);
      assert.match(e.message, /安装/);
      return true;
    });
  } finally {
    process.env.PATH = saved.path;
    if (saved.lo !== undefined) process.env.GONGKAI_LIBREOFFICE = saved.lo;
  }
});
