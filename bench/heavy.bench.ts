/**
 * Heavy uploads and the event loop, side by side in one run: the longest event-loop stall (what
 * a `/healthz` request arriving meanwhile would wait at least) while a hostile PDF (5,000 small
 * pages) and a hostile XLSX (sheet unpacking to 28 MB) are scanned — in the request's thread
 * as before, and through the worker pool with its default limits. Prints; the results are
 * recorded in bench/RESULTS.md by hand with the load average.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { scanFile } from '../src/catalog/attachments/scan.ts';
import { pooledAttachmentScan } from '../src/jobs/attachmentScan.ts';
import { JobPool } from '../src/jobs/pool.ts';
import { bigSheetXlsx, manyPagePdf } from '../test/jobs/hostileFiles.ts';

type Scan = typeof scanFile;

async function measure(scan: Scan, data: Buffer, name: string) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = performance.now();
  const result = await scan(data, name);
  const wall = performance.now() - start;
  delay.disable();
  const outcome = result.error
    ? `unreadable: ${result.error.message.slice(0, 40)}`
    : `${result.searchText.length} chars`;
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
    await pooledAttachmentScan(pool)(manyPagePdf(1), 'warm.pdf');
    for (const [data, name] of [
      [pdf, 'hostile.pdf'],
      [xlsx, 'hostile.xlsx'],
    ] as const) {
      const before = await measure(scanFile, data, name);
      const after = await measure(pooledAttachmentScan(pool), data, name);
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
