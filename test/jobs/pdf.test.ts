import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { findAnnualReportRow, getVersion, versionReport } from '../../src/db/annual.ts';
import type { Database, Db } from '../../src/db/database.ts';
import { annualReportFiles } from '../../src/db/schema/annual.ts';
import { draftPdf } from '../../src/jobs/draftPdf.ts';
import { docxToPdf, renderDocx } from '../../src/report/render/index.ts';
import { findLibreOffice } from '../../src/report/render/pdf.ts';
import { renderInProcess, versionFile } from '../../src/services/annual/workflow.ts';
import { describeEachDatabase, freshPglite } from '../support/databases.ts';

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

/** The published 2021 report of the demo's 湘潭县信访局, with any stored PDF of it removed. */
async function publishedVersion(db: Db): Promise<number> {
  const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
  const versionId = (await findAnnualReportRow(db, agency.id, 2021))!.publishedVersionId!;
  await db
    .delete(annualReportFiles)
    .where(and(eq(annualReportFiles.versionId, versionId), eq(annualReportFiles.format, 'pdf')));
  return versionId;
}

// The queue and the draft cache live in the process, not the database: one database serves them.
describe('LibreOffice queue and draft PDF cache', () => {
  let database: Database;
  let versionId: number;
  before(async () => {
    database = await freshPglite({ demo: true });
    versionId = await publishedVersion(database.db);
  });
  after(() => database.close());

  test('conversions run one at a time; one more than the queue holds is refused as busy', async () => {
    const docx = await renderDocx(versionReport((await getVersion(database.db, versionId))!));
    writeFileSync(log, '');
    const first = docxToPdf(docx);
    const second = docxToPdf(docx);
    await assert.rejects(docxToPdf(docx), { code: 'render.busy' });
    const pdfs = await Promise.all([first, second]);
    for (const pdf of pdfs) assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual(runs(), ['start', 'end', 'start', 'end']);
  });

  test('a draft PDF is converted once per content; changed content is converted again', async () => {
    const report = versionReport((await getVersion(database.db, versionId))!);
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
});

describeEachDatabase(
  'the stored PDF of a published report',
  (database) => {
    let versionId: number;
    before(async () => {
      versionId = await publishedVersion(database().db);
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
  },
  { demo: true },
);
