import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AnnualReport } from '../../../src/report/model.ts';
import { parseDocx } from '../../../src/report/parse/docx.ts';
import { parseHtml } from '../../../src/report/parse/html.ts';
import { parseFile } from '../../../src/report/parse/index.ts';
import { parseMarkdown } from '../../../src/report/parse/markdown.ts';
import { parseReportJson } from '../../../src/report/parse/reportJson.ts';
import { parseText } from '../../../src/report/parse/text.ts';
import { parseXlsx } from '../../../src/report/parse/xlsx.ts';
import { renderDocx } from '../../../src/report/render/docx.ts';
import { renderHtml } from '../../../src/report/render/html.ts';
import { renderJson } from '../../../src/report/render/json.ts';
import { renderMarkdown } from '../../../src/report/render/markdown.ts';
import { renderXlsx } from '../../../src/report/render/xlsx.ts';
import { seedPath } from '../../support/shared.ts';
import { reportArb } from './arbitrary.ts';
import { assertSameReport } from './roundtrip.ts';

const seed = parseText(readFileSync(seedPath, 'utf8')).report;

const formats: [string, (r: AnnualReport) => Promise<AnnualReport>][] = [
  ['html', async (r) => parseHtml(renderHtml(r)).report],
  ['md', async (r) => parseMarkdown(renderMarkdown(r)).report],
  ['json', async (r) => parseReportJson(renderJson(r))],
  ['docx', async (r) => (await parseDocx(await renderDocx(r))).report],
  ['xlsx', async (r) => (await parseXlsx(await renderXlsx(r))).report],
  [
    'xlsx (printed sheet only)',
    async (r) => (await parseXlsx(await renderXlsx(r), { layoutOnly: true })).report,
  ],
];

test('the seed report is complete before the round trips', () => {
  assert.equal(seed.agency, '湘潭县信访局');
  assert.equal(Object.keys(seed.cells).length, 200);
});

for (const [name, roundTrip] of formats)
  test(`seed: render → parse is the identity for ${name}`, async () => {
    assertSameReport(await roundTrip(seed), seed, { sections: name !== 'json' });
  });

test('json keeps everything, uncertain candidates and notes included', async () => {
  await fc.assert(
    fc.asyncProperty(reportArb({ withUncertain: true }), async (report) => {
      const withNotes = { ...report, title: '标题', cellNotes: { 't3.new.np': '16件' } };
      assert.deepEqual(parseReportJson(renderJson(withNotes)), withNotes);
    }),
    { numRuns: 60 },
  );
});

const runs: Record<string, number> = { html: 80, md: 80, json: 40, docx: 20, xlsx: 15 };

for (const [name, roundTrip] of formats)
  for (const consistent of [true, false])
    test(`property: ${name} round trip of ${consistent ? 'consistent' : 'inconsistent'} reports`, async () => {
      await fc.assert(
        fc.asyncProperty(reportArb({ consistent, withUncertain: !consistent }), async (report) => {
          assertSameReport(await roundTrip(report), report, { sections: name !== 'json' });
        }),
        { numRuns: Math.ceil((runs[name.split(' ')[0]] ?? 10) / 2) },
      );
    });

test('parseFile dispatches rendered files by extension', async () => {
  const report = fc.sample(reportArb({ consistent: true }), { numRuns: 1, seed: 7 })[0];
  const files: [string, Buffer | string][] = [
    ['r.html', renderHtml(report)],
    ['r.md', renderMarkdown(report)],
    ['r.json', renderJson(report)],
    ['r.docx', await renderDocx(report)],
    ['r.xlsx', await renderXlsx(report)],
  ];
  for (const [name, data] of files) {
    const { report: parsed } = await parseFile(Buffer.from(data), name);
    assertSameReport(parsed, report);
  }
});
