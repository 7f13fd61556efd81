import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { findAnnualReportRow, getVersion, versionReport } from '../../src/db/annual.ts';
import { annualReportFiles } from '../../src/db/schema/annual.ts';
import { draftPdf } from '../../src/jobs/draftPdf.ts';
import { docxToPdf, renderDocx } from '../../src/report/render/index.ts';
import { findLibreOffice } from '../../src/report/render/pdf.ts';
import { renderInProcess, versionFile } from '../../src/services/annual/workflow.ts';
import { describeEachDatabase } from '../support/databases.ts';

// LibreOffice behind a wrapper that logs each run's start and end: the real conversion, counted.
const dir = mkdtempSync(join(tmpdir(), 'gongkai-lo-'));
const log = join(dir, 'runs.log');
const office = await findLibreOffice();
const wrapper = join(dir, 'libreoffice');
writeFileSync(
  wrapper,
  `#!/bin/sh\necho start >> '${log}'\n'${office}' "$@"\nrc=$?\necho end >> '${log}'\nexit $rc\n`,
);
chmodSync(wrapper, 0o755);
process.env.GONGKAI_LIBREOFFICE = wrapper;
process.env.GONGKAI_PDF_CONCURRENCY = '1';
process.env.GONGKAI_PDF_QUEUE = '1';
after(() => rmSync(dir, { recursive: true, force: true }));

const runs = (): string[] => {
  try {
    return readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
};
const starts = () => runs().filter((l) => l === 'start').length;

describeEachDatabase(
  'LibreOffice queue and PDF cache',
  (database) => {
    let versionId: number;
    before(async () => {
      const db = database().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      versionId = (await findAnnualReportRow(db, agency.id, 2021))!.publishedVersionId!;
      await db
        .delete(annualReportFiles)
        .where(
          and(eq(annualReportFiles.versionId, versionId), eq(annualReportFiles.format, 'pdf')),
        );
    });

    test('conversions run one at a time; one more than the queue holds is refused as busy', async () => {
      const docx = await renderDocx(versionReport((await getVersion(database().db, versionId))!));
      writeFileSync(log, '');
      const first = docxToPdf(docx);
      const second = docxToPdf(docx);
      await assert.rejects(docxToPdf(docx), { code: 'render.busy' });
      const pdfs = await Promise.all([first, second]);
      for (const pdf of pdfs) assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.deepEqual(runs(), ['start', 'end', 'start', 'end']);
    });

    test("a published report's PDF is produced once, for requests at the same time and after, and stored", async () => {
      const db = database().db;
      writeFileSync(log, '');
      const [a, b] = await Promise.all([
        versionFile(db, versionId, 'pdf'),
        versionFile(db, versionId, 'pdf'),
      ]);
      assert.equal(a.subarray(0, 5).toString(), '%PDF-');
      assert.ok(a.equals(b));
      const [stored] = await db
        .select()
        .from(annualReportFiles)
        .where(
          and(eq(annualReportFiles.versionId, versionId), eq(annualReportFiles.format, 'pdf')),
        );
      assert.ok(Buffer.from(stored.data).equals(a));
      assert.ok((await versionFile(db, versionId, 'pdf')).equals(a));
      assert.equal(starts(), 1);
    });

    test('a draft PDF is converted once per content; changed content is converted again', async () => {
      const stored = versionReport((await getVersion(database().db, versionId))!);
      // The cache outlives a database: this run's draft must differ from the other run's.
      const report = { ...stored, agency: `${stored.agency}（${database().kind}）` };
      writeFileSync(log, '');
      const [a, b] = await Promise.all([
        draftPdf(report, renderInProcess),
        draftPdf(report, renderInProcess),
      ]);
      assert.ok(a.equals(b));
      assert.equal(starts(), 1);
      const changed = { ...report, agency: `${report.agency}（修订）` };
      await draftPdf(changed, renderInProcess);
      assert.equal(starts(), 2);
    });
  },
  { demo: true },
);
