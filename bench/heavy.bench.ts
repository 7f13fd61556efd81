/**
 * Heavy uploads and the event loop, side by side in one run: the longest event-loop stall (what
 * a `/healthz` request arriving meanwhile would wait at least) while a hostile PDF (5,000 small
 * pages) and a hostile XLSX (sheet unpacking to 28 MB) are extracted — in the request's thread
 * as before, and through the worker pool with its default limits. Prints; the results are
 * recorded in bench/RESULTS.md by hand with the load average.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { extractAttachmentText } from '../src/catalog/attachments/extract.ts';
import type { AttachmentKind } from '../src/catalog/attachments/fileType.ts';
import { pooledAttachmentText } from '../src/jobs/attachmentText.ts';
import { JobPool } from '../src/jobs/pool.ts';
import { bigSheetXlsx, manyPagePdf } from '../test/jobs/hostileFiles.ts';

type Extract = typeof extractAttachmentText;

async function measure(extract: Extract, kind: AttachmentKind, data: Buffer, name: string) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = performance.now();
  const result = await extract(kind, data, name);
  const wall = performance.now() - start;
  delay.disable();
  const outcome = result.hidden.some((h) => h.kind === 'unreadable')
    ? `unreadable: ${result.hidden[0].excerpt.slice(0, 40)}`
    : `${result.text.length} chars`;
  return { wallMs: Math.round(wall), maxStallMs: Math.round(delay.max / 1e6), outcome };
}

export async function run() {
  const pdf = manyPagePdf(Number(process.env.BENCH_PDF_PAGES ?? 5000));
  const xlsx = await bigSheetXlsx(Number(process.env.BENCH_XLSX_ROWS ?? 40_000));
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`pdf ${(pdf.length / 1e6).toFixed(2)} MB, xlsx ${(xlsx.length / 1e6).toFixed(2)} MB`);
  const pool = new JobPool({ threads: 1 });
  try {
    // Warm the worker (its start-up is not the upload's cost).
    await pooledAttachmentText(pool)('pdf', manyPagePdf(1), 'warm.pdf');
    for (const [kind, data, name] of [
      ['pdf', pdf, 'hostile.pdf'],
      ['xlsx', xlsx, 'hostile.xlsx'],
    ] as const) {
      const before = await measure(extractAttachmentText, kind, data, name);
      const after = await measure(pooledAttachmentText(pool), kind, data, name);
      console.log(`${name} in-thread: ${JSON.stringify(before)}`);
      console.log(`${name} pooled:    ${JSON.stringify(after)}`);
    }
  } finally {
    await pool.close();
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
