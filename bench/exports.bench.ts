/**
 * The portal while draft reports are exported as PDF (issue 14: portal p95 < 2× its idle figure):
 * `gongkai serve` with the demo; one client reads a portal page in a loop, first alone
 * (BENCH_EXPORTS_IDLE_SECONDS, default 20), then while 8 staff requests each export a different
 * draft (示例县's departments, 2025) as PDF — LibreOffice converts one at a time by default.
 * Prints both figures side by side; recorded in bench/RESULTS.md by hand with the load average.
 */
import { cpSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openDatabase } from '../src/db/open.ts';
import { loadDemo } from '../src/demo/load.ts';
import { gongkaiServer, tempDataDir } from '../test/support/cli.ts';
import { HttpClient } from '../test/support/http.ts';

const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 8);
const PORTAL = '/a/xiangtan-xfj';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
  return { n: sorted.length, p50: Math.round(at(0.5)), p95: Math.round(at(0.95)) };
}

/** Portal page latencies until `until` settles (one client, closed loop, 20 ms apart). */
async function portalWhile(base: string, until: Promise<unknown>) {
  let running = true;
  void until.finally(() => {
    running = false;
  });
  const latencies: number[] = [];
  while (running) {
    const t0 = performance.now();
    const res = await fetch(`${base}${PORTAL}`);
    await res.text();
    if (res.status !== 200) throw new Error(`portal answered ${res.status}`);
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return summary(latencies);
}

export async function run() {
  const demoDir = tempDataDir();
  const dir = tempDataDir();
  const database = await openDatabase({ dataDir: demoDir, url: '' });
  await loadDemo(database.db);
  await database.close();
  cpSync(demoDir, dir, { recursive: true });
  const server = gongkaiServer(
    ['serve', '--port', '0', '--host', '127.0.0.1'],
    { GONGKAI_DATA_DIR: dir },
    /http:\/\/localhost:(\d+)\//,
  );
  try {
    const base = `http://127.0.0.1:${(await server.started)[1]}`;
    console.log(`load average at the start ${load()}`);
    const staff = new HttpClient(base);
    if (!(await staff.login('sl-supervisor', 'gongkai-demo'))) throw new Error('cannot log in');
    const county = await staff.get('/admin/shili/county/2025');
    const members = [...county.text.matchAll(/data-agency="(shili-[a-z0-9-]+)"/g)].map((m) => m[1]);
    if (members.length < EXPORTS) throw new Error(`only ${members.length} departments`);
    const idleSeconds = Number(process.env.BENCH_EXPORTS_IDLE_SECONDS ?? 20);
    const idle = await portalWhile(base, new Promise((r) => setTimeout(r, idleSeconds * 1000)));
    const t0 = performance.now();
    const exports = Promise.all(
      members.slice(0, EXPORTS).map(async (code) => {
        const started = performance.now();
        const res = await fetch(`${base}/admin/${code}/reports/2025/export/pdf`, {
          headers: { cookie: staff.cookieHeader() },
        }).catch((error: Error) => error);
        if (res instanceof Error)
          return `${Math.round(performance.now() - started)} (${res.message})`;
        const body = Buffer.from(await res.arrayBuffer());
        const ms = Math.round(performance.now() - started);
        if (res.status === 200 && body.subarray(0, 5).toString() === '%PDF-') return `${ms}`;
        // A refusal (LibreOffice's queue full, its time limit) is counted, not a crash of the bench.
        const message = body.toString().match(/<p[^>]*>([^<]{4,120})</)?.[1] ?? '';
        return `${ms} (${res.status} ${message})`;
      }),
    );
    const during = await portalWhile(base, exports);
    const each = await exports;
    console.log(
      `portal ${PORTAL}: idle p50/p95 ${idle.p50}/${idle.p95} ms (${idle.n} requests); during ${EXPORTS} PDF exports p50/p95 ${during.p50}/${during.p95} ms (${during.n} requests); ratio p95 ${(during.p95 / idle.p95).toFixed(2)}×`,
    );
    console.log(
      `exports all done in ${Math.round(performance.now() - t0)} ms; each ${each.join(', ')} ms`,
    );
    console.log(`load average at the end ${load()}`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
    rmSync(demoDir, { recursive: true, force: true });
  }
}
