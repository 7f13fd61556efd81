/**
 * Heavy uploads and the event loop, side by side in one run: the longest event-loop stall (what
 * a `/healthz` request arriving meanwhile would wait at least) while a hostile PDF (5,000 small
 * pages) and a hostile XLSX (sheet unpacking to 28 MB) are scanned — in the request's thread
 * as before, and through the worker pool with its default limits. Then, over HTTP: `gongkai
 * serve` (demo loaded) with PGlite in process (GONGKAI_PGLITE_THREAD=off, before) and in its
 * thread (the default), a drafter uploads both files to a publication while a client requests
 * `/healthz` in a loop; its worst and p99 latency are printed (BENCH_HEAVY_SERVER=0 skips this).
 * Prints; the results are recorded in bench/RESULTS.md by hand with the load average.
 */
import { cpSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { scanFile } from '../src/catalog/attachments/scan.ts';
import { openDatabase } from '../src/db/open.ts';
import { loadDemo } from '../src/demo/load.ts';
import { pooledAttachmentScan } from '../src/jobs/attachmentScan.ts';
import { JobPool } from '../src/jobs/pool.ts';
import { bigSheetXlsx, manyPagePdf } from '../test/jobs/hostileFiles.ts';
import { gongkaiServer, tempDataDir } from '../test/support/cli.ts';
import { HttpClient } from '../test/support/http.ts';

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

/** `/healthz` latencies while a drafter uploads the files to a served demo deployment. */
async function healthzDuringUploads(demoDir: string, thread: boolean, files: [string, Buffer][]) {
  const dir = tempDataDir();
  cpSync(demoDir, dir, { recursive: true });
  const server = gongkaiServer(
    ['serve', '--port', '0', '--host', '127.0.0.1'],
    { GONGKAI_DATA_DIR: dir, GONGKAI_PGLITE_THREAD: thread ? 'on' : 'off' },
    /http:\/\/localhost:(\d+)\//,
    // BENCH_HEAVY_PROFILE=dir: a CPU profile of the server (each thread) for reading its stalls.
    process.env.BENCH_HEAVY_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HEAVY_PROFILE}`]
      : [],
  );
  try {
    const base = `http://127.0.0.1:${(await server.started)[1]}`;
    const drafter = new HttpClient(base);
    if (!(await drafter.login('xfj-drafter', 'gongkai-demo'))) throw new Error('cannot log in');
    const catalog = '/admin/xiangtan-xfj/catalog';
    const form = await drafter.get(`${catalog}/new`);
    const created = await drafter.post(`${catalog}/new`, {
      categoryId: form.text.match(/<option value="(\d+)"/)?.[1] ?? '',
      title: '附件压力测试',
      docNumber: '',
      madeOn: '2025-03-01',
      issuer: '湘潭县信访局',
      topic: '',
      keywords: '',
      summary: '',
      body: '附件压力测试。',
    });
    if (!created.location) throw new Error(`no publication created (${created.status})`);
    await drafter.get(created.location);
    const results: string[] = [];
    for (const [name, data] of files) {
      const latencies: number[] = [];
      let failures = 0;
      let uploading = true;
      const probe = (async () => {
        while (uploading) {
          const t0 = performance.now();
          // A reset connection is counted (as an error) at the time it took, not a crash of the bench.
          await fetch(`${base}/healthz`)
            .then((r) => r.text())
            .catch(() => failures++);
          latencies.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      const t0 = performance.now();
      const res = await drafter.upload(`${created.location}/attachments`, name, data);
      const wall = performance.now() - t0;
      uploading = false;
      await probe;
      latencies.sort((a, b) => a - b);
      const p99 = latencies[Math.floor(0.99 * (latencies.length - 1))];
      results.push(
        `${name}: upload ${Math.round(wall)} ms (status ${res.status}); /healthz ${latencies.length} requests (${failures} failed), p99 ${Math.round(p99)} ms, worst ${Math.round(latencies.at(-1) ?? 0)} ms`,
      );
    }
    return results;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serverRuns(files: [string, Buffer][]) {
  const demoDir = tempDataDir();
  try {
    const database = await openDatabase({ dataDir: demoDir, url: '' });
    await loadDemo(database.db);
    await database.close();
    // BENCH_HEAVY_THREAD=only: the default (PGlite in its thread) alone, on a loaded machine.
    const threads = process.env.BENCH_HEAVY_THREAD === 'only' ? [true] : [false, true];
    for (const thread of threads) {
      const lines = await healthzDuringUploads(demoDir, thread, files);
      for (const line of lines)
        console.log(`served, PGlite ${thread ? 'in its thread' : 'in process'}: ${line}`);
    }
  } finally {
    rmSync(demoDir, { recursive: true, force: true });
  }
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
  // BENCH_HEAVY_SCANS=0: only the served runs.
  const pool = process.env.BENCH_HEAVY_SCANS === '0' ? undefined : new JobPool({ threads: 1 });
  if (pool)
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
  if (process.env.BENCH_HEAVY_SERVER !== '0')
    await serverRuns([
      ['hostile.pdf', pdf],
      ['hostile.xlsx', xlsx],
    ]);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
